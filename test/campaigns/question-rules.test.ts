import { describe, expect, it } from 'vitest';
import { checkSpecRules } from '../../src/campaigns/spec-rules.js';
import type { CampaignSpec, Question } from '../../src/campaigns/spec.js';
import { demoCampaigns } from '../../src/demo/campaigns.js';
import { demoDirectoryEntries } from '../../src/demo/directory.js';
import { demoJurisdictions } from '../../src/demo/jurisdictions.js';
import { HK, hkSpec } from '../support/fixtures.js';

const question = (id: string, answers: [string, string?][]): Question => ({
  id,
  prompt: `Question ${id}?`,
  answers: answers.map(([answerId, scam]) => ({
    id: answerId,
    label: answerId,
    step: 'cooling_off',
    ...(scam ? { scam } : {}),
  })),
});

function withQuestions(questions: Question[], zhQuestions = questions): CampaignSpec {
  const spec = hkSpec();
  const give = (locale: string, qs: Question[]) => {
    const content = spec.content[locale];
    if (!content) throw new Error(locale);
    spec.content[locale] = {
      ...content,
      commonScams: content.commonScams.map((scam) => ({ ...scam, id: 'investment' })),
      questions: qs,
    };
  };
  give('en', questions);
  give('zh-Hant', zhQuestions);
  return spec;
}

const fields = (spec: CampaignSpec) => checkSpecRules(spec, HK).map((p) => `${p.field}: ${p.message}`);

describe('question rules', () => {
  it('accepts the demo campaigns (every locale, every jurisdiction)', () => {
    for (const campaign of demoCampaigns) {
      const jurisdiction = demoJurisdictions.find((j) => j.code === campaign.jurisdiction);
      if (!jurisdiction) throw new Error(campaign.jurisdiction);
      expect(checkSpecRules(campaign.spec, jurisdiction, demoDirectoryEntries(jurisdiction.code))).toEqual(
        [],
      );
      for (const content of Object.values(campaign.spec.content))
        expect(content.questions?.length).toBeGreaterThan(0);
    }
  });

  it('names the field in plain words: counts, duplicates, missing scams, locales that differ', () => {
    const six = Array.from({ length: 6 }, (_, i) => question(`q${i}`, [['a'], ['b']]));
    expect(fields(withQuestions(six))).toContainEqual(
      '/content/en/questions: has 6 questions; a warning asks at most 5',
    );
    expect(fields(withQuestions([question('q', [['only']])]))).toContainEqual(
      '/content/en/questions/0/answers: question 1 has 1 answer; a question needs 2 to 6',
    );
    const seven = question(
      'q',
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => [id] as [string]),
    );
    expect(fields(withQuestions([seven])).join('\n')).toMatch(/question 1 has 7 answers/);
    expect(fields(withQuestions([question('q', [['a'], ['a']])])).join('\n')).toMatch(
      /questions\/0\/answers\/1\/id: answer 2 of question 1 uses the id "a"/,
    );
    expect(fields(withQuestions([question('q', [['a']]), question('q', [['a'], ['b']])])).join('\n')).toMatch(
      /questions\/1\/id: question 2 uses the id "q"/,
    );
    expect(fields(withQuestions([question('q', [['a', 'romance'], ['b']])])).join('\n')).toMatch(
      /questions\/0\/answers\/0\/scam: answer 1 of question 1 points to the scam "romance", but no common scam in en has that id/,
    );
    expect(
      fields(withQuestions([question('q', [['a'], ['b']])], [question('q', [['a'], ['c']])])).join('\n'),
    ).toMatch(/\/content\/(en|zh-Hant)\/questions: must ask the same questions/);
    expect(fields(withQuestions([question('q', [['a', 'investment'], ['b']])]))).toEqual([]);
  });

  it('wants each presentation to show every section once', () => {
    const spec: CampaignSpec = {
      ...hkSpec(),
      presentations: [
        { key: 'p', order: ['checks', 'commonScams', 'tips', 'resources', 'contacts', 'statistics'] },
        { key: 'p', order: ['tips', 'tips', 'checks', 'commonScams', 'contacts', 'resources'] },
      ],
    };
    const problems = fields(spec).join('\n');
    expect(problems).toMatch(/presentations\/1\/key: presentation 2 uses the key "p"/);
    expect(problems).toMatch(/presentations\/1\/order: .*missing statistics/);
  });
});
