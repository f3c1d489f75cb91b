import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { DirectoryEntry, DirectoryKind } from '../../../campaigns/directory.js';
import { api, path } from '../api.js';
import { summary } from '../campaign/directory-picker.js';
import { DataTable } from '../components/data-table.js';
import { Checkbox, SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { useResource, useSubmit } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { Jurisdiction } from '../types.js';

/**
 * The Jurisdictions page's directory: the numbers, links and values one jurisdiction's campaigns
 * share across languages. The jurisdiction is in the address (?directory=HK), so the campaign
 * editor can link straight to an entry (#directory-<key>).
 */
export function DirectorySection({ jurisdictions }: { jurisdictions: Jurisdiction[] }) {
  const { t } = useT('directory');
  const [params, setParams] = useSearchParams();
  const code =
    jurisdictions.find((j) => j.code === params.get('directory'))?.code ?? jurisdictions[0]?.code ?? null;
  const { state, reload } = useResource<{ entries: DirectoryEntry[] }>(
    code ? path`/v1/admin/jurisdictions/${code}/directory` : null,
  );
  const [editing, setEditing] = useState<DirectoryEntry | null>(null);
  const [removing, setRemoving] = useState<DirectoryEntry | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const location = useLocation();

  // A link from a campaign names the entry: bring it into view once the rows are there.
  useEffect(() => {
    if (state.status !== 'ready' || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: 'center' });
  }, [state.status, location.hash]);

  if (!code) return null;
  const name = jurisdictions.find((j) => j.code === code)?.name ?? code;
  return (
    <section aria-labelledby="directory-heading" className="directory-section">
      <h2 id="directory-heading">{t('heading')}</h2>
      <p className="hint">{t('lede')}</p>
      <SelectField
        label={t('jurisdiction')}
        value={code}
        onChange={(next) => {
          setEditing(null);
          setRemoving(null);
          setStatus(null);
          setParams({ directory: next });
        }}
        options={jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
      />
      <LoadStatus state={state} what={t('loadWhat')} />
      {status && (
        <p role="status" className="save-state">
          {status}
        </p>
      )}
      {state.status === 'ready' &&
        (state.data.entries.length === 0 ? (
          <p className="empty">{t('empty')}</p>
        ) : (
          <DataTable
            caption={`${t('heading')}: ${name}`}
            columns={[t('columns.key'), t('columns.kind'), t('columns.label'), t('columns.facts')]}
            actions
          >
            {state.data.entries.map((entry) => (
              <tr key={entry.key} id={`directory-${entry.key}`}>
                <th scope="row">
                  <code>{entry.key}</code>
                </th>
                <td>{t(`kinds.${entry.kind}`)}</td>
                <td dir="auto">{entry.label}</td>
                <td dir="auto">{summary(entry, t)}</td>
                <td>
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => {
                      setRemoving(null);
                      setEditing(entry);
                    }}
                  >
                    {t('edit', { label: entry.label })}
                  </button>
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => {
                      setEditing(null);
                      setRemoving(entry);
                    }}
                  >
                    {t('remove', { label: entry.label })}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        ))}
      {removing && (
        <RemoveConfirmation
          key={removing.key}
          jurisdiction={code}
          entry={removing}
          onDone={() => {
            setStatus(t('removed', { label: removing.label }));
            setRemoving(null);
            reload();
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
      <EntryForm
        key={`${code}:${editing?.key ?? 'new'}`}
        jurisdiction={code}
        initial={editing}
        onDone={(label) => {
          setStatus(t('saved', { label }));
          setEditing(null);
          reload();
        }}
        onCancel={() => setEditing(null)}
      />
    </section>
  );
}

function RemoveConfirmation(props: {
  jurisdiction: string;
  entry: DirectoryEntry;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useT('directory');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // The question may be far below the row's button (a long directory, a phone): take focus there.
  useEffect(() => box.current?.focus(), []);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.delete(path`/v1/admin/jurisdictions/${props.jurisdiction}/directory/${props.entry.key}`);
      props.onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alertdialog"
      aria-labelledby="directory-remove-question"
      className="panel"
    >
      <p id="directory-remove-question">{t('confirmRemove', { label: props.entry.label })}</p>
      <ErrorAlert error={error} title={t('notRemoved')} />
      <div className="form-actions">
        <button type="button" className="button-danger" disabled={busy} onClick={() => void remove()}>
          {t('confirmRemoveButton', { label: props.entry.label })}
        </button>
        <button type="button" className="button-quiet" onClick={props.onCancel}>
          {t('keep')}
        </button>
      </div>
    </div>
  );
}

/** Which fields the form shows for each kind (the server refuses others). */
const FIELDS_OF: Record<
  DirectoryKind,
  readonly ('phone' | 'url' | 'email' | 'hours' | 'value' | 'year' | 'sourceUrl')[]
> = {
  contact: ['phone', 'url', 'email', 'hours'],
  resource: ['url', 'phone'],
  statistic: ['value', 'year', 'sourceUrl'],
};
const INPUT_TYPE = {
  phone: 'tel',
  url: 'url',
  email: 'email',
  hours: 'text',
  value: 'text',
  year: 'number',
  sourceUrl: 'url',
} as const;

function EntryForm(props: {
  jurisdiction: string;
  initial: DirectoryEntry | null;
  onDone(label: string): void;
  onCancel(): void;
}) {
  const { t } = useT('directory');
  const { initial } = props;
  const [key, setKey] = useState(initial?.key ?? '');
  const [kind, setKind] = useState<DirectoryKind>(initial?.kind ?? 'contact');
  const [label, setLabel] = useState(initial?.label ?? '');
  const [text, setText] = useState<Record<string, string>>(() => ({
    phone: initial?.phone ?? '',
    url: initial?.url ?? '',
    email: initial?.email ?? '',
    hours: initial?.hours ?? '',
    value: initial?.value ?? '',
    year: initial?.year?.toString() ?? '',
    sourceUrl: initial?.sourceUrl ?? '',
  }));
  const [checkBeforeSend, setCheckBeforeSend] = useState(initial?.checkBeforeSend ?? false);

  const { error, errors, submit } = useSubmit(async () => {
    // Only the fields of the kind, and none left blank: the schema has no empty strings.
    const facts: Record<string, unknown> = { label };
    for (const field of FIELDS_OF[kind]) {
      const value = text[field]?.trim() ?? '';
      if (value === '') continue;
      facts[field] = field === 'year' && /^\d+$/.test(value) ? Number(value) : value;
    }
    if (kind === 'resource') facts.checkBeforeSend = checkBeforeSend;
    if (initial) {
      await api.put(path`/v1/admin/jurisdictions/${props.jurisdiction}/directory/${initial.key}`, facts);
    } else {
      await api.post(path`/v1/admin/jurisdictions/${props.jurisdiction}/directory`, {
        key: key.trim(),
        kind,
        ...facts,
      });
    }
    props.onDone(label);
  });

  return (
    <FormPanel
      headingId="directory-form-heading"
      title={initial ? t('editTitle', { label: initial.label }) : t('addTitle')}
      focusOnOpen={initial !== null}
      error={error}
      failedTitle={t('notSaved')}
      submitLabel={t('save')}
      onSubmit={submit}
      onCancel={initial ? props.onCancel : undefined}
    >
      <TextField
        label={t('fields.key')}
        required
        value={key}
        onChange={setKey}
        disabled={initial !== null}
        hint={t('fields.keyHint')}
        errors={errors('/key')}
      />
      <SelectField
        label={t('fields.kind')}
        value={kind}
        onChange={(next) => setKind(next as DirectoryKind)}
        disabled={initial !== null}
        options={(['contact', 'resource', 'statistic'] as const).map((k) => ({
          value: k,
          label: t(`kinds.${k}`),
        }))}
        errors={errors('/kind')}
      />
      <TextField
        label={t('fields.label')}
        required
        dir="auto"
        value={label}
        onChange={setLabel}
        hint={t('fields.labelHint')}
        errors={errors('/label')}
      />
      {FIELDS_OF[kind].map((field) => (
        <TextField
          key={field}
          label={t(`fields.${field}`)}
          type={INPUT_TYPE[field]}
          dir={field === 'hours' || field === 'value' ? 'auto' : undefined}
          value={text[field] ?? ''}
          onChange={(value) => setText((old) => ({ ...old, [field]: value }))}
          hint={field === 'hours' ? t('fields.hoursHint') : undefined}
          errors={errors(`/${field}`)}
        />
      ))}
      {kind === 'resource' && (
        <Checkbox
          label={t('fields.checkBeforeSend')}
          checked={checkBeforeSend}
          onChange={setCheckBeforeSend}
          errors={errors('/checkBeforeSend')}
        />
      )}
    </FormPanel>
  );
}
