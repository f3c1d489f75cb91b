import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { generateQuizSpec } from '../../src/education/bank.js';
import { drawQuestions, presentQuestion } from '../../src/education/draw.js';
import {
  QUIZ_LOCALES,
  QuizSpecSchema,
  TRICKS,
  type QuizSpec,
  type SiteTrick,
} from '../../src/education/model.js';
import { normalizeDomain } from '../../src/intelligence/identifiers/domain.js';
import { techniqueOf } from '../../src/intelligence/lookalike-reason.js';
import { DETECTOR_TECHNIQUE } from '../../src/education/lookalikes/index.js';
import { demoKnowledge, demoRegistry, registryOf } from './knowledge.js';

function specOf(jurisdiction: string, registry = demoRegistry()): QuizSpec {
  const result = generateQuizSpec(demoKnowledge(jurisdiction, registry));
  if (!result.ok) throw new Error(result.reason);
  return result.spec;
}

// The demo exchange and other registries, so the property is not true of one brand by luck.
const registries = {
  demo: demoRegistry,
  others: () =>
    registryOf([
      { brand: 'Coinbase', kind: 'domain', value: 'coinbase.com' },
      { brand: 'Coinbase', kind: 'domain', value: 'coinbase.co.uk' },
      { brand: 'Coinbase', kind: 'social_handle', value: 'x:coinbase' },
      { brand: 'Kraken', kind: 'domain', value: 'kraken.com' },
      { brand: 'OKX', kind: 'domain', value: 'okx.com' },
    ]),
  hsbc: () =>
    registryOf([
      { brand: 'HSBC HK', kind: 'domain', value: 'hsbc.com.hk' },
      { brand: 'HSBC HK', kind: 'social_handle', value: 'telegram:hsbchk' },
    ]),
};

