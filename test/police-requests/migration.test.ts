import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds)('disclosure log on $name', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
    await migrate(db);
    await db.exec(`
      INSERT INTO jurisdictions (code, name, default_locale, locales) VALUES ('HK', 'Hong Kong', 'en', ARRAY['en']);
      INSERT INTO partners (id, name, jurisdiction, kind) VALUES ('hk', 'HK police', 'HK', 'police');
      INSERT INTO officers (id, email, name, agency_id, password_hash, status)
        VALUES ('o1', 'a@hk.example', 'A', 'hk', 'x', 'approved');
      INSERT INTO police_requests (id, case_number, agency_id, officer_id, type, legal_basis, agency_reference,
        identifiers, fields, requested_deadline, description, status, due_at)
        VALUES ('r1', 'LE-2026-000001', 'hk', 'o1', 'disclosure', 'order', 'ref', '[]', '{}', '2026-12-31', 'd',
          'answered', now());
      INSERT INTO disclosures (id, request_id, case_number, agency_id, agency_name, officer_id, officer_email,
        legal_basis, subject, field, value, disclosed_by)
        VALUES ('d1', 'r1', 'LE-2026-000001', 'hk', 'HK police', 'o1', 'a@hk.example', 'order', 'evm:0x1', 'asset',
          '"USDT"', 'user:r@x');
    `);
  });
  afterAll(async () => db.close());

  it('refuses UPDATE, DELETE and TRUNCATE run directly against the table', async () => {
    await expect(db.query(`UPDATE disclosures SET field = 'outcome' WHERE id = 'd1'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM disclosures WHERE id = 'd1'`)).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE disclosures')).rejects.toThrow(/append-only/);
    const rows = await db.query<{ field: string }>('SELECT field FROM disclosures');
    expect(rows).toEqual([{ field: 'asset' }]);
  });

  it('accepts the le_responder role for console users', async () => {
    await db.query(
      `INSERT INTO console_users (id, email, name, role, password_hash) VALUES ('u1', 'r@x', 'R', 'le_responder', 'x')`,
    );
    await expect(
      db.query(
        `INSERT INTO console_users (id, email, name, role, password_hash) VALUES ('u2', 's@x', 'S', 'boss', 'x')`,
      ),
    ).rejects.toThrow();
  });
});
