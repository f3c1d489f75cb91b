import { generateKeyPairSync } from 'node:crypto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emailInAgencyDomains, normalizeAgencyDomain } from '../../src/police-requests/agency-domains.js';
import { caseNumber } from '../../src/police-requests/case-number.js';
import { dueAt, inboxOrder, timer } from '../../src/police-requests/deadlines.js';
import { buildEvidencePack, verifyEvidencePack } from '../../src/police-requests/evidence-pack.js';
import { fieldVerdict, minimize } from '../../src/police-requests/minimization.js';
import { normalizeRequestIdentifiers } from '../../src/police-requests/request-identifiers.js';
import type { RelayPolicy } from '../../src/relay/policy.js';

const policy = { fields: ['asset', 'decidedAt'] } as unknown as RelayPolicy;

describe('agency email domains', () => {
  it('accept the domain and its subdomains, never a look-alike suffix', () => {
    const domains = ['hkpf.demo.caveat.example'];
    expect(emailInAgencyDomains('a@hkpf.demo.caveat.example', domains)).toBe(true);
    expect(emailInAgencyDomains('a@Cyber.HKPF.demo.caveat.example', domains)).toBe(true);
    expect(emailInAgencyDomains('a@evilhkpf.demo.caveat.example', domains)).toBe(false);
    expect(emailInAgencyDomains('a@hkpf.demo.caveat.example.evil.example', domains)).toBe(false);
    expect(emailInAgencyDomains('hkpf.demo.caveat.example', domains)).toBe(false);
    expect(emailInAgencyDomains('a@b@hkpf.demo.caveat.example', ['b'])).toBe(false);
    expect(normalizeAgencyDomain('Met.Demo.Caveat.Example.')).toBe('met.demo.caveat.example');
    expect(normalizeAgencyDomain('not a domain')).toBeNull();
  });
});

describe('deadlines', () => {
  const received = new Date('2026-03-01T10:00:00Z');
  it('are caveat’s own per type; an earlier requested date shortens only an emergency', () => {
    expect(dueAt('disclosure', received, '2026-03-02').toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(dueAt('preservation', received, '2026-03-02').toISOString()).toBe('2026-03-04T10:00:00.000Z');
    expect(dueAt('emergency', received, '2026-04-01').toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(dueAt('emergency', received, '2026-03-01').toISOString()).toBe('2026-03-01T23:59:59.999Z');
  });
  it('turn due soon in the last fifth and overdue after; closed requests have no timer', () => {
    const request = {
      type: 'disclosure' as const,
      status: 'in_progress' as const,
      dueAt: new Date('2026-03-31T10:00:00Z'),
    };
    expect(timer(request, new Date('2026-03-20T00:00:00Z'))).toBe('due');
    expect(timer(request, new Date('2026-03-29T00:00:00Z'))).toBe('due_soon');
    expect(timer(request, new Date('2026-04-01T00:00:00Z'))).toBe('overdue');
    expect(timer({ ...request, status: 'answered' }, new Date('2026-04-01T00:00:00Z'))).toBeNull();
  });
  it('order the inbox emergency first, then by deadline, closed last', () => {
    const at = (iso: string) => new Date(iso);
    const rows = [
      {
        id: 'late',
        type: 'disclosure' as const,
        status: 'received' as const,
        dueAt: at('2026-04-01T00:00:00Z'),
        createdAt: at('2026-03-01T00:00:00Z'),
      },
      {
        id: 'closed',
        type: 'emergency' as const,
        status: 'answered' as const,
        dueAt: at('2026-03-01T00:00:00Z'),
        createdAt: at('2026-03-01T00:00:00Z'),
      },
      {
        id: 'soon',
        type: 'preservation' as const,
        status: 'received' as const,
        dueAt: at('2026-03-03T00:00:00Z'),
        createdAt: at('2026-03-01T00:00:00Z'),
      },
      {
        id: 'emergency',
        type: 'emergency' as const,
        status: 'verifying' as const,
        dueAt: at('2026-03-05T00:00:00Z'),
        createdAt: at('2026-03-01T00:00:00Z'),
      },
    ];
    expect(inboxOrder(rows).map((r) => r.id)).toEqual(['emergency', 'soon', 'late', 'closed']);
  });
  it('number cases by year and sequence', () => {
    expect(caseNumber(received, 123)).toBe('LE-2026-000123');
  });
});

describe('minimization', () => {
  const subjects = new Set(['tron:T1']);
  it('allows policy fields and public facts; the rest needs an override, unknown ones never pass', () => {
    expect(fieldVerdict(policy, 'asset').allowed).toBe(true);
    expect(fieldVerdict(policy, 'indicator').allowed).toBe(true);
    expect(fieldVerdict(policy, 'amountBand').allowed).toBe(false);
    expect(fieldVerdict(null, 'asset').allowed).toBe(false);
    const items = [
      { subject: 'tron:T1', field: 'asset' },
      { subject: 'tron:T1', field: 'amountUsd' },
      { subject: 'tron:T2', field: 'asset' },
      { subject: 'tron:T1', field: 'shoeSize' },
    ];
    expect(minimize(policy, items, subjects, false).problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'field'],
      [2, 'subject'],
      [3, 'field'],
    ]);
    const overridden = minimize(policy, items.slice(0, 2), subjects, true);
    expect(overridden.problems).toEqual([]);
    expect(overridden.allowed.map((a) => a.overridden)).toEqual([false, true]);
  });
});

