import type { Logger } from 'pino';
import { demoCampaigns } from '../demo/campaigns.js';
import { demoJurisdictions } from '../demo/jurisdictions.js';
import { demoPartners } from '../demo/partners.js';
import type { Caveat } from './caveat.js';

/**
 * Demo API keys, fixed so the README's curl examples work. Demo only: anyone who reads the README
 * knows them, so `caveat serve --demo` must never face the internet.
 */
export const DEMO_KEYS = {
  exchange: {
    id: 'demoexchange',
    secret: 'demo-only-not-a-secret',
    scopes: ['screening', 'events', 'lookup'] as const,
  },
  admin: { id: 'demoadmin', secret: 'demo-only-not-a-secret', scopes: ['admin', 'reports'] as const },
};

const ACTOR = 'seed:demo';

/** Loads the demo jurisdictions, partners, published campaigns and keys; running it again changes nothing. */
export async function seedDemo(caveat: Caveat, logger: Logger): Promise<{ created: string[] }> {
  const created: string[] = [];
  const existingJurisdictions = new Set((await caveat.campaigns.listJurisdictions()).map((j) => j.code));
  for (const jurisdiction of demoJurisdictions) {
    if (existingJurisdictions.has(jurisdiction.code)) continue;
    await caveat.campaigns.putJurisdiction(jurisdiction, ACTOR);
    created.push(`jurisdiction ${jurisdiction.code}`);
  }
  for (const partner of demoPartners) {
    if (await caveat.campaigns.getPartner(partner.id)) continue;
    await caveat.campaigns.putPartner(partner, ACTOR);
    created.push(`partner ${partner.id}`);
  }
  for (const demo of demoCampaigns) {
    if (await caveat.campaigns.getCampaign(demo.id)) continue;
    await caveat.campaigns.createCampaign(
      {
        id: demo.id,
        jurisdiction: demo.jurisdiction,
        partnerId: demo.partnerId,
        name: demo.name,
        demo: true,
        spec: demo.spec,
      },
      ACTOR,
    );
    await caveat.campaigns.publish(demo.id, ACTOR);
    created.push(`campaign ${demo.id}`);
  }
  const keys = new Set((await caveat.apiKeys.list()).map((key) => key.id));
  for (const [name, key] of Object.entries(DEMO_KEYS)) {
    if (keys.has(key.id)) continue;
    await caveat.apiKeys.create(
      { id: key.id, secret: key.secret, name: `[Demo] ${name}`, scopes: [...key.scopes] },
      ACTOR,
    );
    created.push(`api key ${key.id}`);
  }
  await caveat.snapshots.reload();
  if (created.length > 0) logger.info({ created: created.length }, 'demo data loaded');
  return { created };
}
