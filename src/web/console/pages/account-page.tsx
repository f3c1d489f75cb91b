import { useState } from 'react';
import { Outlet } from 'react-router';
import { api } from '../api.js';
import { TextField } from '../components/fields.js';
import { ErrorAlert } from '../components/problems.js';
import { useDocumentTitle, useSubmit } from '../hooks.js';
import { useT } from '../i18n/index.js';
import { useSession, useUser } from '../session.js';
import type { User } from '../types.js';

/**
 * Lets the pages through, unless the user is an admin who must first set up an authenticator app
 * (CONSOLE_REQUIRE_TOTP_FOR_ADMINS): then only the set-up shows, without the navigation, since the
 * server refuses everything else until it is done.
 */
export function EnrolFirst() {
  const { state, signOut } = useSession();
  const { t } = useT('account');
  const { t: tShell } = useT('shell');
  if (state.status !== 'signed-in' || !state.mustEnrolTotp) return <Outlet />;
  return (
    <main id="main" className="signin">
      <p className="product">{tShell('product')}</p>
      <p className="alert">{t('enrol.mustEnrol')}</p>
      <TotpEnrolment />
      <button type="button" className="button-quiet" onClick={() => void signOut()}>
        {t('enrol.signOut')}
      </button>
    </main>
  );
}

/** The account page: the user's second factor. */
export function AccountPage() {
  return <TotpEnrolment />;
}

function TotpEnrolment() {
  const { t } = useT('account');
  useDocumentTitle(t('enrol.title'));
  const user = useUser();
  const { totpEnabled } = useSession();
  // The secret is shown this once, from the answer that created it; it is never fetched again.
  const [enrolment, setEnrolment] = useState<{ uri: string; secret: string } | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const start = useSubmit(async () => setEnrolment(await api.post('/v1/console/account/totp')));
  const verify = useSubmit(async () => {
    const answer = await api.post<{ user: User }>('/v1/console/account/totp/verify', { code: code.trim() });
    setEnrolment(null);
    setDone(true);
    totpEnabled(answer.user);
  });

  return (
    <>
      <h1>{t('enrol.title')}</h1>
      {done ? (
        <p role="status" className="alert alert-success">
          {t('enrol.done')}
        </p>
      ) : user.totpEnabled ? (
        <p>{t('enrol.enabled')}</p>
      ) : enrolment === null ? (
        <form onSubmit={start.submit} className="stack">
          <p>{t('enrol.why')}</p>
          <ErrorAlert error={start.error} title={t('enrol.startFailed')} />
          <button type="submit" className="button-primary" disabled={start.busy}>
            {t('enrol.start')}
          </button>
        </form>
      ) : (
        <form onSubmit={verify.submit} className="stack">
          <p>{t('enrol.addKey')}</p>
          <p className="token" aria-label={t('enrol.keyLabel')}>
            {enrolment.secret}
          </p>
          <p>
            {t('enrol.orLink')} <a href={enrolment.uri}>{t('enrol.link')}</a>
          </p>
          <TextField
            label={t('enrol.code')}
            autoComplete="one-time-code"
            required
            pattern="[0-9]{6}"
            maxLength={6}
            value={code}
            onChange={setCode}
            errors={verify.errors('/code')}
          />
          <ErrorAlert error={verify.error} title={t('enrol.verifyFailed')} />
          <button type="submit" className="button-primary" disabled={verify.busy}>
            {t('enrol.confirm')}
          </button>
        </form>
      )}
    </>
  );
}
