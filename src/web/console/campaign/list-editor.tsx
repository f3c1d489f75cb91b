import type { ReactNode } from 'react';
import { useReadOnly } from './read-only.js';

interface Props<T> {
  legend: string;
  /** Singular, capitalised: "Resource" gives "Resource 1", "Add resource", "Remove resource 1". */
  itemName: string;
  items: T[];
  onChange(items: T[]): void;
  create(): T;
  renderItem(item: T, update: (item: T) => void, index: number): ReactNode;
  /** The schema allows at most 12 of each list. */
  max?: number;
  hint?: string;
  errors?: string[];
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
  const lower = itemName.toLowerCase();
  const readOnly = useReadOnly();
  return (
    <fieldset className="list-editor">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {errors && errors.length > 0 && <p className="field-error">{errors.join('; ')}</p>}
      {items.length === 0 && <p className="empty">None yet.</p>}
      {items.map((item, index) => (
        <fieldset key={index} className="list-item">
          <legend>
            {itemName} {index + 1}
          </legend>
          {renderItem(item, (next) => onChange(items.map((old, i) => (i === index ? next : old))), index)}
          {!readOnly && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              Remove {lower} {index + 1}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => onChange([...items, create()])} disabled={items.length >= max}>
          Add {lower}
        </button>
      )}
    </fieldset>
  );
}
