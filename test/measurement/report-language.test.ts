import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/measurement/report-html.js';
import {
  fill,
  REPORT_LANGUAGES,
  REPORT_WORDS,
  reportLanguageFor,
} from '../../src/measurement/report-language.js';
import { buildReport } from '../../src/measurement/report.js';
import { rollupRow } from '../support/rollup-rows.js';

const report = buildReport({
  filter: { campaign: 'mo-joint-anti-scam' },
  rows: [],
  decideBuckets: new Map(),
  resourceOpens: [],
  experiments: [],
  sequential: false,
  generatedAt: new Date('2026-11-24T00:00:00Z'),
});

/** Every leaf string of a words object, keyed by its path. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value))
      for (const [k, v] of leaves(child, `${path}.${key}`)) out.set(k, v);
  return out;
}

describe('the report in the partner’s language', () => {
  it('follows the jurisdiction’s language unless one is asked for', () => {
    expect(reportLanguageFor(undefined, 'zh-Hant')).toBe('zh-Hant');
    expect(reportLanguageFor(undefined, 'zh-Hant-MO')).toBe('zh-Hant');
    expect(reportLanguageFor(undefined, 'zh-HK')).toBe('zh-Hant');
    expect(reportLanguageFor(undefined, 'pt-MO')).toBe('pt');
    expect(reportLanguageFor(undefined, 'en')).toBe('en');
    expect(reportLanguageFor(undefined, 'zh-Hans')).toBe('en'); // not written in Simplified Chinese yet
    expect(reportLanguageFor(undefined, undefined)).toBe('en');
    expect(reportLanguageFor('pt', 'zh-Hant')).toBe('pt');
  });

  it('gives every string in every language, with the same placeholders', () => {
    const english = leaves(REPORT_WORDS.en);
    for (const language of REPORT_LANGUAGES) {
      const words = leaves(REPORT_WORDS[language]);
      expect([...words.keys()].sort(), language).toEqual([...english.keys()].sort());
      for (const [key, text] of words) {
        expect(text.trim(), `${language}${key}`).not.toBe('');
        const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(holes(text), `${language}${key}`).toEqual(holes(english.get(key)!));
      }
    }
  });

  it('is headed by the campaign’s and partner’s names, in the language’s words, with the document language set', () => {
    const heading = {
      campaignName: '[Demo] Macau joint anti-scam campaign',
      partnerName: 'Polícia Judiciária',
    };
    const zh = reportHtml(report, { language: 'zh-Hant', ...heading });
    expect(zh).toContain('<html lang="zh-Hant">');
    expect(zh).toContain('<h1>試行報告：[Demo] Macau joint anti-scam campaign</h1>');
    expect(zh).toContain('合作夥伴：Polícia Judiciária');
    expect(zh).toContain('現在判斷仍言之過早');
    expect(zh).not.toContain('Pilot report');
    // The notes too are in the report's language.
    expect(zh).toContain('<li>沒有符合此篩選條件及日期範圍的決定。</li>');
    expect(zh).not.toContain('No decisions match');
    const pt = reportHtml(report, { language: 'pt', ...heading });
    expect(pt).toContain('<h1>Relatório do piloto: [Demo] Macau joint anti-scam campaign</h1>');
    expect(pt).toContain('Ainda é cedo para concluir');
    expect(reportHtml(report, { language: 'en' })).toContain('<h1>Pilot report</h1>');
  });

  it('words every note in English exactly as the report’s own sentence, kind by kind', () => {
    const row = rollupRow;
    const experiment = (version: number, holdoutShare: number) => ({
      campaignId: 'c',
      version,
      holdoutShare,
      variants: [{ key: 'A', weight: 1 }],
      resourceIds: [],
    });
    const busy = buildReport({
      filter: {},
      rows: [
        row({ decisions: 1000, displayed: 500, withdrew: 500, stayed: 100, undisplayedOutcomes: 3 }),
        row({ campaignVersion: 2, decisions: 10, displayed: 10 }),
        row({ arm: 'holdout', variant: '', decisions: 10, withdrew: 10 }),
        row({ arm: 'none', variant: '', decisions: 4 }),
      ],
      decideBuckets: new Map(),
      resourceOpens: [],
      experiments: [experiment(1, 0.2), experiment(2, 0.5)],
      sequential: false,
      generatedAt: new Date('2026-11-24T00:00:00Z'),
    });
    expect(busy.noteKeys.map((n) => n.key)).toEqual(
      expect.arrayContaining([
        'display_low',
        'undisplayed_outcomes',
        'outside_experiment',
        'pooled_shares',
        'srm_assignment',
      ]),
    );
    for (const r of [report, busy]) {
      expect(r.noteKeys).toHaveLength(r.notes.length);
      r.noteKeys.forEach((n, i) => expect(fill(REPORT_WORDS.en.notes[n.key], n.params)).toBe(r.notes[i]));
    }
  });
});
