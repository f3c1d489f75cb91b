import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { HK, hkPolice, hkSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { createServerDatabase, serverUrl, storeKinds } from '../support/stores.js';

const CAP = 2;
const capped = hkSpec({ frequencyCap: { maxPerUser: CAP, windowHours: 24 } });

async function publishCapped(h: Harness): Promise<void> {
  await h.caveat.campaigns.putJurisdiction(HK, 'test');
  await h.caveat.campaigns.putPartner(hkPolice, 'test');
  await h.caveat.campaigns.createCampaign(
    { id: 'capped', jurisdiction: 'HK', partnerId: null, name: 'Capped', demo: false, spec: capped },
    'test',
  );
  await h.caveat.campaigns.publish('capped', 'test');
  await h.caveat.snapshots.reload();
}

type Answer = { decision: string; arm: string | null; reasons: { code: string }[]; id: string };

const screen = async (h: Harness, body: object) => {
  const response = await h.app.inject({
    method: 'POST',
    url: '/v1/screenings',
    headers: bearer(h.keys.exchange),
    payload: body,
  });
  expect(response.statusCode).toBeLessThan(300);
  return response.json<Answer>();
};
const tookSlot = (answer: Answer) => answer.arm !== null;

describe.each(storeKinds)('the frequency cap on $name', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(await kind.open(), { seed: false });
    await publishCapped(h);
  });
  afterAll(async () => h.close());

  it('gives a user exactly the cap, however many withdrawals arrive together', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => screen(h, withdrawal({ userRef: 'eager' }))),
    );
    expect(answers.filter(tookSlot)).toHaveLength(CAP);
    expect(answers.filter((a) => a.reasons.some((r) => r.code === 'frequency_capped'))).toHaveLength(
      12 - CAP,
    );
  });

  it('does not spend a slot on a retried attempt', async () => {
    const first = withdrawal({ userRef: 'retrier' });
    const again = await Promise.all([screen(h, first), screen(h, first), screen(h, first)]);
    expect(new Set(again.map((a) => a.id)).size).toBe(1);
    const second = await screen(h, withdrawal({ userRef: 'retrier' }));
    expect(tookSlot(second)).toBe(true);
    const third = await screen(h, withdrawal({ userRef: 'retrier' }));
    expect(tookSlot(third)).toBe(false);
  });

  it('keeps the cap when the replica cache has forgotten the user (a restart)', async () => {
    await screen(h, withdrawal({ userRef: 'returning' }));
    await screen(h, withdrawal({ userRef: 'returning' }));
    const fresh = await startHarness(h.caveat.db, { seed: false });
    try {
      const after = await screen(fresh, withdrawal({ userRef: 'returning' }));
      expect(after.reasons.map((r) => r.code)).toContain('frequency_capped');
      expect(fresh.caveat.ledger.count('returning', 'capped', 0)).toBe(CAP);
    } finally {
      // Not fresh.close(): the store is shared with h and stays open.
      await fresh.app.close();
      fresh.caveat.health.stop();
      await fresh.caveat.snapshots.stop();
      await fresh.caveat.intelligence.stop();
      await fresh.caveat.relay.stop();
    }
  });
});

/** Two replicas over one PostgreSQL, each with its own pool and cache: the cap holds across them. */
describe.skipIf(!serverUrl)('the frequency cap across two replicas (PostgreSQL)', () => {
  let database: { url: string; drop(): Promise<void> };
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    database = await createServerDatabase(serverUrl as string);
    a = await startHarness(await openPostgresDatabase(database.url, 4), { seed: false });
    await publishCapped(a);
    b = await startHarness(await openPostgresDatabase(database.url, 4), { seed: false });
    await b.caveat.snapshots.reload();
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('never gives one user more than the cap across both, and what is answered is what is stored', async () => {
    const users = Array.from({ length: 20 }, (_, i) => `shared-${i}`);
    const answers = await Promise.all(
      users.flatMap((userRef) =>
        Array.from({ length: 6 }, (_, i) => screen(i % 2 === 0 ? a : b, withdrawal({ userRef }))),
      ),
    );
    const stored = await a.caveat.db.query<{
      id: string;
      user_ref: string;
      arm: string | null;
      decision: string;
    }>("SELECT id, user_ref, arm, decision FROM decisions WHERE user_ref LIKE 'shared-%'");
    for (const userRef of users) {
      expect(stored.filter((row) => row.user_ref === userRef && row.arm !== null)).toHaveLength(CAP);
    }
    expect(answers.filter(tookSlot)).toHaveLength(users.length * CAP);
    const byId = new Map(stored.map((row) => [row.id, row]));
    for (const answer of answers) {
      expect(byId.get(answer.id)).toMatchObject({ decision: answer.decision, arm: answer.arm });
    }
  });
});
