import { useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { ErrorAlert, normalizeField } from '../components/problems.js';
import { formatCount } from '../format.js';

interface ImportResult {
  rows: number;
  merged: number;
  skipped: number;
  keys: number;
  ignored: { type: string; count: number; reason: string }[];
}

type Phase =
  | { step: 'idle' }
  | { step: 'reading'; loaded: number; total: number }
  | { step: 'importing'; rows: number | null }
  | { step: 'done'; result: ImportResult }
  | { step: 'refused'; error: unknown };

/** "body/content/row 3/value" → { row: 3, field: "value" }; other fields stay as they are. */
function rowProblem(field: string): { row: number; field: string } | null {
  const match = /^\/content\/row (\d+)\/(.+)$/.exec(normalizeField(field));
  return match ? { row: Number(match[1]), field: match[2] ?? '' } : null;
}

const SHOWN_PROBLEMS = 50;

/**
 * Imports a partner's CSV or STIX file. The server takes all rows or none, so the progress is in
 * two steps (reading the file here, then the server checking and merging it) and a refused file
 * lists every bad row it named, for the sender to fix in one pass.
 */
export function ImportPanel({ onImported }: { onImported(): void }) {
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState('csv');
  const [feed, setFeed] = useState('');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const busy = phase.step === 'reading' || phase.step === 'importing';

  const readFile = (file: File) =>
    new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onprogress = (event) =>
        setPhase({ step: 'reading', loaded: event.loaded, total: event.total || file.size });
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
      reader.onerror = () => reject(new Error('The file could not be read.'));
      reader.readAsText(file);
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setFileError(null);
    if (!file) {
      setFileError('Choose a file to import.');
      fileInput.current?.focus();
      return;
    }
    try {
      setPhase({ step: 'reading', loaded: 0, total: file.size });
      const content = await readFile(file);
      // Rows after the header, so the wait reads "checking 1,204 rows" rather than a bare spinner.
      const rows =
        format === 'csv' ? Math.max(0, content.split(/\r?\n/).filter((l) => l.trim()).length - 1) : null;
      setPhase({ step: 'importing', rows });
      const result = await api.post<ImportResult>('/v1/admin/indicators/import', {
        format,
        feed: feed.trim(),
        content,
      });
      setPhase({ step: 'done', result });
      onImported();
    } catch (error) {
      setPhase({ step: 'refused', error });
    }
  };

  const problems = phase.step === 'refused' && phase.error instanceof ApiError ? phase.error.errors : [];
  const byRow = problems.flatMap((p) => {
    const at = rowProblem(p.field);
    return at ? [{ ...at, message: p.message }] : [];
  });
  const fieldErrors = (name: string) =>
    problems.filter((p) => normalizeField(p.field) === `/${name}`).map((p) => p.message);

  return (
    <section aria-labelledby="import-heading" className="panel">
      <h2 id="import-heading">Import a file</h2>
      <p className="hint">
        A CSV with a header row (value, network, scamType, riskLevel, source, reportCount, firstSeen,
        lastSeen, jurisdictions, expiresAt, id) or a STIX 2.1 bundle. Every row is checked first: if one is
        wrong, nothing is imported.
      </p>
      <form onSubmit={submit} className="form-grid">
        <div className="field">
          <label htmlFor={fileId}>File</label>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            accept={format === 'csv' ? '.csv,text/csv' : '.json,application/json'}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={() => setFileError(null)}
          />
          {fileError && (
            <p id={`${fileId}-error`} className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <SelectField
          label="Format"
          value={format}
          options={[
            { value: 'csv', label: 'CSV' },
            { value: 'stix', label: 'STIX 2.1 bundle' },
          ]}
          onChange={setFormat}
          errors={fieldErrors('format')}
        />
        <TextField
          label="Feed name"
          required
          value={feed}
          onChange={setFeed}
          hint="Lowercase letters, digits, dots and dashes, e.g. spf-weekly; rows with an id already imported from this feed are skipped."
          errors={fieldErrors('feed')}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Import file
          </button>
        </div>
      </form>
      <ImportProgress phase={phase} />
      {phase.step === 'refused' && byRow.length === 0 && (
        <ErrorAlert error={phase.error} title="Nothing was imported." />
      )}
      {phase.step === 'refused' && byRow.length > 0 && (
        <div role="alert" className="alert alert-error">
          <p className="alert-title">Nothing was imported.</p>
          <p>{phase.error instanceof ApiError ? phase.error.detail : ''}</p>
          <ul className="row-problems" aria-label="Problems by row">
            {byRow.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={`${p.row}:${p.field}:${i}`}>
                {p.row === 0 ? 'The file' : `Row ${p.row}`}, {p.field}: {p.message}
              </li>
            ))}
            {byRow.length > SHOWN_PROBLEMS && <li>and {formatCount(byRow.length - SHOWN_PROBLEMS)} more</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

function ImportProgress({ phase }: { phase: Phase }) {
  if (phase.step === 'reading') {
    const share = phase.total > 0 ? Math.round((phase.loaded / phase.total) * 100) : 0;
    return (
      <div className="import-progress" role="status">
        <label htmlFor="import-progress-bar">Reading the file: {share}%</label>
        <progress id="import-progress-bar" max={100} value={share} />
      </div>
    );
  }
  if (phase.step === 'importing') {
    return (
      <div className="import-progress" role="status">
        <label htmlFor="import-progress-bar">
          {phase.rows === null
            ? 'Checking and importing the bundle…'
            : `Checking and importing ${formatCount(phase.rows)} rows…`}
        </label>
        <progress id="import-progress-bar" />
      </div>
    );
  }
  if (phase.step === 'done') {
    const { rows, merged, skipped, keys, ignored } = phase.result;
    return (
      <div className="import-progress" role="status">
        <p className="alert alert-success">
          Imported {formatCount(rows)} rows: {formatCount(merged)} merged, {formatCount(skipped)} skipped
          (already imported), {formatCount(keys)} indicators changed.
          {ignored.length > 0 &&
            ` Ignored: ${ignored.map((i) => `${formatCount(i.count)} ${i.type} (${i.reason})`).join('; ')}.`}
        </p>
      </div>
    );
  }
  return null;
}
