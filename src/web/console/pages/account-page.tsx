import { useState } from 'react';
import { Outlet } from 'react-router';
import { api } from '../api.js';
import { TextField } from '../components/fields.js';
import { ErrorAlert } from '../components/problems.js';
import { useDocumentTitle, useSubmit } from '../hooks.js';
import { useSession, useUser } from '../session.js';
import type { User } from '../types.js';

/**
 * Lets the pages through, unless the user is an admin who must first set up an authenticator app
 * (CONSOLE_REQUIRE_TOTP_FOR_ADMINS): then only the set-up shows, without the navigation, since the
 * server refuses everything else until it is done.
 */
export function EnrolFirst() {
  const { state, signOut } = useSession();
  if (state.status !== 'signed-in' || !state.mustEnrolTotp) return <Outlet />;
  return (
    <main id="main" className="signin">
      <p className="product">caveat console</p>
      <p className="alert">
        Administrators sign in with a code from an authenticator app as well as the password. Set one up to
        continue.
      </p>
      <TotpEnrolment />
      <button type="button" className="button-quiet" onClick={() => void signOut()}>
        Sign out
      </button>
    </main>
  );
}

/** The account page: the user's second factor. */
export function AccountPage() {
  return <TotpEnrolment />;
}

function TotpEnrolment() {
  useDocumentTitle('Two-factor sign-in');
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
      <h1>Two-factor sign-in</h1>
      {done ? (
        <p role="status" className="alert alert-success">
          Your authenticator app is set up. From now on, signing in asks for its six-digit code.
        </p>
      ) : user.totpEnabled ? (
        <p>
          An authenticator app is set up for your account; signing in asks for its code. If you lose it, an
          administrator can reset it.
        </p>
      ) : enrolment === null ? (
        <form onSubmit={start.submit} className="stack">
          <p>
            After your password, signing in will also ask for a six-digit code from an authenticator app on
            your phone, so a stolen password alone opens nothing.
          </p>
          <ErrorAlert error={start.error} title="Could not start the set-up." />
          <button type="submit" className="button-primary" disabled={start.busy}>
            Set up an authenticator app
          </button>
        </form>
      ) : (
        <form onSubmit={verify.submit} className="stack">
          <p>In your authenticator app, add an account with this key (it is shown only now):</p>
          <p className="token" aria-label="Set-up key">
            {enrolment.secret}
          </p>
          <p>
            Or open this link on the phone that holds the app:{' '}
            <a href={enrolment.uri}>add to authenticator</a>
          </p>
          <TextField
            label="Code from the app"
            autoComplete="one-time-code"
            required
            pattern="[0-9]{6}"
            maxLength={6}
            value={code}
            onChange={setCode}
            errors={verify.errors('/code')}
          />
          <ErrorAlert error={verify.error} title="The app is not set up yet." />
          <button type="submit" className="button-primary" disabled={verify.busy}>
            Confirm code
          </button>
        </form>
      )}
    </>
  );
}
