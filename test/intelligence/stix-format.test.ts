import { describe, expect, it } from 'vitest';
import { validateReportRow, type ReportRow } from '../../src/intelligence/exchange/report-row.js';
import { indicatorsToStix, readStixBundle } from '../../src/intelligence/exchange/stix-format.js';
import { observableType } from '../../src/intelligence/exchange/stix/observables.js';
import { readPattern, writePattern } from '../../src/intelligence/exchange/stix/pattern.js';
import { specExampleBundle } from './stix-examples.js';

const NOW = Date.parse('2025-03-01T00:00:00Z');
const indicatorsOf = (rows: ReportRow[]) =>
  rows.map((row, index) => {
    const result = validateReportRow(row, index + 1, { source: 'partner', nowMs: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.indicator;
  });
const ROWS: ReportRow[] = [
  {
    value: 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN',
    scamType: 'investment',
    riskLevel: 'high',
    reportCount: '14',
    jurisdictions: 'HK',
    firstSeen: '2024-01-02T03:04:05.678Z',
    lastSeen: '2024-06-01T00:00:00Z',
  },
  { value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', scamType: 'phishing', source: 'feed;staff' },
  { value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', expiresAt: '2026-01-01T00:00:00Z' },
  { value: 'xn--bnance-3va.com', scamType: 'impersonation' },
  { value: "https://evil.example.com/it's" },
  { value: 'Support@Evil-Exchange.com' },
  { value: 'x:@Binance_Help' },
  { value: 'GB82WEST12345698765432', firstSeen: '2024-05-01T00:00:00Z', expiresAt: '2024-01-01T00:00:00Z' },
];
const read = (bundle: object) =>
  readStixBundle(JSON.stringify(bundle), { feed: 'f', source: 'feed', nowMs: NOW });
const problemsOf = (bundle: object) => {
  const result = read(bundle);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

// An independent reading of STIX 2.1's requirements (§3.2 common properties, §2.9 identifiers,
// §4.7 indicator, §11 customization), not the importer's code: the export must pass it.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MILLISECOND_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SPEC_INDICATOR_PROPERTIES = new Set([
  'type', 'spec_version', 'id', 'created', 'modified', 'created_by_ref', 'revoked', 'labels',
  'confidence', 'lang', 'external_references', 'object_marking_refs', 'granular_markings',
  'extensions', 'name', 'description', 'indicator_types', 'pattern', 'pattern_type',
  'pattern_version', 'valid_from', 'valid_until', 'kill_chain_phases',
]); // prettier-ignore
const STIX_SCO_TYPES = ['domain-name', 'url', 'email-addr', 'ipv4-addr', 'ipv6-addr', 'user-account', 'file'];

function specViolations(object: Record<string, unknown>): string[] {
  const out: string[] = [];
  const { type, id } = object;
  if (typeof type !== 'string' || !/^[a-z][a-z0-9-]+[a-z0-9]$/.test(type)) out.push('type');
  if (typeof id !== 'string' || id.split('--')[0] !== type || !UUID.test(id.split('--')[1] ?? ''))
    out.push('id');
  if (object.spec_version !== '2.1') out.push('spec_version');
  for (const p of ['created', 'modified', 'valid_from'])
    if (typeof object[p] !== 'string' || !MILLISECOND_TIMESTAMP.test(object[p] as string)) out.push(p);
  if (String(object.created) > String(object.modified)) out.push('created > modified');
  if (object.valid_until !== undefined && String(object.valid_until) <= String(object.valid_from))
    out.push('valid_until <= valid_from');
  if (typeof object.pattern !== 'string' || !/^\[[a-z0-9-]+:[a-z_]+ = '.*'\]$/.test(object.pattern))
    out.push('pattern');
  const patternType = /^\[([a-z0-9-]+):/.exec(String(object.pattern))?.[1] ?? '';
  if (!STIX_SCO_TYPES.includes(patternType) && !patternType.startsWith('x-')) out.push('pattern type x-');
  if (object.pattern_type !== 'stix') out.push('pattern_type');
  for (const [name, value] of Object.entries(object)) {
    if (!SPEC_INDICATOR_PROPERTIES.has(name) && !/^x_[a-z0-9_]{1,248}$/.test(name))
      out.push(`custom ${name}`);
    if (Array.isArray(value) && value.length === 0) out.push(`empty list ${name}`);
  }
  return out;
}

describe('STIX 2.1 export', () => {
  const indicators = indicatorsOf(ROWS);
  const bundle = JSON.parse(indicatorsToStix(indicators)) as {
    type: string;
    id: string;
    spec_version?: string;
    objects: Record<string, unknown>[];
  };

  it('writes objects that meet every requirement of the spec', () => {
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--/);
    expect(UUID.test(bundle.id.slice('bundle--'.length))).toBe(true);
    expect(bundle.spec_version).toBeUndefined(); // 2.1 bundles have none
    expect(bundle.objects).toHaveLength(ROWS.length);
    for (const object of bundle.objects)
      expect([object.pattern, specViolations(object)]).toEqual([object.pattern, []]);
  });

  it('derives ids, created and modified from the indicator itself', () => {
    const again = JSON.parse(indicatorsToStix(indicators)) as typeof bundle;
    expect(again.objects).toEqual(bundle.objects);
    expect(again.id).not.toBe(bundle.id);
    const [tron] = bundle.objects;
    expect(tron).toMatchObject({
      id: 'indicator--d2dd876b-89e0-59ad-809b-a037b4a28adc', // UUIDv5 of tron:TB71… in caveat's namespace
      created: '2024-01-02T03:04:05.678Z',
      modified: '2024-06-01T00:00:00.000Z',
      valid_from: '2024-01-02T03:04:05.678Z',
      pattern: "[x-crypto-wallet:value = 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN']",
      x_caveat_report_count: 14,
    });
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(ROWS.length);
  });

  it('escapes quotes and backslashes in patterns and reads them back', () => {
    const url = bundle.objects.find((o) => String(o.pattern).startsWith('[url:'));
    expect(url?.pattern).toBe("[url:value = 'https://evil.example.com/it\\'s']");
    const wallet = observableType('x-crypto-wallet')!;
    const pattern = writePattern(wallet, "a'b\\c");
    expect(pattern).toBe("[x-crypto-wallet:value = 'a\\'b\\\\c']");
    expect(readPattern(pattern)).toMatchObject({ ok: true, value: "a'b\\c" });
  });

  it('reads its own export back to the same indicators, marked as its own', () => {
    const back = read(bundle);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.ignored).toEqual([]);
    expect(back.indicators.every((i) => i.snapshot === true && i.ref === undefined)).toBe(true);
    const again = indicatorsToStix(back.indicators);
    expect(JSON.parse(again).objects).toEqual(bundle.objects);
  });
});

describe('STIX 2.1 import', () => {
  const indicator = (overrides: Record<string, unknown> = {}) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--0d9b2a6e-2c1f-4c8b-9a51-2f43cd1a7e10',
    created: '2024-02-01T00:00:00.000Z',
    modified: '2024-02-02T00:00:00.000Z',
    pattern: "[domain-name:value = 'evil-exchange-login.com']",
    pattern_type: 'stix',
    valid_from: '2024-02-01T00:00:00Z',
    ...overrides,
  });
  const bundleOf = (...objects: object[]) => ({
    type: 'bundle',
    id: 'bundle--9a0f3c2e-55b1-4d0e-8f7e-3f1b2c4d5e6f',
    objects,
  });

  it('imports the bundle written from the spec’s own examples, saying what it ignored', () => {
    const result = read(specExampleBundle);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.indicators.map((i) => [i.key, i.reportCount, i.firstSeenMs])).toEqual([
      ['domain:www.5z8.info', 1, Date.parse('2014-06-29T13:49:37.079Z')],
      ['domain:example.com', 50, Date.parse('2015-12-21T19:00:00Z')],
    ]);
    expect(result.ignored).toEqual([
      { type: 'identity', count: 1, reason: 'carries no indicator' },
      { type: 'marking-definition', count: 1, reason: 'carries no indicator' },
      { type: 'indicator', count: 1, reason: 'caveat screens no file' },
      { type: 'malware', count: 1, reason: 'carries no indicator' },
      { type: 'relationship', count: 1, reason: 'states nothing caveat keeps' },
      { type: 'ipv4-addr', count: 1, reason: 'caveat screens no ipv4-addr' },
    ]);
  });

  it('reads observed data with embedded SCOs, stand-alone SCOs, and the scam type an indicator indicates', () => {
    const result = read(
      bundleOf(
        indicator(),
        {
          type: 'malware',
          spec_version: '2.1',
          id: 'malware--1b8f2f9e-6a0c-4a54-9a41-6a3c1f0e8d21',
          created: '2024-01-01T00:00:00.000Z',
          modified: '2024-01-01T00:00:00.000Z',
          name: 'LockBit',
          malware_types: ['ransomware'],
          is_family: true,
        },
        {
          type: 'relationship',
          spec_version: '2.1',
          id: 'relationship--2c7e1a4b-8d3f-4e6a-9b1c-0d2e3f4a5b6c',
          created: '2024-01-01T00:00:00.000Z',
          modified: '2024-01-01T00:00:00.000Z',
          relationship_type: 'indicates',
          source_ref: 'indicator--0d9b2a6e-2c1f-4c8b-9a51-2f43cd1a7e10',
          target_ref: 'malware--1b8f2f9e-6a0c-4a54-9a41-6a3c1f0e8d21',
        },
        {
          type: 'observed-data',
          spec_version: '2.1',
          id: 'observed-data--3d8f2b5c-9e4a-4f7b-8c2d-1e3f4a5b6c7d',
          created: '2024-03-01T00:00:00.000Z',
          modified: '2024-03-01T00:00:00.000Z',
          first_observed: '2024-02-28T00:00:00Z',
          last_observed: '2024-02-29T00:00:00Z',
          number_observed: 3,
          x_caveat_scam_type: 'phishing',
          objects: {
            '0': { type: 'url', value: 'https://evil-exchange-login.com/verify' },
            '1': { type: 'email-addr', value: 'help@evil-exchange-login.com' },
            '2': { type: 'ipv6-addr', value: '2001:db8::1' },
          },
        },
        {
          type: 'domain-name',
          id: 'domain-name--4e9a3c6d-0f5b-5a8c-9d3e-2f4a5b6c7d8e',
          value: 'scam-airdrop.io',
        },
      ),
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.indicators.map((i) => [i.key, i.scamType, i.reportCount])).toEqual([
      ['domain:evil-exchange-login.com', 'ransomware', 1],
      ['url:https://evil-exchange-login.com/verify', 'phishing', 3],
      ['email:help@evil-exchange-login.com', 'phishing', 3],
      ['domain:scam-airdrop.io', 'unknown', 1],
    ]);
    expect(result.ignored).toEqual([{ type: 'ipv6-addr', count: 1, reason: 'caveat screens no ipv6-addr' }]);
  });

  it('refuses what the spec requires but the object lacks, naming each object and property', () => {
    const problems = problemsOf(
      bundleOf(
        indicator(),
        {
          type: 'indicator',
          id: 'indicator--not-a-uuid',
          pattern: "[domain-name:value = 'a.com']",
          pattern_type: 'stix',
        },
        indicator({ created: '2024-03-01T00:00:00Z', modified: '2024-02-01T00:00:00Z' }),
        indicator({ id: 'malware--0d9b2a6e-2c1f-4c8b-9a51-2f43cd1a7e10', spec_version: '2.0' }),
        indicator({ valid_until: '2024-01-01T00:00:00Z', 'X-Score': 3 }),
      ),
    );
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'objects/1/id',
        'objects/1/spec_version',
        'objects/1/created',
        'objects/1/modified',
        'objects/1/valid_from',
        'objects/2/modified',
        'objects/3/id',
        'objects/3/spec_version',
        'objects/4/valid_until',
        'objects/4/X-Score',
      ]),
    );
    expect(fields.some((f) => f.startsWith('objects/0'))).toBe(false);
    expect(problems.find((p) => p.field === 'objects/1/id')?.message).toMatch(/not <type>--<UUID>/);
    expect(problems.find((p) => p.field === 'objects/2/modified')?.message).toMatch(/before created/);
  });

  it('says compound patterns are not supported, and names other unreadable patterns', () => {
    const problems = problemsOf(
      bundleOf(
        indicator({ pattern: "[domain-name:value = 'a.com' AND domain-name:value = 'b.com']" }),
        indicator({ pattern: "[domain-name:value = 'a.com'] OR [url:value = 'https://b.com/']" }),
        indicator({ pattern: "[domain-name:value MATCHES '^a']" }),
        indicator({ pattern: "[cryptocurrency-wallet:value = 'x']" }),
        indicator({ pattern_type: 'yara', pattern: 'rule x {}' }),
        indicator({ pattern: "[domain-name:value = 'not a domain']" }),
      ),
    );
    const message = (field: string) => problems.find((p) => p.field === field)?.message ?? '';
    expect(message('objects/0/pattern')).toMatch(/compound patterns .* not supported/);
    expect(message('objects/1/pattern')).toMatch(/compound patterns .* not supported/);
    expect(message('objects/2/pattern')).toMatch(/only = comparisons/);
    expect(message('objects/3/pattern')).toMatch(/reads no cryptocurrency-wallet objects/);
    expect(message('objects/4/pattern_type')).toMatch(/stix patterns only/);
    expect(problems.map((p) => p.field)).toContain('objects/5/pattern');
  });

  it('refuses observed data without what the spec requires of it', () => {
    const problems = problemsOf(
      bundleOf({
        type: 'observed-data',
        spec_version: '2.1',
        id: 'observed-data--3d8f2b5c-9e4a-4f7b-8c2d-1e3f4a5b6c7d',
        created: '2024-03-01T00:00:00.000Z',
        modified: '2024-03-01T00:00:00.000Z',
        first_observed: '2024-03-01T00:00:00Z',
        last_observed: '2024-02-01T00:00:00Z',
        number_observed: 0,
        objects: { '0': { type: 'domain-name', value: 'a.com' } },
        object_refs: ['domain-name--4e9a3c6d-0f5b-5a8c-9d3e-2f4a5b6c7d8e'],
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['objects/0/last_observed', 'objects/0/number_observed', 'objects/0/objects']),
    );
  });

  it('refuses a bundle that is not STIX 2.1 and one that carries no indicator', () => {
    expect(
      problemsOf({ type: 'bundle', id: 'bundle--x', spec_version: '2.0', objects: [] }).map((p) => p.field),
    ).toEqual(['id', 'spec_version']);
    const identityOnly = problemsOf(bundleOf(specExampleBundle.objects[0] as object));
    expect(identityOnly).toEqual([
      {
        field: 'objects',
        message: 'contain no indicator, observed data or observable caveat screens (ignored: 1 identity)',
      },
    ]);
  });

  it('ignores a revoked indicator, saying so', () => {
    const result = read(
      bundleOf(
        indicator({ revoked: true }),
        indicator({ id: 'indicator--5f0b4c7e-1a2d-4e3f-8a9b-0c1d2e3f4a5b' }),
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      ignored: [{ type: 'indicator', count: 1, reason: 'revoked by its producer' }],
    });
  });
});
