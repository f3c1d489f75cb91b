import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { TextField } from '../components/fields.js';
import { LoadError } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle } from '../hooks.js';
import type { AuditEntry } from '../types.js';
import { AuditDetail } from './audit-detail.js';

const PAGE = 100;

interface Filter {
  entity: string;
  entityId: string;
}

function auditPath(filter: Filter, before: AuditEntry['id'] | null): string {
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (filter.entity) query.set('entity', filter.entity);
  if (filter.entityId) query.set('entityId', filter.entityId);
  if (before !== null) query.set('before', String(before));
  return `/v1/admin/audit?${query.toString()}`;
}

export function AuditPage() {
  useDocumentTitle('Audit log');
  const [filter, setFilter] = useState<Filter>({ entity: '', entityId: '' });
  const [entity, setEntity] = useState('');
  const [entityId, setEntityId] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = async (before: AuditEntry['id'] | null, current: Filter) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<{ entries: AuditEntry[] }>(auditPath(current, before));
      setEntries((old) => (before === null ? page.entries : [...old, ...page.entries]));
      // A full page may have more behind it; a short one is the end of the log.
      setMore(page.entries.length >= PAGE);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(null, filter);
  }, [filter]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ entity: entity.trim(), entityId: entityId.trim() });
  };

  return (
    <>
      <h1>Audit log</h1>
      <p className="lede">Every change made by staff and partners, newest first. Times are UTC.</p>
      <form onSubmit={apply} className="filter-bar" role="search" aria-label="Filter the audit log">
        <TextField
          label="Entity"
          value={entity}
          onChange={setEntity}
          hint="e.g. campaign, partner, api_key, user"
        />
        <TextField label="Entity ID" value={entityId} onChange={setEntityId} />
        <button type="submit">Apply filter</button>
        {(filter.entity || filter.entityId) && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setEntity('');
              setEntityId('');
              setFilter({ entity: '', entityId: '' });
            }}
          >
            Clear filter
          </button>
        )}
      </form>
      {error && <LoadError message={error} />}
      {entries.length === 0 && !loading && !error ? (
        <p>No entries{filter.entity || filter.entityId ? ' match this filter' : ''}.</p>
      ) : (
        <DataTable columns={['When', 'Actor', 'Action', 'Entity', 'Entity ID', 'Detail']} className="audit">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{formatTime(entry.at)}</th>
              <td>{entry.actorName ?? entry.actor}</td>
              <td>{entry.action}</td>
              <td>{entry.entity}</td>
              <td>
                <code>{entry.entityId}</code>
              </td>
              <td>
                <AuditDetail detail={entry.detail} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p role="status" className="hint">
        {loading ? 'Loading entries…' : `${entries.length} entries shown.`}
      </p>
      {more && (
        <button type="button" disabled={loading} onClick={() => load(entries.at(-1)?.id ?? null, filter)}>
          Older
        </button>
      )}
    </>
  );
}
