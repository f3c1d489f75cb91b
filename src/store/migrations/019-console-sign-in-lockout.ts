/**
 * Console sign-in hygiene:
 *
 * - console_sign_in_failures: consecutive failed sign-ins per account, and the lock they earned.
 *   The subject is `user:<id>` for an existing account and `email:<keyed hash>` for an address no
 *   account has, so an unknown email is locked exactly like a known one (no account-existence
 *   oracle) and the address typed is never stored. A success deletes the row.
 * - console_users.totp_secret / totp_enabled: the authenticator-app second factor; the secret counts
 *   only once a code from it has been confirmed (totp_enabled).
 */
export const consoleSignInLockout = `
CREATE TABLE console_sign_in_failures (
  subject text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures > 0),
  locked_until timestamptz,
  last_failed_at timestamptz NOT NULL
);
CREATE INDEX console_sign_in_failures_last ON console_sign_in_failures (last_failed_at);

ALTER TABLE console_users
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false;
`;
