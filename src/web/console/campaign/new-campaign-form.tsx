import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadError } from '../components/problems.js';
import { useResource, useSubmit } from '../hooks.js';
import type { Campaign, Jurisdiction, Partner } from '../types.js';
import { latestSpec } from './campaign-model.js';
import { copiedSpec, starterSpec } from './spec-template.js';

const STARTER = '';

export function NewCampaignForm({ campaigns, partners }: { campaigns: Campaign[]; partners: Partner[] }) {
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
      title="New campaign"
      error={error}
      failedTitle="The campaign was not created."
      submitLabel="Create campaign"
      submitDisabled={busy || !chosen}
      onSubmit={submit}
    >
      <TextField
        label="Campaign ID"
        required
        value={id}
        onChange={setId}
        hint="Lowercase letters, digits and dashes, e.g. hk-crypto-romance-2026. It appears in reports and cannot change."
        pattern="[a-z0-9][a-z0-9\-]*"
        errors={fieldErrors('/id')}
      />
      <TextField label="Name" required value={name} onChange={setName} errors={fieldErrors('/name')} />
      <SelectField
        label="Jurisdiction"
        required
        value={jurisdiction}
        placeholder="Choose a jurisdiction"
        options={allJurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
        onChange={(code) => {
          setJurisdiction(code);
          setPartnerId('');
          setCopyFrom(STARTER);
        }}
        errors={fieldErrors('/jurisdiction')}
      />
      <SelectField
        label="Partner"
        value={partnerId}
        placeholder="No partner (no partner review needed)"
        options={localPartners.map((p) => ({ value: p.id, label: p.name }))}
        onChange={setPartnerId}
        disabled={!jurisdiction}
        hint="A campaign with a partner can be published only after the partner approves it."
        errors={fieldErrors('/partnerId')}
      />
      <SelectField
        label="Start from"
        value={copyFrom}
        options={[
          {
            value: STARTER,
            label: `A short starter warning in ${chosen?.defaultLocale ?? 'the default locale'}`,
          },
          ...sources.map((c) => ({ value: c.id, label: `A copy of ${c.name}` })),
        ]}
        onChange={setCopyFrom}
        disabled={!jurisdiction}
        hint="The new campaign starts as a draft; nothing is shown to users until it is published."
      />
    </FormPanel>
  );
}
