import { useState } from 'react';
import { api } from '../api.js';
import { TextField } from '../../console/components/fields.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { useDocumentTitle, useSubmit } from '../hooks.js';
import { useOfficer, useSession } from '../session.js';

/** The secret inside an otpauth:// URI, for typing into an app by hand. */
function secretOf(uri: string): string {
  try {
    return new URL(uri).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

export function SecurityPage() {
  useDocumentTitle('Sign-in security');
  const officer = useOfficer();
  const { refresh } = useSession();
  const [uri, setUri] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const start = useSubmit(async () => {
    const enrolment = await api.post<{ uri: string }>('/police/api/totp');
    setUri(enrolment.uri);
  });
  const verify = useSubmit(async () => {
    await api.post('/police/api/totp/verify', { code: code.trim() });
    setDone(true);
    await refresh();
  });

  return (
    <>
      <h1>Sign-in security</h1>
      <section aria-labelledby="totp-heading" className="panel">
        <h2 id="totp-heading">Authenticator app (second factor)</h2>
        {done ? (
          <p role="status" className="alert alert-success">
            Your authenticator app is set up. From now on, sign-in asks for its six-digit code.
          </p>
        ) : officer.totpEnabled ? (
          <p>An authenticator app is set up for your account. Sign-in asks for its code.</p>
        ) : uri === null ? (
          <form onSubmit={start.submit} className="stack">
            <p>
              Add a second factor: after your password, sign-in also asks for a six-digit code from an
              authenticator app on your phone.
            </p>
            <ProblemAlert error={start.error} title="Could not start the setup." labels={{}} />
            <button type="submit" className="button-primary" disabled={start.busy}>
              Set up an authenticator app
            </button>
          </form>
        ) : (
          <form onSubmit={verify.submit} className="stack">
            <p>
              In your authenticator app, add an account with this key (or open the link on the phone that
              holds the app):
            </p>
            <p className="token" aria-label="Setup key">
              {secretOf(uri)}
            </p>
            <p>
              <a href={uri}>Open in an authenticator app</a>
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
            <ProblemAlert
              error={verify.error}
              title="The app is not set up yet."
              labels={{ '/code': 'Code from the app' }}
            />
            <button type="submit" className="button-primary" disabled={verify.busy}>
              Confirm code
            </button>
          </form>
        )}
      </section>
    </>
  );
}
