import type { Logger } from 'pino';
import { demoCampaignsAt } from '../demo/campaigns.js';
import { demoDirectory } from '../demo/directory.js';
import { demoJurisdictions } from '../demo/jurisdictions.js';
import { demoPartners } from '../demo/partners.js';
import { demoHkRelayPolicy, demoPoliceAgencies } from '../demo/police-agencies.js';
import { demoRelayPolicy } from '../demo/relay-policy.js';
import { demoIndicatorRows, demoOfficialChannels } from '../demo/intelligence.js';
import { validateReportRow } from '../intelligence/exchange/report-row.js';
import { detectIdentifier } from '../intelligence/identifiers/detect.js';
import type { NewConsoleUser } from '../store/console-user-repository.js';
import { DirectoryRepository } from '../store/directory-repository.js';
import type { Caveat } from './caveat.js';
import { seedDemoQuizzes } from './demo-quizzes.js';
import { policeRequestsOf } from './police-request-service.js';

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
  partner: {
    id: 'demomopj',
    secret: 'demo-only-not-a-secret',
    scopes: ['partner'] as const,
    partnerId: 'mo-judiciary-police',
  },
};

const ACTOR = 'seed:demo';

/** Demo console sign-ins, one per role; the password is published in the README like the keys. */
export const DEMO_CONSOLE_PASSWORD = 'demo-only-password';
const demoUsers: Omit<NewConsoleUser, 'password' | 'jurisdiction' | 'partnerId'>[] &
  Partial<Pick<NewConsoleUser, 'jurisdiction' | 'partnerId'>>[] = [
  { email: 'admin@demo.caveat.example', name: '[Demo] Exchange compliance admin', role: 'admin' },
  { email: 'analyst@demo.caveat.example', name: '[Demo] Analyst', role: 'analyst' },
  { email: 'responder@demo.caveat.example', name: '[Demo] Law-enforcement responder', role: 'le_responder' },
  {
    email: 'reviewer.hk@demo.caveat.example',
    name: '[Demo] Reviewer, Hong Kong Police Force',
    role: 'partner_reviewer',
    jurisdiction: 'HK',
    partnerId: 'hk-police-cstcb',
  },
  {
    email: 'reviewer.mo@demo.caveat.example',
    name: '[Demo] Reviewer, Macao Judiciary Police',
    role: 'partner_reviewer',
    jurisdiction: 'MO',
    partnerId: 'mo-judiciary-police',
  },
];
export const DEMO_USERS: readonly NewConsoleUser[] = demoUsers.map((user) => ({
  jurisdiction: null,
  partnerId: null,
  ...user,
  password: DEMO_CONSOLE_PASSWORD,
}));

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
  // Before the campaigns: their hotlines, sites and figures are directory entries they refer to.
  const directory = new DirectoryRepository(caveat.db);
  for (const jurisdiction of demoJurisdictions) {
    const existing = new Set((await directory.list(jurisdiction.code)).map((entry) => entry.key));
    for (const entry of demoDirectory(jurisdiction.code)) {
      if (existing.has(entry.key)) continue;
      await directory.create(jurisdiction.code, entry, ACTOR);
      created.push(`directory ${jurisdiction.code}/${entry.key}`);
    }
  }
  for (const demo of demoCampaignsAt(caveat.config.police.publicBaseUrl)) {
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
    // Partner campaigns publish only once approved. The demo texts come from the partners' public
    // material and were not reviewed by them: the approval says so.
    await caveat.campaigns.submitForReview(demo.id, ACTOR, null);
    await caveat.campaigns.approve(
      demo.id,
      ACTOR,
      '[Demo] Written from the partner’s public anti-scam material; not reviewed by the partner.',
    );
    await caveat.campaigns.publish(demo.id, ACTOR);
    created.push(`campaign ${demo.id}`);
  }
  const keys = new Set((await caveat.apiKeys.list()).map((key) => key.id));
  for (const [name, key] of Object.entries(DEMO_KEYS)) {
    if (keys.has(key.id)) continue;
    await caveat.apiKeys.create(
      {
        id: key.id,
        secret: key.secret,
        name: `[Demo] ${name}`,
        scopes: [...key.scopes],
        partnerId: 'partnerId' in key ? key.partnerId : null,
      },
      ACTOR,
    );
    created.push(`api key ${key.id}`);
  }
  const emails = new Set((await caveat.users.list()).map((user) => user.email));
  // Hashing is slow on purpose (scrypt); the thread pool hashes the four at once.
  const newUsers = DEMO_USERS.filter((user) => !emails.has(user.email));
  await Promise.all(newUsers.map((user) => caveat.users.create(user, ACTOR)));
  created.push(...newUsers.map((user) => `console user ${user.email}`));
  const official = new Set((await caveat.intelligenceStore.officialChannels()).map((c) => c.key));
  for (const entry of demoOfficialChannels) {
    const identifier = detectIdentifier(
      entry.value,
      entry.jurisdiction ? { defaultRegion: entry.jurisdiction } : {},
    );
    if (!identifier.ok || official.has(identifier.key)) continue;
    const kind =
      identifier.kind === 'domain' ? 'domain' : identifier.kind === 'phone' ? 'phone' : 'social_handle';
    await caveat.intelligenceStore.addOfficialChannel(
      {
        brand: entry.brand,
        kind,
        key: identifier.key,
        display: identifier.display,
        ...(entry.jurisdiction ? { jurisdiction: entry.jurisdiction } : {}),
      },
      ACTOR,
    );
    created.push(`official channel ${identifier.display}`);
  }
  const indicators = demoIndicatorRows.flatMap((row, index) => {
    const result = validateReportRow(row, index + 1, { source: 'partner', nowMs: Date.now() });
    return result.ok && !caveat.intelligence.indicator(result.indicator.key) ? [result.indicator] : [];
  });
  if (indicators.length > 0) {
    await caveat.intelligenceStore.importIndicators(indicators, {
      actor: ACTOR,
      feed: 'demo',
      format: 'demo',
    });
    created.push(`${indicators.length} demo indicators`);
  }
  await caveat.intelligence.refresh();
  if (!(await caveat.relayStore.current()).some((p) => p.partnerId === demoRelayPolicy.partnerId)) {
    await caveat.relayStore.publishPolicy(demoRelayPolicy.partnerId, demoRelayPolicy.policy, ACTOR);
    await caveat.relay.reload();
    created.push(`relay policy for ${demoRelayPolicy.partnerId}`);
  }
  // Police portal: agencies with made-up official email domains, and Hong Kong's data-sharing policy.
  const police = await policeRequestsOf(caveat);
  for (const agency of demoPoliceAgencies) {
    if (!(await caveat.campaigns.getPartner(agency.partner.id))) {
      await caveat.campaigns.putPartner(agency.partner, ACTOR);
      created.push(`partner ${agency.partner.id}`);
    }
    if ((await police.officers.emailDomains(agency.partner.id)).length === 0) {
      await police.officers.setEmailDomains(agency.partner.id, agency.emailDomains, ACTOR);
      created.push(`email domains of ${agency.partner.id}`);
    }
  }
  if (!(await caveat.relayStore.current()).some((p) => p.partnerId === demoHkRelayPolicy.partnerId)) {
    await caveat.relayStore.publishPolicy(demoHkRelayPolicy.partnerId, demoHkRelayPolicy.policy, ACTOR);
    await caveat.relay.reload();
    created.push(`relay policy for ${demoHkRelayPolicy.partnerId}`);
  }
  await caveat.snapshots.reload();
  created.push(...(await seedDemoQuizzes(caveat, ACTOR)));
  if (created.length > 0) logger.info({ created: created.length }, 'demo data loaded');
  return { created };
}
