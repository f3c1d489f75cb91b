import { useState } from 'react';
import { api } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { DataTable } from '../components/data-table.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { roleLabel, useUser } from '../session.js';
import type { ConsoleUser, Jurisdiction, Partner } from '../types.js';
import { NewUserForm } from './new-user-form.js';
import { SetPasswordForm } from './set-password-form.js';

export function UsersPage() {
  useDocumentTitle('Users');
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
      setDone(`${user.name} can no longer sign in.`);
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
      setDone(
        `${user.name}'s two-factor sign-in is off and their sessions ended; they set it up again at next sign-in.`,
      );
      reload();
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <>
      <h1>Users</h1>
      <p className="lede">People who sign in to this console, and what they may do.</p>
      <ErrorAlert error={actionError} />
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
      <LoadStatus state={state} what="users" />
      {state.status === 'ready' && (
        <DataTable
          columns={['Name', 'Email', 'Role', 'Jurisdiction', 'Partner', 'Created', 'Two-factor', 'Status']}
          actions
        >
          {state.data.users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.name}</th>
              <td>{user.email}</td>
              <td>{roleLabel[user.role]}</td>
              <td>{user.jurisdiction ?? '—'}</td>
              <td>{user.partnerId ?? '—'}</td>
              <td>{formatTime(user.createdAt)}</td>
              <td>{user.totpEnabled ? 'On' : 'Off'}</td>
              <td>{user.disabledAt ? `Disabled ${formatTime(user.disabledAt)}` : 'Active'}</td>
              <td className="actions">
                {!user.disabledAt && (
                  <>
                    <button type="button" className="button-quiet" onClick={() => setPasswordFor(user)}>
                      Set password for {user.email}
                    </button>{' '}
                    {user.totpEnabled && user.id !== me.id && (
                      <>
                        <ConfirmButton
                          label={`Reset two-factor for ${user.email}`}
                          question="Turn off this user's two-factor sign-in (a lost phone)? Their sessions end; they set it up again."
                          confirmLabel="Yes, reset two-factor"
                          danger
                          onConfirm={() => resetTotp(user)}
                        />{' '}
                      </>
                    )}
                    {user.id !== me.id && (
                      <ConfirmButton
                        label={`Disable ${user.email}`}
                        question="Disable this user? They are signed out and cannot sign in again."
                        confirmLabel="Yes, disable user"
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
          setDone(`Created ${user.name}. Give them their initial password by a separate channel.`);
          reload();
        }}
      />
    </>
  );
}
