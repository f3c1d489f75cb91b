import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { request } from '../api.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { useDocumentTitle, useSubmit } from '../hooks.js';

/**
 * Where the confirmation mail's link lands. Confirming takes a click rather than happening on load:
 * a mail scanner that follows the link must not use up the single-use token.
 */
export function ConfirmPage() {
  useDocumentTitle('Confirm your email address');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [confirmed, setConfirmed] = useState(false);
  const { error, busy, submit } = useSubmit(async () => {
    await request('/police/api/confirm', { method: 'POST', body: { token }, quietUnauthorized: true });
    setConfirmed(true);
  });

  return (
    <main id="main" className="signin">
      <p className="product">caveat police portal</p>
      <h1>Confirm your email address</h1>
      {confirmed ? (
        <>
          <p role="status" className="alert alert-success">
            Your address is confirmed. An administrator of the exchange now checks your account; you can sign
            in and file requests once it is approved.
          </p>
          <p>
            <Link to="/signin">Go to sign in</Link>
          </p>
        </>
      ) : token === '' ? (
        <p role="alert" className="alert alert-error">
          This link has no confirmation token. Open the link from the email exactly as it was sent.
        </p>
      ) : (
        <form onSubmit={submit} className="stack">
          <p>Confirm that this email address is yours to finish signing up.</p>
          <ProblemAlert
            error={error}
            title="The address is not confirmed."
            labels={{ '/token': 'The link' }}
          />
          <button type="submit" className="button-primary" disabled={busy}>
            Confirm my address
          </button>
        </form>
      )}
    </main>
  );
}
