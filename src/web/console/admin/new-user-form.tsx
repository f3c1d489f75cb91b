import { useState } from 'react';
import { api } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { useSubmit } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { ConsoleUser, Jurisdiction, Partner, Role } from '../types.js';
import { MIN_PASSWORD } from './set-password-form.js';

interface Props {
  jurisdictions: Jurisdiction[];
  partners: Partner[];
  onCreated(user: ConsoleUser): void;
}

const roles: Role[] = ['admin', 'analyst', 'partner_reviewer', 'le_responder'];

export function NewUserForm({ jurisdictions, partners, onCreated }: Props) {
  const { t } = useT('admin');
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
      title={t('newUser.title')}
      error={error}
      failedTitle={t('newUser.notCreated')}
      submitLabel={t('newUser.create')}
      onSubmit={submit}
    >
      <TextField
        label={t('newUser.email')}
        type="email"
        required
        value={email}
        onChange={setEmail}
        errors={errors('/email')}
      />
      <TextField
        label={t('newUser.name')}
        required
        value={name}
        onChange={setName}
        errors={errors('/name')}
      />
      <SelectField
        label={t('newUser.role')}
        value={role}
        options={roles.map((r) => ({ value: r, label: t(`account:roles.${r}`) }))}
        onChange={(value) => setRole(roles.find((r) => r === value) ?? 'analyst')}
        hint={t('newUser.roleHint')}
        errors={errors('/role')}
      />
      <SelectField
        label={t('newUser.jurisdiction')}
        required={reviewer}
        value={jurisdiction}
        placeholder={reviewer ? t('newUser.chooseJurisdiction') : t('newUser.none')}
        options={jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
        onChange={(code) => {
          setJurisdiction(code);
          setPartnerId('');
        }}
        hint={reviewer ? t('newUser.jurisdictionHint') : undefined}
        errors={errors('/jurisdiction')}
      />
      <SelectField
        label={t('newUser.partner')}
        value={partnerId}
        placeholder={t('newUser.none')}
        options={localPartners.map((p) => ({ value: p.id, label: p.name }))}
        onChange={setPartnerId}
        errors={errors('/partnerId')}
      />
      <TextField
        label={t('newUser.password')}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        value={password}
        onChange={setPassword}
        hint={t('newUser.passwordHint', { min: MIN_PASSWORD })}
        errors={errors('/password')}
      />
    </FormPanel>
  );
}
