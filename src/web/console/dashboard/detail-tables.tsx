import { DataTable } from '../components/data-table.js';
import { differenceWithInterval, formatCount, formatP, rateWithInterval } from '../format.js';
import type { PilotReport } from '../types.js';

export function OutcomesTable({ report }: { report: PilotReport }) {
  const rows = [
    ['Cancelled the withdrawal', report.rates.cancelled],
    ['Checked first (verified)', report.rates.verified],
    ['Went ahead', report.rates.proceeded],
    ['Left without deciding (abandoned)', report.rates.abandoned],
  ] as const;
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">What warned users did</h2>
      <DataTable columns={['Outcome after a displayed warning', 'Share (95% CI)', 'Count']}>
        {rows.map(([label, estimate]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{rateWithInterval(estimate)}</td>
            <td>
              {formatCount(estimate.x)} of {formatCount(estimate.n)}
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="hint">
        Time to decide: median {seconds(report.timeToDecide.medianSeconds)}, 90th percentile{' '}
        {seconds(report.timeToDecide.p90Seconds)} (at most; {formatCount(report.timeToDecide.decided)}{' '}
        decisions).
      </p>
    </section>
  );
}

const seconds = (value: number | null) => (value === null ? '—' : `${formatCount(value)} s`);

export function VariantsTable({ report }: { report: PilotReport }) {
  const comparison = report.variantComparison;
  return (
    <section aria-labelledby="variants-heading">
      <h2 id="variants-heading">Variants</h2>
      {report.variants.length === 0 ? (
        <p>No variant has decisions yet.</p>
      ) : (
        <DataTable columns={['Variant', 'Decisions', 'Intervention rate (95% CI)', 'Completion (95% CI)']}>
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
          Intervention rate, {comparison.a} minus {comparison.b}:{' '}
          {differenceWithInterval(comparison.intervention)}; {formatP(comparison.test.p)}.
        </p>
      )}
    </section>
  );
}

export function ResourcesTable({ report }: { report: PilotReport }) {
  return (
    <section aria-labelledby="resources-heading">
      <h2 id="resources-heading">Resources opened</h2>
      {report.resources.length === 0 ? (
        <p>This campaign offers no resources.</p>
      ) : (
        <DataTable columns={['Resource', 'Opened (95% CI)', 'Count']}>
          {report.resources.map((r) => (
            <tr key={r.resourceId}>
              <th scope="row">
                <code>{r.resourceId}</code>
              </th>
              <td>{rateWithInterval(r.opened)}</td>
              <td>
                {formatCount(r.opened.x)} of {formatCount(r.opened.n)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
