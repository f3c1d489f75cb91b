import { DataTable } from '../components/data-table.js';
import { differenceWithInterval, formatCount, rateWithInterval } from '../format.js';
import { useT } from '../i18n/index.js';
import type { CampaignDetail, PilotReport } from '../types.js';
import { TooEarly, type Evidence } from './too-early.js';

type PilotNumber = NonNullable<PilotReport['pilotNumber']>;
type Row = PilotNumber['byAnswerPath'][number];

const STEPS = ['warn', 'questions', 'cooling_off', 'review'];

/**
 * The answers' words, from the newest version that asks them (English where it has it): a police
 * reader reads "Someone I met online asked me", not "who-asked=met-online".
 */
function answerLabels(campaign: CampaignDetail): Map<string, string> {
  const labels = new Map<string, string>();
  for (const version of [...campaign.versions].reverse()) {
    const content = version.spec.content.en ?? Object.values(version.spec.content)[0];
    for (const question of content?.questions ?? [])
      for (const answer of question.answers) {
        const key = `${question.id}=${answer.id}`;
        if (!labels.has(key)) labels.set(key, answer.label);
      }
  }
  return labels;
}

function pathLabel(path: string, labels: Map<string, string>, noAnswer: string): string {
  if (path.startsWith('(')) return noAnswer;
  return path
    .split(' & ')
    .map((part) => labels.get(part) ?? part)
    .join(' · ');
}

function BreakdownTable({
  rows,
  label,
  caption,
  unit,
}: {
  rows: Row[];
  label: (key: string) => string;
  caption: string;
  unit: string;
}) {
  const { t } = useT('dashboard');
  return (
    <DataTable columns={[caption, unit, t('pilot.pilotRate'), t('pilot.wentAhead')]}>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row">{label(row.key)}</th>
          <td>{formatCount(row.users)}</td>
          <td>
            {rateWithInterval(row.pilot)}{' '}
            <span className="muted">
              ({formatCount(row.pilot.x)} of {formatCount(row.pilot.n)})
            </span>
          </td>
          <td>{rateWithInterval(row.wentAhead)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The pilot's own number, with the rules that produced it, and its breakdowns. */
export function PilotNumberSection({
  pilot,
  evidence,
  campaign,
}: {
  pilot: PilotNumber;
  /** Whether the effect counting everyone may be read yet (null: no rule given, shown as is). */
  evidence: Evidence | null;
  campaign: CampaignDetail;
}) {
  const { t } = useT('dashboard');
  const labels = answerLabels(campaign);
  const early = evidence !== null && !evidence.enough;
  return (
    <section aria-labelledby="pilot-number-heading" className="pilot-number">
      <h2 id="pilot-number-heading">{t('pilot.heading')}</h2>
      <div className="cards">
        <div className="card">
          <h3>{t('pilot.perUser')}</h3>
          <p className="card-value" data-testid="pilot-per-user">
            {rateWithInterval(pilot.perUser)}
          </p>
          <p className="card-detail">
            {t('pilot.perUserDetail', { x: formatCount(pilot.perUser.x), n: formatCount(pilot.perUser.n) })}
          </p>
        </div>
        <div className="card">
          <h3>{t('pilot.perWithdrawal')}</h3>
          <p className="card-value">{rateWithInterval(pilot.perWithdrawal)}</p>
          <p className="card-detail">
            {t('pilot.perWithdrawalDetail', {
              x: formatCount(pilot.perWithdrawal.x),
              n: formatCount(pilot.perWithdrawal.n),
              repeat: formatCount(pilot.usersWarnedMoreThanOnce),
            })}
          </p>
        </div>
        <div className={early ? 'card card-wide' : 'card'}>
          <h3>{t('pilot.effectEveryone')}</h3>
          {evidence && early ? (
            <p>
              <TooEarly evidence={evidence} />
            </p>
          ) : (
            <p className="card-value">{differenceWithInterval(pilot.upliftEveryone.difference)}</p>
          )}
          <p className="card-detail">
            {t('pilot.effectEveryoneDetail', {
              warned: rateWithInterval(pilot.upliftEveryone.wentAheadWarned),
              holdout: rateWithInterval(pilot.upliftEveryone.wentAheadHoldout),
            })}
          </p>
        </div>
      </div>
      <details className="rules">
        <summary>{t('pilot.howCounted')}</summary>
        <ul>
          {/* The rules are the server's own sentences, in English. */}
          {Object.entries(pilot.rules).map(([key, rule]) => (
            <li key={key} lang="en">
              {rule}
            </li>
          ))}
          <li>
            {t('pilot.bases', {
              completion: formatCount(pilot.bases.completion_event),
              client: formatCount(pilot.bases.client_event),
              abandoned: formatCount(pilot.bases.abandoned_rule),
              pending: formatCount(pilot.bases.pending),
            })}
          </li>
        </ul>
      </details>
      <h3 id="answer-path-heading">{t('pilot.byAnswer')}</h3>
      <BreakdownTable
        rows={pilot.byAnswerPath}
        label={(key) => pathLabel(key, labels, t('pilot.noAnswer'))}
        caption={t('pilot.answers')}
        unit={t('pilot.users')}
      />
      <p className="hint">{t('pilot.noHoldoutByAnswer')}</p>
      <h3>{t('pilot.byStep')}</h3>
      <BreakdownTable
        rows={pilot.byStep}
        label={(key) => (STEPS.includes(key) ? t(`pilot.steps.${key}`) : key)}
        caption={t('pilot.step')}
        unit={t('pilot.users')}
      />
      <h3>{t('pilot.byPresentation')}</h3>
      <BreakdownTable
        rows={pilot.byPresentation}
        label={(key) => key}
        caption={t('pilot.presentation')}
        unit={t('pilot.warnings')}
      />
    </section>
  );
}
