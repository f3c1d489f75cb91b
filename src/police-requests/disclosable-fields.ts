import type { AlertField, PolicyField } from '../relay/policy.js';

/**
 * The catalogue of what caveat can disclose about a subject, and which relay-policy field governs
 * each. The relay policy is the agency's data-sharing agreement: a field it lets leave in an alert
 * may be disclosed on request too; a field with no policy field (the exact amount, the exchange's own
 * user reference) can leave only by a recorded override. Scam-indicator facts are public through
 * /public/lookup already, so no policy is needed to tell an agency what anyone can look up.
 */
export interface DisclosableField {
  name: string;
  label: string;
  description: string;
  /** 'public': always allowed; an alert field: allowed when the policy lists it; null: override only. */
  governedBy: PolicyField | 'public' | null;
}

const alertField = (name: AlertField, label: string, description: string): DisclosableField => ({
  name,
  label,
  description,
  governedBy: name,
});

export const DISCLOSABLE_FIELDS: readonly DisclosableField[] = [
  {
    name: 'indicator',
    label: 'Scam indicator',
    description:
      'Whether caveat lists the identifier as a scam indicator: scam type, risk, report count, first and last seen.',
    governedBy: 'public',
  },
  {
    name: 'scamReports',
    label: 'Scam reports',
    description:
      'How many scam reports name the identifier, their categories, first and last report, and the clusters they are in (never a reporter’s details).',
    // The same facts a referral of a cluster carries; allowed where the policy takes report counts.
    governedBy: 'reportCount',
  },
  alertField('decisionId', 'Screening ids', 'Ids of the withdrawal screenings that named the subject.'),
  alertField('decidedAt', 'Screening times', 'When each withdrawal was screened.'),
  alertField('jurisdiction', 'Jurisdiction', 'The jurisdiction of each screened withdrawal.'),
  alertField('decision', 'Decision', 'What caveat decided (allow, warn, hold).'),
  alertField('reasons', 'Risk reasons', 'The reasons caveat gave for each decision.'),
  alertField('campaignId', 'Warning campaign', 'The warning campaign shown, if any.'),
  alertField('asset', 'Asset', 'The asset being withdrawn.'),
  alertField('network', 'Network', 'The network of each withdrawal.'),
  alertField('amountBand', 'Amount band', 'The amount as a band (0-100, 100-1k, 1k-10k, 10k+ USD).'),
  alertField('destinationAddress', 'Destination address', 'The address each withdrawal was going to.'),
  alertField(
    'destinationReported',
    'Destination reported',
    'Whether the destination was a reported address.',
  ),
  alertField(
    'userPseudonym',
    'User pseudonym',
    "The user as this agency's own pseudonym (the one its alerts carry).",
  ),
  alertField(
    'outcome',
    'Outcome',
    'What the user did after the warning (cancelled, verified, proceeded, abandoned).',
  ),
  {
    name: 'amountUsd',
    label: 'Exact amount (USD)',
    description: 'The exact amount of each withdrawal. No data-sharing policy covers it: override only.',
    governedBy: null,
  },
  {
    name: 'userRef',
    label: "Exchange's user reference",
    description:
      "The exchange's own reference for the user, which it can link to the account holder. Override only.",
    governedBy: null,
  },
];

const BY_NAME = new Map(DISCLOSABLE_FIELDS.map((field) => [field.name, field]));

export const disclosableField = (name: string): DisclosableField | undefined => BY_NAME.get(name);
export const DISCLOSABLE_FIELD_NAMES: readonly string[] = DISCLOSABLE_FIELDS.map((field) => field.name);
