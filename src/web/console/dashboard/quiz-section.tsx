import { DataTable } from '../components/data-table.js';
import { LoadStatus } from '../components/problems.js';
import { differenceWithInterval, formatCount, percent, rateWithInterval } from '../format.js';
import { useResource } from '../hooks.js';
import type { DifferenceEstimate, RateEstimate } from '../types.js';

/** GET /v1/quiz-measurement, as far as this section reads it (src/app/education-service.ts). */
interface QuizMeasurement {
  byTrick: { trick: string; fooled: RateEstimate }[];
  laterWarnings: Comparison[];
  experiment: Comparison[];
}
interface Comparison {
  jurisdiction: string;
  design: 'observational' | 'intention_to_treat';
  statement: string;
  groups: { group: string; users: number; protected: RateEstimate }[];
  difference: DifferenceEstimate;
}

const TRICK_NAMES: Record<string, string> = {
  brand_in_front: 'Brand in front of another site',
  tld_swap: 'Same name, another ending',
  homoglyph: 'Look-alike characters (punycode)',
  typo: 'A misspelt name',
  hosting_platform: 'Brand on a hosting platform',
  fake_message: 'Fake message from the exchange',
  fake_account: 'Fake official account',
  phone_call: 'Call "from the exchange"',
};
const GROUP_NAMES: Record<string, string> = {
  took_quiz: 'Took the quiz',
  did_not: 'Did not',
  offered: 'Offered the quiz',
  not_offered: 'Not offered',
};

/** The rate as a bar and its 95% interval as a whisker, on a 0–100% scale. */
function RateBar({ estimate }: { estimate: RateEstimate }) {
  if (estimate.rate === null || estimate.low === null || estimate.high === null) return null;
  const x = (share: number) => 2 + share * 196;
  return (
    <svg width="200" height="14" viewBox="0 0 200 14" aria-hidden="true" className="quiz-rate">
      <rect x="2" y="3" width="196" height="8" fill="#eef1f6" />
      <rect x="2" y="3" width={x(estimate.rate) - 2} height="8" fill="#5b6b86" />
      <line x1={x(estimate.low)} x2={x(estimate.high)} y1="7" y2="7" stroke="#1b1b1f" strokeWidth="2" />
      <line x1={x(estimate.low)} x2={x(estimate.low)} y1="2" y2="12" stroke="#1b1b1f" strokeWidth="2" />
      <line x1={x(estimate.high)} x2={x(estimate.high)} y1="2" y2="12" stroke="#1b1b1f" strokeWidth="2" />
    </svg>
  );
}

/** "Which tricks fool people here": the quiz's per-trick fooled share, and outcomes at later warnings. */
export function QuizSection({ jurisdiction }: { jurisdiction: string }) {
  const { state } = useResource<QuizMeasurement>(`/v1/quiz-measurement?jurisdiction=${jurisdiction}`);
  return (
    <section aria-labelledby="quiz-heading">
      <h2 id="quiz-heading">Phishing quiz: which tricks fool people in {jurisdiction}</h2>
      <LoadStatus state={state} what="the quiz figures" />
      {state.status === 'ready' &&
        (state.data.byTrick.length === 0 ? (
          <p>No quiz answers in the last 90 days (n = 0).</p>
        ) : (
          <>
            <DataTable
              caption="Share of quiz answers fooled by each trick"
              columns={['Trick', 'Fooled (95% CI)', '', 'Answers']}
            >
              {state.data.byTrick.map((row) => (
                <tr key={row.trick} data-trick={row.trick}>
                  <th scope="row">{TRICK_NAMES[row.trick] ?? row.trick}</th>
                  <td>{rateWithInterval(row.fooled)}</td>
                  <td>
                    <RateBar estimate={row.fooled} />
                  </td>
                  <td>
                    {formatCount(row.fooled.x)} of {formatCount(row.fooled.n)}
                  </td>
                </tr>
              ))}
            </DataTable>
            <p className="hint">
              Last 90 days. Wilson 95% intervals; the bar shows the share, the whisker the interval.
            </p>
          </>
        ))}
      {state.status === 'ready' &&
        [...state.data.laterWarnings, ...state.data.experiment]
          .filter((c) => c.groups.some((g) => g.users > 0))
          .map((comparison) => (
            <div key={comparison.design} className="quiz-comparison">
              <h3>
                {comparison.design === 'observational'
                  ? 'At their next warning (observational)'
                  : 'Offer experiment (intention to treat)'}
              </h3>
              <p>{comparison.statement}</p>
              <ul>
                {comparison.groups.map((g) => (
                  <li key={g.group}>
                    {GROUP_NAMES[g.group] ?? g.group}: {formatCount(g.users)} users, cancelled or checked
                    first {rateWithInterval(g.protected)}
                  </li>
                ))}
              </ul>
              <p>
                Difference: {differenceWithInterval(comparison.difference)}
                {comparison.difference.difference !== null &&
                  ` (${percent(comparison.groups[0]?.protected.rate ?? null)} against ${percent(comparison.groups[1]?.protected.rate ?? null)})`}
              </p>
            </div>
          ))}
    </section>
  );
}
