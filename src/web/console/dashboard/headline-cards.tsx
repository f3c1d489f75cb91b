import type { ReactNode } from 'react';
import {
  differenceWithInterval,
  formatCount,
  formatP,
  rateWithInterval,
  relativeWithInterval,
} from '../format.js';
import type { PilotReport, RateEstimate } from '../types.js';

function Card({ title, value, detail }: { title: string; value: string; detail?: ReactNode }) {
  return (
    <div className="card">
      <h3>{title}</h3>
      <p className="card-value">{value}</p>
      {detail && <p className="card-detail">{detail}</p>}
    </div>
  );
}

const rateCard = (title: string, estimate: RateEstimate, of: string) => (
  <Card
    title={title}
    value={rateWithInterval(estimate)}
    detail={`${formatCount(estimate.x)} of n = ${formatCount(estimate.n)} ${of}`}
  />
);

export function HeadlineCards({ report }: { report: PilotReport }) {
  const { totals, rates, uplift } = report;
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading">Headline figures</h2>
      <div className="cards">
        <Card
          title="Treatment (warned)"
          value={formatCount(totals.treatment)}
          detail={`decisions; ${formatCount(totals.decisions)} in all`}
        />
        <Card title="Holdout" value={formatCount(totals.holdout)} detail="decisions not shown a warning" />
        {rateCard('Warnings displayed', rates.displayed, 'warned decisions were displayed')}
        {rateCard('Intervention rate', rates.intervention, 'displayed warnings led to a cancel or a check')}
        {rateCard('Completion among warned', uplift.completionWarned, 'decided withdrawals went ahead')}
        {rateCard('Completion in holdout', uplift.completionHoldout, 'decided withdrawals went ahead')}
        <Card
          title="Effect on completed withdrawals (uplift)"
          value={differenceWithInterval(uplift.difference)}
          detail={
            <>
              Warned minus holdout; negative means fewer withdrawals went ahead. Relative:{' '}
              {relativeWithInterval(uplift.relative)}; {formatP(uplift.test.p)}; n ={' '}
              {formatCount(uplift.completionWarned.n)} warned, {formatCount(uplift.completionHoldout.n)}{' '}
              holdout.
              {uplift.alwaysValid && (
                <> Always-valid interval: {differenceWithInterval(uplift.alwaysValid)}.</>
              )}
            </>
          }
        />
      </div>
    </section>
  );
}
