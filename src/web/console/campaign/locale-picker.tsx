import { useState } from 'react';
import { SelectField, TextField } from '../components/fields.js';
import { useT } from '../i18n/index.js';

interface Props {
  locales: string[];
  selected: string;
  onSelect(locale: string): void;
  /** The jurisdiction's locales not yet written; null when the jurisdiction list could not be read. */
  addable: string[] | null;
  defaultLocale: string | null;
  /** Absent when read-only. */
  onAdd?: (locale: string) => void;
  onRemove?: (locale: string) => void;
}

export function LocalePicker({
  locales,
  selected,
  onSelect,
  addable,
  defaultLocale,
  onAdd,
  onRemove,
}: Props) {
  const [toAdd, setToAdd] = useState('');
  const { t } = useT('review');
  const { t: tl } = useT('editorItems');
  const options = locales.map((l) => ({
    value: l,
    label: l === defaultLocale ? tl('locale.withDefault', { locale: l }) : l,
  }));
  return (
    <div className="locale-picker">
      <SelectField label={tl('locale.label')} value={selected} options={options} onChange={onSelect} />
      {onRemove && (
        <button
          type="button"
          className="button-quiet"
          disabled={selected === defaultLocale || locales.length <= 1}
          onClick={() => onRemove(selected)}
        >
          {tl('locale.remove', { locale: selected })}
        </button>
      )}
      {onAdd && (
        <div className="add-locale">
          {addable === null ? (
            <TextField
              label={tl('locale.toAdd')}
              value={toAdd}
              onChange={setToAdd}
              hint={tl('locale.toAddHint')}
            />
          ) : (
            <SelectField
              label={tl('locale.toAdd')}
              value={toAdd}
              placeholder={addable.length === 0 ? tl('locale.allWritten') : tl('locale.choose')}
              options={addable.map((l) => ({ value: l, label: l }))}
              onChange={setToAdd}
            />
          )}
          <p className="hint">{t('translation.addHint')}</p>
          <button
            type="button"
            disabled={toAdd.trim() === '' || locales.includes(toAdd.trim())}
            onClick={() => {
              onAdd(toAdd.trim());
              setToAdd('');
            }}
          >
            {tl('locale.add')}
          </button>
        </div>
      )}
    </div>
  );
}
