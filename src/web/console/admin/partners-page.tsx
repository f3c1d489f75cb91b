import { useState } from 'react';
import { api, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import type { Jurisdiction, Partner, PartnerKind } from '../types.js';

const kinds: { value: PartnerKind; label: string }[] = [
  { value: 'police', label: 'Police' },
  { value: 'regulator', label: 'Regulator' },
  { value: 'other', label: 'Other' },
];

export function PartnersPage() {
  useDocumentTitle('Partners');
  const { state, reload } = useResource<{ partners: Partner[] }>('/v1/admin/partners');
  const jurisdictions = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const [editing, setEditing] = useState<Partner | null>(null);
  const codes = jurisdictions.state.status === 'ready' ? jurisdictions.state.data.jurisdictions : [];

  return (
    <>
      <h1>Partners</h1>
      <p className="lede">
        Police forces and regulators who co-write and review warnings for their jurisdiction.
      </p>
      <LoadStatus state={state} what="partners" />
      {state.status === 'ready' && (
        <DataTable columns={['Name', 'ID', 'Jurisdiction', 'Kind', 'Website']} actions>
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
                  Edit {p.name}
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
      title={initial ? `Edit ${initial.name}` : 'Add a partner'}
      focusOnOpen={initial !== null}
      error={error}
      failedTitle="The partner was not saved."
      submitLabel="Save partner"
      onSubmit={submit}
      onCancel={initial ? onCancel : undefined}
    >
      <TextField
        label="Partner ID"
        required
        value={id}
        onChange={setId}
        disabled={initial !== null}
        hint="Lowercase letters, digits and dashes, e.g. hk-police-cstcb."
        errors={errors('/id')}
      />
      <TextField label="Name" required value={name} onChange={setName} errors={errors('/name')} />
      <SelectField
        label="Jurisdiction"
        required
        value={jurisdiction}
        placeholder="Choose a jurisdiction"
        options={jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
        onChange={setJurisdiction}
        errors={errors('/jurisdiction')}
      />
      <SelectField
        label="Kind"
        value={kind}
        options={kinds}
        onChange={(value) => setKind(kinds.find((k) => k.value === value)?.value ?? 'other')}
        errors={errors('/kind')}
      />
      <TextField
        label="Website"
        type="url"
        value={website}
        onChange={setWebsite}
        errors={errors('/website')}
      />
    </FormPanel>
  );
}
