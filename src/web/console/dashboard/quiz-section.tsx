import { DataTable } from '../components/data-table.js';
import { LoadStatus } from '../components/problems.js';
import { differenceWithInterval, formatCount, percent, rateWithInterval } from '../format.js';
import { useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
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

const TRICKS = [
  'brand_in_front',
  'tld_swap',
  'homoglyph',
  'typo',
  'hosting_platform',
  'fake_message',
  'fake_account',
  'phone_call',
];
const GROUPS = ['took_quiz', 'did_not', 'offered', 'not_offered'];

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
  const { t } = useT('dashboard');
  const trickName = (trick: string) => (TRICKS.includes(trick) ? t(`quiz.tricks.${trick}`) : trick);
  const groupName = (group: string) => (GROUPS.includes(group) ? t(`quiz.groups.${group}`) : group);
  const { state } = useResource<QuizMeasurement>(`/v1/quiz-measurement?jurisdiction=${jurisdiction}`);
  return (
    <section aria-labelledby="quiz-heading">
      <h2 id="quiz-heading">{t('quiz.heading', { jurisdiction })}</h2>
      <LoadStatus state={state} what={t('quiz.loading')} />
      {state.status === 'ready' &&
        (state.data.byTrick.length === 0 ? (
          <p>{t('quiz.none')}</p>
        ) : (
          <>
            <DataTable
              caption={t('quiz.caption')}
              columns={[t('quiz.trick'), t('quiz.fooled'), '', t('quiz.answers')]}
            >
              {state.data.byTrick.map((row) => (
                <tr key={row.trick} data-trick={row.trick}>
                  <th scope="row">{trickName(row.trick)}</th>
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
            <p className="hint">{t('quiz.hint')}</p>
          </>
        ))}
      {state.status === 'ready' &&
        [...state.data.laterWarnings, ...state.data.experiment]
          .filter((c) => c.groups.some((g) => g.users > 0))
          .map((comparison) => (
            <div key={comparison.design} className="quiz-comparison">
              <h3>
                {comparison.design === 'observational' ? t('quiz.observational') : t('quiz.experiment')}
              </h3>
              <p>{comparison.statement}</p>
              <ul>
                {comparison.groups.map((g) => (
                  <li key={g.group}>
                    {t('quiz.group', {
                      group: groupName(g.group),
                      users: formatCount(g.users),
                      rate: rateWithInterval(g.protected),
                    })}
                  </li>
                ))}
              </ul>
              <p>
                {t('quiz.difference', { difference: differenceWithInterval(comparison.difference) })}
                {comparison.difference.difference !== null &&
                  ` ${t('quiz.against', {
                    a: percent(comparison.groups[0]?.protected.rate ?? null),
                    b: percent(comparison.groups[1]?.protected.rate ?? null),
                  })}`}
              </p>
            </div>
          ))}
    </section>
  );
}