describe('request identifiers', () => {
  it('normalize addresses by network, other identifiers by shape, pseudonyms as such, naming bad ones', () => {
    const { identifiers, problems } = normalizeRequestIdentifiers([
      { value: 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW', network: 'TRC20' },
      { value: 'https://binance-support.example/login' },
      { value: '0123456789abcdef0123456789abcdef' },
      { value: 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW' },
      { value: '0xnot', network: 'ETH' },
      { value: 'x', network: 'DOGECHAIN' },
    ]);
    expect(identifiers.map((i) => i.kind)).toEqual(['tron_address', 'url', 'user_pseudonym']);
    expect(problems.map((p) => p.field)).toEqual([
      'body/identifiers/3/value',
      'body/identifiers/4/value',
      'body/identifiers/5/network',
    ]);
  });
});

describe('evidence packs', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519').publicKey;
  const pack = buildEvidencePack(
    [
      { name: 'records.json', bytes: strToU8('{"records":[]}\n') },
      { name: 'records.csv', bytes: strToU8('subject,field,value\n') },
    ],
    { caseNumber: 'LE-2026-000001', agency: '[Demo] Agency', createdAt: '2026-03-01T00:00:00.000Z' },
    privateKey,
    publicKey,
  );
  it('verify with the signer’s key, not another', () => {
    expect(verifyEvidencePack(pack, publicKey)).toMatchObject({ ok: true, problems: [] });
    expect(verifyEvidencePack(pack, other).ok).toBe(false);
  });
  it('name the file that changed, was added or is missing', () => {
    const entries = unzipSync(pack);
    const changed = Uint8Array.from(entries['records.json'] as Uint8Array);
    changed[0] = 0x5b;
    expect(verifyEvidencePack(zipSync({ ...entries, 'records.json': changed }), publicKey).problems).toEqual([
      'records.json was changed',
    ]);
    expect(
      verifyEvidencePack(zipSync({ ...entries, 'extra.txt': strToU8('x') }), publicKey).problems,
    ).toEqual(['extra.txt is not in the manifest']);
    const { ['records.csv']: _removed, ...rest } = entries;
    expect(verifyEvidencePack(zipSync(rest), publicKey).problems).toEqual(['records.csv is missing']);
    expect(verifyEvidencePack(strToU8('not a zip'), publicKey).ok).toBe(false);
  });
});
