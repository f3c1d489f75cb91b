import { useState } from 'react';
import { api, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import type { Jurisdiction } from '../types.js';
import { DirectorySection } from './directory-section.js';

const blank: Jurisdiction = { code: '', name: '', defaultLocale: '', locales: [], localeFallback: [] };

export function JurisdictionsPage() {
  useDocumentTitle('Jurisdictions');
  const { state, reload } = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const [editing, setEditing] = useState<Jurisdiction | null>(null);

  return (
    <>
      <h1>Jurisdictions</h1>
      <p className="lede">Where campaigns apply, and the languages their warnings are written in.</p>
      <LoadStatus state={state} what="jurisdictions" />
      {state.status === 'ready' && (
        <DataTable columns={['Code', 'Name', 'Default locale', 'Locales', 'Fallback']} actions>
          {state.data.jurisdictions.map((j) => (
            <tr key={j.code}>
              <th scope="row">{j.code}</th>
              <td>{j.name}</td>
              <td>{j.defaultLocale}</td>
              <td>{j.locales.join(', ')}</td>
              <td>{j.localeFallback?.length ? j.localeFallback.join(' → ') : 'usual order'}</td>
              <td>
                <button type="button" className="button-quiet" onClick={() => setEditing(j)}>
                  Edit {j.name}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <JurisdictionForm
        key={editing?.code ?? 'new'}
        initial={editing}
        onDone={() => {
          setEditing(null);
          reload();
        }}
        onCancel={() => setEditing(null)}
      />
      {state.status === 'ready' && <DirectorySection jurisdictions={state.data.jurisdictions} />}
    </>
  );
}

interface FormProps {
  initial: Jurisdiction | null;
  onDone(): void;
  onCancel(): void;
}

function JurisdictionForm({ initial, onDone, onCancel }: FormProps) {
  const start = initial ?? blank;
  const [code, setCode] = useState(start.code);
  const [name, setName] = useState(start.name);
  const [defaultLocale, setDefaultLocale] = useState(start.defaultLocale);
  const [locales, setLocales] = useState(start.locales.join(', '));
  const [localeFallback, setLocaleFallback] = useState((start.localeFallback ?? []).join(', '));
  const [saved, setSaved] = useState<string | null>(null);
  const { error, errors, submit } = useSubmit(async () => {
    setSaved(null);
    const list = locales
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    // The default locale is always one of the locales; adding it saves a needless round trip.
    if (defaultLocale.trim() && !list.includes(defaultLocale.trim())) list.unshift(defaultLocale.trim());
    const fallback = localeFallback
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const fields = { name, defaultLocale: defaultLocale.trim(), locales: list, localeFallback: fallback };
    // "Add" creates (a code already taken is refused beside the Code field); "Edit" changes that one.
    if (initial) await api.put(path`/v1/admin/jurisdictions/${initial.code}`, fields);
    else await api.post('/v1/admin/jurisdictions', { code: code.trim(), ...fields });
    setSaved(`Saved ${name}.`);
    onDone();
  });

  return (
    <FormPanel
      headingId="jurisdiction-form-heading"
      title={initial ? `Edit ${initial.name}` : 'Add a jurisdiction'}
      focusOnOpen={initial !== null}
      error={error}
      failedTitle="The jurisdiction was not saved."
      submitLabel="Save jurisdiction"
      onSubmit={submit}
      onCancel={initial ? onCancel : undefined}
      status={saved}
    >
      <TextField
        label="Code"
        required
        value={code}
        onChange={setCode}
        disabled={initial !== null}
        hint="ISO 3166 code, e.g. HK or GB."
        errors={errors('/code')}
      />
      <TextField label="Name" required value={name} onChange={setName} errors={errors('/name')} />
      <TextField
        label="Default locale"
        required
        value={defaultLocale}
        onChange={setDefaultLocale}
        hint="BCP 47, e.g. zh-Hant or en-GB."
        errors={errors('/defaultLocale')}
      />
      <TextField
        label="Locales"
        value={locales}
        onChange={setLocales}
        hint="Comma-separated, e.g. zh-Hant, en."
        errors={errors('/locales')}
      />
      <TextField
        label="Fallback locales"
        value={localeFallback}
        onChange={setLocaleFallback}
        hint="Comma-separated, tried in order when a reader's language has no text, e.g. zh-Hans, en. Leave empty for the usual order (a Chinese reader in Singapore gets zh-Hans)."
        errors={errors('/localeFallback')}
      />
    </FormPanel>
  );
}
