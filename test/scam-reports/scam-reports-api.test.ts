import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkPolice, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

// Valid TRON addresses no seed knows (base58check of made-up bytes), one per scenario.
const WALLET = {
  cluster: 'TPfDZXQuewAam1DP2jUiczNc3GkEVzsxAW',
  idem: 'TYyLnCiais7Q3HcgX4bzcTbEGSZuVWebKF',
  unconfirmed: 'TKrwgtCkF5Tn5mHNmubCih2g9NkBTUHq4k',
  bridge: 'THSKqwf8GR6MzqhLypzYUaDVCakgqjc9kr',
  warning: 'TZ7HJo4LZn2UBWAjz2nuC1dc5p7AwmXhSn',
  dispute: 'TFhSLgJEFZ7k6GE6a4tCvKcV5W71atx1VH',
  evidence: 'TS68Hn71b2Xs4CLzVWX8p4gcGjaeLaNpbX',
  concurrent: 'TK692zjWWEVzwjHeczrG1htYmJmzGFB4oZ',
  refer: 'TVyuJQZdwmmPwPgoQ5JMhswnnx6ZN4amm1',
};
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(filename: string, contentType: string, content: Buffer, field = 'file') {
  const boundary = `----caveat${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const report = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  jurisdiction: 'HK',
  category: 'investment',
  identifiers: [{ value: WALLET.cluster, network: 'TRC20' }],
  description: 'A “mentor” on WhatsApp told me to deposit USDT to this address for a trading course.',
  consentToPoliceContact: false,
  ...overrides,
});

describe.each(storeKinds)('scam reports over HTTP on $name', (kind) => {
  let h: Harness;
  let reportsKey: string;
  const rows = async (table: string) =>
    Number((await h.caveat.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);
  const file = (payload: object, token = reportsKey) =>
    h.app.inject({ method: 'POST', url: '/v1/scam-reports', headers: bearer(token), payload });
  const filePublic = (payload: object, remoteAddress = '203.0.113.1') =>
    h.app.inject({ method: 'POST', url: '/public/scam-reports', payload, remoteAddress });
  const admin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: bearer(h.keys.admin), ...(payload ? { payload } : {}) });
  const screen = async (address: string) =>
    (
      await h.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ network: 'TRON', destination: { address, isNew: true, isWhitelisted: false } }),
      })
    ).json();

  beforeAll(async () => {
    h = await startHarness(await kind.open());
    reportsKey = (await h.caveat.apiKeys.create({ name: 'support tool', scopes: ['scam_reports'] }, 'test'))
      .token;
  });
  afterAll(async () => h.close());

  it('files through the exchange door idempotently: same body replays, another body is a 409', async () => {
    const body = report({
      idempotencyKey: 'support-ticket-1',
      userRef: 'exchange-user-42',
      identifiers: [{ value: WALLET.idem, network: 'TRC20' }],
      loss: { amount: '1500.50', asset: 'USDT', date: '2026-11-20' },
    });
    const first = await file(body);
    expect(first.statusCode).toBe(201);
    const created = first.json();
    expect(created.reference).toMatch(/^CVR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(created).toMatchObject({ status: 'new' });
    expect(created.evidenceToken).toMatch(/^cvrev_/);
    const again = await file(body);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toMatchObject({ id: created.id, reference: created.reference });
    const before = await rows('scam_reports');
    const clash = await file({ ...body, description: 'something else entirely' });
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(clash.json().errors[0].field).toBe('body/idempotencyKey');
    expect(await rows('scam_reports')).toBe(before);
    // The user reference is kept only as a pseudonym.
    const detail = (await admin('GET', `/v1/admin/scam-reports/${created.id}`)).json();
    expect(detail.userPseudonym).toBeTruthy();
    expect(JSON.stringify(detail)).not.toContain('exchange-user-42');
    expect(detail.loss).toEqual({ amount: '1500.50', asset: 'USDT', date: '2026-11-20' });
    // Without an idempotency key the exchange door refuses.
    const { idempotencyKey: _, ...keyless } = body;
    const missing = await file(keyless);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('body/idempotencyKey');
  });

  it('refuses an invalid identifier of every kind, naming body/identifiers/N/value, writing nothing', async () => {
    const invalid = [
      { value: 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMX', network: 'TRC20' },
      { value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', network: 'ETH' },
      { value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx', network: 'BTC' },
      { value: 'not_a_domain..com' },
      { value: 'https://exa mple.com/x' },
      { value: '+852 1' },
      { value: 'scammer@' },
      { value: 'not a handle!', network: 'telegram' },
      { value: 'GB82WEST12345698765433' },
    ];
    const before = await rows('scam_reports');
    for (const [i, identifier] of invalid.entries()) {
      const identifiers = [{ value: WALLET.idem, network: 'TRC20' }, identifier];
      const response = await file(report({ idempotencyKey: `bad-${i}`, identifiers }));
      expect(response.statusCode, identifier.value).toBe(422);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const [problem] = response.json().errors;
      expect(problem.field, identifier.value).toBe('body/identifiers/1/value');
      expect(problem.message.length).toBeGreaterThan(5);
    }
    const all = await filePublic(report({ identifiers: invalid.map((i) => ({ ...i })) }), '203.0.113.50');
    expect(all.statusCode).toBe(422);
    expect(all.json().errors.map((e: { field: string }) => e.field)).toEqual(
      invalid.map((_, i) => `body/identifiers/${i}/value`),
    );
    expect(await rows('scam_reports')).toBe(before);
    expect(await rows('scam_report_identifiers')).toBeGreaterThan(0);
  });

  it('refuses reporter contact without consent, and NUL or lone surrogates, writing nothing', async () => {
    const before = await rows('scam_reports');
    const contact = await filePublic(
      report({ reporterContact: { email: 'victim@example.com' } }),
      '203.0.113.51',
    );
    expect(contact.statusCode).toBe(422);
    expect(contact.json().errors[0].field).toBe('body/reporterContact');
    const nul = await filePublic(report({ description: 'hello\u0000world' }), '203.0.113.51');
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors[0].field).toBe('body/description');
    const surrogate = await filePublic(
      report({ identifiers: [{ value: `${WALLET.idem}\ud800`, network: 'TRC20' }] }),
      '203.0.113.51',
    );
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().errors[0].field).toBe('body/identifiers/0/value');
    expect(await rows('scam_reports')).toBe(before);
    // With consent the contact is kept (and shown to staff only).
    const ok = await filePublic(
      report({
        identifiers: [{ value: WALLET.idem, network: 'TRC20' }],
        consentToPoliceContact: true,
        reporterContact: { email: 'victim@example.com' },
      }),
      '203.0.113.51',
    );
    expect(ok.statusCode).toBe(201);
    const detail = (await admin('GET', `/v1/admin/scam-reports/${ok.json().id}`)).json();
    expect(detail.reporterContact).toEqual({ email: 'victim@example.com' });
    // The audit log records the filing, never the reporter's contact.
    const audit = await h.caveat.db.query<{ detail: unknown }>(
      "SELECT detail FROM audit_log WHERE entity = 'scam_report' AND entity_id = $1",
      [ok.json().id],
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('victim@example.com');
  });

  it('rate-limits the public door per client: a burst gets 429 problem+json, writing nothing', async () => {
    const before = await rows('scam_reports');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push(
        (await filePublic(report({ identifiers: [{ value: `burst-${i}.example.com` }] }), '198.51.100.7'))
          .statusCode,
      );
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await filePublic(report(), '198.51.100.7');
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429 });
    // Another client is not affected.
    expect(
      (await filePublic(report({ identifiers: [{ value: 'other.example.com' }] }), '198.51.100.8'))
        .statusCode,
    ).toBe(201);
    // Only the six accepted reports were stored; the three refused left no row.
    expect(await rows('scam_reports')).toBe(before + 6);
  });

  it('the warning door ties the report to its decision and adds the destination itself', async () => {
    const decision = await screen(WALLET.warning);
    expect(decision.eventToken).toBeTruthy();
    const response = await file(
      { category: 'investment', description: 'I was told to send this to unlock my profits.' },
      decision.eventToken,
    );
    expect(response.statusCode).toBe(201);
    const detail = (await admin('GET', `/v1/admin/scam-reports/${response.json().id}`)).json();
    expect(detail).toMatchObject({ channel: 'warning', decisionId: decision.id, jurisdiction: 'HK' });
    expect(detail.identifiers.map((i: { key: string }) => i.key)).toEqual([`tron:${WALLET.warning}`]);
    // A retry of the same report is the same report.
    const again = await file(
      { category: 'investment', description: 'I was told to send this to unlock my profits.' },
      decision.eventToken,
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(response.json().id);
  });

  it('accepts real images and refuses a disguised, an oversized or a sixth file, writing nothing then', async () => {
    const created = (
      await filePublic(
        report({ identifiers: [{ value: WALLET.evidence, network: 'TRC20' }] }),
        '203.0.113.60',
      )
    ).json();
    const upload = (parts: ReturnType<typeof multipart>, token = created.evidenceToken) =>
      h.app.inject({
        method: 'POST',
        url: `/v1/scam-reports/${created.id}/evidence`,
        headers: { ...parts.headers, ...bearer(token) },
        payload: parts.payload,
      });
    const png = await upload(multipart('screenshot.png', 'image/png', PNG));
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ mediaType: 'image/png', size: PNG.length });
    const before = await rows('scam_report_evidence');
    const html = await upload(
      multipart(
        'screenshot.png',
        'image/png',
        Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
      ),
    );
    expect(html.statusCode).toBe(415);
    expect(html.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(html.json().errors[0].field).toBe('file');
    const big = await upload(
      multipart('big.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)])),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0].field).toBe('file');
    const wrongToken = await upload(multipart('s.png', 'image/png', PNG), 'cvrev_not-the-token');
    expect(wrongToken.statusCode).toBe(401);
    expect(await rows('scam_report_evidence')).toBe(before);
    // A large but allowed image (4 MB) passes; the per-report cap is five files.
    expect(
      (await upload(multipart('b.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(4 * 1024 * 1024)]))))
        .statusCode,
    ).toBe(201);
    for (let i = 0; i < 3; i += 1)
      expect((await upload(multipart(`s${i}.png`, 'image/png', PNG))).statusCode).toBe(201);
    const sixth = await upload(multipart('s6.png', 'image/png', PNG));
    expect(sixth.statusCode).toBe(409);
    expect(await rows('scam_report_evidence')).toBe(before + 4);
    // Staff download it; the public has no route to it.
    const id = png.json().id;
    const download = await admin('GET', `/v1/admin/scam-reports/${created.id}/evidence/${id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(
      (await h.app.inject({ method: 'GET', url: `/v1/admin/scam-reports/${created.id}/evidence/${id}` }))
        .statusCode,
    ).toBe(401);
  });

  it('clusters three reports sharing a wallet with counts, loss and first/last seen; unconfirmed never holds', async () => {
    const domains = ['hk-crypto-mentor.example.com', 'usdt-course.example.net', 'profit-unlock.example.org'];
    const ids: string[] = [];
    for (const [i, domain] of domains.entries()) {
      const response = await file(
        report({
          idempotencyKey: `cluster-${i}`,
          identifiers: [{ value: domain }, { value: WALLET.cluster, network: 'TRC20' }],
          loss: { amount: ['100.10', '200.20', '0.7'][i], asset: 'USDT', date: '2026-11-0' + (i + 1) },
        }),
      );
      expect(response.statusCode).toBe(201);
      ids.push(response.json().id);
    }
    const unconfirmed = await screen(WALLET.cluster);
    expect(unconfirmed.decision).not.toBe('hold');
    expect(unconfirmed.reasons.map((r: { code: string }) => r.code)).not.toContain('destination_reported');
    const first = (await admin('GET', `/v1/admin/scam-reports/${ids[0]}`)).json();
    const cluster = (await admin('GET', `/v1/admin/scam-clusters/${first.clusterId}`)).json();
    expect(cluster).toMatchObject({
      status: 'open',
      reportCount: 3,
      identifierCount: 4,
      totalLoss: [{ asset: 'USDT', amount: '301' }],
      jurisdictions: ['HK'],
    });
    expect(cluster.reports.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(cluster.firstSeen).toBe(cluster.reports[0].createdAt);
    expect(cluster.lastSeen).toBe(cluster.reports[2].createdAt);
    expect(cluster.identifiers[0]).toMatchObject({ key: `tron:${WALLET.cluster}`, reportCount: 3 });
    // The inbox filters by cluster; lookup shows unverified reports without calling them anything.
    const inbox = (await admin('GET', `/v1/admin/scam-reports?cluster=${first.clusterId}`)).json();
    expect(inbox.items).toHaveLength(3);
    const looked = (
      await h.app.inject({
        method: 'GET',
        url: `/v1/lookup?q=${WALLET.cluster}`,
        headers: bearer(h.keys.exchange),
      })
    ).json();
    expect(looked).toMatchObject({ verdict: 'unknown', unverifiedReports: 3 });

    // Confirm: the next withdrawal to that wallet is held and the reason quotes the confirmed count.
    const confirm = await admin('POST', `/v1/admin/scam-clusters/${first.clusterId}/confirm`, {
      riskLevel: 'high',
      scamType: 'investment',
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toMatchObject({ reports: 3 });
    const held = await screen(WALLET.cluster);
    expect(held.decision).toBe('hold');
    const reason = held.reasons.find((r: { code: string }) => r.code === 'destination_reported');
    expect(reason.message).toMatch(/reported 3 times as an investment scam in HK \(risk: high\)/);
    // Confirming again adds nothing: each report counts once.
    await admin('POST', `/v1/admin/scam-clusters/${first.clusterId}/confirm`, {
      riskLevel: 'high',
      scamType: 'investment',
    });
    expect(h.caveat.intelligence.indicator(`tron:${WALLET.cluster}`)?.reportCount).toBe(3);
    expect((await admin('GET', `/v1/admin/scam-reports/${ids[1]}`)).json().status).toBe('confirmed');
    // Export carries the identifiers, not the people.
    const csv = await admin('GET', '/v1/admin/scam-clusters/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(WALLET.cluster);
    expect(csv.body).not.toContain('mentor” on WhatsApp');
    const stix = await admin('GET', '/v1/admin/scam-clusters/export?format=stix');
    expect(JSON.parse(stix.body).type).toBe('bundle');
    const audit = await h.caveat.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'scam_cluster' AND entity_id = $1",
      [first.clusterId],
    );
    expect(audit.map((a) => a.action)).toContain('confirm');
  });

  it('merges clusters a new report bridges, and refuses a referral no policy takes without changing state', async () => {
    const a = (
      await file(report({ idempotencyKey: 'bridge-a', identifiers: [{ value: 'bridge-a.example.com' }] }))
    ).json();
    const b = (
      await file(
        report({
          idempotencyKey: 'bridge-b',
          identifiers: [{ value: 'bridge-b.example.com' }, { value: WALLET.bridge, network: 'TRC20' }],
        }),
      )
    ).json();
    const clusterOf = async (id: string) =>
      (await admin('GET', `/v1/admin/scam-reports/${id}`)).json().clusterId;
    expect(await clusterOf(a.id)).not.toBe(await clusterOf(b.id));
    await file(
      report({
        idempotencyKey: 'bridge-c',
        identifiers: [{ value: 'bridge-a.example.com' }, { value: WALLET.bridge, network: 'TRC20' }],
      }),
    );
    const merged = await clusterOf(a.id);
    expect(await clusterOf(b.id)).toBe(merged);
    expect((await admin('GET', `/v1/admin/scam-clusters/${merged}`)).json().reportCount).toBe(3);
    await admin('POST', `/v1/admin/scam-clusters/${merged}/confirm`, {
      riskLevel: 'medium',
      scamType: 'phishing',
    });
    const refer = await admin('POST', `/v1/admin/scam-clusters/${merged}/refer`, { partnerId: 'nobody' });
    expect(refer.statusCode).toBe(422);
    expect(refer.json().errors[0].field).toBe('body/partnerId');
    expect((await admin('GET', `/v1/admin/scam-clusters/${merged}`)).json().status).toBe('confirmed');
    const badType = await admin('POST', `/v1/admin/scam-clusters/${merged}/confirm`, {
      riskLevel: 'high',
      scamType: 'not-a-type',
    });
    expect(badType.statusCode).toBe(422);
    expect(badType.json().errors[0].field).toBe('body/scamType');
  });

  it('concurrent reports naming one new wallet, or bridging through sites, end in one cluster', async () => {
    // Each report names the shared wallet or a site another one names, so all are one component.
    const bodies = Array.from({ length: 12 }, (_, i) =>
      report({
        idempotencyKey: `concurrent-${i}`,
        identifiers:
          i % 3 === 0
            ? [{ value: WALLET.concurrent, network: 'TRC20' }, { value: `race-${i}.example.com` }]
            : [{ value: `race-${i - (i % 3)}.example.com` }, { value: `race-${i}-own.example.com` }],
      }),
    );
    const responses = await Promise.all(bodies.map((body) => file(body)));
    expect(responses.map((r) => r.statusCode)).toEqual(bodies.map(() => 201));
    const clusters = new Set(
      await Promise.all(
        responses.map(
          async (r) => (await admin('GET', `/v1/admin/scam-reports/${r.json().id}`)).json().clusterId,
        ),
      ),
    );
    expect(clusters.size).toBe(1);
    const rows = await h.caveat.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM scam_cluster_keys k JOIN scam_clusters c ON c.id = k.cluster_id WHERE c.merged_into IS NOT NULL',
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('refers a confirmed cluster through the relay: only policy fields, contact only with consent', async () => {
    await h.caveat.relayStore.publishPolicy(
      hkPolice.id,
      {
        jurisdictions: ['HK'],
        triggers: { decisions: [], outcomes: [], onlyReportedDestinations: false, referrals: true },
        fields: ['clusterId', 'scamType', 'identifiers', 'reportCount', 'reporterContact'],
        retentionDays: 30,
        delivery: { mode: 'pull', allowedHosts: [], maxConcurrency: 1 },
      },
      'test',
    );
    await h.caveat.relay.reload();
    const consenting = (
      await file(
        report({
          idempotencyKey: 'refer-1',
          identifiers: [{ value: WALLET.refer, network: 'TRC20' }],
          consentToPoliceContact: true,
          reporterContact: { email: 'consents@example.com' },
        }),
      )
    ).json();
    await file(
      report({
        idempotencyKey: 'refer-2',
        identifiers: [{ value: WALLET.refer, network: 'TRC20' }],
        userRef: 'u-refer',
      }),
    );
    const { clusterId } = (await admin('GET', `/v1/admin/scam-reports/${consenting.id}`)).json();
    await admin('POST', `/v1/admin/scam-clusters/${clusterId}/confirm`, {
      riskLevel: 'high',
      scamType: 'investment',
    });
    const referred = await admin('POST', `/v1/admin/scam-clusters/${clusterId}/refer`, {
      partnerId: hkPolice.id,
    });
    expect(referred.statusCode).toBe(200);
    const [alertId] = referred.json().alertIds;
    const [alert] = await h.caveat.db.query<{ payload: unknown }>(
      'SELECT payload FROM relay_alerts WHERE id = $1',
      [alertId],
    );
    const payload = (typeof alert?.payload === 'string' ? JSON.parse(alert.payload) : alert?.payload) as {
      data: Record<string, unknown>;
    };
    expect(Object.keys(payload.data).sort()).toEqual(
      ['clusterId', 'identifiers', 'reportCount', 'reporterContact', 'scamType'].sort(),
    );
    expect(payload.data).toMatchObject({ clusterId, reportCount: 2, scamType: 'investment' });
    expect(JSON.stringify(payload)).toContain('consents@example.com');
    expect(JSON.stringify(payload)).not.toContain('u-refer');
    expect((await admin('GET', `/v1/admin/scam-clusters/${clusterId}`)).json().status).toBe('referred');
    expect((await admin('GET', `/v1/admin/scam-reports/${consenting.id}`)).json().status).toBe('referred');
  });

  it('clusters sites imitating the same official domain even when they share nothing else', async () => {
    await h.caveat.intelligenceStore.addOfficialChannel(
      { key: 'domain:binance.com', brand: '[Demo] Binance', kind: 'domain', display: 'binance.com' },
      'test',
    );
    await h.caveat.intelligence.refresh();
    const a = (
      await file(
        report({ idempotencyKey: 'lookalike-a', identifiers: [{ value: 'binance-verify-support.com' }] }),
      )
    ).json();
    const b = (
      await file(
        report({ idempotencyKey: 'lookalike-b', identifiers: [{ value: 'binance-login-help.com' }] }),
      )
    ).json();
    const clusterOf = async (id: string) =>
      (await admin('GET', `/v1/admin/scam-reports/${id}`)).json().clusterId;
    const cluster = await clusterOf(a.id);
    expect(await clusterOf(b.id)).toBe(cluster);
    expect((await admin('GET', `/v1/admin/scam-clusters/${cluster}`)).json()).toMatchObject({
      reportCount: 2,
      lookalikeTarget: 'binance.com',
    });
  });

  it('triage: assign, change status, append notes; each action audited; the role gate holds', async () => {
    const created = (await file(report({ idempotencyKey: 'triage-1' }))).json();
    expect(
      (
        await admin('PATCH', `/v1/admin/scam-reports/${created.id}`, {
          status: 'in_review',
          assignee: 'analyst@x.test',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await admin('POST', `/v1/admin/scam-reports/${created.id}/notes`, { text: 'Same kit as case 12.' }))
        .statusCode,
    ).toBe(201);
    const detail = (await admin('GET', `/v1/admin/scam-reports/${created.id}`)).json();
    expect(detail).toMatchObject({ status: 'in_review', assignee: 'analyst@x.test' });
    expect(detail.notes.map((n: { text: string }) => n.text)).toEqual(['Same kit as case 12.']);
    await expect(h.caveat.db.query('UPDATE scam_report_notes SET text = $1', ['changed'])).rejects.toThrow(
      /append-only/,
    );
    const audit = await h.caveat.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'scam_report' AND entity_id = $1 ORDER BY id",
      [created.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'add_note']);
    const mine = (await admin('GET', '/v1/admin/scam-reports?assignee=analyst@x.test')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    // A filing key cannot triage, and nobody unauthenticated can read the inbox.
    const forbidden = await h.app.inject({
      method: 'GET',
      url: '/v1/admin/scam-reports',
      headers: bearer(reportsKey),
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/v1/admin/scam-reports' })).statusCode).toBe(401);
  });

  it('disputes: filed, visible by reference without reporter data, decided (delist ends the hold)', async () => {
    const created = (
      await file(
        report({
          idempotencyKey: 'dispute-1',
          identifiers: [{ value: WALLET.dispute, network: 'TRC20' }],
          consentToPoliceContact: true,
          reporterContact: { name: 'Chan Tai Man', email: 'reporter@example.com' },
        }),
      )
    ).json();
    const { clusterId } = (await admin('GET', `/v1/admin/scam-reports/${created.id}`)).json();
    await admin('POST', `/v1/admin/scam-clusters/${clusterId}/confirm`, {
      riskLevel: 'high',
      scamType: 'investment',
    });
    expect((await screen(WALLET.dispute)).decision).toBe('hold');

    const filed = await h.app.inject({
      method: 'POST',
      url: '/public/disputes',
      payload: {
        identifier: WALLET.dispute,
        reason: 'This is my company’s hot wallet.',
        contactEmail: 'ops@company.example',
      },
      remoteAddress: '203.0.113.70',
    });
    expect(filed.statusCode).toBe(201);
    const dispute = filed.json();
    expect(dispute).toMatchObject({ status: 'open' });
    expect(dispute.reference).toMatch(/^DSP-/);
    expect(dispute.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const open = await h.app.inject({
      method: 'GET',
      url: `/public/disputes/${dispute.reference.toLowerCase()}`,
    });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({
      reference: dispute.reference,
      identifier: WALLET.dispute,
      status: 'open',
      deadline: dispute.deadline,
    });
    for (const secret of ['Chan Tai Man', 'reporter@example.com', 'mentor', 'ops@company.example'])
      expect(open.body).not.toContain(secret);

    const queue = (await admin('GET', '/v1/admin/disputes?status=open')).json();
    const queued = queue.items.find((d: { reference: string }) => d.reference === dispute.reference);
    expect(queued).toMatchObject({ key: `tron:${WALLET.dispute}`, overdue: false });
    const decided = await admin('POST', `/v1/admin/disputes/${queued.id}/decide`, {
      decision: 'delist',
      publicNote: 'Verified as the company’s own wallet.',
    });
    expect(decided.statusCode).toBe(200);
    expect((await screen(WALLET.dispute)).decision).not.toBe('hold');
    const after = (
      await h.app.inject({ method: 'GET', url: `/public/disputes/${dispute.reference}` })
    ).json();
    expect(after).toMatchObject({ status: 'upheld', publicNote: 'Verified as the company’s own wallet.' });
    expect(after.decidedAt).toBeTruthy();
    expect(
      (await admin('POST', `/v1/admin/disputes/${queued.id}/decide`, { decision: 'keep', publicNote: 'x' }))
        .statusCode,
    ).toBe(409);
    expect((await h.app.inject({ method: 'GET', url: '/public/disputes/DSP-0000-0000' })).statusCode).toBe(
      404,
    );
  });
});
