import { EVIDENCE_RULE } from '../../../measurement/evidence.js';
import { formatCount } from '../format.js';
import { useT } from '../i18n/index.js';
import type { PilotReport } from '../types.js';

export type Evidence = PilotReport['evidence']['uplift'];

/**
 * "Too early to tell", in place of an effect that may not be read yet, with how many more users
 * each group needs and the rule (minimum per arm, then the power plan's sample).
 */
export function TooEarly({
  evidence,
  groups = 'holdout',
}: {
  evidence: Evidence;
  groups?: 'holdout' | 'variants';
}) {
  const { t } = useT('dashboard');
  const more = {
    warned: formatCount(evidence.more.warned),
    holdout: formatCount(evidence.more.holdout),
  };
  return (
    <span className="too-early" data-testid="too-early">
      <strong>{t('tooEarly.title')}</strong>{' '}
      {evidence.reason === 'no_comparison_group'
        ? t('tooEarly.noComparison')
        : t(groups === 'variants' ? 'tooEarly.moreVariants' : 'tooEarly.more', more)}{' '}
      <span className="muted">
        {t('tooEarly.rule', {
          minimum: EVIDENCE_RULE.minimumPerArm,
          needWarned: formatCount(evidence.need.warned),
          needHoldout: formatCount(evidence.need.holdout),
          effect: Math.abs(EVIDENCE_RULE.plannedEffect * 100),
          power: EVIDENCE_RULE.power * 100,
          haveWarned: formatCount(evidence.have.warned),
          haveHoldout: formatCount(evidence.have.holdout),
        })}
      </span>
    </span>
  );
}
