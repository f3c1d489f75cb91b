import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../api.js';
import { TextField } from '../components/fields.js';
import { useDocumentTitle } from '../hooks.js';
import { useT } from '../i18n/index.js';
import { useSession } from '../session.js';
import { needsCode, TotpCodeField } from './totp-code-field.js';

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && state.from !== '/signin' ? state.from : '/';
  }
  // The home page sends each role to its own work.
  return '/';
}

export function SignInPage() {
  const { t } = useT('campaigns');
  useDocumentTitle(t('signin.title'));
  const { state, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the server asks for it: the password was right and the account has an authenticator.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = returnPath(location.state);

  if (state.status === 'signed-in' && !busy) return <Navigate to={target} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password, askCode ? code.trim() : undefined);
      navigate(target, { replace: true });
    } catch (caught) {
      if (needsCode(caught) && !askCode) {
        setAskCode(true);
        setError(null);
        return;
      }
      setError(
        // The server's words already say how long to wait.
        caught instanceof ApiError && caught.status === 429 ? caught.detail : errorMessage(caught),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <p className="product">{t('signin.product')}</p>
      <h1>{t('signin.title')}</h1>
      <form onSubmit={submit} className="stack">
        <TextField
          label={t('signin.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label={t('signin.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        {askCode && <TotpCodeField value={code} onChange={setCode} />}
        {error && (
          <p role="alert" className="alert alert-error">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
