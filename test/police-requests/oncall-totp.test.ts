import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policeRequestsOf } from '../../src/app/police-request-service.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const DOMAIN = 'hkpf.demo.caveat.example';
const PASSWORD = 'correct horse battery staple';
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

describe.each(storeKinds)('on-call pages and TOTP on $name', (kind) => {
  let h: Harness;
  let server: Server;
  let outbox: string;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let officer = { cookie: '', csrf: '' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    outbox = mkdtempSync(join(tmpdir(), 'caveat-outbox-'));
    h = await startHarness(await kind.open(), {
      env: {
        MAIL_TRANSPORT: `file:${outbox}`,
        SIGN_IN_PER_MINUTE: '1000',
        ONCALL_WEBHOOK_URL: `http://127.0.0.1:${port}/page`,
        ONCALL_WEBHOOK_SECRET: SECRET,
      },
    });
    const service = await policeRequestsOf(h.caveat);
    await service.officers.setEmailDomains('hk-police', [DOMAIN], 'test');
    const email = `chan@${DOMAIN}`;
    await service.signUp({ email, name: '[Demo] Chan', agencyId: 'hk-police', password: PASSWORD });
    const mail = readdirSync(outbox).find((f) => f.endsWith('.json')) ?? '';
    const token = /token=([A-Za-z0-9_-]+)/.exec(readFileSync(join(outbox, mail), 'utf8'))?.[1] ?? '';
    const confirmed = await service.confirm(token);
    await service.officers.decide(confirmed.id, 'approved', 'test');
    const session = await h.app.inject({
      method: 'POST',
      url: '/police/api/session',
      payload: { email, password: PASSWORD },
    });
    officer = {
      cookie: String(session.headers['set-cookie']).split(';')[0] ?? '',
      csrf: session.json<{ csrfToken: string }>().csrfToken,
    };
  });
  afterAll(async () => {
    await h.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(outbox, { recursive: true, force: true });
  });

  it('pages on-call at once for an emergency, signed like relay webhooks, and once per step after', async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/police/api/requests',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf },
      payload: {
        type: 'emergency',
        legalBasis: '[Demo] Threat to life',
        agencyReference: '[Demo] E-1',
        identifiers: [{ value: 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW' }],
        requestedDeadline: '2099-01-01',
        description: '[Demo] A victim is being coerced right now.',
        threatToLife: true,
      },
    });
    expect(created.statusCode).toBe(201);
    await expect.poll(() => received.length, { timeout: 5000 }).toBe(1);
    const page = received[0] as { headers: IncomingHttpHeaders; body: string };
    const verified = new Webhook(SECRET).verify(page.body, {
      'webhook-id': String(page.headers['webhook-id']),
      'webhook-timestamp': String(page.headers['webhook-timestamp']),
      'webhook-signature': String(page.headers['webhook-signature']),
    }) as { type: string; data: { urgent: boolean; caseNumber: string } };
    expect(verified.type).toBe('police_request.created');
    expect(verified.data.urgent).toBe(true);
    expect(page.body).not.toContain('coerced');

    const service = await policeRequestsOf(h.caveat);
    // Four hours before the 24-hour deadline the request is due soon: paged once for that step.
    const soon = new Date(Date.now() + 20 * 3_600_000);
    expect(await service.sweep(soon)).toBe(1);
    expect(await service.sweep(soon)).toBe(0);
    await expect.poll(() => received.length).toBe(2);
    expect(JSON.parse(received[1]?.body ?? '{}').type).toBe('police_request.due_soon');
    const later = new Date(Date.now() + 2 * 86_400_000);
    // Two sweeps at once (as two replicas would run them) page once between them.
    const both = await Promise.all([service.sweep(later), service.sweep(later)]);
    expect(both[0] + both[1]).toBe(1);
    expect(await service.sweep(later)).toBe(0);
    await expect.poll(() => received.length).toBe(3);
    expect(JSON.parse(received[2]?.body ?? '{}').type).toBe('police_request.overdue');
    const count = await h.app.inject({
      method: 'GET',
      url: '/v1/admin/police-requests/count',
      headers: { authorization: `Bearer ${h.keys.admin}` },
    });
    expect(count.json()).toEqual({ open: 1, dueSoon: 0, overdue: 0, emergency: 1 });
  });

  it('enrols TOTP; then signing in needs a valid code', async () => {
    const headers = { cookie: officer.cookie, 'x-csrf-token': officer.csrf };
    const enrol = await h.app.inject({ method: 'POST', url: '/police/api/totp', headers });
    expect(enrol.statusCode).toBe(200);
    const totp = OTPAuth.URI.parse(enrol.json<{ uri: string }>().uri) as OTPAuth.TOTP;
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/police/api/totp/verify',
      headers,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(422);
    const ok = await h.app.inject({
      method: 'POST',
      url: '/police/api/totp/verify',
      headers,
      payload: { code: totp.generate() },
    });
    expect(ok.statusCode).toBe(204);
    const email = `chan@${DOMAIN}`;
    const without = await h.app.inject({
      method: 'POST',
      url: '/police/api/session',
      payload: { email, password: PASSWORD },
    });
    expect(without.statusCode).toBe(401);
    expect(without.json().errors[0].field).toBe('body/totp');
    const withCode = await h.app.inject({
      method: 'POST',
      url: '/police/api/session',
      payload: { email, password: PASSWORD, totp: totp.generate() },
    });
    expect(withCode.statusCode).toBe(200);
  });
});
