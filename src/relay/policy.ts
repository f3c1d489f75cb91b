import { Type, type Static } from '@sinclair/typebox';

/**
 * A partner's data-sharing policy: which decisions and outcomes make an alert, which fields may
 * leave, how long the partner may keep them, and where they go. Versioned: every alert names the
 * version it was made under, and a published version never changes.
 */
export const ALERT_FIELDS = [
  'decisionId',
  'decidedAt',
  'jurisdiction',
  'decision',
  'reasons',
  'campaignId',
  'asset',
  'network',
  'amountBand',
  'destinationAddress',
  'destinationReported',
  'userPseudonym',
  'outcome',
  // The user's answers to the warning's questions (question and answer ids), e.g. "met online".
  'answers',
] as const;
export type AlertField = (typeof ALERT_FIELDS)[number];

/**
 * What a referral of a scam-report cluster may carry (src/relay/referral.ts). Kept apart from the
 * decision fields because a referral is about reported scammers, not one user's withdrawal; the
 * reporters' own contact details are a field of their own, so a policy must name it to get them.
 */
export const REFERRAL_FIELDS = [
  'clusterId',
  'category',
  'scamType',
  'identifiers',
  'reportCount',
  'totalLossBand',
  'lossByAsset',
  'firstSeen',
  'lastSeen',
  'jurisdictions',
  'reporterContact',
] as const;
export type ReferralField = (typeof REFERRAL_FIELDS)[number];
export type PolicyField = AlertField | ReferralField;

export const RelayPolicySchema = Type.Object(
  {
    jurisdictions: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { minItems: 1, maxItems: 50 }),
    triggers: Type.Object(
      {
        decisions: Type.Array(Type.Union([Type.Literal('warn'), Type.Literal('hold')]), { maxItems: 2 }),
        outcomes: Type.Array(
          Type.Union([
            Type.Literal('cancelled'),
            Type.Literal('verified'),
            Type.Literal('proceeded'),
            Type.Literal('abandoned'),
          ]),
          { maxItems: 4 },
        ),
        /** Only when the destination is on the indicator list (e.g. proceeded to a reported address). */
        onlyReportedDestinations: Type.Boolean(),
        /** Opt-in: referrals of confirmed scam-report clusters from the jurisdictions above. */
        referrals: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    fields: Type.Array(
      Type.Union([...ALERT_FIELDS, ...REFERRAL_FIELDS].map((field) => Type.Literal(field))),
      {
        minItems: 1,
        uniqueItems: true,
      },
    ),
    retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    delivery: Type.Object(
      {
        mode: Type.Union([Type.Literal('webhook'), Type.Literal('pull')]),
        url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 })),
        allowedHosts: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { maxItems: 10 }),
        maxConcurrency: Type.Integer({ minimum: 1, maximum: 16 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type RelayPolicy = Static<typeof RelayPolicySchema>;

/** The facts about one decision (and its outcome, if the trigger is an outcome) a policy looks at. */
export interface AlertFacts {
  decisionId: string;
  decidedAt: string;
  userRef: string;
  jurisdiction: string;
  decision: 'allow' | 'warn' | 'hold';
  reasons: { code: string; message: string }[];
  campaignId: string | null;
  asset: string;
  network: string;
  amountUsd: number;
  destinationAddress: string;
  outcome: 'cancelled' | 'verified' | 'proceeded' | 'abandoned' | null;
  /** Answers given by the time of the alert (none yet when it is made at decision time). */
  answers?: { questionId: string; answerId: string }[];
}

export function policyProblems(policy: RelayPolicy): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (policy.delivery.mode === 'webhook') {
    if (!policy.delivery.url)
      problems.push({ field: '/delivery/url', message: 'is required for webhook delivery' });
    else {
      const host = new URL(policy.delivery.url).hostname;
      if (!policy.delivery.allowedHosts.includes(host))
        problems.push({ field: '/delivery/url', message: `host ${host} is not in allowedHosts` });
    }
  }
  const referrals = policy.triggers.referrals === true;
  if (policy.triggers.decisions.length === 0 && policy.triggers.outcomes.length === 0 && !referrals)
    problems.push({
      field: '/triggers',
      message: 'needs at least one decision, outcome or referral trigger',
    });
  if (referrals && !policy.fields.some((field) => (REFERRAL_FIELDS as readonly string[]).includes(field)))
    problems.push({ field: '/fields', message: 'takes referrals but allows no referral field' });
  return problems;
}

export const destinationReported = (facts: AlertFacts) =>
  facts.reasons.some((r) => r.code === 'destination_reported');

/** Whether these facts make an alert under the policy (pure). */
export function triggers(policy: RelayPolicy, facts: AlertFacts, on: 'decision' | 'outcome'): boolean {
  if (!policy.jurisdictions.includes(facts.jurisdiction)) return false;
  if (policy.triggers.onlyReportedDestinations && !destinationReported(facts)) return false;
  if (on === 'decision')
    return facts.decision !== 'allow' && policy.triggers.decisions.includes(facts.decision);
  return facts.outcome !== null && policy.triggers.outcomes.includes(facts.outcome);
}
