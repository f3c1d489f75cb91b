import { useState } from 'react';
import { api } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { DataTable } from '../components/data-table.js';
import { Checkbox, SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import type { ApiKey, ApiScope, NewApiKey, Partner } from '../types.js';
import { NewTokenBox } from './new-token-box.js';

// Every scope the server knows must be described here (a Record over the server's own type).
const scopeWords: Record<ApiScope, string> = {
  screening: 'screening: ask for decisions',
  events: 'events: report what users did',
  admin: 'admin: manage campaigns and settings',
  reports: 'reports: read pilot reports',
  lookup: 'lookup: check addresses, sites and numbers',
  partner: 'partner: read the partner alert feed',
  scam_reports: 'scam_reports: file scam reports for users and attach evidence',
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
        <DataTable columns={['Name', 'ID', 'Scopes', 'Partner', 'Created', 'Status']} actions>
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
        </DataTable>
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
  const { error, errors, submit } = useSubmit(async () => {
    const key = await api.post<NewApiKey>('/v1/admin/api-keys', {
      name,
      scopes,
      ...(partnerId ? { partnerId } : {}),
    });
    setName('');
    setScopes([]);
    setPartnerId('');
    onCreated(key);
  });

  return (
    <FormPanel
      headingId="new-key-heading"
      title="Create an API key"
      layout="stack"
      error={error}
      failedTitle="The key was not created."
      submitLabel="Create API key"
      submitDisabled={scopes.length === 0}
      onSubmit={submit}
    >
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
        {(Object.keys(scopeWords) as ApiScope[]).map((scope) => (
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
    </FormPanel>
  );
}
