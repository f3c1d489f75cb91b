import type { ReactNode } from 'react';
import type { FieldErrors } from '../components/problems.js';
import { useT } from '../i18n/index.js';
import { useReadOnly } from './read-only.js';

interface Props<T> {
  legend: string;
  /**
   * Singular, capitalised, in the console's language: "Resource" gives "Resource 1", "Add resource",
   * "Remove resource 1" (the numbering problems use too: see validation/spec-fields.ts).
   */
  itemName: string;
  items: T[];
  onChange(items: T[]): void;
  create(): T;
  renderItem(item: T, update: (item: T) => void, index: number): ReactNode;
  /** The schema allows at most 12 of each list. */
  max?: number;
  hint?: string;
  /** Problems with the list as a whole (too many, none); focusable from the problem summary. */
  errors?: FieldErrors;
}

export function ListEditor<T>({
  legend,
  itemName,
  items,
  onChange,
  create,
  renderItem,
  max = 12,
  hint,
  errors,
}: Props<T>) {
  const { t } = useT('editor');
  const lower = itemName.toLowerCase();
  const readOnly = useReadOnly();
  return (
    <fieldset className="list-editor">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {errors && errors.length > 0 && (
        <p className="field-error" tabIndex={-1} data-problem-pointer={errors.pointer}>
          {errors.join('; ')}
        </p>
      )}
      {items.length === 0 && <p className="empty">{t('list.none')}</p>}
      {items.map((item, index) => (
        <fieldset key={index} className="list-item">
          <legend>{t('list.item', { item: itemName, n: index + 1 })}</legend>
          {renderItem(item, (next) => onChange(items.map((old, i) => (i === index ? next : old))), index)}
          {!readOnly && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              {t('list.remove', { item: lower, n: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => onChange([...items, create()])} disabled={items.length >= max}>
          {t('list.add', { item: lower })}
        </button>
      )}
    </fieldset>
  );
}
