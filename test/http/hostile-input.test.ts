import fc from 'fast-check';
import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkPolice } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';
import {
  containerPaths,
  replaceAt,
  sampleOf,
  stringPaths,
  type JsonSchema,
} from '../support/schema-sample.js';
import { storeKinds } from '../support/stores.js';

/**
 * Every route in the OpenAPI document, called by a principal it admits, with hostile values in
 * every place a request carries strings: no 5xx, every refusal a problem+json naming where in the
 * request it went wrong, and nothing written. A route added later is covered without editing this.
 */

const PASSWORD = 'a long enough password';
// Where in a request a problem's field points. The codebase names the query `querystring`, as
// Fastify does.
const LOCATION = /^(body|querystring|params|headers)(\/|$)/;
const BAD_UNITS = ['\u0000', '\ud800', '\udbff', '\udc00', '\udfff'];

type PrincipalName = 'key' | 'partner' | 'reviewer' | 'adminSession' | 'none';

interface Param {
  name: string;
  schema: JsonSchema;
}

interface Operation {
  method: HTTPMethods;
  path: string;
  params: Param[];
  query: Param[];
  body: JsonSchema | undefined;
  principal: PrincipalName;
}

/** A request to send: its URL parts already percent-encoded, its body already JSON text. */
interface Sample {
  params: Record<string, string>;
  query: string[];
  headers: Record<string, string>;
  payload?: string;
  /** For a string PostgreSQL cannot hold: refused with 400, an error's field starting so. */
  refusedAt?: string;
  /** The request carries something no route accepts (a hostile param or body): must be a 4xx. */
  mustRefuse: boolean;
}

