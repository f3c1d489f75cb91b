import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceVerifyCommand } from '../../src/cli/evidence-command.js';
import { verifyEvidencePack } from '../../src/police-requests/evidence-pack.js';
import type { RelayPolicy } from '../../src/relay/policy.js';
import { HK, MO, withdrawal } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const HK_DOMAIN = 'hkpf.demo.caveat.example';
const MO_DOMAIN = 'pj.demo.caveat.example';
const ADDRESS = 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW';
const PASSWORD = 'correct horse battery staple';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

function multipart(filename: string, contentType: string, content: Buffer) {
  const boundary = `----caveat${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const hkPolicy: RelayPolicy = {
  jurisdictions: ['HK'],
  triggers: { decisions: ['hold'], outcomes: [], onlyReportedDestinations: false },
  fields: ['decisionId', 'decidedAt', 'asset', 'decision'],
  retentionDays: 90,
  delivery: { mode: 'pull', allowedHosts: [], maxConcurrency: 1 },
};

const cookieOf = (setCookie: string | string[] | undefined, name: string) => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith(`${name}=`));
  return found?.split(';')[0];
};

describe.each(storeKinds)('police requests on $name', (kind) => {
  let h: Harness;
  let outbox: string;
  const count = async (table: string) =>
    Number((await h.caveat.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`))[0]?.n);

  const api = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: { body?: unknown; cookie?: string; csrf?: string; bearer?: string } = {},
  ) =>
    h.app.inject({
      method,
      url,
      headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
        ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
      },
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });

  const mails = () =>
    readdirSync(outbox)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(outbox, f), 'utf8')) as { to: string; text: string });

  /** Signs up, confirms by the mailed link, gets approved, signs in. */
  async function officer(email: string, agencyId: string) {
    const before = mails().length;
    const up = await api('POST', '/police/api/sign-up', {
      body: { email, name: `[Demo] ${email}`, agencyId, password: PASSWORD },
    });
    expect(up.statusCode).toBe(202);
    const mail = mails()[before];
    expect(mail?.to).toBe(email);
    const token = /\/police\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect((await api('POST', '/police/api/confirm', { body: { token } })).statusCode).toBe(200);
    const pending = (await api('GET', '/v1/admin/officers?status=pending', { bearer: h.keys.admin })).json<
      { id: string; email: string }[]
    >();
    const id = pending.find((o) => o.email === email)?.id ?? '';
    expect((await api('POST', `/v1/admin/officers/${id}/approve`, { bearer: h.keys.admin })).statusCode).toBe(
      200,
    );
    return { id, token, ...(await signIn(email)) };
  }

  async function signIn(email: string, password = PASSWORD) {
    const response = await api('POST', '/police/api/session', { body: { email, password } });
    expect(response.statusCode).toBe(200);
    return {
      cookie: cookieOf(response.headers['set-cookie'], 'caveat_police_session') ?? '',
      csrf: response.json<{ csrfToken: string }>().csrfToken,
    };
  }

  async function consoleUser(role: 'admin' | 'le_responder') {
    const email = `${role}-${randomBytes(3).toString('hex')}@exchange.example`;
    await h.caveat.users.create(
      { email, name: role, role, jurisdiction: null, partnerId: null, password: PASSWORD },
      'test',
    );
    const response = await api('POST', '/v1/console/session', { body: { email, password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    return {
      cookie: cookieOf(response.headers['set-cookie'], 'caveat_session') ?? '',
      csrf: response.json<{ csrfToken: string }>().csrfToken,
    };
  }

  const disclosureRequest = (overrides: Record<string, unknown> = {}) => ({
    type: 'disclosure',
    legalBasis: '[Demo] Production order under s.XX, Organized and Serious Crimes Ordinance',
    agencyReference: '[Demo] CSTCB-2026-0042',
    identifiers: [{ value: ADDRESS, network: 'TRC20' }],
    fields: ['decidedAt', 'asset'],
    requestedDeadline: '2099-12-31',
    description: '[Demo] A reported wallet receiving victims’ funds.',
    ...overrides,
  });

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'caveat-outbox-'));
    h = await startHarness(await kind.open(), {
      env: {
        MAIL_TRANSPORT: `file:${outbox}`,
        SIGN_IN_PER_MINUTE: '1000',
        PUBLIC_BASE_URL: 'http://portal.test',
      },
    });
    void HK;
    void MO;
    await h.caveat.campaigns.putPartner(
      {
        id: 'mo-police',
        name: '[Demo] Macau Judiciary Police',
        jurisdiction: 'MO',
        kind: 'police',
        website: null,
      },
      'test',
    );
    for (const [id, domain] of [
      ['hk-police', HK_DOMAIN],
      ['mo-police', MO_DOMAIN],
    ] as const) {
      const put = await api('PUT', `/v1/admin/partners/${id}/email-domains`, {
        bearer: h.keys.admin,
        body: { domains: [domain] },
      });
      expect(put.statusCode).toBe(200);
    }
    await h.caveat.relayStore.publishPolicy('hk-police', hkPolicy, 'test');
    // A withdrawal screened to the wallet, so caveat holds records about it.
    const screened = await api('POST', '/v1/screenings', {
      bearer: h.keys.exchange,
      body: withdrawal({ destination: { address: ADDRESS, isNew: true, isWhitelisted: false } }),
    });
    expect(screened.statusCode).toBe(201);
    // And a victim reported it.
    const reported = await h.app.inject({
      method: 'POST',
      url: '/public/scam-reports',
      payload: {
        jurisdiction: 'HK',
        category: 'investment',
        identifiers: [{ value: ADDRESS, network: 'TRC20' }],
        description: '[Demo] A “mentor” told me to deposit USDT to this address.',
        consentToPoliceContact: false,
      },
    });
    expect(reported.statusCode).toBe(201);
  });
  afterAll(async () => {
    await h.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('refuses an email outside the agency’s domains, naming body/email, writing nothing', async () => {
    for (const email of ['someone@gmail.example', `x@evil${HK_DOMAIN}`, `x@${MO_DOMAIN}`]) {
      const response = await api('POST', '/police/api/sign-up', {
        body: { email, name: 'X', agencyId: 'hk-police', password: PASSWORD },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([expect.objectContaining({ field: 'body/email' })]);
    }
    const bad = await api('POST', '/police/api/sign-up', {
      body: { email: `a@${HK_DOMAIN}`, agencyId: 'hk-police', password: 'short' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body/name', 'body/password']));
    expect(await count('officers')).toBe(0);
    expect(mails()).toHaveLength(0);
  });

  it('an officer cannot sign in before confirming and before approval; the link works once', async () => {
    const email = `early@cyber.${HK_DOMAIN}`;
    expect(
      (
        await api('POST', '/police/api/sign-up', {
          body: { email, name: 'Early', agencyId: 'hk-police', password: PASSWORD },
        })
      ).statusCode,
    ).toBe(202);
    const unconfirmed = await api('POST', '/police/api/session', { body: { email, password: PASSWORD } });
    expect(unconfirmed.statusCode).toBe(403);
    expect(unconfirmed.json().errors[0].field).toBe('session');
    const token = /token=([A-Za-z0-9_-]+)/.exec(mails().at(-1)?.text ?? '')?.[1] ?? '';
    expect(mails().at(-1)?.text).toContain('http://portal.test/police/confirm?token=');
    expect((await api('POST', '/police/api/confirm', { body: { token } })).statusCode).toBe(200);
    const reused = await api('POST', '/police/api/confirm', { body: { token } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().errors[0].field).toBe('body/token');
    const pending = await api('POST', '/police/api/session', { body: { email, password: PASSWORD } });
    expect(pending.statusCode).toBe(403);
    expect(pending.json().errors[0].field).toBe('session');
    // Only the hash of the token is stored.
    const stored = await h.caveat.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM officer_email_tokens',
    );
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
  });

  let hk: Awaited<ReturnType<typeof officer>>;
  let requestId = '';
  let overrideRequestId = '';

  it('files a disclosure request with CSRF, gets a case number and deadline; bad fields write nothing', async () => {
    hk = await officer(`wong@${HK_DOMAIN}`, 'hk-police');
    const noCsrf = await api('POST', '/police/api/requests', {
      cookie: hk.cookie,
      body: disclosureRequest(),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().errors[0].field).toBe('headers/x-csrf-token');
    const badIdentifier = await api('POST', '/police/api/requests', {
      cookie: hk.cookie,
      csrf: hk.csrf,
      body: disclosureRequest({
        identifiers: [{ value: ADDRESS }, { value: '0x52908400098527886E0F7030069857D2E4169Ee8' }],
        fields: ['asset', 'shoeSize'],
      }),
    });
    expect(badIdentifier.statusCode).toBe(422);
    expect(badIdentifier.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'body/identifiers/1/value',
      'body/fields/1',
    ]);
    const badType = await api('POST', '/police/api/requests', {
      cookie: hk.cookie,
      csrf: hk.csrf,
      body: disclosureRequest({ type: 'subpoena' }),
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().errors[0].field).toBe('body/type');
    expect(await count('police_requests')).toBe(0);

    const before = Date.now();
    const created = await api('POST', '/police/api/requests', {
      cookie: hk.cookie,
      csrf: hk.csrf,
      body: disclosureRequest(),
    });
    expect(created.statusCode).toBe(201);
    const body = created.json<{ id: string; caseNumber: string; dueAt: string; status: string }>();
    expect(body.caseNumber).toMatch(/^LE-\d{4}-\d{6}$/);
    expect(body.status).toBe('received');
    const days = (Date.parse(body.dueAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    requestId = body.id;
    const second = await api('POST', '/police/api/requests', {
      cookie: hk.cookie,
      csrf: hk.csrf,
      body: disclosureRequest({ fields: ['amountUsd'], agencyReference: '[Demo] CSTCB-2026-0043' }),
    });
    overrideRequestId = second.json<{ id: string }>().id;
    const emergency = await api('POST', '/police/api/requests', {
      cookie: hk.cookie,
      csrf: hk.csrf,
      body: disclosureRequest({
        type: 'emergency',
        threatToLife: true,
        fields: [],
        requestedDeadline: '2099-01-01',
      }),
    });
    expect(emergency.statusCode).toBe(201);
    const hours = (Date.parse(emergency.json<{ dueAt: string }>().dueAt) - Date.now()) / 3_600_000;
    expect(hours).toBeLessThanOrEqual(24);
    expect(hours).toBeGreaterThan(23.9);
    await expect
      .poll(() =>
        h.caveat.db
          .query(`SELECT 1 FROM audit_log WHERE action = 'police_request.create'`)
          .then((r) => r.length),
      )
      .toBe(3);
  });

  it('refuses an attachment that lies about its type; accepts a PDF', async () => {
    const url = `/police/api/requests/${requestId}/attachments`;
    const lie = multipart('order.pdf', 'application/pdf', Buffer.from('This is not a PDF, just text.\n'));
    const refused = await h.app.inject({
      method: 'POST',
      url,
      payload: lie.payload,
      headers: { ...lie.headers, cookie: hk.cookie, 'x-csrf-token': hk.csrf },
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().errors[0].field).toBe('file');
    expect(await count('police_request_attachments')).toBe(0);
    const pdf = multipart('order.pdf', 'application/pdf', PDF);
    const ok = await h.app.inject({
      method: 'POST',
      url,
      payload: pdf.payload,
      headers: { ...pdf.headers, cookie: hk.cookie, 'x-csrf-token': hk.csrf },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().bytes).toBe(PDF.length);
  });

  it('an officer of another agency sees none of it (404)', async () => {
    const mo = await officer(`lei@${MO_DOMAIN}`, 'mo-police');
    const list = await api('GET', '/police/api/requests', { cookie: mo.cookie });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([]);
    for (const url of [
      `/police/api/requests/${requestId}`,
      `/police/api/requests/${requestId}/evidence-pack`,
    ]) {
      const response = await api('GET', url, { cookie: mo.cookie });
      expect(response.statusCode).toBe(404);
      expect(response.json().errors[0].field).toBe('params/id');
    }
    const message = await api('POST', `/police/api/requests/${requestId}/messages`, {
      cookie: mo.cookie,
      csrf: mo.csrf,
      body: { text: 'hi' },
    });
    expect(message.statusCode).toBe(404);
    expect(await count('police_request_messages')).toBe(0);
    // A console session cookie opens nothing in the portal.
    const responder = await consoleUser('le_responder');
    expect((await api('GET', '/police/api/requests', { cookie: responder.cookie })).statusCode).toBe(401);
  });

  it('locks an officer out after 5 failures, even with the right password, with an audit entry', async () => {
    const email = `lock@${MO_DOMAIN}`;
    await officer(email, 'mo-police');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await api('POST', '/police/api/session', { body: { email, password: 'wrong password!!' } }))
          .statusCode,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await api('POST', '/police/api/session', { body: { email, password: PASSWORD } });
    expect(right.statusCode).toBe(429);
    expect(right.json().errors[0].field).toBe('body/email');
    const audit = await h.caveat.db.query(`SELECT 1 FROM audit_log WHERE action = 'officer.lockout'`);
    expect(audit).toHaveLength(1);
  });

  it('the responder sees the inbox with timers, emergency first, and only policy fields without an override', async () => {
    const responder = await consoleUser('le_responder');
    const inbox = await api('GET', '/v1/admin/police-requests', { cookie: responder.cookie });
    expect(inbox.statusCode).toBe(200);
    const rows = inbox.json<{ id: string; type: string; timer: string }[]>();
    expect(rows.map((r) => r.type)).toEqual(['emergency', 'disclosure', 'disclosure']);
    expect(rows.find((r) => r.id === requestId)?.timer).toBe('due');
    expect(rows[0]?.timer).toBe('due');
    const disclosable = (
      await api('GET', `/v1/admin/police-requests/${requestId}/disclosable`, { cookie: responder.cookie })
    ).json<{
      fields: { field: string; allowed: boolean }[];
      subjects: { subject: string; decisions: number; values: Record<string, unknown> }[];
    }>();
    const allowed = disclosable.fields.filter((f) => f.allowed).map((f) => f.field);
    expect(allowed).toEqual(['indicator', 'decisionId', 'decidedAt', 'decision', 'asset']);
    expect(disclosable.subjects[0]?.subject).toBe(`tron:${ADDRESS}`);
    expect(disclosable.subjects[0]?.decisions).toBe(1);
    expect(disclosable.subjects[0]?.values.asset).toEqual(['USDT']);
    expect(disclosable.subjects[0]?.values.scamReports).toMatchObject({
      reports: 1,
      categories: ['investment'],
    });
    expect(JSON.stringify(disclosable.subjects[0]?.values.scamReports)).not.toContain('mentor');
    expect(disclosable.fields.find((f) => f.field === 'scamReports')?.allowed).toBe(false);

    const subject = `tron:${ADDRESS}`;
    const url = `/v1/admin/police-requests/${requestId}/answer`;
    const beyond = await api('POST', url, {
      cookie: responder.cookie,
      csrf: responder.csrf,
      body: {
        disclose: [
          { subject, field: 'asset' },
          { subject, field: 'amountBand' },
        ],
      },
    });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().errors).toEqual([expect.objectContaining({ field: 'body/disclose/1/field' })]);
    const notAdmin = await api('POST', url, {
      cookie: responder.cookie,
      csrf: responder.csrf,
      body: {
        disclose: [{ subject, field: 'amountBand' }],
        override: { reason: 'The order covers amounts.' },
      },
    });
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().errors[0].field).toBe('body/override');
    const noCsrf = await api('POST', url, {
      cookie: responder.cookie,
      body: { disclose: [{ subject, field: 'asset' }] },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await count('disclosures')).toBe(0);
    expect(await count('evidence_packs')).toBe(0);

    const answered = await api('POST', url, {
      cookie: responder.cookie,
      csrf: responder.csrf,
      body: {
        disclose: [
          { subject, field: 'decidedAt' },
          { subject, field: 'asset' },
        ],
        note: 'Records attached.',
      },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().status).toBe('answered');
    expect(await count('disclosures')).toBe(2);
  });

  it('an admin discloses beyond the policy only with a reason, and the override is in the log', async () => {
    const admin = await consoleUser('admin');
    const subject = `tron:${ADDRESS}`;
    const url = `/v1/admin/police-requests/${overrideRequestId}/answer`;
    const noReason = await api('POST', url, {
      cookie: admin.cookie,
      csrf: admin.csrf,
      body: { disclose: [{ subject, field: 'amountUsd' }] },
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('body/disclose/0/field');
    const reason = '[Demo] The court order names the exact amounts.';
    const ok = await api('POST', url, {
      cookie: admin.cookie,
      csrf: admin.csrf,
      body: {
        disclose: [
          { subject, field: 'amountUsd' },
          { subject, field: 'asset' },
        ],
        override: { reason },
      },
    });
    expect(ok.statusCode).toBe(200);
    const log = (
      await api('GET', `/v1/admin/disclosures?requestId=${overrideRequestId}`, { cookie: admin.cookie })
    ).json<{ field: string; overrideReason: string | null }[]>();
    expect(log).toEqual([
      expect.objectContaining({ field: 'amountUsd', overrideReason: reason }),
      expect.objectContaining({ field: 'asset', overrideReason: null }),
    ]);
  });

  it('the disclosure log is queryable per subject, exportable, and refuses UPDATE and DELETE', async () => {
    const bySubject = await api('GET', `/v1/admin/disclosures?subject=${ADDRESS}`, { bearer: h.keys.admin });
    expect(bySubject.statusCode).toBe(200);
    const rows =
      bySubject.json<
        { field: string; agencyId: string; officerEmail: string; caseNumber: string; legalBasis: string }[]
      >();
    expect(rows.map((r) => r.field)).toEqual(['decidedAt', 'asset', 'amountUsd', 'asset']);
    expect(rows[0]).toMatchObject({ agencyId: 'hk-police', officerEmail: `wong@${HK_DOMAIN}` });
    expect(
      (
        await api('GET', '/v1/admin/disclosures?subject=0x52908400098527886E0F7030069857D2E4169EE8', {
          bearer: h.keys.admin,
        })
      ).json(),
    ).toEqual([]);
    const csv = await api('GET', '/v1/admin/disclosures/export?format=csv', { bearer: h.keys.admin });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe(
      'disclosedAt,caseNumber,agency,officer,legalBasis,subject,field,disclosedBy,overrideReason',
    );
    expect(csv.body).toContain(rows[0]?.caseNumber ?? 'missing');
    await expect(h.caveat.db.query(`UPDATE disclosures SET override_reason = 'hidden'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(h.caveat.db.query('DELETE FROM disclosures')).rejects.toThrow(/append-only/);
    expect(await count('disclosures')).toBe(4);
  });

  it('the officer downloads an evidence pack that verifies, and fails after one byte changes (CLI too)', async () => {
    const detail = await api('GET', `/police/api/requests/${requestId}`, { cookie: hk.cookie });
    expect(detail.json().answer.records).toHaveLength(2);
    expect(detail.json().attachments).toHaveLength(1);
    const download = await api('GET', `/police/api/requests/${requestId}/evidence-pack`, {
      cookie: hk.cookie,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const pack = new Uint8Array(download.rawPayload);
    const keyView = (await api('GET', '/police/api/signing-key')).json<{
      publicKeyPem: string;
      keyId: string;
    }>();
    const key = createPublicKey(keyView.publicKeyPem);
    const good = verifyEvidencePack(pack, key);
    expect(good.problems).toEqual([]);
    expect(good.manifest?.files.map((f) => f.name)).toEqual([
      'records.json',
      'records.csv',
      'intelligence.stix.json',
    ]);
    expect(good.manifest?.signerKeyId).toBe(keyView.keyId);
    const records = JSON.parse(strFromU8(unzipSync(pack)['records.json'] as Uint8Array)) as {
      records: { field: string }[];
    };
    expect(records.records.map((r) => r.field)).toEqual(['decidedAt', 'asset']);

    const entries = unzipSync(pack);
    const csv = entries['records.csv'] as Uint8Array;
    const changed = Uint8Array.from(csv);
    changed[changed.length - 2] = (changed[changed.length - 2] ?? 0) ^ 1;
    const tampered = zipSync({ ...entries, 'records.csv': changed });
    const bad = verifyEvidencePack(tampered, key);
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual(['records.csv was changed']);
    const manifestEdited = zipSync({
      ...entries,
      'manifest.json': strToU8(strFromU8(entries['manifest.json'] as Uint8Array).replace('LE-', 'LX-')),
    });
    expect(verifyEvidencePack(manifestEdited, key).problems[0]).toMatch(
      /^manifest.json: the signature does not match/,
    );

    const dir = mkdtempSync(join(tmpdir(), 'caveat-pack-'));
    try {
      writeFileSync(join(dir, 'key.pem'), keyView.publicKeyPem);
      writeFileSync(join(dir, 'pack.zip'), pack);
      writeFileSync(join(dir, 'tampered.zip'), tampered);
      const out: string[] = [];
      const err: string[] = [];
      const sink = (lines: string[]) => ({ write: (text: string) => lines.push(text) });
      expect(
        await evidenceVerifyCommand(
          join(dir, 'pack.zip'),
          { key: join(dir, 'key.pem') },
          sink(out),
          sink(err),
        ),
      ).toBe(0);
      expect(out.join('')).toContain('verified');
      expect(
        await evidenceVerifyCommand(
          join(dir, 'tampered.zip'),
          { key: join(dir, 'key.pem') },
          sink(out),
          sink(err),
        ),
      ).toBe(1);
      expect(err.join('')).toContain('records.csv was changed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('declining needs a reason; statuses and assignees are validated', async () => {
    const responder = await consoleUser('le_responder');
    const rows = (
      await api('GET', '/v1/admin/police-requests?status=received', { cookie: responder.cookie })
    ).json<{ id: string; type: string }[]>();
    const emergency = rows.find((r) => r.type === 'emergency')?.id ?? '';
    const patch = (body: unknown) =>
      api('PATCH', `/v1/admin/police-requests/${emergency}`, {
        cookie: responder.cookie,
        csrf: responder.csrf,
        body,
      });
    const noReason = await patch({ status: 'declined' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('body/reason');
    const badAssignee = await patch({ assignee: 'nobody' });
    expect(badAssignee.json().errors[0].field).toBe('body/assignee');
    const redirected = await patch({ status: 'redirected', reason: 'Please use the MLAT channel for this.' });
    expect(redirected.statusCode).toBe(200);
    expect(redirected.json()).toMatchObject({
      status: 'redirected',
      statusReason: 'Please use the MLAT channel for this.',
      timer: null,
    });
    const seen = (await api('GET', `/police/api/requests/${emergency}`, { cookie: hk.cookie })).json<{
      status: string;
      messages: { text: string }[];
    }>();
    expect(seen.status).toBe('redirected');
    expect(seen.messages.at(-1)?.text).toContain('MLAT');
  });
});
