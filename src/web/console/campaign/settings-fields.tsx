import { useState } from 'react';
import { Checkbox, SelectField, TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import type { CampaignSpec } from '../types.js';
import { numberText, optionalNumber, requiredNumber } from './numbers.js';

interface Props {
  spec: CampaignSpec;
  onChange(spec: CampaignSpec): void;
  errors: ErrorsAt;
}

export function SettingsFields({ spec, onChange, errors }: Props) {
  const targeting = spec.targeting;
  const setTargeting = (patch: Partial<CampaignSpec['targeting']>) =>
    onChange({ ...spec, targeting: { ...targeting, ...patch } });
  return (
    <>
      <fieldset className="form-grid">
        <legend>General settings</legend>
        <SelectField
          label="Action"
          value={spec.action}
          options={[
            { value: 'warn', label: 'Warn: show the warning, the user may go ahead' },
            { value: 'hold', label: 'Hold: show the warning and hold the withdrawal' },
          ]}
          onChange={(action) => onChange({ ...spec, action: action === 'hold' ? 'hold' : 'warn' })}
          errors={errors('/action')}
        />
        <TextField
          label="Minimum display (seconds)"
          type="number"
          min={0}
          max={600}
          value={numberText(spec.minDisplaySeconds)}
          onChange={(text) => onChange({ ...spec, minDisplaySeconds: requiredNumber(text) })}
          hint="How long the warning stays before the user can go ahead."
          errors={errors('/minDisplaySeconds')}
        />
        <TextField
          label="Holdout share"
          type="number"
          min={0}
          max={0.9}
          step={0.01}
          value={numberText(spec.experiment.holdoutShare)}
          onChange={(text) =>
            onChange({ ...spec, experiment: { ...spec.experiment, holdoutShare: requiredNumber(text) } })
          }
          hint="0 to 0.9: the share of matching users who see no warning, so the effect can be measured."
          errors={errors('/experiment/holdoutShare')}
        />
        <TextField
          label="Priority"
          type="number"
          min={0}
          max={1000}
          value={numberText(spec.priority)}
          onChange={(text) => onChange({ ...spec, priority: requiredNumber(text) })}
          hint="When several live campaigns match a withdrawal, the highest priority is shown."
          errors={errors('/priority')}
        />
        <TextField
          label="Warnings per user at most"
          type="number"
          min={1}
          value={numberText(spec.frequencyCap.maxPerUser)}
          onChange={(text) =>
            onChange({ ...spec, frequencyCap: { ...spec.frequencyCap, maxPerUser: requiredNumber(text) } })
          }
          errors={errors('/frequencyCap/maxPerUser')}
        />
        <TextField
          label="Within (hours)"
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
        <legend>Friction ladder</legend>
        <TextField
          label="Cooling-off (minutes)"
          type="number"
          min={5}
          max={10080}
          value={numberText(spec.ladder?.coolingOffMinutes ?? 60)}
          onChange={(text) =>
            onChange({ ...spec, ladder: { ...spec.ladder, coolingOffMinutes: requiredNumber(text) } })
          }
          hint="How long an answer that asks for a cooling-off pauses the withdrawal (5 minutes to 7 days)."
          errors={errors('/ladder/coolingOffMinutes')}
        />
        <SelectField
          label="A lookalike or other warning finding starts at"
          value={spec.ladder?.warnFindingStep ?? 'questions'}
          options={[
            { value: 'questions', label: 'Questions' },
            { value: 'cooling_off', label: 'Cooling-off' },
            { value: 'review', label: 'Review by staff' },
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
          hint="A reported destination always goes straight to hold."
          errors={errors('/ladder/warnFindingStep')}
        />
      </fieldset>
      <fieldset className="form-grid">
        <legend>Who sees it</legend>
        <TextField
          label="Minimum amount (USD)"
          type="number"
          min={0}
          value={numberText(targeting.minAmountUsd)}
          onChange={(text) => setTargeting({ minAmountUsd: optionalNumber(text) })}
          errors={errors('/targeting/minAmountUsd')}
        />
        <TextField
          label="Maximum amount (USD)"
          type="number"
          min={0}
          value={numberText(targeting.maxAmountUsd)}
          onChange={(text) => setTargeting({ maxAmountUsd: optionalNumber(text) })}
          errors={errors('/targeting/maxAmountUsd')}
        />
        <AssetsField
          assets={targeting.assets}
          onChange={(assets) => setTargeting({ assets })}
          errors={errors('/targeting/assets')}
        />
        <TextField
          label="Account age at most (days)"
          type="number"
          min={0}
          value={numberText(targeting.maxAccountAgeDays)}
          onChange={(text) => setTargeting({ maxAccountAgeDays: optionalNumber(text) })}
          hint="Empty: accounts of any age."
          errors={errors('/targeting/maxAccountAgeDays')}
        />
        <Checkbox
          label="Only withdrawals to a new destination"
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
  errors: string[] | undefined;
}) {
  const [text, setText] = useState((props.assets ?? []).join(', '));
  return (
    <TextField
      label="Assets"
      value={text}
      onChange={(next) => {
        setText(next);
        const assets = next
          .split(',')
          .map((a) => a.trim().toUpperCase())
          .filter(Boolean);
        props.onChange(assets.length > 0 ? assets : undefined);
      }}
      hint="Comma-separated tickers, e.g. USDT, BTC. Empty: every asset."
      errors={props.errors}
    />
  );
}
