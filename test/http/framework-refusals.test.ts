import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkSpec } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

/** Sends raw bytes and reads the whole answer: Node's parser refuses some requests before Fastify. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
  });
}

const problemOf = (raw: string) => {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return { head, problem: JSON.parse(body) as { status: number; errors?: Array<{ field: string }> } };
};

describe('framework-level refusals are problem+json', () => {
  let h: Harness;
  let port = 0;
  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open());
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => h.close());

  it('answers headers too large with 431 and a URL too long with 414, from Node’s parser', async () => {
    const headers = problemOf(
      await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(headers.head).toMatch(/^HTTP\/1\.1 431 /);
    expect(headers.head.toLowerCase()).toContain('content-type: application/problem+json');
    expect(headers.problem).toMatchObject({ status: 431, errors: [{ field: 'headers' }] });

    const url = problemOf(
      await rawRequest(port, `GET /v1/lookup?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
    );
    expect(url.head).toMatch(/^HTTP\/1\.1 414 /);
    expect(url.problem.status).toBe(414);

    const nul = problemOf(await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nX: a\u0000b\r\n\r\n'));
    expect(nul.head).toMatch(/^HTTP\/1\.1 400 /);
    expect(nul.problem.errors?.[0]?.field).toBe('headers');
  });

  it('answers a path parameter too long with 414 and a broken %-escape with 400', async () => {
    const long = await h.app.inject({
      url: `/v1/admin/campaigns/${'a'.repeat(500)}`,
      headers: bearer(h.keys.admin),
    });
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    const broken = await h.app.inject({
      url: '/v1/admin/campaigns/%ED%A0%80',
      headers: bearer(h.keys.admin),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].field).toBe('params');
  });

  it('answers 404, 413, 415 and bad JSON as problems naming the place', async () => {
    const cases = [
      { request: { url: '/nowhere' }, status: 404, field: 'params' },
      {
        request: {
          method: 'POST' as const,
          url: '/v1/screenings',
          headers: { ...bearer(h.keys.exchange), 'content-type': 'application/json' },
          payload: JSON.stringify({ userRef: 'x'.repeat(300_000) }),
        },
        status: 413,
        field: 'body',
      },
      {
        request: {
          method: 'POST' as const,
          url: '/v1/screenings',
          headers: { ...bearer(h.keys.exchange), 'content-type': 'application/xml' },
          payload: '<x/>',
        },
        status: 415,
        field: 'headers/content-type',
      },
      {
        request: {
          method: 'POST' as const,
          url: '/v1/screenings',
          headers: { ...bearer(h.keys.exchange), 'content-type': 'application/json' },
          payload: '{"userRef":',
        },
        status: 400,
        field: 'body',
      },
    ];
    for (const { request, status, field } of cases) {
      const response = await h.app.inject(request);
      expect(response.statusCode, request.url).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].field).toBe(field);
    }
  });

  it('refuses a draft whose content does not have the content shape, naming the path, changing nothing', async () => {
    const before = await h.caveat.campaigns.getCampaign('hk-pilot');
    for (const [url, method] of [
      ['/v1/admin/campaigns/hk-pilot/draft', 'PUT'],
      ['/v1/admin/campaigns/hk-pilot/preview', 'POST'],
      ['/v1/admin/campaigns', 'POST'],
    ] as const) {
      const spec = { ...hkSpec(), content: { a: 1, en: { title: 'no body' } } };
      const payload =
        method === 'PUT'
          ? { spec }
          : url.endsWith('preview')
            ? { spec, locale: 'en' }
            : { id: 'new-one', jurisdiction: 'HK', name: 'New', spec };
      const response = await h.app.inject({ method, url, headers: bearer(h.keys.admin), payload });
      // Issue 10: a draft spec that does not match the content shape is a 422 naming the path.
      expect(response.statusCode, url).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const fields = (response.json().errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields, url).toContain('body/spec/content/a');
      expect(fields, url).toContain('body/spec/content/en/body');
    }
    expect(await h.caveat.campaigns.getCampaign('hk-pilot')).toEqual(before);
    expect(await h.caveat.campaigns.getCampaign('new-one')).toBeUndefined();
  });
});
