import { useState } from 'react';
import { api } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { DataTable } from '../components/data-table.js';
import { Checkbox, SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { ApiKey, ApiScope, NewApiKey, Partner } from '../types.js';
import { NewTokenBox } from './new-token-box.js';

// Every scope the server knows is listed here (a Record over the server's own type); its words
// are apiKeys.scope.<scope> in the admin namespace.
const scopes: Record<ApiScope, true> = {
  screening: true,
  events: true,
  admin: true,
  reports: true,
  lookup: true,
  partner: true,
  scam_reports: true,
};

export function ApiKeysPage() {
  const { t } = useT('admin');
  useDocumentTitle(t('apiKeys.title'));
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
      <h1>{t('apiKeys.title')}</h1>
      <p className="lede">{t('apiKeys.lede')}</p>
      {created && <NewTokenBox apiKey={created} onDismiss={() => setCreated(null)} />}
      <ErrorAlert error={actionError} title={t('apiKeys.notRevoked')} />
      <LoadStatus state={state} what={t('apiKeys.loadWhat')} />
      {state.status === 'ready' && (
        <DataTable
          columns={[
            t('apiKeys.columns.name'),
            t('apiKeys.columns.id'),
            t('apiKeys.columns.scopes'),
            t('apiKeys.columns.partner'),
            t('apiKeys.columns.created'),
            t('apiKeys.columns.status'),
          ]}
          actions
        >
          {state.data.apiKeys.map((key) => (
            <tr key={key.id}>
              <th scope="row">{key.name}</th>
              <td>
                <code>{key.id}</code>
              </td>
              <td>{key.scopes.join(', ')}</td>
              <td>{partnerList.find((p) => p.id === key.partnerId)?.name ?? key.partnerId ?? '—'}</td>
              <td>{formatTime(key.createdAt)}</td>
              <td>
                {key.revokedAt
                  ? t('apiKeys.revokedAt', { time: formatTime(key.revokedAt) })
                  : t('apiKeys.active')}
              </td>
              <td>
                {!key.revokedAt && (
                  <ConfirmButton
                    label={t('apiKeys.revoke', { name: key.name })}
                    question={t('apiKeys.revokeQuestion')}
                    confirmLabel={t('apiKeys.revokeConfirm')}
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
  const { t } = useT('admin');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ApiScope[]>([]);
  const [partnerId, setPartnerId] = useState('');
  const { error, errors, submit } = useSubmit(async () => {
    const key = await api.post<NewApiKey>('/v1/admin/api-keys', {
      name,
      scopes: chosen,
      ...(partnerId ? { partnerId } : {}),
    });
    setName('');
    setChosen([]);
    setPartnerId('');
    onCreated(key);
  });

  return (
    <FormPanel
      headingId="new-key-heading"
      title={t('apiKeys.create')}
      layout="stack"
      error={error}
      failedTitle={t('apiKeys.notCreated')}
      submitLabel={t('apiKeys.createSubmit')}
      submitDisabled={chosen.length === 0}
      onSubmit={submit}
    >
      <TextField
        label={t('apiKeys.name')}
        required
        value={name}
        onChange={setName}
        hint={t('apiKeys.nameHint')}
        errors={errors('/name')}
      />
      <fieldset>
        <legend>{t('apiKeys.scopes')}</legend>
        {errors('/scopes') && <p className="field-error">{errors('/scopes')?.join('; ')}</p>}
        {(Object.keys(scopes) as ApiScope[]).map((scope) => (
          <Checkbox
            key={scope}
            label={t(`apiKeys.scope.${scope}`)}
            checked={chosen.includes(scope)}
            onChange={(on) => setChosen(on ? [...chosen, scope] : chosen.filter((s) => s !== scope))}
          />
        ))}
      </fieldset>
      <SelectField
        label={t('apiKeys.partner')}
        value={partnerId}
        placeholder={t('apiKeys.noPartner')}
        options={partners.map((p) => ({ value: p.id, label: `${p.name} (${p.jurisdiction})` }))}
        onChange={setPartnerId}
        hint={t('apiKeys.partnerHint')}
        errors={errors('/partnerId')}
      />
    </FormPanel>
  );
}
