import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { SelectField } from '../components/fields.js';
import { LoadStatus } from '../components/problems.js';
import { formatCount, formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { ClusterSummary, Jurisdiction } from '../types.js';
import { lossText, options, labelOf } from './labels.js';
import { useScamReportLabels } from './use-labels.js';
import type { Translate } from '../validation/describe-problem.js';
import './scam-reports.css';

/**
 * Reports that share an identifier (or imitate the same brand) are one case: one phishing kit behind
 * fifty domains is one row here, with its counts, total loss and first/last seen.
 */
export function ClustersPage() {
  const { t } = useT('scamReports');
  const translate: Translate = (key, values) => t(key, values ?? {});
  const labels = useScamReportLabels();
  useDocumentTitle(t('clusters.title'));
  const [status, setStatus] = useState('open');
  const [jurisdiction, setJurisdiction] = useState('');
  const [filter, setFilter] = useState({ status: 'open', jurisdiction: '' });
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.jurisdiction) query.set('jurisdiction', filter.jurisdiction);
  const { state } = useResource<{ items: ClusterSummary[] }>(`/v1/admin/scam-clusters?${query.toString()}`);
  const jurisdictions = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const codes = jurisdictions.state.status === 'ready' ? jurisdictions.state.data.jurisdictions : [];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ status, jurisdiction });
  };

  return (
    <>
      <h1>{t('clusters.title')}</h1>
      <p className="lede">{t('clusters.lede')}</p>
      <form onSubmit={apply} className="filter-bar" role="search" aria-label={t('clusters.filterLabel')}>
        <SelectField
          label={t('filter.status')}
          value={status}
          placeholder={t('filter.anyStatus')}
          options={options(labels.clusterStatus)}
          onChange={setStatus}
        />
        <SelectField
          label={t('filter.jurisdiction')}
          value={jurisdiction}
          placeholder={t('filter.anyJurisdiction')}
          options={codes.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
          onChange={setJurisdiction}
        />
        <button type="submit">{t('filter.apply')}</button>
      </form>
      <LoadStatus state={state} what={t('clusters.loadWhat')} />
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>{t('clusters.noneMatch')}</p>
        ) : (
          <DataTable
            columns={[
              t('clusters.columns.cluster'),
              t('clusters.columns.status'),
              t('clusters.columns.reports'),
              t('clusters.columns.identifiers'),
              t('clusters.columns.jurisdictions'),
              t('clusters.columns.categories'),
              t('clusters.columns.totalLoss'),
              t('clusters.columns.firstSeen'),
              t('clusters.columns.lastSeen'),
            ]}
            caption={t('clusters.title')}
          >
            {state.data.items.map((cluster) => (
              <tr key={cluster.id}>
                <th scope="row">
                  <Link to={`/scam-clusters/${encodeURIComponent(cluster.id)}`}>
                    {clusterName(cluster, translate)}
                  </Link>
                </th>
                <td>{labelOf(labels.clusterStatus, cluster.status)}</td>
                <td>{formatCount(cluster.reportCount)}</td>
                <td>{formatCount(cluster.identifierCount)}</td>
                <td>{cluster.jurisdictions.join(', ') || '—'}</td>
                <td>{cluster.categories.map((c) => labelOf(labels.category, c)).join(', ') || '—'}</td>
                <td>{lossText(cluster.totalLoss)}</td>
                <td>{formatTime(cluster.firstSeen)}</td>
                <td>{formatTime(cluster.lastSeen)}</td>
              </tr>
            ))}
          </DataTable>
        ))}
    </>
  );
}

/** A cluster has no name of its own: its lookalike target, else its id (`t`: the scamReports namespace). */
export function clusterName(cluster: ClusterSummary, t: Translate): string {
  return cluster.lookalikeTarget
    ? t('clusters.imitating', { target: cluster.lookalikeTarget, id: cluster.id })
    : t('clusters.named', { id: cluster.id });
}
