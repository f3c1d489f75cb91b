import { useState } from 'react';
import { api, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { Jurisdiction, Partner, PartnerKind } from '../types.js';

const KINDS: PartnerKind[] = ['police', 'regulator', 'other'];

/** The partner kinds with their names in the console's language. */
function useKinds(): { value: PartnerKind; label: string }[] {
  const { t } = useT('admin');
  return KINDS.map((value) => ({ value, label: t(`partners.kinds.${value}`) }));
}

export function PartnersPage() {
  const { t } = useT('admin');
  const kinds = useKinds();
  useDocumentTitle(t('partners.title'));
  const { state, reload } = useResource<{ partners: Partner[] }>('/v1/admin/partners');
  const jurisdictions = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const [editing, setEditing] = useState<Partner | null>(null);
  const codes = jurisdictions.state.status === 'ready' ? jurisdictions.state.data.jurisdictions : [];

  return (
    <>
      <h1>{t('partners.title')}</h1>
      <p className="lede">{t('partners.lede')}</p>
      <LoadStatus state={state} what={t('partners.loadWhat')} />
      {state.status === 'ready' && (
        <DataTable
          columns={[
            t('partners.columns.name'),
            t('partners.columns.id'),
            t('partners.columns.jurisdiction'),
            t('partners.columns.kind'),
            t('partners.columns.website'),
          ]}
          actions
        >
          {state.data.partners.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>
                <code>{p.id}</code>
              </td>
              <td>{p.jurisdiction}</td>
              <td>{kinds.find((k) => k.value === p.kind)?.label ?? p.kind}</td>
              <td>{p.website ? <a href={p.website}>{p.website}</a> : '—'}</td>
              <td>
                <button type="button" className="button-quiet" onClick={() => setEditing(p)}>
                  {t('partners.edit', { name: p.name })}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PartnerForm
        key={editing?.id ?? 'new'}
        initial={editing}
        jurisdictions={codes}
        onDone={() => {
          setEditing(null);
          reload();
        }}
        onCancel={() => setEditing(null)}
      />
    </>
  );
}

interface FormProps {
  initial: Partner | null;
  jurisdictions: Jurisdiction[];
  onDone(): void;
  onCancel(): void;
}

function PartnerForm({ initial, jurisdictions, onDone, onCancel }: FormProps) {
  const { t } = useT('admin');
  const kinds = useKinds();
  const [id, setId] = useState(initial?.id ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [jurisdiction, setJurisdiction] = useState(initial?.jurisdiction ?? '');
  const [kind, setKind] = useState<PartnerKind>(initial?.kind ?? 'police');
  const [website, setWebsite] = useState(initial?.website ?? '');
  const { error, errors, submit } = useSubmit(async () => {
    const fields = { name, jurisdiction, kind, website: website.trim() || null };
    // "Add" creates (an id already taken is refused beside the ID field); "Edit" changes that one.
    if (initial) await api.put(path`/v1/admin/partners/${initial.id}`, fields);
    else await api.post('/v1/admin/partners', { id: id.trim(), ...fields });
    onDone();
  });

  return (
    <FormPanel
      headingId="partner-form-heading"
      title={initial ? t('partners.edit', { name: initial.name }) : t('partners.add')}
      focusOnOpen={initial !== null}
      error={error}
      failedTitle={t('partners.notSaved')}
      submitLabel={t('partners.save')}
      onSubmit={submit}
      onCancel={initial ? onCancel : undefined}
    >
      <TextField
        label={t('partners.id')}
        required
        value={id}
        onChange={setId}
        disabled={initial !== null}
        hint={t('partners.idHint')}
        errors={errors('/id')}
      />
      <TextField
        label={t('partners.name')}
        required
        value={name}
        onChange={setName}
        errors={errors('/name')}
      />
      <SelectField
        label={t('partners.jurisdiction')}
        required
        value={jurisdiction}
        placeholder={t('partners.chooseJurisdiction')}
        options={jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
        onChange={setJurisdiction}
        errors={errors('/jurisdiction')}
      />
      <SelectField
        label={t('partners.kind')}
        value={kind}
        options={kinds}
        onChange={(value) => setKind(kinds.find((k) => k.value === value)?.value ?? 'other')}
        errors={errors('/kind')}
      />
      <TextField
        label={t('partners.website')}
        type="url"
        value={website}
        onChange={setWebsite}
        errors={errors('/website')}
      />
    </FormPanel>
  );
}