interface OpenApiOperation {
  security?: unknown[];
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** NUL and lone surrogates as a URL carries them: %00, and a surrogate's three WTF-8 bytes. */
function percentEncode(text: string): string {
  let out = '';
  for (const unit of text) {
    const code = unit.charCodeAt(0);
    if (unit.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(unit);
  }
  return out;
}

const around = (bad: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.string({ maxLength: 6 }), bad, fc.string({ maxLength: 6 }))
    .map(([before, unit, after]) => `${before}${unit}${after}`);
const badText = around(fc.constantFrom(...BAD_UNITS));
// fast-querystring leaves an undecodable escape as it is, so only a NUL can reach a query value.
const nulText = around(fc.constant('\u0000'));

const TRAVERSALS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%5C..%5Cwindows',
  '%252e%252e%252f',
  '....%2F%2F',
  '%C0%AE%C0%AE%2F',
  '%FF',
  '%E2%80%AE',
  '%20',
  '-',
  'a'.repeat(101),
  'x'.repeat(5000),
];

/** A JSON text with a 10,000-or-more deep array or object where a value was. */
const DEEP = '\u0001deep\u0001';
const deepJson = (depth: number, kind: 'array' | 'object') =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

function differentType(value: unknown): unknown[] {
  if (typeof value === 'string') return [12345, [], {}, true];
  if (typeof value === 'number') return ['12', [], {}];
  if (typeof value === 'boolean') return ['true', 0, []];
  if (Array.isArray(value)) return [{}, 'x', 7];
  return [[], 'x', 7];
}

describe.each(storeKinds)('hostile input on $name', (kind) => {
  // PostgreSQL runs the same properties, fewer times: it is there to show the same SQL holds.
  const runs = kind.name === 'pglite' ? 6 : 2;
  let h: Harness;
  let operations: Operation[] = [];
  const credentials: Record<PrincipalName, { bearer?: string; cookie?: string; csrf?: string }> = {
    key: {},
    partner: {},
    reviewer: {},
    adminSession: {},
    none: {},
  };
  let fingerprintSql = '';

  /** Row counts of every table, and the newest transaction that wrote any row (updates too). */
  const fingerprint = async () =>
    JSON.stringify(await h.caveat.db.query<{ t: string; n: string; x: string | null }>(fingerprintSql));

  beforeAll(async () => {
    h = await startHarness(await kind.open(), {
      env: {
        SIGN_IN_PER_MINUTE: '100000',
        PUBLIC_LOOKUP_PER_MINUTE: '100000',
        SCAM_REPORTS_PER_MINUTE: '100000',
      },
    });
    const user = (email: string, role: 'admin' | 'partner_reviewer', jurisdiction: string | null) =>
      h.caveat.users.create(
        {
          email,
          name: email,
          role,
          jurisdiction,
          partnerId: jurisdiction ? hkPolice.id : null,
          password: PASSWORD,
        },
        'test',
      );
    await user('admin@x.test', 'admin', null);
    await user('hk@x.test', 'partner_reviewer', 'HK');
    const signIn = async (email: string) => {
      const response = await h.app.inject({
        method: 'POST',
        url: '/v1/console/session',
        payload: { email, password: PASSWORD },
      });
      const cookie = response.cookies.find((c) => c.name === 'caveat_session');
      if (!cookie) throw new Error(`no session for ${email}`);
      return { cookie: `caveat_session=${cookie.value}`, csrf: String(response.json().csrfToken) };
    };
    credentials.adminSession = await signIn('admin@x.test');
    credentials.reviewer = await signIn('hk@x.test');
    const all = await h.caveat.apiKeys.create(
      { name: 'everything', scopes: ['screening', 'events', 'admin', 'reports', 'lookup'] },
      'test',
    );
    credentials.key = { bearer: all.token };
    const partner = await h.caveat.apiKeys.create(
      { name: 'partner', scopes: ['partner'], partnerId: hkPolice.id },
      'test',
    );
    credentials.partner = { bearer: partner.token };

    const doc = (await h.app.inject({ url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]): Operation => {
        const parameters = op.parameters ?? [];
        const of = (where: string) =>
          parameters.filter((p) => p.in === where).map((p) => ({ name: p.name, schema: p.schema ?? {} }));
        return {
          method: method.toUpperCase() as HTTPMethods,
          path,
          params: of('path'),
          query: of('query'),
          body: op.requestBody?.content?.['application/json']?.schema,
          principal: principalFor(path, method.toUpperCase(), op.security !== undefined),
        };
      }),
    );

    const tables = await h.caveat.db.query<{ s: string; t: string }>(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
    );
    // A session's idle clock is touched on use; that write is the session working, not the input.
    fingerprintSql = tables
      .map(({ s, t }) => {
        const name = `"${s}"."${t}"`;
        const newest = t === 'console_sessions' ? 'NULL' : 'max(xmin::text::bigint)::text';
        return `SELECT '${name}' AS t, count(*)::text AS n, ${newest} AS x FROM ${name}`;
      })
      .join(' UNION ALL ');
  });
  afterAll(async () => h?.close());

  function principalFor(path: string, method: string, secured: boolean): PrincipalName {
    if (path.startsWith('/v1/partner/')) return 'partner';
    // Approving is a partner reviewer's act: no key can.
    if (/\/(approve|request-changes)$/.test(path)) return 'reviewer';
    if (path === '/v1/console/session') return method === 'POST' ? 'none' : 'adminSession';
    return secured ? 'key' : 'none';
  }

  function credentialHeaders(op: Operation): Record<string, string> {
    const { bearer, cookie, csrf } = credentials[op.principal];
    return {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(cookie ? { cookie } : {}),
      ...(csrf && op.method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
    };
  }

  const hasBody = (op: Operation) => op.body !== undefined && op.method !== 'GET';
  const plausibleParams = (op: Operation) =>
    Object.fromEntries(op.params.map((p) => [p.name, encodeURIComponent(String(sampleOf(p.schema)))]));
  const skeleton = (op: Operation) => (op.body ? sampleOf(op.body) : undefined);
  const base = (op: Operation): Sample => ({
    params: plausibleParams(op),
    query: [],
    headers: {
      ...credentialHeaders(op),
      ...(hasBody(op) ? { 'content-type': 'application/json' } : {}),
    },
    ...(hasBody(op) ? { payload: JSON.stringify(skeleton(op)) } : {}),
    mustRefuse: false,
  });

  /** A string PostgreSQL cannot hold, in one place: a path param, a query, a header, a body value or key. */
  function textSample(op: Operation): fc.Arbitrary<Sample> {
    const places: fc.Arbitrary<Sample>[] = [];
    const queryNames = [...op.query.map((q) => q.name), 'x'];
    if (op.params.length > 0)
      places.push(
        fc.tuple(fc.constantFrom(...op.params.map((p) => p.name)), badText).map(([name, bad]) => ({
          ...base(op),
          params: { ...plausibleParams(op), [name]: percentEncode(bad) },
          refusedAt: 'params',
          mustRefuse: true,
        })),
      );
    places.push(
      fc.tuple(fc.constantFrom(...queryNames), nulText, fc.boolean()).map(([name, bad, inKey]) => ({
        ...base(op),
        query: [inKey ? `${percentEncode(bad)}=1` : `${name}=${percentEncode(bad)}`],
        refusedAt: 'querystring',
        mustRefuse: true,
      })),
    );
    places.push(
      fc
        .tuple(
          fc.constantFrom('authorization', 'cookie', 'x-csrf-token', 'idempotency-key', 'x-anything'),
          badText,
        )
        .map(([name, bad]) => {
          const sample = base(op);
          const value =
            name === 'authorization'
              ? `Bearer ${credentials[op.principal].bearer ?? 'cvt_x_y'}${bad}`
              : name === 'cookie'
                ? `caveat_session=${bad.includes('\u0000') ? percentEncode(bad) : bad}`
                : bad;
          return {
            ...sample,
            headers: { ...sample.headers, [name]: value },
            refusedAt: `headers/${name}`,
            mustRefuse: true,
          };
        }),
    );
    if (hasBody(op)) {
      const body = skeleton(op);
      const strings = stringPaths(body);
      if (strings.length > 0)
        places.push(
          fc.tuple(fc.constantFrom(...strings), badText).map(([path, bad]) => ({
            ...base(op),
            payload: JSON.stringify(replaceAt(body, path, bad)),
            refusedAt: 'body',
            mustRefuse: true,
          })),
        );
      const objects = containerPaths(body).filter((path) => {
        const at = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body);
        return at !== null && typeof at === 'object' && !Array.isArray(at);
      });
      if (objects.length > 0)
        places.push(
          fc.tuple(fc.constantFrom(...objects), badText).map(([path, bad]) => {
            const at = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body);
            return {
              ...base(op),
              payload: JSON.stringify(replaceAt(body, path, { ...(at as object), [bad]: 'x' })),
              refusedAt: 'body',
              mustRefuse: true,
            };
          }),
        );
    }
    return fc.oneof(...places);
  }

