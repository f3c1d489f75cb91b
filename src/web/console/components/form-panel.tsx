import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { ErrorAlert } from './problems.js';

interface Props {
  headingId: string;
  title: string;
  /** Opened from a row of the table above: takes the keyboard user to the form they asked for. */
  focusOnOpen?: boolean;
  layout?: 'form-grid' | 'stack';
  error: unknown;
  /** What did not happen when the request failed, e.g. "The partner was not saved." */
  failedTitle: string;
  submitLabel: string;
  submitDisabled?: boolean;
  onSubmit(event: FormEvent): void;
  /** Shows a Cancel button beside the submit button. */
  onCancel?: () => void;
  /** A status line after the buttons, e.g. what was just saved. */
  status?: string | null;
  children: ReactNode;
}

/** The admin pages' form: a headed panel, its fields, the failure of its last request, its buttons. */
export function FormPanel(props: Props) {
  const { t } = useT('campaigns');
  const heading = useRef<HTMLHeadingElement>(null);
  const focusOnOpen = props.focusOnOpen ?? false;
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);
  return (
    <section aria-labelledby={props.headingId} className="panel">
      <h2 id={props.headingId} ref={heading} tabIndex={-1}>
        {props.title}
      </h2>
      <form onSubmit={props.onSubmit} className={props.layout ?? 'form-grid'}>
        {props.children}
        <ErrorAlert error={props.error} title={props.failedTitle} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={props.submitDisabled}>
            {props.submitLabel}
          </button>
          {props.onCancel && (
            <button type="button" className="button-quiet" onClick={props.onCancel}>
              {t('cancel')}
            </button>
          )}
          {props.status && (
            <span role="status" className="save-state">
              {props.status}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
