import { amountBand } from './alert-payload.js';
import { REFERRAL_FIELDS, type PolicyField, type ReferralField, type RelayPolicy } from './policy.js';

const isReferralField = (field: PolicyField): field is ReferralField =>
  (REFERRAL_FIELDS as readonly string[]).includes(field);

/** One identifier of the scam as an officer would search for it (the address, domain, phone...). */
export interface ReferralIdentifier {
  /** The identifier kind the intelligence part normalizes it as (evm, tron, btc, domain, phone...). */
  kind: string;
  /** As people read it: the checksummed address, the Unicode domain, the E.164 phone. */
  display: string;
}

export interface ReferralReporterContact {
  name?: string;
  email?: string;
  phone?: string;
}

/** One report's reporter: whether they agreed to be contacted by police, and how, if they did. */
export interface ReferralReporter {
  consented: boolean;
  contact?: ReferralReporterContact;
}

/**
 * A confirmed scam-report cluster referred to police partners: what the cluster says about the
 * scammers, plus, per report, the reporter's consent and contact. Which of this leaves for a
 * partner is decided by `referralData` under that partner's policy; nothing else is ever sent.
 */
export interface Referral {
  clusterId: string;
  /** The report category most reports in the cluster give (investment, phishing_site...). */
  category: string;
  /** The scam type the analyst confirmed, as indicators name it (investment, phishing...). */
  scamType: string;
  identifiers: ReferralIdentifier[];
  reportCount: number;
  /** Total reported loss in USD when it could be converted; bands are sent, never the sum. */
  totalLossUsd?: number | null;
  /** Reported loss per asset, as decimal strings (a policy may allow these as they are). */
  lossByAsset?: { asset: string; amount: string }[];
  /** ISO timestamps of the first and the last report. */
  firstSeen: string;
  lastSeen: string;
  /** ISO 3166 codes of the jurisdictions the reports came from. */
  jurisdictions: string[];
  reporters: ReferralReporter[];
}

/** Whether a partner's policy takes this referral: opted in, and for one of its jurisdictions. */
export function takesReferral(policy: RelayPolicy, referral: Pick<Referral, 'jurisdictions'>): boolean {
  return (
    policy.triggers.referrals === true &&
    referral.jurisdictions.some((jurisdiction) => policy.jurisdictions.includes(jurisdiction))
  );
}

/**
 * The reporters' contacts that may leave: only those who consented, and only the three contact
 * fields copied one by one, so nothing else a report carries can ride along.
 */
export function consentedContacts(reporters: readonly ReferralReporter[]): ReferralReporterContact[] {
  const contacts: ReferralReporterContact[] = [];
  for (const reporter of reporters) {
    if (reporter.consented !== true || !reporter.contact) continue;
    const { name, email, phone } = reporter.contact;
    const contact: ReferralReporterContact = {
      ...(typeof name === 'string' ? { name } : {}),
      ...(typeof email === 'string' ? { email } : {}),
      ...(typeof phone === 'string' ? { phone } : {}),
    };
    if (Object.keys(contact).length > 0) contacts.push(contact);
  }
  return contacts;
}

/**
 * The referral alert's body: every referral field the policy allows and nothing else (pure). Built
 * from an explicit map, like `alertData`, so a field leaves only if it is known here and allowed.
 * Reporter contact needs both the policy's `reporterContact` and each reporter's consent.
 */
export function referralData(policy: RelayPolicy, referral: Referral): Record<string, unknown> {
  const all: Record<ReferralField, () => unknown> = {
    clusterId: () => referral.clusterId,
    category: () => referral.category,
    scamType: () => referral.scamType,
    identifiers: () => referral.identifiers.map(({ kind, display }) => ({ kind, display })),
    reportCount: () => referral.reportCount,
    totalLossBand: () =>
      typeof referral.totalLossUsd === 'number' && Number.isFinite(referral.totalLossUsd)
        ? amountBand(referral.totalLossUsd)
        : null,
    lossByAsset: () => (referral.lossByAsset ?? []).map(({ asset, amount }) => ({ asset, amount })),
    firstSeen: () => referral.firstSeen,
    lastSeen: () => referral.lastSeen,
    jurisdictions: () => [...referral.jurisdictions],
    reporterContact: () => consentedContacts(referral.reporters),
  };
  const data: Record<string, unknown> = {};
  for (const field of policy.fields) if (isReferralField(field)) data[field] = all[field]();
  return data;
}