  /** Wrong types, deep nesting, huge strings, traversal, repeated params: anything but a 5xx. */
  function structuralSample(op: Operation): fc.Arbitrary<Sample> {
    const repeated = fc
      .subarray([...op.query.map((q) => q.name), 'a'], { minLength: 1 })
      .map((names) => names.flatMap((name) => [`${name}=1`, `${name}=2`]));
    const queryJunk: fc.Arbitrary<string[]> = fc.oneof(
      repeated,
      fc.constant<string[]>([`x=${'q'.repeat(20_000)}`]),
      fc.constant(op.query.map((q) => `${q.name}=${encodeURIComponent('-1e309')}`)),
      fc.constant(op.query.map((q) => `${q.name}[]=1`)),
    );
    const choices: fc.Arbitrary<Sample>[] = [];
    if (op.params.length > 0)
      choices.push(
        fc
          .tuple(fc.constantFrom(...op.params.map((p) => p.name)), fc.constantFrom(...TRAVERSALS), queryJunk)
          .map(([name, hostile, query]) => ({
            ...base(op),
            params: { ...plausibleParams(op), [name]: hostile },
            query,
            // A read of something that does not exist may answer with an empty list.
            mustRefuse: op.method !== 'GET',
          })),
      );
    if (hasBody(op)) {
      const body = skeleton(op);
      const anyPath = [[], ...stringPaths(body), ...containerPaths(body).slice(1)];
      const hostileBody = fc.oneof(
        fc
          .constantFrom(...anyPath)
          .chain((path) =>
            fc
              .constantFrom(
                ...differentType(
                  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body),
                ),
              )
              .map((value) => JSON.stringify(replaceAt(body, path, value))),
          ),
        fc
          .tuple(
            fc.constantFrom(...anyPath),
            fc.constantFrom(10_000, 50_000),
            fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>,
          )
          .map(([path, depth, shape]) =>
            JSON.stringify(replaceAt(body, path, DEEP)).replace(JSON.stringify(DEEP), deepJson(depth, shape)),
          ),
        fc
          .tuple(fc.constantFrom(...stringPaths(body), []), fc.constantFrom(60_000, 300_000))
          .map(([path, size]) => JSON.stringify(replaceAt(body, path, 'x'.repeat(size)))),
        fc.constantFrom('', 'null', '"x"', '42', '[]', '{', '{"a":', 'true', '{"__proto__":{"x":1}}'),
      );
      choices.push(
        fc
          .tuple(hostileBody, queryJunk)
          .map(([payload, query]) => ({ ...base(op), payload, query, mustRefuse: true })),
      );
      choices.push(
        fc.constantFrom('text/plain', 'application/xml', 'application/json; charset=latin1').map((type) => {
          const sample = base(op);
          return {
            ...sample,
            headers: { ...sample.headers, 'content-type': type },
            payload: '<x/>',
            mustRefuse: true,
          };
        }),
      );
    }
    // A change with nothing else to break (DELETE /v1/console/session) gets a body it cannot parse.
    if (op.method !== 'GET' && choices.length === 0)
      choices.push(
        fc.constantFrom('{', '[', '{"a":', '\u0000').map((payload) => {
          const sample = base(op);
          const headers = { ...sample.headers, 'content-type': 'application/json' };
          return { ...sample, headers, payload, mustRefuse: true };
        }),
      );
    // A GET reads only: junk in its query or credentials may be refused or ignored, never a 5xx.
    if (op.method === 'GET')
      choices.push(
        fc
          .tuple(
            queryJunk,
            fc.constantFrom(undefined, 'Bearer ', `Bearer ${'k'.repeat(10_000)}`, 'Basic eDp5'),
          )
          .map(([query, authorization]) => {
            const sample = base(op);
            return {
              ...sample,
              query,
              headers: { ...sample.headers, ...(authorization ? { authorization } : {}) },
              mustRefuse: op.method !== 'GET',
            };
          }),
      );
    return fc.oneof(...choices);
  }

  async function send(op: Operation, sample: Sample): Promise<LightMyRequestResponse> {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => sample.params[name] ?? 'x');
    const url = sample.query.length > 0 ? `${path}?${sample.query.join('&')}` : path;
    return h.app.inject({
      method: op.method,
      url,
      headers: sample.headers,
      ...(sample.payload !== undefined ? { payload: sample.payload } : {}),
    });
  }

  function checkAnswer(response: LightMyRequestResponse, sample: Sample): void {
    const summary = `${response.statusCode} ${response.body.slice(0, 300)}`;
    expect(response.statusCode, summary).toBeLessThan(500);
    if (sample.mustRefuse) expect(response.statusCode, summary).toBeGreaterThanOrEqual(400);
    if (sample.refusedAt) expect(response.statusCode, summary).toBe(400);
    if (response.statusCode < 400) return;
    expect(response.headers['content-type'], summary).toContain('application/problem+json');
    const errors = (response.json() as { errors?: Array<{ field: string; message: string }> }).errors;
    expect(errors?.length ?? 0, summary).toBeGreaterThan(0);
    for (const error of errors ?? []) expect(LOCATION.test(error.field), summary).toBe(true);
    if (sample.refusedAt) {
      const prefix = sample.refusedAt;
      expect(
        errors?.some((e) => e.field.startsWith(prefix)),
        summary,
      ).toBe(true);
    }
  }

  /** Runs the property on every operation; collects failures so one run reports them all. */
  async function everyRoute(make: (op: Operation) => fc.Arbitrary<Sample>): Promise<string[]> {
    const failures: string[] = [];
    for (const op of operations) {
      const before = await fingerprint();
      let failed = '';
      try {
        await fc.assert(
          fc.asyncProperty(make(op), async (sample) => {
            const response = await send(op, sample);
            try {
              checkAnswer(response, sample);
            } catch (error) {
              const { payload, ...shown } = sample;
              const sent = `${JSON.stringify(shown).slice(0, 300)} body ${JSON.stringify(payload?.slice(0, 120))}`;
              failed = `${sent} → ${response.statusCode} ${response.body.slice(0, 240)}`;
              throw error;
            }
          }),
          { numRuns: runs, endOnFailure: true },
        );
      } catch {
        failures.push(`${op.method} ${op.path}: ${failed}`);
      }
      const after = await fingerprint();
      if (after !== before) failures.push(`${op.method} ${op.path}: wrote to the database`);
    }
    return failures;
  }

  it('covers every route in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((op) => op.principal === 'reviewer').length).toBeGreaterThan(0);
  });

  it('refuses NUL and lone surrogates anywhere with a 400 naming the field, writing nothing', async () => {
    expect(await everyRoute(textSample)).toEqual([]);
  });

  it('answers wrong types, deep nesting, huge strings, traversal and repeated params without a 5xx', async () => {
    expect(await everyRoute(structuralSample)).toEqual([]);
  });
});
