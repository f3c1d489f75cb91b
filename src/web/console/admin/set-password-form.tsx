import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { TextField } from '../components/fields.js';
import { ErrorAlert, errorsAt, problemsOf } from '../components/problems.js';
import type { ConsoleUser } from '../types.js';

interface Props {
  user: ConsoleUser;
  onDone(message: string): void;
  onCancel(): void;
}

export const MIN_PASSWORD = 12;

export function SetPasswordForm({ user, onDone, onCancel }: Props) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const errors = errorsAt(problemsOf(error));

  // Opened from a table row: take the keyboard user to the form they asked for.
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.post(`/v1/admin/users/${encodeURIComponent(user.id)}/password`, { password });
      onDone(`New password set for ${user.name}.`);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby="password-heading" className="panel">
      <h2 id="password-heading" ref={heading} tabIndex={-1}>
        Set a new password for {user.name}
      </h2>
      <form onSubmit={submit} className="stack">
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          value={password}
          onChange={setPassword}
          hint={`At least ${MIN_PASSWORD} characters.`}
          errors={errors('/password')}
        />
        <ErrorAlert error={error} title="The password was not changed." />
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Save password
          </button>
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
