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
  const options = locales.map((l) => ({ value: l, label: l === defaultLocale ? `${l} (default)` : l }));
  return (
    <div className="locale-picker">
      <SelectField label="Locale" value={selected} options={options} onChange={onSelect} />
      {onRemove && (
        <button
          type="button"
          className="button-quiet"
          disabled={selected === defaultLocale || locales.length <= 1}
          onClick={() => onRemove(selected)}
        >
          Remove locale {selected}
        </button>
      )}
      {onAdd && (
        <div className="add-locale">
          {addable === null ? (
            <TextField label="Locale to add" value={toAdd} onChange={setToAdd} hint="e.g. zh-Hant or pt" />
          ) : (
            <SelectField
              label="Locale to add"
              value={toAdd}
              placeholder={
                addable.length === 0 ? 'Every locale of the jurisdiction is written' : 'Choose a locale'
              }
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
            Add locale
          </button>
        </div>
      )}
    </div>
  );
}
