import { TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import { currentLanguage, useT } from '../i18n/index.js';
import { languageName } from '../validation/describe-problem.js';
import type { CampaignSpec, Variant } from '../types.js';
import { ListEditor } from './list-editor.js';
import { numberText, requiredNumber } from './numbers.js';

interface Props {
  spec: CampaignSpec;
  /** The locale on screen: a variant's message is overridden per locale. */
  locale: string;
  onChange(spec: CampaignSpec): void;
  errors: ErrorsAt;
}

/** The messages being tested: each variant may replace the title and body, per locale. */
export function VariantsEditor({ spec, locale, onChange, errors }: Props) {
  const { t } = useT('editor');
  const setVariants = (variants: Variant[]) =>
    onChange({ ...spec, experiment: { ...spec.experiment, variants } });
  return (
    <ListEditor<Variant>
      legend={t('variants.legend')}
      itemName={t('variants.item')}
      max={8}
      hint={t('variants.hint', { language: languageName(locale, currentLanguage()) })}
      items={spec.experiment.variants}
      onChange={setVariants}
      create={() => ({ key: nextKey(spec.experiment.variants), weight: 1 })}
      errors={errors('/experiment/variants')}
      renderItem={(v, update, i) => {
        const at = (field: string) => errors(`/experiment/variants/${i}${field}`);
        const override = v.overrides?.[locale] ?? {};
        const setOverride = (patch: { title?: string; body?: string }) =>
          update({ ...v, overrides: { ...v.overrides, [locale]: { ...override, ...patch } } });
        return (
          <div className="form-grid">
            <TextField
              label={t('variants.key')}
              value={v.key}
              onChange={(key) => update({ ...v, key })}
              hint={t('variants.keyHint')}
              errors={at('/key')}
            />
            <TextField
              label={t('variants.weight')}
              type="number"
              min={1}
              max={1000}
              value={numberText(v.weight)}
              onChange={(weight) => update({ ...v, weight: requiredNumber(weight) })}
              errors={at('/weight')}
            />
            <TextField
              label={t('variants.titleFor', { locale })}
              dir="auto"
              className="span-all"
              value={override.title ?? ''}
              onChange={(title) => setOverride({ title })}
              errors={at(`/overrides/${locale}/title`)}
            />
            <TextField
              label={t('variants.bodyFor', { locale })}
              dir="auto"
              multiline
              rows={3}
              className="span-all"
              value={override.body ?? ''}
              onChange={(body) => setOverride({ body })}
              errors={at(`/overrides/${locale}/body`) ?? at(`/overrides/${locale}`)}
            />
          </div>
        );
      }}
    />
  );
}

function nextKey(variants: Variant[]): string {
  const used = new Set(variants.map((v) => v.key));
  for (const letter of 'ABCDEFGHIJ') if (!used.has(letter)) return letter;
  return `V${variants.length + 1}`;
}
