import { useState } from 'react';
import { api } from '../api.js';
import { TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { useSubmit } from '../hooks.js';
import type { ConsoleUser } from '../types.js';

interface Props {
  user: ConsoleUser;
  onDone(message: string): void;
  onCancel(): void;
}

export const MIN_PASSWORD = 12;

export function SetPasswordForm({ user, onDone, onCancel }: Props) {
  const [password, setPassword] = useState('');
  const { error, errors, submit } = useSubmit(async () => {
    await api.post(`/v1/admin/users/${encodeURIComponent(user.id)}/password`, { password });
    onDone(`New password set for ${user.name}.`);
  });

  return (
    <FormPanel
      headingId="password-heading"
      title={`Set a new password for ${user.name}`}
      focusOnOpen
      layout="stack"
      error={error}
      failedTitle="The password was not changed."
      submitLabel="Save password"
      onSubmit={submit}
      onCancel={onCancel}
    >
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
    </FormPanel>
  );
}
