import { TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import type { Statistic } from '../types.js';
import { DirectoryPicker } from './directory-picker.js';
import { useT } from '../i18n/index.js';
import { ListEditor } from './list-editor.js';
import { numberText, requiredNumber } from './numbers.js';

interface Props {
  items: Statistic[];
  onChange(items: Statistic[]): void;
  errors: ErrorsAt;
}

export function StatisticsEditor({ items, onChange, errors }: Props) {
  const { t } = useT('editorItems');
  return (
    <ListEditor
      legend={t('statistics.legend')}
      itemName={t('statistics.item')}
      hint={t('statistics.hint')}
      items={items}
      onChange={onChange}
      create={() => ({
        label: '',
        value: '',
        source: '',
        year: new Date().getUTCFullYear() - 1,
        sourceUrl: '',
      })}
      errors={errors('/statistics')}
      renderItem={(s, update, i) => {
        const at = (field: string) => errors(`/statistics/${i}${field}`);
        return (
          <div className="form-grid">
            <TextField
              label={t('statistics.label')}
              dir="auto"
              value={s.label}
              onChange={(label) => update({ ...s, label })}
              errors={at('/label')}
            />
            <TextField
              label={t('statistics.source')}
              dir="auto"
              value={s.source}
              onChange={(source) => update({ ...s, source })}
              errors={at('/source')}
            />
            <DirectoryPicker section="statistics" item={s} update={update} at={at}>
              <>
                <TextField
                  label={t('statistics.value')}
                  dir="auto"
                  value={s.value ?? ''}
                  onChange={(value) => update({ ...s, value })}
                  errors={at('/value')}
                />
                <TextField
                  label={t('statistics.year')}
                  type="number"
                  min={1990}
                  max={2100}
                  value={numberText(s.year)}
                  onChange={(year) => update({ ...s, year: requiredNumber(year) })}
                  errors={at('/year')}
                />
                <TextField
                  label={t('statistics.sourceUrl')}
                  type="url"
                  value={s.sourceUrl ?? ''}
                  onChange={(sourceUrl) => update({ ...s, sourceUrl })}
                  errors={at('/sourceUrl')}
                />
              </>
            </DirectoryPicker>
          </div>
        );
      }}
    />
  );
}
