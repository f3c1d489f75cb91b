import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreeningRequest } from '../../src/screening/request.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { HK, hkPolice, hkSpec, withdrawal } from '../support/fixtures.js';
import { startHarness } from '../support/harness.js';
import { RoundRobinProxy } from '../support/round-robin-proxy.js';
import { exited, startServer, type Running } from '../support/server-process.js';
import { createServerDatabase, serverUrl } from '../support/stores.js';
import { until } from '../relay/partner-server.js';

const CAP = 2;
const USERS = 60;
const ATTEMPTS_PER_USER = 5;
const WORKERS = 24;
/** The replica killed, and how many answers the load has had when it dies. */
const VICTIM = 1;
const KILL_AFTER = 100;
const MAX_TRIES = 40;

interface Acknowledged {
  key: string;
  userRef: string;
  request: ScreeningRequest;
  id: string;
  decision: string;
  arm: string | null;
  degraded: boolean;
  backend: number;
  tries: number;
  replayed: boolean;
  afterKill: boolean;
}

/** Deterministic shuffle, so a user's attempts arrive together on different replicas. */
function shuffled<T>(items: T[]): T[] {
  let seed = 17;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The deployment DESIGN.md names: three stateless `caveat serve` replicas over one PostgreSQL,
 * behind a round-robin load balancer. One replica is killed -9 in the middle of the load; the
 * client retries what was not answered with the same idempotency key, as an exchange does.
 */
describe.skipIf(!serverUrl)('three replicas behind a load balancer, one killed (PostgreSQL)', () => {
  let database: { url: string; drop(): Promise<void> };
  let token = '';
  const spools = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'caveat-replica-spool-')));
  const replicas: Running[] = [];
  let proxy: RoundRobinProxy;
  let sql: pg.Pool;
  const alive = (running: Running) => running.child.exitCode === null && running.child.signalCode === null;
  const stop = async (running: Running) => {
    if (!alive(running)) return;
    const gone = exited(running.child);
    running.child.kill('SIGTERM');
    await gone;
  };

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl as string);
    const seeding = await startHarness(await openPostgresDatabase(database.url, 2), { seed: false });
    await seeding.caveat.campaigns.putJurisdiction(HK, 'test');
    await seeding.caveat.campaigns.putPartner(hkPolice, 'test');
    await seeding.caveat.campaigns.createCampaign(
      {
        id: 'capped',
        jurisdiction: 'HK',
        partnerId: null,
        name: 'Capped',
        demo: false,
        spec: hkSpec({ frequencyCap: { maxPerUser: CAP, windowHours: 24 } }),
      },
      'test',
    );
    await seeding.caveat.campaigns.publish('capped', 'test');
    token = seeding.keys.exchange;
    await seeding.close();
    replicas.push(
      ...(await Promise.all(
        spools.map((spool) => startServer({ DATABASE_URL: database.url, SPOOL_DIR: spool })),
      )),
    );
    proxy = await RoundRobinProxy.start(replicas.map((running) => running.url));
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map(stop));
    await proxy?.close();
    await sql?.end();
    await database?.drop();
    for (const spool of spools) rmSync(spool, { recursive: true, force: true });
  });

  it('loses no acknowledged decision and keeps every cap exact', { timeout: 90_000 }, async () => {
    const started = performance.now();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const attempts = shuffled(
      Array.from({ length: USERS }, (_, u) =>
        Array.from({ length: ATTEMPTS_PER_USER }, () => withdrawal({ userRef: `rr-${u}` })),
      ).flat(),
    );
    const acknowledged: Acknowledged[] = [];
    const failures = { gateway: 0, connection: 0, otherServerErrors: 0 };
    let killed = false;

    const post = (request: ScreeningRequest) =>
      fetch(`${proxy.url}/v1/screenings`, {
        method: 'POST',
        headers,
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(10_000),
      });

    /** One attempt, retried with the same key until some replica answers it. */
    const attempt = async (request: ScreeningRequest) => {
      for (let tries = 1; tries <= MAX_TRIES; tries += 1) {
        let response: Response;
        try {
          response = await post(request);
        } catch {
          failures.connection += 1;
          continue;
        }
        if (response.status >= 500) {
          await response.body?.cancel();
          if (response.status === 502) failures.gateway += 1;
          else failures.otherServerErrors += 1;
          continue;
        }
        const body = (await response.json()) as {
          id: string;
          decision: string;
          arm: string | null;
          degraded: boolean;
        };
        expect(response.status, JSON.stringify(body)).toBeLessThan(300);
        acknowledged.push({
          key: request.idempotencyKey,
          userRef: request.userRef,
          request,
          id: body.id,
          decision: body.decision,
          arm: body.arm,
          degraded: body.degraded,
          backend: Number(response.headers.get('x-backend')),
          tries,
          replayed: response.headers.get('idempotent-replayed') === 'true',
          afterKill: killed,
        });
        return;
      }
      throw new Error(`attempt ${request.idempotencyKey} never answered`);
    };

    let cursor = 0;
    const worker = async () => {
      while (cursor < attempts.length) {
        const request = attempts[cursor] as ScreeningRequest;
        cursor += 1;
        await attempt(request);
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, worker));

    // Killed mid-load, once enough is answered to mean something (a count, not a clock).
    await until(() => acknowledged.length >= KILL_AFTER, 30_000);
    const victim = replicas[VICTIM] as Running;
    const died = exited(victim.child);
    victim.child.kill('SIGKILL');
    killed = true;
    const answeredAtKill = acknowledged.length;
    await died;
    await load;
    const loadMs = performance.now() - started;

    // Every attempt got exactly one answer, and the survivors kept answering after the kill.
    expect(acknowledged).toHaveLength(attempts.length);
    const afterKill = acknowledged.filter((a) => a.afterKill);
    expect(afterKill.length).toBeGreaterThan(0);
    // Only the balancer's 502s for the dead replica; no replica answered a 5xx of its own.
    expect(failures.otherServerErrors).toBe(0);

    // A retry of an answered attempt, on whichever replica the balancer picks, is the same decision.
    const sample = acknowledged.filter((_, i) => i % 10 === 0);
    for (const earlier of sample) {
      const response = await post(earlier.request);
      expect(response.status).toBe(200);
      expect(response.headers.get('idempotent-replayed')).toBe('true');
      expect(((await response.json()) as { id: string }).id).toBe(earlier.id);
    }

    // A fail-safe answer the killed replica gave waits in its own spool: the replacement started
    // on the same SPOOL_DIR writes it to the store before it listens. The others drain on SIGTERM.
    const stranded = acknowledged.filter((a) => a.degraded && a.backend === VICTIM);
    if (stranded.length > 0) {
      const replacement = await startServer({ DATABASE_URL: database.url, SPOOL_DIR: spools[VICTIM] });
      replicas.push(replacement);
      await stop(replacement);
    }
    await Promise.all(replicas.map(stop));

    const { rows } = await sql.query<{
      id: string;
      idempotency_key: string;
      user_ref: string;
      decision: string;
      arm: string | null;
      superseded_by: string | null;
    }>(
      `SELECT id, idempotency_key, user_ref, decision, arm, superseded_by FROM decisions
       WHERE user_ref LIKE 'rr-%'`,
    );
    const live = rows.filter((row) => row.superseded_by === null);

    // Nothing acknowledged is lost: each answer is in the store as given, under its own key.
    const byKey = new Map(live.map((row) => [row.idempotency_key, row]));
    const lost = acknowledged.filter((a) => {
      const row = byKey.get(a.key);
      return !row || row.id !== a.id || row.decision !== a.decision || row.arm !== a.arm;
    });
    expect(lost).toEqual([]);
    // No attempt, however often retried and on however many replicas, made a second decision.
    expect(live).toHaveLength(attempts.length);

    // The cap is exact across replicas: each user took exactly the cap, never more.
    const slotsOf = (userRef: string) => live.filter((row) => row.user_ref === userRef && row.arm !== null);
    for (let u = 0; u < USERS; u += 1) {
      const userRef = `rr-${u}`;
      const decided = acknowledged.filter((a) => a.userRef === userRef && !a.degraded).length;
      expect(slotsOf(userRef), userRef).toHaveLength(Math.min(CAP, decided));
    }
    const marks = await sql.query<{ user_ref: string; n: number }>(
      `SELECT user_ref, cardinality(marks) AS n FROM frequency_marks WHERE campaign_id = 'capped'`,
    );
    expect(marks.rows.filter((row) => row.n > CAP)).toEqual([]);

    const retried = acknowledged.filter((a) => a.tries > 1);
    console.info(
      JSON.stringify({
        replicas: 3,
        attempts: attempts.length,
        answered: acknowledged.length,
        answeredAtKill,
        answeredAfterKill: afterKill.length,
        retriedAttempts: retried.length,
        retriesReplayed: retried.filter((a) => a.replayed).length,
        gateway502: failures.gateway,
        connectionErrors: failures.connection,
        degraded: acknowledged.filter((a) => a.degraded).length,
        strandedInKilledSpool: stranded.length,
        perBackend: [0, 1, 2].map((b) => acknowledged.filter((a) => a.backend === b).length),
        slotsTaken: live.filter((row) => row.arm !== null).length,
        loadMs: Math.round(loadMs),
      }),
    );
  });
});
