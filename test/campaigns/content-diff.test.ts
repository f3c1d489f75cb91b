import { describe, expect, it } from 'vitest';
import { changeSummary, diffContent } from '../../src/campaigns/content-diff.js';
import { hkSpec } from '../support/fixtures.js';

describe('the redline of a draft against the live version', () => {
  it('marks the edited word in a field and leaves the others unchanged', () => {
    const live = hkSpec();
    const draft = hkSpec();
    draft.content.en!.title = 'Beware of investment scams';
    const en = diffContent(draft, live).find((l) => l.locale === 'en')!;
    const title = en.fields.find((f) => f.path === 'title')!;
    expect(title.change).toBe('changed');
    expect(title.parts).toEqual([
      { text: 'Beware of ', kind: 'same' },
      { text: 'investment ', kind: 'inserted' },
      { text: 'scams', kind: 'same' },
    ]);
    expect(en.fields.filter((f) => f.change !== 'same').map((f) => f.path)).toEqual(['title']);
  });

  it('compares Chinese character by character', () => {
    const live = hkSpec();
    const draft = hkSpec();
    draft.content['zh-Hant']!.title = '小心網上騙案';
    const title = diffContent(draft, live)
      .find((l) => l.locale === 'zh-Hant')!
      .fields.find((f) => f.path === 'title')!;
    expect(title.parts.filter((p) => p.kind === 'inserted').map((p) => p.text)).toEqual(['網上']);
  });

  it('shows a locale the live version lacks as wholly new, and a removed tip as deleted', () => {
    const live = hkSpec();
    const draft = hkSpec();
    draft.content.pt = structuredClone(draft.content.en!);
    draft.content.en!.tips = draft.content.en!.tips.slice(0, -1);
    const diff = diffContent(draft, live);
    const pt = diff.find((l) => l.locale === 'pt')!;
    expect(pt.isNew).toBe(true);
    expect(pt.fields.every((f) => f.change === 'added')).toBe(true);
    const removed = diff.find((l) => l.locale === 'en')!.fields.filter((f) => f.change === 'removed');
    expect(removed.map((f) => f.segments[0])).toEqual(['tips']);
    expect(changeSummary(draft, live)).toEqual([
      { locale: 'en', isNew: false, changed: [removed[0]!.path] },
      { locale: 'pt', isNew: true, changed: [] },
    ]);
  });

  it("includes a variant's replacement title, which that variant's users see instead", () => {
    const live = hkSpec();
    const draft = hkSpec();
    draft.experiment.variants[1]!.overrides = { en: { title: 'Stop. Is this a crypto scam?' } };
    const field = diffContent(draft, live)
      .find((l) => l.locale === 'en')!
      .fields.find((f) => f.path === 'variant/B/title')!;
    expect(field.change).toBe('changed');
    expect(field.parts.filter((p) => p.kind === 'inserted').map((p) => p.text.trim())).toEqual(['crypto']);
  });

  it('without a live version every locale is new', () => {
    expect(diffContent(hkSpec(), null).every((l) => l.isNew)).toBe(true);
  });
});
