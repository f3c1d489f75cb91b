import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { StoreHealthOptions } from '../../src/app/store-health.js';
import { startCaveat, type Caveat } from '../../src/app/caveat.js';
import { loadConfig } from '../../src/config.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import type { ApiKeyScope } from '../../src/store/api-key-repository.js';
import type { Database } from '../../src/store/database.js';
import { HK, hkPolice, hkSpec, MO, moSpec } from './fixtures.js';

export interface Harness extends HttpApp {
  caveat: Caveat;
  keys: Record<'exchange' | 'admin' | 'reports', string>;
  close(): Promise<void>;
}

/** A caveat instance on the given store with HK and MO campaigns published and keys to call it. */
export async function startHarness(
  db: Database,
  options: {
    seed?: boolean;
    env?: Record<string, string>;
    relayDelivery?: boolean;
    storeHealth?: StoreHealthOptions;
  } = {},
): Promise<Harness> {
  // Suites about other things sign admins in with a password alone and publish as one person;
  // test/http/console-sign-in turns the second factor back on, test/http/publish-controls four-eyes.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ABANDON_AFTER_MINUTES: '30',
    CONSOLE_REQUIRE_TOTP_FOR_ADMINS: 'false',
    PUBLISH_FOUR_EYES: 'false',
    ...options.env,
  });
  const spoolDir = mkdtempSync(join(tmpdir(), 'caveat-spool-'));
  const caveat = await startCaveat({
    config,
    logger: pino({ level: 'silent' }),
    db,
    sweep: false,
    relayDelivery: options.relayDelivery ?? false,
    spoolDir,
    ...(options.storeHealth ? { storeHealth: options.storeHealth } : {}),
  });
  const key = async (name: string, scopes: ApiKeyScope[]) =>
    (await caveat.apiKeys.create({ name, scopes }, 'test')).token;
  const keys = {
    exchange: await key('exchange', ['screening', 'events', 'lookup']),
    admin: await key('admin', ['admin']),
    reports: await key('reports', ['reports']),
  };
  if (options.seed !== false) {
    await caveat.campaigns.putJurisdiction(HK, 'test');
    await caveat.campaigns.putJurisdiction(MO, 'test');
    await caveat.campaigns.putPartner(hkPolice, 'test');
    await caveat.campaigns.createCampaign(
      {
        id: 'hk-pilot',
        jurisdiction: 'HK',
        partnerId: hkPolice.id,
        name: 'HK pilot',
        demo: false,
        spec: hkSpec(),
      },
      'test',
    );
    await caveat.campaigns.submitForReview('hk-pilot', 'test', null);
    await caveat.campaigns.approve('hk-pilot', 'test-reviewer', null);
    await caveat.campaigns.publish('hk-pilot', 'test');
    await caveat.campaigns.createCampaign(
      { id: 'mo-pilot', jurisdiction: 'MO', partnerId: null, name: 'MO pilot', demo: false, spec: moSpec() },
      'test',
    );
    await caveat.campaigns.publish('mo-pilot', 'test');
    await caveat.snapshots.reload();
  }
  const http = await buildHttpApp(caveat);
  return {
    ...http,
    caveat,
    keys,
    async close() {
      await http.app.close();
      await caveat.close();
      rmSync(spoolDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
