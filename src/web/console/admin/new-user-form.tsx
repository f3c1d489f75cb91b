import { useState } from 'react';
import { api } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { useSubmit } from '../hooks.js';
import { roleLabel } from '../session.js';
import type { ConsoleUser, Jurisdiction, Partner, Role } from '../types.js';
import { MIN_PASSWORD } from './set-password-form.js';

interface Props {
  jurisdictions: Jurisdiction[];
  partners: Partner[];
  onCreated(user: ConsoleUser): void;
}

const roles: Role[] = ['admin', 'analyst', 'partner_reviewer', 'le_responder'];

export function NewUserForm({ jurisdictions, partners, onCreated }: Props) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [jurisdiction, setJurisdiction] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [password, setPassword] = useState('');
  const reviewer = role === 'partner_reviewer';
  const localPartners = partners.filter((p) => !jurisdiction || p.jurisdiction === jurisdiction);

  const { error, errors, submit } = useSubmit(async () => {
    const user = await api.post<ConsoleUser>('/v1/admin/users', {
      email,
      name,
      role,
      jurisdiction: jurisdiction || null,
      partnerId: partnerId || null,
      password,
    });
    setEmail('');
    setName('');
    setPassword('');
    onCreated(user);
  });

  return (
    <FormPanel
      headingId="new-user-heading"
      title="Add a user"
      error={error}
      failedTitle="The user was not created."
      submitLabel="Create user"
      onSubmit={submit}
    >
      <TextField
        label="Email"
        type="email"
        required
        value={email}
        onChange={setEmail}
        errors={errors('/email')}
      />
      <TextField label="Name" required value={name} onChange={setName} errors={errors('/name')} />
      <SelectField
        label="Role"
        value={role}
        options={roles.map((r) => ({ value: r, label: roleLabel[r] }))}
        onChange={(value) => setRole(roles.find((r) => r === value) ?? 'analyst')}
        hint="Partner reviewers see and review only their jurisdiction's campaigns."
        errors={errors('/role')}
      />
      <SelectField
        label="Jurisdiction"
        required={reviewer}
        value={jurisdiction}
        placeholder={reviewer ? 'Choose a jurisdiction' : 'None'}
        options={jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
        onChange={(code) => {
          setJurisdiction(code);
          setPartnerId('');
        }}
        hint={reviewer ? 'Required for partner reviewers.' : undefined}
        errors={errors('/jurisdiction')}
      />
      <SelectField
        label="Partner"
        value={partnerId}
        placeholder="None"
        options={localPartners.map((p) => ({ value: p.id, label: p.name }))}
        onChange={setPartnerId}
        errors={errors('/partnerId')}
      />
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        value={password}
        onChange={setPassword}
        hint={`At least ${MIN_PASSWORD} characters. Share it by a separate channel.`}
        errors={errors('/password')}
      />
    </FormPanel>
  );
}
