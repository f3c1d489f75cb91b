import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { CampaignSpecSchema, type CampaignSpec } from '../../../src/campaigns/spec.js';
import { checkSpecRules } from '../../../src/campaigns/spec-rules.js';
import { installProblemHandlers } from '../../../src/http/problem.js';
import { CONSOLE_LANGUAGES, i18next } from '../../../src/web/console/i18n/index.js';
import {
  describeSpecProblem,
  PATTERN_MESSAGES,
  specFieldLabel,
  type Translate,
} from '../../../src/web/console/validation/describe-problem.js';
import { problemKind } from '../../../src/web/console/validation/problem-kinds.js';
import { specFieldPlace } from '../../../src/web/console/validation/spec-fields.js';
import { HK, hkSpec } from '../../support/fixtures.js';

type Schema = Record<string, unknown>;
interface Case {
  /** Where in the spec the broken value sits, lists at 0 and locales as "en". */
  at: string;
  schema: Schema;
  bad: unknown;
}

/** Keywords that describe rather than constrain, or that the walk below descends through. */
const QUIET = new Set(['description', 'type', 'properties', 'items', 'patternProperties', 'anyOf', 'const']);

/**
 * For every constraint in the spec schema, a value that breaks it alone. A keyword the walk does
 * not know fails the test: a new kind of problem needs a sentence in both languages first.
 */
function casesOf(node: Schema, at: string): Case[] {
  const cases: Case[] = [];
  const type = node.type;
  if (type !== undefined) cases.push({ at, schema: { type }, bad: type === 'string' ? 1 : 'x' });
  if (type === 'integer') cases.push({ at, schema: { type }, bad: 1.5 });
  for (const [keyword, value] of Object.entries(node)) {
    if (QUIET.has(keyword)) continue;
    switch (keyword) {
      case 'pattern': {
        const bad = ['!', '', 'a', 'ab-CD'].find((candidate) => !new RegExp(String(value)).test(candidate));
        cases.push({ at, schema: { type: 'string', pattern: value }, bad });
        break;
      }
      case 'minLength':
        cases.push({ at, schema: { type: 'string', minLength: value }, bad: '' });
        break;
      case 'maxLength':
        cases.push({ at, schema: { type: 'string', maxLength: value }, bad: 'x'.repeat(Number(value) + 1) });
        break;
      case 'format':
        cases.push({ at, schema: { type: 'string', format: value }, bad: '%% nope' });
        break;
      case 'minimum':
      case 'exclusiveMinimum':
        cases.push({ at, schema: { [keyword]: value }, bad: Number(value) - 1 });
        break;
      case 'maximum':
      case 'exclusiveMaximum':
        cases.push({ at, schema: { [keyword]: value }, bad: Number(value) + 1 });
        break;
      case 'minItems':
        cases.push({ at, schema: { type: 'array', minItems: value }, bad: [] });
        break;
      case 'maxItems':
        cases.push({ at, schema: { type: 'array', maxItems: value }, bad: Array(Number(value) + 1).fill(0) });
        break;
      case 'required':
        for (const name of value as string[])
          cases.push({ at, schema: { type: 'object', required: [name] }, bad: {} });
        break;
      case 'additionalProperties':
        if (value === false)
          cases.push({ at, schema: { type: 'object', additionalProperties: false }, bad: { zzz: 1 } });
        break;
      case 'propertyNames':
        cases.push({ at, schema: { type: 'object', propertyNames: value }, bad: { '!!': {} } });
        break;
      default:
        throw new Error(`${at || '/'}: the test does not know the schema keyword "${keyword}"`);
    }
  }
  if (Array.isArray(node.anyOf)) {
    cases.push({ at, schema: { anyOf: node.anyOf }, bad: '__none of these__' });
    for (const option of node.anyOf as Schema[])
      if (option.const === undefined) cases.push(...casesOf(option, at));
  }
  for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Schema>))
    cases.push(...casesOf(child, `${at}/${name}`));
  if (node.items) cases.push(...casesOf(node.items as Schema, `${at}/0`));
  for (const child of Object.values((node.patternProperties ?? {}) as Record<string, Schema>))
    cases.push(...casesOf(child, `${at}/en`));
  return cases;
}

/** Every field's pointer in the schema (lists at 0, locales as "en"). */
function fieldPointers(node: Schema, at: string): string[] {
  const out = at ? [at] : [];
  for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Schema>))
    out.push(...fieldPointers(child, `${at}/${name}`));
  if (node.items) out.push(...fieldPointers(node.items as Schema, `${at}/0`));
  for (const child of Object.values((node.patternProperties ?? {}) as Record<string, Schema>))
    out.push(...fieldPointers(child, `${at}/en`));
  return out;
}

