import { useEffect, useRef } from 'react';
import { ApiError } from '../api.js';
import { useT } from '../i18n/index.js';

/** Whether a refused sign-in asks for the authenticator code (the password itself was right). */
export function needsCode(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status === 401 && error.errors.some((e) => e.field === 'body/totp')
  );
}

/** The six-digit code field of the sign-in form; it takes the focus when it appears. */
export function TotpCodeField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useT('account');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <div className="field">
      <label htmlFor="signin-totp">{t('totp.label')}</label>
      <input
        ref={input}
        id="signin-totp"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        aria-describedby="signin-totp-hint"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id="signin-totp-hint" className="hint">
        {t('totp.hint')}
      </p>
    </div>
  );
}
