import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.js';
import { SelectField, TextField } from '../../console/components/fields.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import type { Agency } from '../types.js';

const SIGN_UP_LABELS = {
  '/agencyId': 'Agency',
  '/email': 'Official email',
  '/name': 'Full name',
  '/password': 'Password',
};

export function SignUpPage() {
  useDocumentTitle('Sign up');
  const agencies = useResource<Agency[]>('/police/api/agencies');
  const [agencyId, setAgencyId] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { error, errors, busy, submit } = useSubmit(async () => {
    await api.post('/police/api/sign-up', { email: email.trim(), name: name.trim(), agencyId, password });
    setSentTo(email.trim());
  });

  const list = agencies.state.status === 'ready' ? agencies.state.data : [];
  const agency = list.find((a) => a.id === agencyId);

  if (sentTo) {
    return (
      <main id="main" className="signin">
        <p className="product">caveat police portal</p>
        <h1>Check your mailbox</h1>
        <p role="status">
          We sent a confirmation link to <strong>{sentTo}</strong>. Open it within 24 hours to confirm the
          address. An administrator of the exchange then checks your account before you can file requests.
        </p>
        <p>
          <Link to="/signin">Back to sign in</Link>
        </p>
      </main>
    );
  }

  return (
    <main id="main" className="signin">
      <p className="product">caveat police portal</p>
      <h1>Sign up</h1>
      <p className="lede">
        Accounts are for officers of partner agencies, with an email address of the agency’s official domain.
      </p>
      <form onSubmit={submit} className="stack" noValidate>
        <SelectField
          label="Agency"
          required
          value={agencyId}
          onChange={setAgencyId}
          placeholder={agencies.state.status === 'loading' ? 'Loading agencies…' : 'Choose your agency'}
          options={list.map((a) => ({ value: a.id, label: a.name }))}
          errors={errors('/agencyId')}
        />
        <TextField
          label="Official email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={setEmail}
          errors={errors('/email')}
          hint={
            agency && agency.officialEmailDomains.length > 0
              ? `An address ending in ${agency.officialEmailDomains.map((d) => `@${d}`).join(' or ')}.`
              : 'An address of your agency’s official domain.'
          }
        />
        <TextField
          label="Full name"
          autoComplete="name"
          required
          value={name}
          onChange={setName}
          errors={errors('/name')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onChange={setPassword}
          errors={errors('/password')}
          hint="At least 12 characters."
        />
        {agencies.state.status === 'error' && (
          <ProblemAlert
            error={new Error(agencies.state.message)}
            title="Could not load the agencies."
            labels={{}}
          />
        )}
        <ProblemAlert error={error} title="You are not signed up yet." labels={SIGN_UP_LABELS} />
        <button type="submit" className="button-primary" disabled={busy}>
          Sign up
        </button>
      </form>
      <p>
        Already have an account? <Link to="/signin">Sign in</Link>.
      </p>
    </main>
  );
}
