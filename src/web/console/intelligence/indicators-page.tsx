import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { formatCount, formatTime } from '../format.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import type { ScamType } from '../types.js';
import { scamTypeLabel } from '../scam-reports/labels.js';
import { ImportPanel } from './import-panel.js';
import { csvLine } from './csv-line.js';
import './registry.css';

interface IndicatorRow {
  key: string;
  kind: string;
  display: string;
  scamType: ScamType;
  riskLevel: 'low' | 'medium' | 'high' | 'critical';
  sources: string[];
  reportCount: number;
  jurisdictions: string[];
  lastSeen: string;
  expiresAt: string | null;
  expired: boolean;
}

const PAGE = 25;

const riskLabel: Record<IndicatorRow['riskLevel'], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

function statusText(row: IndicatorRow): string {
  if (row.expired) return `Expired ${formatTime(row.expiresAt)}`;
  return row.expiresAt ? `Active until ${formatTime(row.expiresAt)}` : 'Active';
}

/** Reported scam addresses, sites, numbers and accounts: search, add a report, end one, import a file. */
export function IndicatorsPage() {
  useDocumentTitle('Indicators');
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState({ q: '', offset: 0 });
  const [status, setStatus] = useState<string | null>(null);
  const [expireError, setExpireError] = useState<string | null>(null);
  const params = new URLSearchParams({ q: query.q, limit: String(PAGE), offset: String(query.offset) });
  const { state, reload } = useResource<{ total: number; indicators: IndicatorRow[] }>(
    `/v1/admin/indicators?${params.toString()}`,
  );

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ q: draft.trim(), offset: 0 });
  };

  const expire = async (row: IndicatorRow) => {
    setExpireError(null);
    try {
      await api.post('/v1/admin/indicators/expire', { value: row.display });
      setStatus(`Expired ${row.display}.`);
      reload();
    } catch (error) {
      setExpireError(`${row.display} was not expired: ${errorMessage(error)}`);
    }
  };

  const total = state.status === 'ready' ? state.data.total : 0;
  const rows = state.status === 'ready' ? state.data.indicators : [];

  return (
    <>
      <h1>Indicators</h1>
      <p className="lede">
        Addresses, sites, phone numbers and accounts reported as scams. Screening warns about them and /check
        answers them as reported. Expiring one ends it now; it stays in the audit log.
      </p>
      <form role="search" aria-label="Indicators" onSubmit={search} className="form-grid">
        <TextField
          label="Value contains"
          type="search"
          value={draft}
          onChange={setDraft}
          hint="Part of an address, domain, number or handle; empty shows the newest."
        />
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Search
          </button>
        </div>
      </form>
      <LoadStatus state={state} what="indicators" />
      {expireError && (
        <p role="alert" className="alert alert-error">
          {expireError}
        </p>
      )}
      <p role="status" className="save-state">
        {status}
      </p>
      {state.status === 'ready' && (
        <section aria-labelledby="indicator-results">
          <h2 id="indicator-results">
            {total === 0
              ? 'No indicators found'
              : `Indicators ${formatCount(query.offset + 1)}–${formatCount(query.offset + rows.length)} of ${formatCount(total)}`}
          </h2>
          {rows.length > 0 && (
            <DataTable
              columns={[
                'Value',
                'Kind',
                'Scam type',
                'Risk',
                'Reports',
                'Jurisdictions',
                'Last seen',
                'Status',
              ]}
              actions
              className="reflow"
            >
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" data-label="Value" className="registry-value">
                    {row.display}
                  </th>
                  <td data-label="Kind">{row.kind.replace(/_/g, ' ')}</td>
                  <td data-label="Scam type">{scamTypeLabel[row.scamType] ?? row.scamType}</td>
                  <td data-label="Risk">{riskLabel[row.riskLevel]}</td>
                  <td data-label="Reports">{formatCount(row.reportCount)}</td>
                  <td data-label="Jurisdictions">{row.jurisdictions.join(', ') || 'All'}</td>
                  <td data-label="Last seen">{formatTime(row.lastSeen)}</td>
                  <td data-label="Status">{statusText(row)}</td>
                  <td>
                    {!row.expired && (
                      <ConfirmButton
                        label={`Expire ${row.display}`}
                        question={`End ${row.display} now? Screening stops warning about it.`}
                        confirmLabel="Expire"
                        danger
                        onConfirm={() => expire(row)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <nav className="pager" aria-label="Indicator pages">
            <button
              type="button"
              disabled={query.offset === 0}
              onClick={() => setQuery((q) => ({ ...q, offset: Math.max(0, q.offset - PAGE) }))}
            >
              Previous page
            </button>
            <button
              type="button"
              disabled={query.offset + rows.length >= total}
              onClick={() => setQuery((q) => ({ ...q, offset: q.offset + PAGE }))}
            >
              Next page
            </button>
          </nav>
        </section>
      )}
      <AddIndicatorForm
        onAdded={(display) => {
          setStatus(`Added a report of ${display}.`);
          setDraft(display);
          setQuery({ q: display, offset: 0 });
          reload();
        }}
      />
      <ImportPanel onImported={reload} />
    </>
  );
}

const scamTypes = (Object.keys(scamTypeLabel) as ScamType[]).map((value) => ({
  value,
  label: scamTypeLabel[value],
}));
const riskLevels = (Object.keys(riskLabel) as IndicatorRow['riskLevel'][]).map((value) => ({
  value,
  label: riskLabel[value],
}));

/**
 * One report, sent as a one-row import: the same validation and merge as a partner's file, so a
 * report of something already listed adds to its count instead of replacing it.
 */
function AddIndicatorForm({ onAdded }: { onAdded(display: string): void }) {
  const [value, setValue] = useState('');
  const [network, setNetwork] = useState('');
  const [scamType, setScamType] = useState<string>('unknown');
  const [riskLevel, setRiskLevel] = useState<string>('high');
  const [jurisdictions, setJurisdictions] = useState('');
  const { error, errors, busy, submit } = useSubmit(async () => {
    const header = ['value', 'network', 'scamType', 'riskLevel', 'source', 'jurisdictions'];
    const row = [value.trim(), network.trim(), scamType, riskLevel, 'staff', jurisdictions.trim()];
    await api.post('/v1/admin/indicators/import', {
      format: 'csv',
      feed: 'console',
      source: 'staff',
      content: `${csvLine(header)}\n${csvLine(row)}\n`,
    });
    onAdded(value.trim());
    setValue('');
    setNetwork('');
  }, '/content/row 1');
  return (
    <FormPanel
      headingId="add-indicator-heading"
      title="Add an indicator"
      error={error}
      failedTitle="The indicator was not added."
      submitLabel="Add indicator"
      submitDisabled={busy}
      onSubmit={submit}
    >
      <TextField
        label="Value"
        required
        value={value}
        onChange={setValue}
        maxLength={2048}
        hint="An address, website, phone number (with +), email, social account or bank account."
        errors={errors('/value')}
      />
      <TextField
        label="Network (addresses only)"
        value={network}
        onChange={setNetwork}
        hint="e.g. ethereum, tron, bitcoin; leave empty to detect it."
        errors={errors('/network')}
      />
      <SelectField
        label="Scam type"
        value={scamType}
        options={scamTypes}
        onChange={setScamType}
        errors={errors('/scamType')}
      />
      <SelectField
        label="Risk"
        value={riskLevel}
        options={riskLevels}
        onChange={setRiskLevel}
        errors={errors('/riskLevel')}
      />
      <TextField
        label="Jurisdictions"
        value={jurisdictions}
        onChange={setJurisdictions}
        hint="Two-letter codes separated by commas, e.g. SG, HK; empty for all."
        errors={errors('/jurisdictions')}
      />
    </FormPanel>
  );
}
