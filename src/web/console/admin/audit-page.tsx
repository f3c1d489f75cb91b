import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { TextField } from '../components/fields.js';
import { LoadError } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle } from '../hooks.js';
import { useT } from '../i18n/index.js';
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
  const { t } = useT('admin');
  useDocumentTitle(t('audit.title'));
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
      <h1>{t('audit.title')}</h1>
      <p className="lede">{t('audit.lede')}</p>
      <form onSubmit={apply} className="filter-bar" role="search" aria-label={t('audit.filterLabel')}>
        <TextField
          label={t('audit.entity')}
          value={entity}
          onChange={setEntity}
          hint={t('audit.entityHint')}
        />
        <TextField label={t('audit.entityId')} value={entityId} onChange={setEntityId} />
        <button type="submit">{t('audit.apply')}</button>
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
            {t('audit.clear')}
          </button>
        )}
      </form>
      {error && <LoadError message={error} />}
      {entries.length === 0 && !loading && !error ? (
        <p>{filter.entity || filter.entityId ? t('audit.noneMatch') : t('audit.none')}</p>
      ) : (
        <DataTable
          columns={[
            t('audit.columns.when'),
            t('audit.columns.actor'),
            t('audit.columns.action'),
            t('audit.columns.entity'),
            t('audit.columns.entityId'),
            t('audit.columns.detail'),
          ]}
          className="audit"
        >
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
        {loading ? t('audit.loading') : t('audit.shown', { count: entries.length })}
      </p>
      {more && (
        <button type="button" disabled={loading} onClick={() => load(entries.at(-1)?.id ?? null, filter)}>
          {t('audit.older')}
        </button>
      )}
    </>
  );
}
