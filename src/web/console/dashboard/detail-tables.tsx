import { DataTable } from '../components/data-table.js';
import { differenceWithInterval, formatCount, formatP, rateWithInterval } from '../format.js';
import { useT } from '../i18n/index.js';
import type { PilotReport } from '../types.js';
import { TooEarly } from './too-early.js';

type Breakdown = NonNullable<PilotReport['pilotNumber']>['outcomes'];

/**
 * What warned users did: one plain name per user (each warned user once, at the first warning they
 * saw), so "cancelled" counts everyone who cancelled, checked or not. Without the decision-by-
 * decision figures, the rollup's four outcomes per displayed warning, named just as plainly.
 */
export function OutcomesTable({ report }: { report: PilotReport }) {
  const { t } = useT('dashboard');
  const breakdown = report.pilotNumber?.outcomes;
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('outcomes.heading')}</h2>
      {breakdown ? <UserOutcomes breakdown={breakdown} /> : <RollupOutcomes report={report} />}
      <p className="hint">
        {t('outcomes.timeToDecide', {
          median: seconds(report.timeToDecide.medianSeconds),
          p90: seconds(report.timeToDecide.p90Seconds),
          decided: formatCount(report.timeToDecide.decided),
        })}
      </p>
    </section>
  );
}

function UserOutcomes({ breakdown }: { breakdown: Breakdown }) {
  const { t } = useT('dashboard');
  const n = formatCount(breakdown.users);
  return (
    <>
      <ul className="outcome-sentences" data-testid="outcome-sentences">
        <li>{t('outcomes.cancelled', { x: formatCount(breakdown.cancelled.x), n })}</li>
        <li>{t('outcomes.wentAhead', { x: formatCount(breakdown.wentAhead.x), n })}</li>
        <li>{t('outcomes.checkedFirst', { x: formatCount(breakdown.checkedFirst.x), n })}</li>
      </ul>
      <DataTable columns={[t('outcomes.column'), t('outcomes.users'), t('outcomes.share')]}>
        {breakdown.rows.map((row) => (
          <tr key={row.outcome} data-outcome={row.outcome}>
            <th scope="row">{t(`outcomes.names.${row.outcome}`)}</th>
            <td>{t('outcomes.rollup.countOf', { x: formatCount(row.users), n })}</td>
            <td>{rateWithInterval(row.share)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="hint">{t('outcomes.perUserHint')}</p>
    </>
  );
}

function RollupOutcomes({ report }: { report: PilotReport }) {
  const { t } = useT('dashboard');
  const rows = [
    ['cancelled', report.rates.cancelled],
    ['verified', report.rates.verified],
    ['proceeded', report.rates.proceeded],
    ['abandoned', report.rates.abandoned],
  ] as const;
  return (
    <DataTable columns={[t('outcomes.rollup.column'), t('outcomes.share'), t('outcomes.rollup.count')]}>
      {rows.map(([key, estimate]) => (
        <tr key={key}>
          <th scope="row">{t(`outcomes.rollup.${key}`)}</th>
          <td>{rateWithInterval(estimate)}</td>
          <td>{t('outcomes.rollup.countOf', { x: formatCount(estimate.x), n: formatCount(estimate.n) })}</td>
        </tr>
      ))}
    </DataTable>
  );
}

const seconds = (value: number | null) => (value === null ? '—' : `${formatCount(value)} s`);

export function VariantsTable({ report }: { report: PilotReport }) {
  const { t } = useT('dashboard');
  const comparison = report.variantComparison;
  const evidence = report.evidence.variants;
  return (
    <section aria-labelledby="variants-heading">
      <h2 id="variants-heading">{t('variants.heading')}</h2>
      {report.variants.length === 0 ? (
        <p>{t('variants.none')}</p>
      ) : (
        <DataTable
          columns={[
            t('variants.variant'),
            t('variants.decisions'),
            t('variants.intervention'),
            t('variants.completion'),
          ]}
        >
          {report.variants.map((v) => (
            <tr key={v.variant}>
              <th scope="row">{v.variant}</th>
              <td>{formatCount(v.decisions)}</td>
              <td>{rateWithInterval(v.intervention)}</td>
              <td>{rateWithInterval(v.completion)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {comparison && (
        <p>
          {t('variants.comparison', { a: comparison.a, b: comparison.b })}{' '}
          {evidence && !evidence.enough ? (
            <TooEarly evidence={evidence} groups="variants" />
          ) : (
            <>
              {differenceWithInterval(comparison.intervention)}; {formatP(comparison.test.p)}.
            </>
          )}
        </p>
      )}
    </section>
  );
}

export function ResourcesTable({ report }: { report: PilotReport }) {
  const { t } = useT('dashboard');
  return (
    <section aria-labelledby="resources-heading">
      <h2 id="resources-heading">{t('resources.heading')}</h2>
      {report.resources.length === 0 ? (
        <p>{t('resources.none')}</p>
      ) : (
        <DataTable columns={[t('resources.resource'), t('resources.opened'), t('resources.count')]}>
          {report.resources.map((r) => (
            <tr key={r.resourceId}>
              <th scope="row">
                <code className="token-text">{r.resourceId}</code>
              </th>
              <td>{rateWithInterval(r.opened)}</td>
              <td>
                {t('outcomes.rollup.countOf', { x: formatCount(r.opened.x), n: formatCount(r.opened.n) })}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
