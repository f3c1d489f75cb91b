import { DataTable } from '../components/data-table.js';
import { differenceWithInterval, formatCount, rateWithInterval } from '../format.js';
import type { CampaignDetail, PilotReport } from '../types.js';

type PilotNumber = NonNullable<PilotReport['pilotNumber']>;
type Row = PilotNumber['byAnswerPath'][number];

const STEP_LABELS: Record<string, string> = {
  warn: 'Warning only',
  questions: 'Questions asked',
  cooling_off: 'Cooling-off hold',
  review: 'Held for review by staff',
};

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

function pathLabel(path: string, labels: Map<string, string>): string {
  if (path.startsWith('(')) return 'No answer given';
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
  return (
    <DataTable columns={[caption, unit, 'Did not withdraw or checked first (95% CI)', 'Went ahead (95% CI)']}>
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
export function PilotNumberSection({ pilot, campaign }: { pilot: PilotNumber; campaign: CampaignDetail }) {
  const labels = answerLabels(campaign);
  return (
    <section aria-labelledby="pilot-number-heading" className="pilot-number">
      <h2 id="pilot-number-heading">The pilot's number</h2>
      <div className="cards">
        <div className="card">
          <h3>Warned users who did not withdraw or checked first</h3>
          <p className="card-value" data-testid="pilot-per-user">
            {rateWithInterval(pilot.perUser)}
          </p>
          <p className="card-detail">
            {formatCount(pilot.perUser.x)} of n = {formatCount(pilot.perUser.n)} users (each user's first
            warning in the period)
          </p>
        </div>
        <div className="card">
          <h3>Per withdrawal</h3>
          <p className="card-value">{rateWithInterval(pilot.perWithdrawal)}</p>
          <p className="card-detail">
            {formatCount(pilot.perWithdrawal.x)} of n = {formatCount(pilot.perWithdrawal.n)} warned
            withdrawals; {formatCount(pilot.usersWarnedMoreThanOnce)} users were warned more than once
          </p>
        </div>
        <div className="card">
          <h3>Effect counting everyone</h3>
          <p className="card-value">{differenceWithInterval(pilot.upliftEveryone.difference)}</p>
          <p className="card-detail">
            Went ahead: {rateWithInterval(pilot.upliftEveryone.wentAheadWarned)} warned vs{' '}
            {rateWithInterval(pilot.upliftEveryone.wentAheadHoldout)} holdout, every user of each arm counted
          </p>
        </div>
      </div>
      <details className="rules">
        <summary>How these are counted</summary>
        <ul>
          {Object.entries(pilot.rules).map(([key, rule]) => (
            <li key={key}>{rule}</li>
          ))}
          <li>
            Of the first warnings: {formatCount(pilot.bases.completion_event)} decided by the exchange's
            completion event, {formatCount(pilot.bases.client_event)} by the user's cancel or proceed,{' '}
            {formatCount(pilot.bases.abandoned_rule)} abandoned (counted as not withdrawn),{' '}
            {formatCount(pilot.bases.pending)} still open (left out).
          </li>
        </ul>
      </details>
      <h3 id="answer-path-heading">By answer</h3>
      <BreakdownTable
        rows={pilot.byAnswerPath}
        label={(key) => pathLabel(key, labels)}
        caption="Answers given"
        unit="Users"
      />
      <p className="hint">The holdout sees no questions, so there is no holdout comparison by answer.</p>
      <h3>By ladder step</h3>
      <BreakdownTable
        rows={pilot.byStep}
        label={(key) => STEP_LABELS[key] ?? key}
        caption="Where the ladder ended"
        unit="Users"
      />
      <h3>By presentation</h3>
      <BreakdownTable
        rows={pilot.byPresentation}
        label={(key) => key}
        caption="Presentation (repeat warnings rotate it)"
        unit="Warnings"
      />
    </section>
  );
}
