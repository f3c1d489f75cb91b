import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { hkSpec } from '../support/fixtures.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds)('migration 023 on $name', (kind) => {
  it('gives the locales of existing versions a status: translated, or approved where the version was', async () => {
    const db = await kind.open();
    try {
      await migrate(
        db,
        migrations.filter((m) => m.version < 23),
      );
      await db.query(
        `INSERT INTO jurisdictions (code, name, default_locale, locales) VALUES ('HK', 'Hong Kong', 'zh-Hant', ARRAY['zh-Hant', 'en'])`,
      );
      await db.query(`INSERT INTO campaigns (id, jurisdiction, name) VALUES ('hk', 'HK', 'HK')`);
      const spec = JSON.stringify(hkSpec());
      // Version 1 was published (and approved); version 2 is a draft being edited.
      await db.query(
        `INSERT INTO campaign_versions (campaign_id, version, state, spec, created_by, review_state)
         VALUES ('hk', 1, 'published', $1, 'test', 'approved'), ('hk', 2, 'draft', $1, 'test', 'editing')`,
        [spec],
      );
      await migrate(db);
      const rows = await db.query<{ version: number; locale: string; status: string }>(
        'SELECT version, locale, status FROM campaign_locale_status ORDER BY version, locale',
      );
      expect(rows).toEqual([
        { version: 1, locale: 'en', status: 'approved' },
        { version: 1, locale: 'zh-Hant', status: 'approved' },
        { version: 2, locale: 'en', status: 'translated' },
        { version: 2, locale: 'zh-Hant', status: 'translated' },
      ]);
    } finally {
      await db.close();
    }
  }, 60_000);
});
