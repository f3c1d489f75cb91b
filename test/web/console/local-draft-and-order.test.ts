import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/web/console/api.js';
import { draftProblems } from '../../../src/web/console/campaign/draft-problems.js';
import {
  clearLocalDraft,
  readLocalDraft,
  sameSpec,
  writeLocalDraft,
} from '../../../src/web/console/campaign/local-draft.js';
import { i18next } from '../../../src/web/console/i18n/index.js';
import type { Translate } from '../../../src/web/console/validation/describe-problem.js';
import { hkSpec } from '../../support/fixtures.js';

/** A Storage over a Map: node has no localStorage. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

let t: Translate;
beforeAll(async () => {
  if (!i18next.isInitialized) await new Promise((resolve) => i18next.on('initialized', resolve));
  const fixed = i18next.getFixedT('en', 'validation');
  t = (key, values) => fixed(key, values ?? {});
});

describe('the local draft', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('keeps one unsaved spec per campaign and user, and forgets it when cleared', () => {
    const storage = new MemoryStorage();
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
    const spec = hkSpec();
    writeLocalDraft('user-1', 'hk', { savedAt: '2026-12-04T01:00:00.000Z', baseVersion: 2, spec });
    expect(readLocalDraft('user-1', 'hk')).toEqual({
      savedAt: '2026-12-04T01:00:00.000Z',
      baseVersion: 2,
      spec,
    });
    expect(readLocalDraft('user-2', 'hk')).toBeNull();
    expect(readLocalDraft('user-1', 'mo')).toBeNull();
    // Only the spec and when: nothing else of the session is written.
    expect(Object.keys(JSON.parse([...storage.items.values()][0] ?? '{}') as object).sort()).toEqual([
      'baseVersion',
      'savedAt',
      'spec',
    ]);
    clearLocalDraft('user-1', 'hk');
    expect(readLocalDraft('user-1', 'hk')).toBeNull();
  });

  it('ignores what it cannot read, and works without storage', () => {
    const storage = new MemoryStorage();
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
    storage.setItem('caveat.console.draft.v1:user-1:hk', '{not json');
    expect(readLocalDraft('user-1', 'hk')).toBeNull();
    storage.setItem('caveat.console.draft.v1:user-1:hk', JSON.stringify({ savedAt: 'x', baseVersion: 1 }));
    expect(readLocalDraft('user-1', 'hk')).toBeNull();
    Reflect.deleteProperty(globalThis, 'localStorage');
    expect(() => writeLocalDraft('u', 'c', { savedAt: 'x', baseVersion: 1, spec: hkSpec() })).not.toThrow();
    expect(readLocalDraft('u', 'c')).toBeNull();
  });
});

describe('sameSpec', () => {
  it('ignores key order (the store reorders keys) but not a changed word', () => {
    const spec = hkSpec();
    // Every object's keys in reverse order, as a store that sorts keys could give them back.
    const reverse = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverse)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverse(v)]),
            )
          : value;
    const shuffled = reverse(spec) as typeof spec;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(spec));
    expect(sameSpec(spec, shuffled)).toBe(true);
    expect(sameSpec(spec, { ...spec, priority: spec.priority + 1 })).toBe(false);
  });
});

describe('the problem summary’s order', () => {
  it('lists problems as the form shows them, the locale on screen first, settings after content', () => {
    const error = new ApiError(400, 'bad', [
      { field: 'body/spec/priority', message: 'must be <= 1000' },
      { field: 'body/spec/content/zh-Hant/title', message: 'must NOT have fewer than 1 characters' },
      {
        field: 'body/spec/content/en/contacts/1/phone',
        message: 'must match pattern "^\\+?[0-9 ()-]{3,24}$"',
      },
      { field: 'body/spec/content/en/title', message: 'must NOT have fewer than 1 characters' },
      { field: 'body/spec/experiment/variants/0/key', message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' },
      { field: 'body/variant', message: 'no variant B in the spec' },
    ]);
    const { fields, others } = draftProblems(error, t, 'en', undefined, ['en', 'zh-Hant']);
    expect(fields.map((f) => f.label)).toEqual([
      'Title (English)',
      'Contact 2 — phone number (English)',
      'Title (Traditional Chinese)',
      'Variant 1 — variant key',
      'Priority',
    ]);
    expect(fields.map((f) => [f.locale, f.technical])).toEqual([
      ['en', false],
      ['en', false],
      ['zh-Hant', false],
      [null, true],
      [null, true],
    ]);
    expect(others).toEqual(['/variant: no variant B in the spec']);
  });

  it('says what went wrong when the server named no field', () => {
    const { fields, others } = draftProblems(
      new ApiError(0, 'Could not reach caveat.'),
      t,
      'en',
      undefined,
      [],
    );
    expect(fields).toEqual([]);
    expect(others).toEqual(['Could not reach caveat.']);
  });
});
