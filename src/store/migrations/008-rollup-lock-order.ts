import { measurementRollups } from './003-measurement-rollups.js';

/**
 * The decision rollup trigger of migration 003, now upserting its rows in key order: concurrent
 * decision batches on a PostgreSQL server then lock shared rollup rows in one order and cannot
 * deadlock. Derived from 003's own SQL so the two cannot drift.
 */
const original = /CREATE FUNCTION caveat_rollup_decisions\(\)[\s\S]*?END \$\$;/.exec(measurementRollups)?.[0];
if (!original) throw new Error('migration 003 no longer defines caveat_rollup_decisions');

export const rollupLockOrder = original
  .replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')
  // The first nine output columns are the rollup key.
  .replace('\n  ON CONFLICT', '\n  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9\n  ON CONFLICT');
