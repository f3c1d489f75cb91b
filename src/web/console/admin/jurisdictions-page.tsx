import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { TextField } from '../components/fields.js';
import { ErrorAlert, errorsAt, LoadStatus, problemsOf } from '../components/problems.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import type { Jurisdiction } from '../types.js';

const blank: Jurisdiction = { code: '', name: '', defaultLocale: '', locales: [] };

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
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Name</th>
                <th scope="col">Default locale</th>
                <th scope="col">Locales</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.jurisdictions.map((j) => (
                <tr key={j.code}>
                  <th scope="row">{j.code}</th>
                  <td>{j.name}</td>
                  <td>{j.defaultLocale}</td>
                  <td>{j.locales.join(', ')}</td>
                  <td>
                    <button type="button" className="button-quiet" onClick={() => setEditing(j)}>
                      Edit {j.name}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
  const heading = useRef<HTMLHeadingElement>(null);
  // "Edit" is pressed in the table above: take the keyboard user to the form it opened.
  useEffect(() => {
    if (initial) heading.current?.focus();
  }, [initial]);
  const [code, setCode] = useState(start.code);
  const [name, setName] = useState(start.name);
  const [defaultLocale, setDefaultLocale] = useState(start.defaultLocale);
  const [locales, setLocales] = useState(start.locales.join(', '));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = errorsAt(problemsOf(error));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const list = locales
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    // The default locale is always one of the locales; adding it saves a needless round trip.
    if (defaultLocale.trim() && !list.includes(defaultLocale.trim())) list.unshift(defaultLocale.trim());
    try {
      await api.put(`/v1/admin/jurisdictions/${encodeURIComponent(code.trim())}`, {
        name,
        defaultLocale: defaultLocale.trim(),
        locales: list,
      });
      setSaved(`Saved ${name}.`);
      onDone();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby="jurisdiction-form-heading" className="panel">
      <h2 id="jurisdiction-form-heading" ref={heading} tabIndex={-1}>
        {initial ? `Edit ${initial.name}` : 'Add a jurisdiction'}
      </h2>
      <form onSubmit={submit} className="form-grid">
        <TextField
          label="Code"
          required
          value={code}
          onChange={setCode}
          disabled={initial !== null}
          hint="ISO 3166 code, e.g. HK or GB."
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
        <ErrorAlert error={error} title="The jurisdiction was not saved." />
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Save jurisdiction
          </button>
          {initial && (
            <button type="button" className="button-quiet" onClick={onCancel}>
              Cancel
            </button>
          )}
          {saved && (
            <span role="status" className="save-state">
              {saved}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
