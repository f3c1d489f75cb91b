import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/store/audit-repository.js';
import { CampaignRepository } from '../../src/store/campaign-repository.js';
import { ConsoleUserRepository } from '../../src/store/console-user-repository.js';
import type { Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { HK, hkPolice, hkSpec, MO } from '../support/fixtures.js';
import { storeKinds } from '../support/stores.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds)('console store on $name', (kind) => {
  let db: Database;
  let campaigns: CampaignRepository;
  let users: ConsoleUserRepository;

  beforeAll(async () => {
    db = await kind.open();
    await migrate(db);
    campaigns = new CampaignRepository(db);
    users = new ConsoleUserRepository(db);
    await campaigns.putJurisdiction(HK, 'admin');
    await campaigns.putJurisdiction(MO, 'admin');
    await campaigns.putPartner(hkPolice, 'admin');
  });
  afterAll(async () => db.close());

  it('publishes a partner campaign only after the partner approved exactly the draft being published', async () => {
    await campaigns.createCampaign(
      { id: 'r1', jurisdiction: 'HK', partnerId: hkPolice.id, name: 'R1', demo: false, spec: hkSpec() },
      'user:admin@x',
    );
    await expect(campaigns.publish('r1', 'user:admin@x')).rejects.toThrow(/needs the partner's approval/);
    await expect(campaigns.approve('r1', 'user:reviewer@x', null)).rejects.toThrow(/cannot be approved/);

    const submitted = await campaigns.submitForReview('r1', 'user:admin@x', 'please check the hotline');
    expect(submitted.review).toMatchObject({ state: 'in_review', submittedBy: 'user:admin@x' });
    const approved = await campaigns.approve('r1', 'user:reviewer@x', 'ok');
    expect(approved.review).toMatchObject({ state: 'approved', reviewedBy: 'user:reviewer@x', note: 'ok' });
    expect(Date.parse(approved.review.reviewedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

    // An edit after the approval withdraws it: the partner approves text, not a campaign id.
    const edited = await campaigns.saveDraft('r1', hkSpec({ minDisplaySeconds: 15 }), 'user:admin@x');
    expect(edited.review).toMatchObject({ state: 'editing', reviewedBy: null });
    await expect(campaigns.publish('r1', 'user:admin@x')).rejects.toThrow(/approval/);

    await campaigns.submitForReview('r1', 'user:admin@x', null);
    const changes = await campaigns.requestChanges('r1', 'user:reviewer@x', 'hotline number is wrong');
    expect(changes.review.state).toBe('changes_requested');
    await campaigns.submitForReview('r1', 'user:admin@x', null);
    await campaigns.approve('r1', 'user:reviewer@x', null);
    const published = await campaigns.publish('r1', 'user:admin@x');
    expect(published).toMatchObject({ state: 'published', version: 1, review: { state: 'approved' } });
    expect(published.spec.minDisplaySeconds).toBe(15);

    const reviews = await campaigns.listReviews('r1');
    expect(reviews.map((r) => [r.action, r.actor])).toEqual([
      ['submitted', 'user:admin@x'],
      ['approved', 'user:reviewer@x'],
      ['submitted', 'user:admin@x'],
      ['changes_requested', 'user:reviewer@x'],
      ['submitted', 'user:admin@x'],
      ['approved', 'user:reviewer@x'],
    ]);
    await expect(db.query('DELETE FROM campaign_reviews')).rejects.toThrow(/append-only/);
    const audit = await listAudit(db, { entity: 'campaign', entityId: 'r1', limit: 50 });
    expect(audit.filter((e) => e.action === 'campaign.review.approved')).toHaveLength(2);
  });

  it('publishes a campaign without a partner directly', async () => {
    await campaigns.createCampaign(
      { id: 'r2', jurisdiction: 'MO', partnerId: null, name: 'R2', demo: false, spec: hkSpec() },
      'user:admin@x',
    );
    expect(await campaigns.publish('r2', 'user:admin@x')).toMatchObject({ state: 'published' });
  });

  it('stores only a scrypt hash, signs in with the password, and refuses a wrong one or unknown email', async () => {
    const user = await users.create(
      {
        email: 'Reviewer@Example.org',
        name: 'R',
        role: 'partner_reviewer',
        jurisdiction: 'HK',
        partnerId: hkPolice.id,
        password: PASSWORD,
      },
      'user:admin@x',
    );
    expect(user).toMatchObject({ email: 'reviewer@example.org', jurisdiction: 'HK', disabledAt: null });
    const stored = await db.query<{ password_hash: string }>(
      'SELECT password_hash FROM console_users WHERE id = $1',
      [user.id],
    );
    expect(stored[0]?.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(stored[0]?.password_hash).not.toContain(PASSWORD);
    expect((await users.authenticate('reviewer@example.org', PASSWORD))?.id).toBe(user.id);
    expect(await users.authenticate('reviewer@example.org', `${PASSWORD}!`)).toBeUndefined();
    expect(await users.authenticate('nobody@example.org', PASSWORD)).toBeUndefined();
    await expect(
      users.create(
        {
          ...{
            email: 'reviewer@example.org',
            name: 'dup',
            role: 'analyst',
            jurisdiction: null,
            partnerId: null,
            password: PASSWORD,
          },
        },
        'a',
      ),
    ).rejects.toThrow(/already exists/);
  });

  it('refuses a reviewer without a jurisdiction and a partner from another jurisdiction', async () => {
    const base = { email: 'x@example.org', name: 'X', password: PASSWORD };
    await expect(
      users.create({ ...base, role: 'partner_reviewer', jurisdiction: null, partnerId: null }, 'a'),
    ).rejects.toThrow(/needs a jurisdiction/);
    await expect(
      users.create({ ...base, role: 'partner_reviewer', jurisdiction: 'MO', partnerId: hkPolice.id }, 'a'),
    ).rejects.toThrow(/not in MO/);
    expect(await users.list()).not.toContainEqual(expect.objectContaining({ email: 'x@example.org' }));
  });

  it('keeps sessions by a hash of the cookie, and ends them on sign-out, password change and disable', async () => {
    const user = await users.create(
      {
        email: 'analyst@example.org',
        name: 'A',
        role: 'analyst',
        jurisdiction: null,
        partnerId: null,
        password: PASSWORD,
      },
      'a',
    );
    const first = await users.openSession(user);
    const rows = await db.query<{ token_hash: string }>(
      'SELECT token_hash FROM console_sessions WHERE user_id = $1',
      [user.id],
    );
    expect(rows[0]?.token_hash).not.toBe(first.token);
    expect((await users.session(first.token))?.user.id).toBe(user.id);
    expect(await users.session(`${first.token}x`)).toBeUndefined();
    await users.closeSession(first.token, 'user:analyst@example.org');
    expect(await users.session(first.token)).toBeUndefined();

    const second = await users.openSession(user);
    await users.setPassword(user.id, 'a new long password', 'user:admin@x');
    expect(await users.session(second.token)).toBeUndefined();
    expect(await users.authenticate('analyst@example.org', PASSWORD)).toBeUndefined();
    const third = await users.openSession(user);
    await users.disable(user.id, 'user:admin@x');
    expect(await users.session(third.token)).toBeUndefined();
    // Ended sessions are forgotten a day later, live ones are kept.
    const live = await users.openSession(
      (await users.list()).find((u) => u.email === 'reviewer@example.org')!,
    );
    await db.query(`UPDATE console_sessions SET revoked_at = now() - interval '2 days' WHERE user_id = $1`, [
      user.id,
    ]);
    expect(await users.deleteEndedSessions()).toBe(3);
    expect((await users.session(live.token))?.user.email).toBe('reviewer@example.org');
    expect(await users.authenticate('analyst@example.org', 'a new long password')).toBeUndefined();
  });
});
