import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { policeRequestsOf } from '../../src/app/police-request-service.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

describe('demo police agencies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(await (storeKinds[0] as (typeof storeKinds)[number]).open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
  });
  afterAll(async () => h.close());

  it('are an HK and a UK agency marked [Demo] with made-up domains, and a responder exists', async () => {
    const agencies = await (await policeRequestsOf(h.caveat)).officers.agencies();
    expect(agencies.map((a) => [a.id, a.jurisdiction])).toEqual(
      expect.arrayContaining([
        ['hk-police-cstcb', 'HK'],
        ['uk-met-ccu', 'GB'],
      ]),
    );
    for (const agency of agencies) {
      expect(agency.name).toMatch(/^\[Demo\] /);
      for (const domain of agency.officialEmailDomains) expect(domain).toMatch(/\.demo\.caveat\.example$/);
    }
    const users = await h.caveat.users.list();
    expect(users.find((u) => u.role === 'le_responder')?.name).toMatch(/^\[Demo\]/);
    expect((await seedDemo(h.caveat, pino({ level: 'silent' }))).created).toEqual([]);
  });
});
