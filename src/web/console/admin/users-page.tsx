import { useState } from 'react';
import { api } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { DataTable } from '../components/data-table.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
import { useUser } from '../session.js';
import type { ConsoleUser, Jurisdiction, Partner } from '../types.js';
import { NewUserForm } from './new-user-form.js';
import { SetPasswordForm } from './set-password-form.js';

export function UsersPage() {
  const { t } = useT('admin');
  useDocumentTitle(t('users.title'));
  const me = useUser();
  const { state, reload } = useResource<{ users: ConsoleUser[] }>('/v1/admin/users');
  const jurisdictions = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const partners = useResource<{ partners: Partner[] }>('/v1/admin/partners');
  const [passwordFor, setPasswordFor] = useState<ConsoleUser | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const disable = async (user: ConsoleUser) => {
    setActionError(null);
    try {
      await api.post(`/v1/admin/users/${encodeURIComponent(user.id)}/disable`);
      setDone(t('users.disabled', { name: user.name }));
      reload();
    } catch (error) {
      setActionError(error);
    }
  };

  // A lost phone: the user signs in with the password alone and enrols a new authenticator.
  const resetTotp = async (user: ConsoleUser) => {
    setActionError(null);
    try {
      await api.post(`/v1/admin/users/${encodeURIComponent(user.id)}/totp/reset`);
      setDone(t('users.totpReset', { name: user.name }));
      reload();
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="lede">{t('users.lede')}</p>
      <ErrorAlert error={actionError} />
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
      <LoadStatus state={state} what={t('users.loadWhat')} />
      {state.status === 'ready' && (
        <DataTable
          columns={[
            t('users.columns.name'),
            t('users.columns.email'),
            t('users.columns.role'),
            t('users.columns.jurisdiction'),
            t('users.columns.partner'),
            t('users.columns.created'),
            t('users.columns.twoFactor'),
            t('users.columns.status'),
          ]}
          actions
        >
          {state.data.users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.name}</th>
              <td>{user.email}</td>
              <td>{t(`account:roles.${user.role}`)}</td>
              <td>{user.jurisdiction ?? '—'}</td>
              <td>{user.partnerId ?? '—'}</td>
              <td>{formatTime(user.createdAt)}</td>
              <td>{user.totpEnabled ? t('users.on') : t('users.off')}</td>
              <td>
                {user.disabledAt
                  ? t('users.disabledAt', { time: formatTime(user.disabledAt) })
                  : t('users.active')}
              </td>
              <td className="actions">
                {!user.disabledAt && (
                  <>
                    <button type="button" className="button-quiet" onClick={() => setPasswordFor(user)}>
                      {t('users.setPassword', { email: user.email })}
                    </button>{' '}
                    {user.totpEnabled && user.id !== me.id && (
                      <>
                        <ConfirmButton
                          label={t('users.resetTotp', { email: user.email })}
                          question={t('users.resetTotpQuestion')}
                          confirmLabel={t('users.resetTotpConfirm')}
                          danger
                          onConfirm={() => resetTotp(user)}
                        />{' '}
                      </>
                    )}
                    {user.id !== me.id && (
                      <ConfirmButton
                        label={t('users.disable', { email: user.email })}
                        question={t('users.disableQuestion')}
                        confirmLabel={t('users.disableConfirm')}
                        danger
                        onConfirm={() => disable(user)}
                      />
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {passwordFor && (
        <SetPasswordForm
          key={passwordFor.id}
          user={passwordFor}
          onDone={(message) => {
            setPasswordFor(null);
            setDone(message);
          }}
          onCancel={() => setPasswordFor(null)}
        />
      )}
      <NewUserForm
        jurisdictions={jurisdictions.state.status === 'ready' ? jurisdictions.state.data.jurisdictions : []}
        partners={partners.state.status === 'ready' ? partners.state.data.partners : []}
        onCreated={(user) => {
          setDone(t('users.created', { name: user.name }));
          reload();
        }}
      />
    </>
  );
}
