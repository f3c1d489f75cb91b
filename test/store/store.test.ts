import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignRepository } from '../../src/store/campaign-repository.js';
import type { Database } from '../../src/store/database.js';
import { DecisionRecorder } from '../../src/store/decision-recorder.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { listAudit } from '../../src/store/audit-repository.js';
import { ApiKeyRepository, parseToken } from '../../src/store/api-key-repository.js';
import type { Decision } from '../../src/screening/decision.js';
import { HK, hkPolice, hkSpec, withdrawal } from '../support/fixtures.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds)('store on $name', (kind) => {
  let db: Database;
  let campaigns: CampaignRepository;

  beforeAll(async () => {
    db = await kind.open();
    await migrate(db);
    campaigns = new CampaignRepository(db);
    await campaigns.putJurisdiction(HK, 'alice');
    await campaigns.putPartner(hkPolice, 'alice');
  });
  afterAll(async () => db.close());

  it('applies migrations once', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });

  it('publishes a draft, keeps it immutable, and starts the next draft as a new version', async () => {
    await campaigns.createCampaign(
      { id: 'c1', jurisdiction: 'HK', partnerId: null, name: 'C1', demo: false, spec: hkSpec() },
      'alice',
    );
    expect(await campaigns.listLive()).toEqual([]);
    const v1 = await campaigns.publish('c1', 'bob');
    expect(v1).toMatchObject({ version: 1, state: 'published', publishedBy: 'bob' });
    await expect(
      db.query(`UPDATE campaign_versions SET spec = '{}'::jsonb WHERE campaign_id = 'c1' AND version = 1`),
    ).rejects.toThrow(/immutable/);
    const v2 = await campaigns.saveDraft('c1', hkSpec({ minDisplaySeconds: 20 }), 'alice');
    expect(v2).toMatchObject({ version: 2, state: 'draft' });
    const live = await campaigns.listLive();
    expect(live.map((l) => [l.campaign.id, l.version, l.spec.minDisplaySeconds])).toEqual([['c1', 1, 10]]);
    await campaigns.publish('c1', 'bob');
    expect((await campaigns.listLive())[0]?.version).toBe(2);
    await expect(campaigns.publish('c1', 'bob')).rejects.toThrow(/no draft/);
    await campaigns.retire('c1', 'carol');
    expect(await campaigns.listLive()).toEqual([]);
  });

  it('records every change in an append-only audit log', async () => {
    const entries = await listAudit(db, { entity: 'campaign', entityId: 'c1', limit: 50 });
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'campaign.create',
      'campaign.publish',
      'campaign.draft.save',
      'campaign.publish',
      'campaign.retire',
    ]);
    expect(entries.at(-1)?.actor).toBe('alice');
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('notifies listeners when campaigns change', async () => {
    const heard: string[] = [];
    const stop = await db.listen('caveat_campaigns_changed', (payload) => heard.push(payload));
    await campaigns.createCampaign(
      { id: 'c2', jurisdiction: 'HK', partnerId: null, name: 'C2', demo: false, spec: hkSpec() },
      'a',
    );
    await campaigns.publish('c2', 'a');
    await expect.poll(() => heard).toContain('c2');
    await stop();
  });

  it('stores API keys hashed and verifies only the right, unrevoked secret', async () => {
    const keys = new ApiKeyRepository(db);
    const { key, token } = await keys.create({ name: 'exchange', scopes: ['screening'] }, 'alice');
    const stored = await db.query<{ secret_hash: string }>('SELECT secret_hash FROM api_keys WHERE id = $1', [
      key.id,
    ]);
    // The whole secret (base64url, so it may itself contain '_'): a fragment could occur by chance.
    const secret = parseToken(token)?.secret as string;
    expect(secret.length).toBeGreaterThan(30);
    expect(stored[0]?.secret_hash).not.toContain(secret);
    expect((await keys.verify(token))?.id).toBe(key.id);
    expect(await keys.verify(`${token}x`)).toBeUndefined();
    await keys.revoke(key.id, 'alice');
    expect(await keys.verify(token)).toBeUndefined();
  });

  it('group-commits decisions and answers a repeated idempotency key with the first decision', async () => {
    const recorder = new DecisionRecorder(db);
    const make = (
      key: string,
      userRef: string,
    ): { decision: Decision; request: ReturnType<typeof withdrawal> } => {
      const request = withdrawal({ idempotencyKey: key, userRef });
      return {
        request,
        decision: {
          id: `dec-${key}-${userRef}`,
          idempotencyKey: key,
          createdAt: new Date().toISOString(),
          decision: 'allow',
          reasons: [],
          campaign: null,
          arm: null,
          content: null,
          minDisplaySeconds: 0,
          degraded: false,
        },
      };
    };
    const batch = Array.from({ length: 50 }, (_, i) => make(`k${i}`, 'u'));
    const results = await Promise.all(
      [...batch, batch[0]!, make('k1', 'other-user')].map((entry) =>
        recorder.record({ ...entry, requestHash: entry.request.userRef }),
      ),
    );
    expect(results.slice(0, 50).every((r) => r.status === 'recorded')).toBe(true);
    expect(results[50]).toMatchObject({ status: 'replayed', decision: { id: 'dec-k0-u' } });
    expect(results[51]).toMatchObject({ status: 'key_reused', decision: { id: 'dec-k1-u' } });
    expect(recorder.stats.batches).toBeLessThan(5);
    const later = await recorder.record({ ...batch[2]!, requestHash: 'u' });
    expect(later).toMatchObject({ status: 'replayed', decision: { id: 'dec-k2-u' } });
    const count = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM decisions WHERE idempotency_key LIKE 'k%'`,
    );
    expect(count[0]?.n).toBe(50);
  });
});
