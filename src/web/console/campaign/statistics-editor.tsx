import { TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import type { Statistic } from '../types.js';
import { DirectoryPicker } from './directory-picker.js';
import { ListEditor } from './list-editor.js';
import { numberText, requiredNumber } from './numbers.js';

interface Props {
  items: Statistic[];
  onChange(items: Statistic[]): void;
  errors: ErrorsAt;
}

export function StatisticsEditor({ items, onChange, errors }: Props) {
  return (
    <ListEditor
      legend="Statistics"
      itemName="Statistic"
      hint="Local figures with their public source, e.g. losses to scams reported last year. The value comes from the directory, or is given here; the label and the source’s name are this language’s."
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
              label="Label"
              dir="auto"
              value={s.label}
              onChange={(label) => update({ ...s, label })}
              errors={at('/label')}
            />
            <TextField
              label="Source"
              dir="auto"
              value={s.source}
              onChange={(source) => update({ ...s, source })}
              errors={at('/source')}
            />
            <DirectoryPicker section="statistics" item={s} update={update} at={at}>
              <>
                <TextField
                  label="Value"
                  dir="auto"
                  value={s.value ?? ''}
                  onChange={(value) => update({ ...s, value })}
                  errors={at('/value')}
                />
                <TextField
                  label="Year"
                  type="number"
                  min={1990}
                  max={2100}
                  value={numberText(s.year)}
                  onChange={(year) => update({ ...s, year: requiredNumber(year) })}
                  errors={at('/year')}
                />
                <TextField
                  label="Source URL"
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
