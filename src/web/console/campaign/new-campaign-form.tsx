import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadError } from '../components/problems.js';
import { useResource, useSubmit } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { Campaign, Jurisdiction, Partner } from '../types.js';
import { latestSpec } from './campaign-model.js';
import { copiedSpec, starterSpec } from './spec-template.js';

const STARTER = '';

export function NewCampaignForm({ campaigns, partners }: { campaigns: Campaign[]; partners: Partner[] }) {
  const { t } = useT('campaigns');
  const navigate = useNavigate();
  const jurisdictions = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [jurisdiction, setJurisdiction] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [copyFrom, setCopyFrom] = useState(STARTER);
  const allJurisdictions =
    jurisdictions.state.status === 'ready' ? jurisdictions.state.data.jurisdictions : [];
  const chosen = allJurisdictions.find((j) => j.code === jurisdiction);
  const localPartners = partners.filter((p) => p.jurisdiction === jurisdiction);
  const sources = campaigns.filter((c) => c.jurisdiction === jurisdiction && latestSpec(c));

  const {
    error,
    errors: fieldErrors,
    busy,
    submit,
  } = useSubmit(async () => {
    if (!chosen) return;
    const source = campaigns.find((c) => c.id === copyFrom);
    const sourceSpec = source ? latestSpec(source) : undefined;
    const spec = sourceSpec ? copiedSpec(id, sourceSpec) : starterSpec(id, chosen.defaultLocale);
    const created = await api.post<Campaign>('/v1/admin/campaigns', {
      id,
      jurisdiction,
      partnerId: partnerId || null,
      name,
      spec,
    });
    navigate(`/campaigns/${encodeURIComponent(created.id)}`);
  });

  if (jurisdictions.state.status === 'error') return <LoadError message={jurisdictions.state.message} />;

  return (
    <FormPanel
      headingId="new-campaign-heading"
      title={t('create.title')}
      error={error}
      failedTitle={t('create.failed')}
      submitLabel={t('create.submit')}
      submitDisabled={busy || !chosen}
      onSubmit={submit}
    >
      <TextField
        label={t('create.id')}
        required
        value={id}
        onChange={setId}
        hint={t('create.idHint')}
        pattern="[a-z0-9][a-z0-9\-]*"
        errors={fieldErrors('/id')}
      />
      <TextField
        label={t('create.name')}
        required
        value={name}
        onChange={setName}
        errors={fieldErrors('/name')}
      />
      <SelectField
        label={t('create.jurisdiction')}
        required
        value={jurisdiction}
        placeholder={t('create.chooseJurisdiction')}
        options={allJurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
        onChange={(code) => {
          setJurisdiction(code);
          setPartnerId('');
          setCopyFrom(STARTER);
        }}
        errors={fieldErrors('/jurisdiction')}
      />
      <SelectField
        label={t('create.partner')}
        value={partnerId}
        placeholder={t('create.noPartner')}
        options={localPartners.map((p) => ({ value: p.id, label: p.name }))}
        onChange={setPartnerId}
        disabled={!jurisdiction}
        hint={t('create.partnerHint')}
        errors={fieldErrors('/partnerId')}
      />
      <SelectField
        label={t('create.startFrom')}
        value={copyFrom}
        options={[
          {
            value: STARTER,
            label: t('create.starter', { locale: chosen?.defaultLocale ?? t('create.defaultLocale') }),
          },
          ...sources.map((c) => ({ value: c.id, label: t('create.copyOf', { name: c.name }) })),
        ]}
        onChange={setCopyFrom}
        disabled={!jurisdiction}
        hint={t('create.startHint')}
      />
    </FormPanel>
  );
}