const schema = CampaignSpecSchema as unknown as Schema;
const translators = {} as Record<string, Translate>;

beforeAll(async () => {
  if (!i18next.isInitialized) await new Promise((resolve) => i18next.on('initialized', resolve));
  for (const language of CONSOLE_LANGUAGES) {
    const t = i18next.getFixedT(language, 'validation');
    translators[language] = (key, values) => t(key, values ?? {});
  }
});

const en = (pointer: string, message: string, spec?: unknown) =>
  describeSpecProblem(translators.en!, 'en', pointer, message, spec);
const zh = (pointer: string, message: string, spec?: unknown) =>
  describeSpecProblem(translators['zh-Hant']!, 'zh-Hant', pointer, message, spec);

describe('spec problems in the form’s words', () => {
  it('names a field as the form does, numbered from 1, with its language', () => {
    const label = (pointer: string) => specFieldLabel(translators.en!, 'en', pointer);
    expect(label('/content/en/contacts/1/phone')).toBe('Contact 2 — phone number (English)');
    expect(specFieldLabel(translators['zh-Hant']!, 'zh-Hant', '/content/en/contacts/1/phone')).toBe(
      '聯絡 2 — 電話號碼（英文）',
    );
    expect(label('/content/zh-Hant/questions/1/answers/2/id')).toBe(
      'Question 2 — answer 3 — answer id (Traditional Chinese)',
    );
    expect(label('/content/en/tips/3')).toBe('Tip 4 (English)');
    expect(label('/content/en/commonScams/0/redFlags/1')).toBe('Scam 1 — red flag 2 (English)');
    expect(label('/experiment/variants/0/key')).toBe('Variant 1 — variant key');
    expect(label('/experiment/variants/1/overrides/en/title')).toBe('Variant 2 — title (English)');
    expect(label('/targeting/maxAmountUsd')).toBe('Maximum amount (USD)');
    expect(label('/content/en')).toBe('Content (English)');
    expect(label('/content')).toBe('Content');
    // A field the form does not know keeps its own name rather than vanishing.
    expect(label('/content/en/contacts/0/fax')).toBe('Contact 1 — fax (English)');
  });

  it('turns the issue’s phone message into a plain sentence in English and Chinese', () => {
    const message = 'must match pattern "^\\+?[0-9 ()-]{3,24}$"';
    expect(en('/content/en/contacts/1/phone', message)).toEqual({
      label: 'Contact 2 — phone number (English)',
      sentence: 'Use digits, spaces, + ( ) or -, like +852 2527 7177.',
      known: true,
    });
    expect(zh('/content/en/contacts/1/phone', message).sentence).toBe(
      '請只用數字、空格、+ ( ) 或 -，例如 +852 2527 7177。',
    );
  });

  it('says how long a text is now when it is too long, and keeps unknown messages in the server’s words', () => {
    const spec = { content: { en: { title: 'x'.repeat(205) } } };
    expect(en('/content/en/title', 'must NOT have more than 200 characters', spec).sentence).toBe(
      'Use at most 200 characters; this has 205.',
    );
    expect(en('/content/en/title', 'is haunted')).toEqual({
      label: 'Title (English)',
      sentence: 'is haunted',
      known: false,
    });
  });

  it('names every field of the spec schema in every console language', () => {
    const pointers = fieldPointers(schema, '');
    expect(pointers.length).toBeGreaterThan(60);
    for (const pointer of pointers) {
      expect(specFieldPlace(pointer).unknown, `${pointer}: name it in spec-fields.ts`).toEqual([]);
      for (const language of CONSOLE_LANGUAGES) {
        const label = specFieldLabel(translators[language]!, language, pointer);
        expect(label, `${language} ${pointer}: add field.* in i18n/validation.ts`).not.toMatch(/field\./);
      }
    }
  });

  it('has a sentence in every console language for every problem the spec schema can give', async () => {
    const cases = casesOf(schema, '');
    const app = Fastify({
      // As src/http/app.ts: no coercion, every error.
      ajv: {
        customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true, useDefaults: false },
      },
    });
    installProblemHandlers(app);
    cases.forEach((c, i) => {
      app.post(
        `/case/${i}`,
        { schema: { body: { type: 'object', properties: { v: c.schema }, required: ['v'] } } },
        async () => 'accepted',
      );
    });
    const patterns = new Set<string>();
    let problems = 0;
    for (const [i, c] of cases.entries()) {
      const response = await app.inject({ method: 'POST', url: `/case/${i}`, payload: { v: c.bad } });
      expect(response.statusCode, `${c.at} ${JSON.stringify(c.schema)}`).toBe(400);
      const body = response.json<{ errors: { field: string; message: string }[] }>();
      for (const error of body.errors) {
        const pointer = c.at + error.field.replace(/^body\/v/, '');
        const pattern = /pattern "(.*)"$/.exec(error.message)?.[1];
        if (pattern) patterns.add(pattern);
        for (const describe of [en, zh]) {
          const words = describe(pointer, error.message);
          expect(words.known, `no sentence for ${pointer}: ${error.message}`).toBe(true);
          expect(words.sentence).not.toMatch(/\{\{|^(problem|rule)\./);
          problems += 1;
        }
      }
    }
    await app.close();
    expect(problems).toBeGreaterThan(200);
    for (const pattern of patterns)
      expect(PATTERN_MESSAGES[pattern], `say what ${pattern} wants in PATTERN_MESSAGES`).toBeDefined();
  });

  it('has a sentence in every console language for every rule of spec-rules and question-rules', () => {
    const base = hkSpec();
    const en0 = base.content.en!;
    const broken: CampaignSpec[] = [
      { ...base, targeting: { minAmountUsd: 500, maxAmountUsd: 100 } },
      {
        ...base,
        experiment: {
          ...base.experiment,
          variants: [
            { key: 'A', weight: 1 },
            { key: 'A', weight: 1, overrides: { fr: { title: 'Arrêtez' } } },
          ],
        },
      },
      { ...base, content: {} },
      {
        ...base,
        content: {
          en: {
            ...en0,
            resources: [
              { id: 'r', name: 'R', purpose: 'p', checkBeforeSend: false },
              { id: 'r', name: 'R', purpose: 'p', checkBeforeSend: false, url: 'https://example.org' },
            ],
            commonScams: [
              { id: 's', name: 'S', howItWorks: 'h', redFlags: [] },
              { id: 's', name: 'S', howItWorks: 'h', redFlags: [] },
            ],
            questions: [
              ...Array.from({ length: 5 }, (_, q) => ({
                id: `q${q}`,
                prompt: 'P',
                answers: [
                  { id: 'a', label: 'A', step: 'warn' as const },
                  { id: 'b', label: 'B', step: 'warn' as const, scam: 'nope' },
                ],
              })),
              { id: 'q0', prompt: 'P', answers: [{ id: 'a', label: 'A', step: 'warn' as const }] },
              {
                id: 'q9',
                prompt: 'P',
                answers: [
                  { id: 'a', label: 'A', step: 'warn' as const },
                  { id: 'a', label: 'B', step: 'warn' as const },
                ],
              },
            ],
          },
          'zh-Hant': base.content['zh-Hant']!,
        },
        presentations: [
          { key: 'p', order: ['checks', 'commonScams', 'tips', 'resources', 'contacts', 'statistics'] },
          { key: 'p', order: ['checks'] },
        ],
      },
    ];
    // The jurisdiction's directory: items that name an entry take its facts (see directory-refs.ts).
    const withRefs = structuredClone(base) as unknown as {
      content: Record<string, Record<string, Record<string, unknown>[]>>;
    };
    const enRefs = withRefs.content.en!;
    enRefs.contacts = [
      { ref: 'missing', name: 'Nobody' },
      { ref: 'scameter', name: 'Scameter' },
      { ref: 'adcc', name: 'ADCC', phone: '18222' },
    ];
    enRefs.resources = [{ id: 'no-mark', name: 'R', purpose: 'p', url: 'https://example.org' }];
    enRefs.statistics = [{ label: 'Losses', source: 'Police' }];
    const directory = [
      { key: 'scameter', kind: 'resource' },
      { key: 'adcc', kind: 'contact' },
    ];
    broken.push(withRefs as unknown as CampaignSpec);
    // The directory argument is the third one (older rules take two): called loosely on purpose.
    const check = checkSpecRules as (...args: unknown[]) => { field: string; message: string }[];
    const found = new Set<string>();
    for (const spec of broken)
      for (const problem of check(spec, HK, directory)) {
        for (const describe of [en, zh]) {
          const words = describe(problem.field, problem.message);
          expect(words.known, `no sentence for ${problem.field}: ${problem.message}`).toBe(true);
          expect(words.sentence).not.toMatch(/\{\{|^(problem|rule)\./);
        }
        const kind = problemKind(problem.message);
        if (kind.kind === 'rule') found.add(kind.rule);
      }
    // Each `message:` in the rule files is one kind; a new rule needs a bad spec above and a sentence.
    const ruleSource = ['spec-rules.ts', 'question-rules.ts']
      .map((file) => readFileSync(new URL(`../../../src/campaigns/${file}`, import.meta.url), 'utf8'))
      .join('\n');
    const kinds = ruleSource.match(/message: [`'"]/g)?.length ?? 0;
    expect(found.size, `rules found: ${[...found].join(', ')}`).toBe(kinds);
  });
});
