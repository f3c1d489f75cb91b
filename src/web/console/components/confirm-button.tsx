import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.js';

interface Props {
  label: string;
  /** The question shown before acting, e.g. what cannot be undone. */
  question: string;
  confirmLabel: string;
  onConfirm(): void | Promise<void>;
  disabled?: boolean;
  danger?: boolean;
}

/**
 * A button that asks again in the page instead of window.confirm: the question is read by screen
 * readers, stays in the page's style, and keyboard focus moves to the answer.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, danger }: Props) {
  const { t } = useT('account');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={openerRef}
        type="button"
        className={danger ? 'button-danger' : undefined}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  const close = () => {
    setAsking(false);
    requestAnimationFrame(() => openerRef.current?.focus());
  };
  return (
    <span className="confirm" role="group" aria-label={label}>
      <span className="confirm-question">{question}</span>{' '}
      <button
        ref={confirmRef}
        type="button"
        className={danger ? 'button-danger' : undefined}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button type="button" className="button-quiet" onClick={close}>
        {t('cancel')}
      </button>
    </span>
  );
}
