import { useState } from 'react';
import { Checkbox, SelectField, TextField } from '../components/fields.js';
import { mergeErrors, type ErrorsAt, type FieldErrors } from '../components/problems.js';
import { useT } from '../i18n/index.js';
import type { CampaignSpec } from '../types.js';
import { numberText, optionalNumber, requiredNumber } from './numbers.js';

interface Props {
  spec: CampaignSpec;
  onChange(spec: CampaignSpec): void;
  errors: ErrorsAt;
}

export function SettingsFields({ spec, onChange, errors }: Props) {
  const { t } = useT('editor');
  const targeting = spec.targeting;
  const setTargeting = (patch: Partial<CampaignSpec['targeting']>) =>
    onChange({ ...spec, targeting: { ...targeting, ...patch } });
  return (
    <>
      <fieldset className="form-grid">
        <legend>{t('settings.general')}</legend>
        <SelectField
          label={t('settings.action')}
          value={spec.action}
          options={[
            { value: 'warn', label: t('settings.actionWarn') },
            { value: 'hold', label: t('settings.actionHold') },
          ]}
          onChange={(action) => onChange({ ...spec, action: action === 'hold' ? 'hold' : 'warn' })}
          errors={errors('/action')}
        />
        <TextField
          label={t('settings.minDisplay')}
          type="number"
          min={0}
          max={600}
          value={numberText(spec.minDisplaySeconds)}
          onChange={(text) => onChange({ ...spec, minDisplaySeconds: requiredNumber(text) })}
          hint={t('settings.minDisplayHint')}
          errors={errors('/minDisplaySeconds')}
        />
        <TextField
          label={t('settings.holdout')}
          type="number"
          min={0}
          max={0.9}
          step={0.01}
          value={numberText(spec.experiment.holdoutShare)}
          onChange={(text) =>
            onChange({ ...spec, experiment: { ...spec.experiment, holdoutShare: requiredNumber(text) } })
          }
          hint={t('settings.holdoutHint')}
          errors={errors('/experiment/holdoutShare')}
        />
        <TextField
          label={t('settings.priority')}
          type="number"
          min={0}
          max={1000}
          value={numberText(spec.priority)}
          onChange={(text) => onChange({ ...spec, priority: requiredNumber(text) })}
          hint={t('settings.priorityHint')}
          errors={errors('/priority')}
        />
        <TextField
          label={t('settings.maxPerUser')}
          type="number"
          min={1}
          value={numberText(spec.frequencyCap.maxPerUser)}
          onChange={(text) =>
            onChange({ ...spec, frequencyCap: { ...spec.frequencyCap, maxPerUser: requiredNumber(text) } })
          }
          errors={errors('/frequencyCap/maxPerUser')}
        />
        <TextField
          label={t('settings.windowHours')}
          type="number"
          min={1}
          value={numberText(spec.frequencyCap.windowHours)}
          onChange={(text) =>
            onChange({ ...spec, frequencyCap: { ...spec.frequencyCap, windowHours: requiredNumber(text) } })
          }
          errors={errors('/frequencyCap/windowHours')}
        />
      </fieldset>
      <fieldset className="form-grid">
        <legend>{t('settings.ladder')}</legend>
        <TextField
          label={t('settings.coolingOff')}
          type="number"
          min={5}
          max={10080}
          value={numberText(spec.ladder?.coolingOffMinutes ?? 60)}
          onChange={(text) =>
            onChange({ ...spec, ladder: { ...spec.ladder, coolingOffMinutes: requiredNumber(text) } })
          }
          hint={t('settings.coolingOffHint')}
          errors={errors('/ladder/coolingOffMinutes')}
        />
        <SelectField
          label={t('settings.warnFinding')}
          value={spec.ladder?.warnFindingStep ?? 'questions'}
          options={[
            { value: 'questions', label: t('settings.stepQuestions') },
            { value: 'cooling_off', label: t('settings.stepCoolingOff') },
            { value: 'review', label: t('settings.stepReview') },
          ]}
          onChange={(step) =>
            onChange({
              ...spec,
              ladder: {
                coolingOffMinutes: spec.ladder?.coolingOffMinutes ?? 60,
                warnFindingStep: step === 'cooling_off' || step === 'review' ? step : 'questions',
              },
            })
          }
          hint={t('settings.warnFindingHint')}
          errors={errors('/ladder/warnFindingStep')}
        />
      </fieldset>
      <fieldset className="form-grid">
        <legend>{t('settings.who')}</legend>
        <TextField
          label={t('settings.minAmount')}
          type="number"
          min={0}
          value={numberText(targeting.minAmountUsd)}
          onChange={(text) => setTargeting({ minAmountUsd: optionalNumber(text) })}
          errors={errors('/targeting/minAmountUsd')}
        />
        <TextField
          label={t('settings.maxAmount')}
          type="number"
          min={0}
          value={numberText(targeting.maxAmountUsd)}
          onChange={(text) => setTargeting({ maxAmountUsd: optionalNumber(text) })}
          errors={errors('/targeting/maxAmountUsd')}
        />
        <AssetsField
          assets={targeting.assets}
          onChange={(assets) => setTargeting({ assets })}
          errors={mergeErrors(
            errors('/targeting/assets'),
            (targeting.assets ?? []).map((_, i) => errors(`/targeting/assets/${i}`)),
          )}
        />
        <TextField
          label={t('settings.accountAge')}
          type="number"
          min={0}
          value={numberText(targeting.maxAccountAgeDays)}
          onChange={(text) => setTargeting({ maxAccountAgeDays: optionalNumber(text) })}
          hint={t('settings.accountAgeHint')}
          errors={errors('/targeting/maxAccountAgeDays')}
        />
        <Checkbox
          label={t('settings.newDestination')}
          checked={targeting.newDestinationOnly ?? false}
          onChange={(checked) => setTargeting({ newDestinationOnly: checked || undefined })}
        />
      </fieldset>
    </>
  );
}

/** Keeps the typed text (a trailing comma included) and reports the parsed list. */
function AssetsField(props: {
  assets: string[] | undefined;
  onChange(assets: string[] | undefined): void;
  errors: FieldErrors | undefined;
}) {
  const { t } = useT('editor');
  const [text, setText] = useState((props.assets ?? []).join(', '));
  return (
    <TextField
      label={t('settings.assets')}
      value={text}
      onChange={(next) => {
        setText(next);
        const assets = next
          .split(',')
          .map((a) => a.trim().toUpperCase())
          .filter(Boolean);
        props.onChange(assets.length > 0 ? assets : undefined);
      }}
      hint={t('settings.assetsHint')}
      errors={props.errors}
    />
  );
}
