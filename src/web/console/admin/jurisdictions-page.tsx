import { useState } from 'react';
import { api, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { Jurisdiction } from '../types.js';
import { DirectorySection } from './directory-section.js';

const blank: Jurisdiction = { code: '', name: '', defaultLocale: '', locales: [], localeFallback: [] };

export function JurisdictionsPage() {
  const { t } = useT('admin');
  useDocumentTitle(t('jurisdictions.title'));
  const { state, reload } = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const [editing, setEditing] = useState<Jurisdiction | null>(null);

  return (
    <>
      <h1>{t('jurisdictions.title')}</h1>
      <p className="lede">{t('jurisdictions.lede')}</p>
      <LoadStatus state={state} what={t('jurisdictions.loadWhat')} />
      {state.status === 'ready' && (
        <DataTable
          columns={[
            t('jurisdictions.columns.code'),
            t('jurisdictions.columns.name'),
            t('jurisdictions.columns.defaultLocale'),
            t('jurisdictions.columns.locales'),
            t('jurisdictions.columns.fallback'),
          ]}
          actions
        >
          {state.data.jurisdictions.map((j) => (
            <tr key={j.code}>
              <th scope="row">{j.code}</th>
              <td>{j.name}</td>
              <td>{j.defaultLocale}</td>
              <td>{j.locales.join(', ')}</td>
              <td>
                {j.localeFallback?.length ? j.localeFallback.join(' → ') : t('jurisdictions.usualOrder')}
              </td>
              <td>
                <button type="button" className="button-quiet" onClick={() => setEditing(j)}>
                  {t('jurisdictions.edit', { name: j.name })}
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
  const { t } = useT('admin');
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
    setSaved(t('jurisdictions.saved', { name }));
    onDone();
  });

  return (
    <FormPanel
      headingId="jurisdiction-form-heading"
      title={initial ? t('jurisdictions.edit', { name: initial.name }) : t('jurisdictions.add')}
      focusOnOpen={initial !== null}
      error={error}
      failedTitle={t('jurisdictions.notSaved')}
      submitLabel={t('jurisdictions.save')}
      onSubmit={submit}
      onCancel={initial ? onCancel : undefined}
      status={saved}
    >
      <TextField
        label={t('jurisdictions.code')}
        required
        value={code}
        onChange={setCode}
        disabled={initial !== null}
        hint={t('jurisdictions.codeHint')}
        errors={errors('/code')}
      />
      <TextField
        label={t('jurisdictions.name')}
        required
        value={name}
        onChange={setName}
        errors={errors('/name')}
      />
      <TextField
        label={t('jurisdictions.defaultLocale')}
        required
        value={defaultLocale}
        onChange={setDefaultLocale}
        hint={t('jurisdictions.defaultLocaleHint')}
        errors={errors('/defaultLocale')}
      />
      <TextField
        label={t('jurisdictions.locales')}
        value={locales}
        onChange={setLocales}
        hint={t('jurisdictions.localesHint')}
        errors={errors('/locales')}
      />
      <TextField
        label={t('jurisdictions.fallback')}
        value={localeFallback}
        onChange={setLocaleFallback}
        hint={t('jurisdictions.fallbackHint')}
        errors={errors('/localeFallback')}
      />
    </FormPanel>
  );
}
