import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { SelectField } from '../components/fields.js';
import { LoadStatus } from '../components/problems.js';
import { formatCount, formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import type { ClusterSummary, Jurisdiction } from '../types.js';
import { categoryLabel, clusterStatusLabel, lossText, options, labelOf } from './labels.js';
import './scam-reports.css';

/**
 * Reports that share an identifier (or imitate the same brand) are one case: one phishing kit behind
 * fifty domains is one row here, with its counts, total loss and first/last seen.
 */
export function ClustersPage() {
  useDocumentTitle('Clusters');
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
      <h1>Clusters</h1>
      <p className="lede">
        Reports grouped by a shared identifier or lookalike target. Confirming a cluster makes its identifiers
        indicators: the next withdrawal to one of them is warned or held.
      </p>
      <form onSubmit={apply} className="filter-bar" role="search" aria-label="Filter the clusters">
        <SelectField
          label="Status"
          value={status}
          placeholder="Any status"
          options={options(clusterStatusLabel)}
          onChange={setStatus}
        />
        <SelectField
          label="Jurisdiction"
          value={jurisdiction}
          placeholder="Any jurisdiction"
          options={codes.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
          onChange={setJurisdiction}
        />
        <button type="submit">Apply filter</button>
      </form>
      <LoadStatus state={state} what="clusters" />
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>No clusters match this filter.</p>
        ) : (
          <DataTable
            columns={[
              'Cluster',
              'Status',
              'Reports',
              'Identifiers',
              'Jurisdictions',
              'Categories',
              'Total loss',
              'First seen',
              'Last seen',
            ]}
            caption="Clusters"
          >
            {state.data.items.map((cluster) => (
              <tr key={cluster.id}>
                <th scope="row">
                  <Link to={`/scam-clusters/${encodeURIComponent(cluster.id)}`}>{clusterName(cluster)}</Link>
                </th>
                <td>{labelOf(clusterStatusLabel, cluster.status)}</td>
                <td>{formatCount(cluster.reportCount)}</td>
                <td>{formatCount(cluster.identifierCount)}</td>
                <td>{cluster.jurisdictions.join(', ') || '—'}</td>
                <td>{cluster.categories.map((c) => labelOf(categoryLabel, c)).join(', ') || '—'}</td>
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

/** A cluster has no name of its own: its lookalike target, else its id. */
export function clusterName(cluster: ClusterSummary): string {
  return cluster.lookalikeTarget
    ? `Imitating ${cluster.lookalikeTarget} (${cluster.id})`
    : `Cluster ${cluster.id}`;
}
