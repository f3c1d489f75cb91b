import { describe, expect, it } from 'vitest';
import { checkEntry, type DirectoryEntry } from '../../src/campaigns/directory.js';
import {
  detachDirectoryValues,
  directoryChanges,
  resolveDirectoryRefs,
} from '../../src/campaigns/directory-refs.js';
import { renderResolved } from '../../src/campaigns/render.js';
import { checkSpecRules } from '../../src/campaigns/spec-rules.js';
import type { CampaignSpec } from '../../src/campaigns/spec.js';
import { HK, hkSpec } from '../support/fixtures.js';

const entry = (fields: Partial<DirectoryEntry> & Pick<DirectoryEntry, 'key' | 'kind'>): DirectoryEntry => ({
  jurisdiction: 'HK',
  label: fields.key,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});
const directory = [
  entry({ key: 'helpline', kind: 'resource', phone: '18222', checkBeforeSend: true }),
  entry({ key: 'adcc', kind: 'contact', phone: '18222', hours: '24/7' }),
  entry({ key: 'losses', kind: 'statistic', value: '9,150', year: 2024, sourceUrl: 'https://example.org/' }),
];

function referring(): CampaignSpec {
  const spec = hkSpec();
  for (const content of Object.values(spec.content)) {
    content.resources = [{ id: 'helpline', ref: 'helpline', name: 'Helpline', purpose: 'Ask' }];
    content.contacts = [{ ref: 'adcc', name: 'ADCC' }];
    content.statistics = [{ ref: 'losses', label: 'HK$ million lost', source: 'Police' }];
  }
  return spec;
}

describe('directory refs', () => {
  it('renders every locale with the directory values, and keeps the ref', () => {
    const resolved = resolveDirectoryRefs(referring(), directory);
    for (const locale of ['en', 'zh-Hant']) {
      const content = renderResolved(resolved, locale, null)!;
      expect(content.resources[0]).toMatchObject({ ref: 'helpline', phone: '18222', checkBeforeSend: true });
      expect(content.contacts[0]).toEqual({ ref: 'adcc', name: 'ADCC', phone: '18222', hours: '24/7' });
      expect(content.statistics[0]).toMatchObject({ value: '9,150', year: 2024, source: 'Police' });
    }
  });

  it('turns a published version back into a draft that follows the directory, and says what moved', () => {
    const published = resolveDirectoryRefs(referring(), directory);
    expect(detachDirectoryValues(published)).toEqual(referring());
    expect(directoryChanges(published, directory)).toEqual([]);
    const moved = directory.map((e) => (e.key === 'helpline' ? { ...e, phone: '2527 7177' } : e));
    expect(directoryChanges(published, moved).map((c) => [c.locale, c.field, c.shown, c.current])).toEqual([
      ['zh-Hant', 'phone', '18222', '2527 7177'],
      ['en', 'phone', '18222', '2527 7177'],
    ]);
  });

  it('refuses an unknown ref, a ref of another kind and a ref with a literal, numbered from 1', () => {
    const spec = referring();
    spec.content.en!.contacts = [
      { ref: 'adcc', name: 'ADCC' },
      { ref: 'helpline', name: 'Wrong kind' },
    ];
    spec.content.en!.statistics[0]!.value = '1';
    spec.content['zh-Hant']!.resources[0]!.ref = 'gone';
    expect(checkSpecRules(spec, HK, directory)).toEqual([
      {
        field: '/content/zh-Hant/resources/0/ref',
        message: 'Resource 1 refers to "gone", which is not in the directory of Hong Kong',
      },
      {
        field: '/content/en/contacts/1/ref',
        message: 'Contact 2 refers to "helpline", which is a resource in the directory, not a contact',
      },
      {
        field: '/content/en/statistics/0/value',
        message:
          'Statistic 1 takes its value from the directory entry "losses": leave this out, or remove the directory entry to give one here',
      },
    ]);
    expect(checkSpecRules(referring(), HK, directory)).toEqual([]);
  });

  it('still asks literal items for what a ref would give', () => {
    const spec = hkSpec();
    delete spec.content.en!.resources[0]!.checkBeforeSend;
    spec.content.en!.statistics = [{ label: 'Lost', source: 'Police' }];
    expect(checkSpecRules(spec, HK).map((p) => p.field)).toEqual([
      '/content/en/resources/0/checkBeforeSend',
      '/content/en/statistics/0/value',
      '/content/en/statistics/0/year',
    ]);
  });

  it('keeps each kind to its own facts', () => {
    expect(checkEntry('resource', { label: 'x', email: 'a@b.c' })).toEqual([
      { field: 'email', message: 'a resource does not take an email address; leave it out' },
      { field: 'url', message: 'a resource needs a link or a phone number' },
    ]);
    expect(checkEntry('contact', { label: 'x', email: 'a@b.c' })).toEqual([]);
  });
});