describe('the question bank generated from caveat’s knowledge', () => {
  for (const [name, make] of Object.entries(registries)) {
    for (const jurisdiction of ['HK', 'MO', 'GB', 'TW']) {
      it(`${name} in ${jurisdiction}: every lookalike is flagged by the detector as its trick, every real answer is official`, () => {
        const { registry, detector } = make();
        const spec = specOf(jurisdiction, { registry, detector });
        let lookalikes = 0;
        for (const question of spec.questions) {
          if (question.kind === 'real_site') {
            for (const id of question.optionIds) {
              const ascii = question.optionValues?.[id];
              expect(ascii, `${question.id} option ${id}`).toBeDefined();
              const domain = normalizeDomain(ascii ?? '');
              expect(domain.ok).toBe(true);
              if (!domain.ok) continue;
              if (id === question.correct) {
                expect(registry.match(domain), `${ascii} is official`).toBeDefined();
              } else {
                lookalikes += 1;
                expect(registry.match(domain), `${ascii} is not official`).toBeUndefined();
                const finding = detector.checkHostname(domain.hostname ?? '');
                expect(finding, `${ascii} is flagged`).toBeDefined();
                const trick = question.trick as SiteTrick;
                expect(techniqueOf(finding!)).toBe(DETECTOR_TECHNIQUE[trick]);
              }
            }
          }
          if (question.kind === 'official_account' && question.origin === 'generated') {
            for (const id of question.optionIds) {
              const [platform = '', handle = ''] = (question.optionValues?.[id] ?? '').split(':@');
              if (id === question.correct) {
                expect(
                  registry.officialHandles().some((h) => h.platform === platform && h.handle === handle),
                ).toBe(true);
              } else {
                expect(detector.checkHandle(platform, handle), `@${handle}`).toBeDefined();
              }
            }
          }
          if (question.kind === 'message' && question.origin === 'generated') {
            // The link in every generated message is a lookalike the detector flags.
            const url = /https:\/\/([^/\s]+)\//.exec(question.text.en?.body ?? '')?.[1] ?? '';
            expect(detector.checkHostname(url), url).toBeDefined();
          }
        }
        expect(lookalikes).toBeGreaterThanOrEqual(5);
        // What is stored and served is the schema's shape (lengths included), in every language.
        expect([...Value.Errors(QuizSpecSchema, spec)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
      });
    }
  }

  it('teaches every trick for the demo exchange in Hong Kong, in four languages, quoting the campaign', () => {
    const spec = specOf('HK');
    expect(new Set(spec.questions.map((q) => q.trick))).toEqual(new Set(TRICKS));
    expect(spec.questions.some((q) => q.origin === 'hand_written')).toBe(true);
    expect(spec.brand).toBe('Binance');
    expect(spec.demo).toBe(true);
    for (const question of spec.questions) {
      expect(Object.keys(question.text).sort()).toEqual([...QUIZ_LOCALES].sort());
      expect(question.optionIds).toContain(question.correct);
      for (const text of Object.values(question.text)) {
        expect(Object.keys(text.options).sort()).toEqual([...question.optionIds].sort());
        expect(text.explanation.length).toBeGreaterThan(20);
      }
    }
    const site = spec.questions.find((q) => q.trick === 'homoglyph');
    expect(site?.text.en?.explanation).toMatch(/xn--/);
    expect(site?.text.en?.explanation).toContain('Check it on Scameter or call 18222');
    expect(site?.text['zh-Hant']?.explanation).toContain('防騙視伏器 Scameter');
    const call = spec.questions.find((q) => q.id === 'call.safe-wallet');
    expect(call?.text.en?.explanation).toContain('We will never call you');
    expect(call?.text['zh-Hant']?.explanation).toContain('我們絕不會致電');
    const message = spec.questions.find((q) => q.id.startsWith('message.impersonation'));
    expect(message?.text.en?.explanation).toContain('A "safe account"');
  });

  it('quotes Macau’s Portuguese campaign in Portuguese and its hotline', () => {
    const spec = specOf('MO');
    const call = spec.questions.find((q) => q.id === 'call.safe-wallet');
    expect(call?.text.pt?.explanation).toContain('Nunca lhe telefonaremos');
    expect(call?.text.pt?.explanation).toContain('8800 7777');
    // Hong Kong has no Portuguese campaign: Portuguese readers get the English campaign text.
    expect(specOf('HK').questions.find((q) => q.id === 'call.safe-wallet')?.text.pt?.explanation).toContain(
      'We will never call you',
    );
  });

  it('says what is missing instead of making it up: no registry, no campaign', () => {
    const empty = registryOf([]);
    expect(generateQuizSpec({ ...demoKnowledge('HK'), ...empty })).toMatchObject({
      ok: false,
      field: 'registry',
    });
    const result = generateQuizSpec({ ...demoKnowledge('GB'), campaign: null });
    if (!result.ok) throw new Error(result.reason);
    expect(result.spec.basedOn).toBeNull();
    // Without a campaign there are no published scams to turn into messages, and no hotline to quote.
    expect(result.spec.questions.some((q) => q.id.startsWith('message.'))).toBe(false);
    expect(JSON.stringify(result.spec.questions)).not.toMatch(/undefined|null|Scameter|18222/);
    expect(result.spec.questions.find((q) => q.id === 'call.safe-wallet')?.text.en?.explanation).toContain(
      'Open the official app yourself',
    );
  });

  it('draws a balanced set, the same for the same seed', () => {
    const spec = specOf('HK');
    const a = drawQuestions(spec, 'seed-1');
    expect(a.questions).toHaveLength(8);
    expect(new Set(a.questions.map((d) => d.question.trick)).size).toBe(8);
    expect(drawQuestions(spec, 'seed-1')).toEqual(a);
    const others = ['seed-2', 'seed-3', 'seed-4'].map((s) => drawQuestions(spec, s));
    expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(a))).toBe(true);
    // Twelve of a bank with 8 tricks: every trick once before any twice.
    const twelve = drawQuestions(spec, 'seed-5', 12).questions.map((d) => d.question.trick);
    expect(new Set(twelve.slice(0, 8)).size).toBe(8);
    const shown = presentQuestion(a.questions[0]!.question, a.questions[0]!.optionOrder, 'zh-Hant');
    expect(JSON.stringify(shown)).not.toContain('correct');
    expect(shown.options.map((o) => o.id)).toEqual(a.questions[0]!.optionOrder);
  });
});
