/**
 * What kind of problem a server message describes. The server speaks in ajv's words for the schema
 * ("must match pattern …", "must NOT have more than 200 characters") and in the rules' own English
 * (src/campaigns/spec-rules.ts, question-rules.ts); the console turns each kind into a sentence in the
 * reader's language. A message of no known kind is shown as the server wrote it.
 */
export type ProblemKind =
  | { kind: 'pattern'; pattern: string }
  | { kind: 'required' }
  | { kind: 'tooShort'; min: number }
  | { kind: 'tooLong'; max: number }
  | { kind: 'format'; format: string }
  | { kind: 'minimum'; limit: number; exclusive: boolean }
  | { kind: 'maximum'; limit: number; exclusive: boolean }
  | { kind: 'type'; type: string }
  | { kind: 'minItems'; count: number }
  | { kind: 'maxItems'; count: number }
  | { kind: 'choice' }
  | { kind: 'unknownField' }
  | { kind: 'badName'; pattern: string }
  | { kind: 'rule'; rule: RuleKind; values: Record<string, string> }
  | { kind: 'unknown' };

export type RuleKind =
  | 'maxAboveMin'
  | 'duplicateVariantKey'
  | 'overrideWithoutContent'
  | 'noContent'
  | 'noDefaultLocaleContent'
  | 'urlOrPhone'
  | 'duplicateResourceId'
  | 'tooManyQuestions'
  | 'duplicateScamId'
  | 'duplicateQuestionId'
  | 'answerCount'
  | 'duplicateAnswerId'
  | 'unknownScam'
  | 'questionsDiffer'
  | 'duplicatePresentationKey'
  | 'presentationOrder'
  | 'checkBeforeSendMissing'
  | 'statisticValueMissing'
  | 'statisticYearMissing'
  | 'refUnknown'
  | 'refWrongKind'
  | 'refLiteral';

/** Each rule's message as the server words it, with the values the console's sentence needs. */
const RULES: { rule: RuleKind; match: RegExp; names: string[] }[] = [
  { rule: 'maxAboveMin', match: /^must be greater than minAmountUsd$/, names: [] },
  { rule: 'duplicateVariantKey', match: /^duplicate variant key (.*)$/, names: ['key'] },
  { rule: 'overrideWithoutContent', match: /^no content for locale (.*)$/, names: ['locale'] },
  { rule: 'noContent', match: /^needs content in at least one locale$/, names: [] },
  {
    rule: 'noDefaultLocaleContent',
    match: /^needs content in the jurisdiction's default locale (.*)$/,
    names: ['locale'],
  },
  { rule: 'urlOrPhone', match: /^needs a url or a phone number$/, names: [] },
  { rule: 'duplicateResourceId', match: /^duplicate resource id (.*)$/, names: ['id'] },
  {
    rule: 'tooManyQuestions',
    match: /^has (\d+) questions; a warning asks at most (\d+)$/,
    names: ['count', 'max'],
  },
  { rule: 'duplicateScamId', match: /^scam \d+ uses the id "(.*)" of an earlier scam/, names: ['id'] },
  {
    rule: 'duplicateQuestionId',
    match: /^question \d+ uses the id "(.*)" of an earlier question/,
    names: ['id'],
  },
  {
    rule: 'answerCount',
    match: /^question \d+ has (\d+) answers?; a question needs (\d+) to (\d+)$/,
    names: ['count', 'min', 'max'],
  },
  {
    rule: 'duplicateAnswerId',
    match: /^answer \d+ of question \d+ uses the id "(.*)" of an earlier answer$/,
    names: ['id'],
  },
  {
    rule: 'unknownScam',
    match: /^answer \d+ of question \d+ points to the scam "(.*)", but no common scam in (\S+) has that id$/,
    names: ['scam', 'locale'],
  },
  {
    rule: 'questionsDiffer',
    match: /^must ask the same questions, with the same answer ids, scams and steps, as (\S+)/,
    names: ['locale'],
  },
  {
    rule: 'duplicatePresentationKey',
    match: /^presentation \d+ uses the key "(.*)" of an earlier one$/,
    names: ['key'],
  },
  {
    rule: 'presentationOrder',
    match: /^presentation \d+ must list each section once \(([^)]*)\)/,
    names: ['sections'],
  },
  // The jurisdiction's shared directory (items with a ref take their facts from it).
  {
    rule: 'checkBeforeSendMissing',
    match: /^Resource \d+: say whether it is a place to check before sending$/,
    names: [],
  },
  {
    rule: 'statisticValueMissing',
    match: /^Statistic \d+ needs a value, or a directory entry that gives it$/,
    names: [],
  },
  { rule: 'statisticYearMissing', match: /^Statistic \d+ needs the year it counts$/, names: [] },
  {
    rule: 'refUnknown',
    match: /^\w+ \d+ refers to "(.*)", which is not in the directory of (.*)$/,
    names: ['ref', 'jurisdiction'],
  },
  {
    rule: 'refWrongKind',
    match: /^\w+ \d+ refers to "(.*)", which is a (\w+) in the directory, not a (\w+)$/,
    names: ['ref', 'kind', 'expected'],
  },
  {
    rule: 'refLiteral',
    match: /^\w+ \d+ takes its .+ from the directory entry "(.*)": leave this out/,
    names: ['ref'],
  },
];

export function problemKind(message: string): ProblemKind {
  let m: RegExpMatchArray | null;
  if ((m = /^must match pattern "(.*)"$/.exec(message))) return { kind: 'pattern', pattern: m[1] ?? '' };
  if ((m = /^is not an allowed name: it must match pattern "(.*)"$/.exec(message)))
    return { kind: 'badName', pattern: m[1] ?? '' };
  if (message === 'is required') return { kind: 'required' };
  if (message === 'is not a known field') return { kind: 'unknownField' };
  if ((m = /^must NOT have fewer than (\d+) characters$/.exec(message)))
    return { kind: 'tooShort', min: Number(m[1]) };
  if ((m = /^must NOT have more than (\d+) characters$/.exec(message)))
    return { kind: 'tooLong', max: Number(m[1]) };
  if ((m = /^must NOT have fewer than (\d+) items$/.exec(message)))
    return { kind: 'minItems', count: Number(m[1]) };
  if ((m = /^must NOT have more than (\d+) items$/.exec(message)))
    return { kind: 'maxItems', count: Number(m[1]) };
  if ((m = /^must match format "(.*)"$/.exec(message))) return { kind: 'format', format: m[1] ?? '' };
  if ((m = /^must be (>=|>) (-?[\d.e+-]+)$/.exec(message)))
    return { kind: 'minimum', limit: Number(m[2]), exclusive: m[1] === '>' };
  if ((m = /^must be (<=|<) (-?[\d.e+-]+)$/.exec(message)))
    return { kind: 'maximum', limit: Number(m[2]), exclusive: m[1] === '<' };
  if ((m = /^must be (integer|number|string|boolean|array|object|null)(,\w+)*$/.exec(message)))
    return { kind: 'type', type: m[1] ?? '' };
  if (
    message === 'must be equal to constant' ||
    message === 'must be equal to one of the allowed values' ||
    message === 'must match a schema in anyOf' ||
    message === 'must match exactly one schema in oneOf'
  )
    return { kind: 'choice' };
  for (const { rule, match, names } of RULES) {
    const found = match.exec(message);
    if (found)
      return { kind: 'rule', rule, values: Object.fromEntries(names.map((n, i) => [n, found[i + 1] ?? ''])) };
  }
  return { kind: 'unknown' };
}
