import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominantCategory } from '../../src/scam-reports/categories.js';
import {
  addDecimals,
  assignCluster,
  clusterFigures,
  connectedComponents,
  groupComponents,
} from '../../src/scam-reports/clustering.js';
import { confirmationRecords } from '../../src/scam-reports/confirmation.js';
import { disputeDeadline, isOverdue } from '../../src/scam-reports/dispute-deadline.js';
import { formatReference, parseReference } from '../../src/scam-reports/reference.js';

describe('clustering', () => {
  it('joins reports transitively through shared keys and keeps strangers apart', () => {
    const roots = connectedComponents([['a', 'b'], ['c'], ['b', 'd'], ['d', 'e'], ['f'], ['c']]);
    expect(groupComponents(roots)).toEqual([[0, 2, 3], [1, 5], [4]]);
  });

  it('agrees with a naive flood fill on random graphs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 30 }).map(String), { maxLength: 3 }), { maxLength: 40 }),
        (reports) => {
          const roots = connectedComponents(reports);
          // Naive: two reports are together iff a chain of shared keys links them.
          const together = (i: number, j: number) => {
            const seen = new Set([i]);
            const queue = [i];
            while (queue.length > 0) {
              const x = queue.pop() as number;
              if (x === j) return true;
              reports.forEach((keys, y) => {
                if (!seen.has(y) && keys.some((k) => (reports[x] ?? []).includes(k))) {
                  seen.add(y);
                  queue.push(y);
                }
              });
            }
            return false;
          };
          for (let i = 0; i < reports.length; i += 1)
            for (let j = i + 1; j < reports.length; j += 1)
              expect(roots[i] === roots[j]).toBe(together(i, j));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sends a report into the oldest cluster it touches and absorbs the rest', () => {
    expect(assignCluster([])).toEqual({ kind: 'new' });
    expect(
      assignCluster([
        { id: 'cl_b', createdAtMs: 20 },
        { id: 'cl_a', createdAtMs: 10 },
        { id: 'cl_c', createdAtMs: 30 },
      ]),
    ).toEqual({ kind: 'join', id: 'cl_a', absorb: ['cl_b', 'cl_c'] });
  });

  it('sums losses exactly per asset and finds first and last seen', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('999999999999999999.999999999999999999', '0.000000000000000001')).toBe(
      '1000000000000000000',
    );
    const figures = clusterFigures([
      {
        createdAtMs: 300,
        jurisdiction: 'MO',
        category: 'investment',
        loss: { amount: '10.5', asset: 'usdt' },
      },
      { createdAtMs: 100, jurisdiction: 'HK', category: 'romance', loss: { amount: '0.01', asset: 'BTC' } },
      {
        createdAtMs: 200,
        jurisdiction: 'HK',
        category: 'investment',
        loss: { amount: '4.5', asset: 'USDT' },
      },
      { createdAtMs: 250, jurisdiction: 'HK', category: 'investment', loss: null },
    ]);
    expect(figures).toEqual({
      reportCount: 4,
      firstSeenMs: 100,
      lastSeenMs: 300,
      jurisdictions: ['HK', 'MO'],
      categories: ['investment', 'romance'],
      totalLoss: [
        { asset: 'BTC', amount: '0.01' },
        { asset: 'USDT', amount: '15' },
      ],
    });
    expect(dominantCategory(['romance', 'investment', 'investment'])).toBe('investment');
  });
});

describe('confirmation', () => {
  it('makes one record per report and identifier, each counting once, with a ref that dedupes', () => {
    const records = confirmationRecords(
      [
        {
          reportId: 'r1',
          kind: 'tron_address',
          key: 'tron:T1',
          display: 'T1',
          jurisdiction: 'HK',
          reportedAtMs: 5,
        },
        {
          reportId: 'r2',
          kind: 'tron_address',
          key: 'tron:T1',
          display: 'T1',
          jurisdiction: 'MO',
          reportedAtMs: 9,
        },
      ],
      { riskLevel: 'high', scamType: 'investment' },
    );
    expect(records.map((r) => [r.ref, r.reportCount, r.sources, r.jurisdictions])).toEqual([
      ['scam-report:r1:tron:T1', 1, ['user_report'], ['HK']],
      ['scam-report:r2:tron:T1', 1, ['user_report'], ['MO']],
    ]);
  });
});

describe('references and deadlines', () => {
  it('formats 40 random bits as an unambiguous reference and reads it back as people type it', () => {
    const reference = formatReference('CVR', Uint8Array.from([0xff, 0, 0x12, 0x34, 0x56]));
    expect(reference).toMatch(/^CVR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseReference('CVR', reference.toLowerCase().replace(/-/g, ' '))).toBe(reference);
    expect(parseReference('DSP', 'dsp-oo11-iill')).toBe('DSP-0011-1111');
    expect(parseReference('DSP', 'CVR-0000-0000')).toBeUndefined();
    expect(parseReference('DSP', 'DSP-UUUU-0000')).toBeUndefined();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), (bytes) => {
        const r = formatReference('DSP', bytes);
        expect(parseReference('DSP', r)).toBe(r);
      }),
    );
  });

  it('counts five business days, skipping weekends', () => {
    expect(disputeDeadline(new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-08'); // Tuesday → Tuesday
    expect(disputeDeadline(new Date('2026-12-04T23:00:00Z'))).toBe('2026-12-11'); // Friday → Friday
    expect(disputeDeadline(new Date('2026-12-05T09:00:00Z'))).toBe('2026-12-11'); // Saturday → Friday
    expect(isOverdue('2026-12-08', new Date('2026-12-08T23:59:00Z'))).toBe(false);
    expect(isOverdue('2026-12-08', new Date('2026-12-09T00:00:00Z'))).toBe(true);
  });
});
