import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../api.js';
import { TextField } from '../../console/components/fields.js';
import { useDocumentTitle } from '../hooks.js';
import { useSession } from '../session.js';
import { plainDetail } from '../components/problem-alert.js';

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && state.from !== '/signin' ? state.from : '/requests';
  }
  return '/requests';
}

/** What went wrong, in the officer's words: locked out, not yet approved, a code, or a wrong password. */
function signInMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const about = (field: string) => error.errors.find((e) => e.field === field)?.message;
  if (error.status === 429) {
    const lock = about('body/email');
    return lock
      ? `Too many failed sign-ins: this account is ${lock}. Try again later.`
      : `Too many sign-in attempts from here. ${plainDetail(error.detail)}`;
  }
  if (error.status === 403) {
    return `You cannot sign in to file requests yet: ${about('session') ?? plainDetail(error.detail)}.`;
  }
  if (error.status === 401 && about('body/totp')) {
    return about('body/totp') === 'wrong code'
      ? 'The authenticator code is wrong. Enter the current six-digit code.'
      : 'Enter the six-digit code from your authenticator app.';
  }
  if (error.status === 401) return 'Wrong email or password.';
  return plainDetail(error.detail);
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { state, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = returnPath(location.state);

  if (state.status === 'signed-in' && !busy) return <Navigate to={target} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password, totp.trim() || undefined);
      navigate(target, { replace: true });
    } catch (caught) {
      setError(signInMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <p className="product">caveat police portal</p>
      <h1>Sign in</h1>
      <p className="lede">For officers of partner law-enforcement agencies.</p>
      <form onSubmit={submit} className="stack">
        <TextField
          label="Official email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <TextField
          label="Authenticator code"
          autoComplete="one-time-code"
          value={totp}
          onChange={setTotp}
          pattern="[0-9]{6}"
          maxLength={6}
          hint="Six digits from your authenticator app, if you set one up. Leave empty otherwise."
        />
        {error && (
          <p role="alert" className="alert alert-error">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          Sign in
        </button>
      </form>
      <p>
        No account yet? <Link to="/signup">Sign up with your agency email</Link>.
      </p>
    </main>
  );
}
