import { useId, type ReactNode } from 'react';
import type { FieldErrors } from './problems.js';

interface Common {
  label: string;
  /**
   * Messages from the server for this field; shown under it and linked with aria-describedby. A
   * list from errorsAt carries the field's pointer, which marks the input (data-problem-pointer) so
   * a problem summary or a refused save can focus it.
   */
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

interface TextFieldProps extends Common {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'search' | 'date';
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  dir?: 'auto';
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const describedBy = describedIds(id, props);
  const shared = {
    id,
    value: props.value,
    required: props.required,
    disabled: props.disabled,
    maxLength: props.maxLength,
    dir: props.dir,
    'aria-invalid': props.errors && props.errors.length > 0 ? true : undefined,
    'aria-describedby': describedBy,
    'data-problem-pointer': props.errors?.pointer,
  };
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...shared} rows={props.rows ?? 4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...shared}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          min={props.min}
          max={props.max}
          step={props.step}
          minLength={props.minLength}
          pattern={props.pattern}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      <FieldNotes id={id} {...props} />
    </div>
  );
}

interface SelectFieldProps extends Common {
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  /** Text of a first empty option; omit when a value is always chosen. */
  placeholder?: string;
}

export function SelectField(props: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={props.errors && props.errors.length > 0 ? true : undefined}
        aria-describedby={describedIds(id, props)}
        data-problem-pointer={props.errors?.pointer}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} {...props} />
    </div>
  );
}

interface CheckboxProps extends Common {
  checked: boolean;
  onChange(checked: boolean): void;
}

export function Checkbox(props: CheckboxProps) {
  const id = useId();
  return (
    <div className={`field field-check ${props.className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={props.errors && props.errors.length > 0 ? true : undefined}
        aria-describedby={describedIds(id, props)}
        data-problem-pointer={props.errors?.pointer}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <FieldNotes id={id} {...props} />
    </div>
  );
}

function describedIds(id: string, props: Common): string | undefined {
  const ids = [props.hint ? `${id}-hint` : '', props.errors?.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldNotes({ id, hint, errors }: { id: string } & Common): ReactNode {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {errors.join('; ')}
        </p>
      )}
    </>
  );
}
