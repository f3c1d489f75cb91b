import type { ReactNode } from 'react';
import {
  differenceWithInterval,
  formatCount,
  formatP,
  rateWithInterval,
  relativeWithInterval,
} from '../format.js';
import { useT } from '../i18n/index.js';
import type { PilotReport, RateEstimate } from '../types.js';
import { TooEarly } from './too-early.js';

function Card({ title, value, detail }: { title: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="card">
      <h3>{title}</h3>
      <p className="card-value">{value}</p>
      {detail && <p className="card-detail">{detail}</p>}
    </div>
  );
}

const counts = (estimate: RateEstimate) => ({ x: formatCount(estimate.x), n: formatCount(estimate.n) });

export function HeadlineCards({ report }: { report: PilotReport }) {
  const { t } = useT('dashboard');
  const { totals, rates, uplift } = report;
  const evidence = report.evidence.uplift;
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading">{t('headline.heading')}</h2>
      <div className="cards">
        <Card
          title={t('headline.treatment')}
          value={formatCount(totals.treatment)}
          detail={t('headline.treatmentDetail', { total: formatCount(totals.decisions) })}
        />
        <Card
          title={t('headline.holdout')}
          value={formatCount(totals.holdout)}
          detail={t('headline.holdoutDetail')}
        />
        <Card
          title={t('headline.displayed')}
          value={rateWithInterval(rates.displayed)}
          detail={t('headline.displayedDetail', counts(rates.displayed))}
        />
        <Card
          title={t('headline.intervention')}
          value={rateWithInterval(rates.intervention)}
          detail={t('headline.interventionDetail', counts(rates.intervention))}
        />
        <Card
          title={t('headline.completionWarned')}
          value={rateWithInterval(uplift.completionWarned)}
          detail={t('headline.completionDetail', counts(uplift.completionWarned))}
        />
        <Card
          title={t('headline.completionHoldout')}
          value={rateWithInterval(uplift.completionHoldout)}
          detail={t('headline.completionDetail', counts(uplift.completionHoldout))}
        />
        {evidence.enough ? (
          <Card
            title={t('headline.effect')}
            value={differenceWithInterval(uplift.difference)}
            detail={
              <>
                {t('headline.effectDetail', {
                  relative: relativeWithInterval(uplift.relative),
                  p: formatP(uplift.test.p),
                  warned: formatCount(uplift.completionWarned.n),
                  holdout: formatCount(uplift.completionHoldout.n),
                })}
                {uplift.alwaysValid && (
                  <> {t('headline.alwaysValid', { interval: differenceWithInterval(uplift.alwaysValid) })}</>
                )}
              </>
            }
          />
        ) : (
          <div className="card card-wide" data-testid="uplift-card">
            <h3>{t('headline.effect')}</h3>
            <p>
              <TooEarly evidence={evidence} />
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
