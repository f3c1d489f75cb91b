import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { Checkbox, SelectField, TextField } from '../components/fields.js';
import { ErrorAlert, errorsAt, LoadStatus, problemsOf } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { API_SCOPES, type ApiKey, type ApiScope, type NewApiKey, type Partner } from '../types.js';
import { NewTokenBox } from './new-token-box.js';

const scopeWords: Record<ApiScope, string> = {
  screening: 'screening: ask for decisions',
  events: 'events: report what users did',
  admin: 'admin: manage campaigns and settings',
  reports: 'reports: read pilot reports',
  lookup: 'lookup: check addresses, sites and numbers',
  partner: 'partner: read the partner alert feed',
};

export function ApiKeysPage() {
  useDocumentTitle('API keys');
  const { state, reload } = useResource<{ apiKeys: ApiKey[] }>('/v1/admin/api-keys');
  const partners = useResource<{ partners: Partner[] }>('/v1/admin/partners');
  const partnerList = partners.state.status === 'ready' ? partners.state.data.partners : [];
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const revoke = async (key: ApiKey) => {
    setActionError(null);
    try {
      await api.post(`/v1/admin/api-keys/${encodeURIComponent(key.id)}/revoke`);
      reload();
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <>
      <h1>API keys</h1>
      <p className="lede">Keys let an exchange's servers and partners' systems call caveat.</p>
      {created && <NewTokenBox apiKey={created} onDismiss={() => setCreated(null)} />}
      <ErrorAlert error={actionError} title="The key was not revoked." />
      <LoadStatus state={state} what="API keys" />
      {state.status === 'ready' && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">ID</th>
                <th scope="col">Scopes</th>
                <th scope="col">Partner</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.apiKeys.map((key) => (
                <tr key={key.id}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>{key.id}</code>
                  </td>
                  <td>{key.scopes.join(', ')}</td>
                  <td>{partnerList.find((p) => p.id === key.partnerId)?.name ?? key.partnerId ?? '—'}</td>
                  <td>{formatTime(key.createdAt)}</td>
                  <td>{key.revokedAt ? `Revoked ${formatTime(key.revokedAt)}` : 'Active'}</td>
                  <td>
                    {!key.revokedAt && (
                      <ConfirmButton
                        label={`Revoke ${key.name}`}
                        question="Revoke this key? Calls made with it fail from now on; this cannot be undone."
                        confirmLabel="Yes, revoke key"
                        danger
                        onConfirm={() => revoke(key)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewKeyForm
        partners={partnerList}
        onCreated={(key) => {
          setCreated(key);
          reload();
        }}
      />
    </>
  );
}

function NewKeyForm({ partners, onCreated }: { partners: Partner[]; onCreated(key: NewApiKey): void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [partnerId, setPartnerId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = errorsAt(problemsOf(error));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const key = await api.post<NewApiKey>('/v1/admin/api-keys', {
        name,
        scopes,
        ...(partnerId ? { partnerId } : {}),
      });
      setName('');
      setScopes([]);
      setPartnerId('');
      onCreated(key);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby="new-key-heading" className="panel">
      <h2 id="new-key-heading">Create an API key</h2>
      <form onSubmit={submit} className="stack">
        <TextField
          label="Key name"
          required
          value={name}
          onChange={setName}
          hint="Who uses it and where, e.g. “Exchange production screening”."
          errors={errors('/name')}
        />
        <fieldset>
          <legend>Scopes</legend>
          {errors('/scopes') && <p className="field-error">{errors('/scopes')?.join('; ')}</p>}
          {API_SCOPES.map((scope) => (
            <Checkbox
              key={scope}
              label={scopeWords[scope]}
              checked={scopes.includes(scope)}
              onChange={(on) => setScopes(on ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
            />
          ))}
        </fieldset>
        <SelectField
          label="Partner (optional)"
          value={partnerId}
          placeholder="Not bound to a partner"
          options={partners.map((p) => ({ value: p.id, label: `${p.name} (${p.jurisdiction})` }))}
          onChange={setPartnerId}
          hint="A key bound to a partner reads only that partner's alert feed."
          errors={errors('/partnerId')}
        />
        <ErrorAlert error={error} title="The key was not created." />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={scopes.length === 0}>
            Create API key
          </button>
        </div>
      </form>
    </section>
  );
}
