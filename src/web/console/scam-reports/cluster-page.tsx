import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { formatCount, formatTime } from '../format.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import { useT } from '../i18n/index.js';
import { useUser } from '../session.js';
import type { ClusterDetail, ConfirmRiskLevel, Partner, ReportCategory, ScamType } from '../types.js';
import type { Translate } from '../validation/describe-problem.js';
import { clusterName } from './clusters-page.js';
import {
  categoryLabel,
  clusterStatusLabel,
  lossText,
  options,
  reportStatusLabel,
  riskLevelLabel,
  scamTypeLabel,
  scamTypeOfCategory,
  labelOf,
} from './labels.js';
import './scam-reports.css';

const CONFIRM_LEVELS = Object.keys(riskLevelLabel) as ConfirmRiskLevel[];

/** The most frequent category among a cluster's reports: the confirm form's first guess. */
function likelyScamType(cluster: ClusterDetail): ScamType {
  const counts = new Map<string, number>();
  for (const report of cluster.reports) counts.set(report.category, (counts.get(report.category) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return (top && scamTypeOfCategory[top as ReportCategory]) || 'unknown';
}

export function ClusterPage() {
  const { id = '' } = useParams();
  const { state, reload } = useResource<ClusterDetail>(path`/v1/admin/scam-clusters/${id}`);
  const cluster = state.status === 'ready' ? state.data : null;
  const { t } = useT('scamReports');
  const translate: Translate = (key, values) => t(key, values ?? {});
  useDocumentTitle(cluster ? clusterName(cluster, translate) : t('cluster.title'));
  const [done, setDone] = useState<string | null>(null);
  // A partner's reviewer reads the case; confirming, rejecting and referring stay with the exchange.
  const readOnly = useUser().role === 'partner_reviewer';

  if (!cluster) {
    return (
      <>
        <h1>
          {state.status === 'error' && state.httpStatus === 404 ? t('cluster.notFound') : t('cluster.title')}
        </h1>
        <LoadStatus state={state} what={t('cluster.loadWhat')} />
        <p>
          <Link to="/scam-clusters">{t('cluster.all')}</Link>
        </p>
      </>
    );
  }
  const finished = (message: string) => {
    setDone(message);
    reload();
  };
  return (
    <>
      <p>
        <Link to="/scam-clusters">{t('cluster.all')}</Link>
      </p>
      <h1>{clusterName(cluster, translate)}</h1>
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {labelOf(clusterStatusLabel, cluster.status)}
          {cluster.riskLevel && ` · risk ${cluster.riskLevel}`}
          {cluster.scamType && ` · ${labelOf(scamTypeLabel, cluster.scamType)}`}
        </dd>
        <dt>Reports</dt>
        <dd>{formatCount(cluster.reportCount)}</dd>
        <dt>Jurisdictions</dt>
        <dd>{cluster.jurisdictions.join(', ') || '—'}</dd>
        <dt>Total loss</dt>
        <dd>{lossText(cluster.totalLoss)}</dd>
        <dt>First seen</dt>
        <dd>{formatTime(cluster.firstSeen)}</dd>
        <dt>Last seen</dt>
        <dd>{formatTime(cluster.lastSeen)}</dd>
        {cluster.lookalikeTarget && (
          <>
            <dt>Imitates</dt>
            <dd>{cluster.lookalikeTarget}</dd>
          </>
        )}
      </dl>

      <h2>Identifiers</h2>
      <DataTable columns={['Identifier', 'Kind', 'Reports naming it']} caption="Identifiers in this cluster">
        {cluster.identifiers.map((identifier) => (
          <tr key={identifier.key}>
            <th scope="row">
              <code>{identifier.display}</code>
            </th>
            <td>{identifier.kind}</td>
            <td>{formatCount(identifier.reportCount)}</td>
          </tr>
        ))}
      </DataTable>

      <h2>Reports</h2>
      <p>
        <Link to={`/scam-reports?cluster=${encodeURIComponent(cluster.id)}`}>
          Triage these reports in the inbox
        </Link>
      </p>
      <DataTable
        columns={['Reference', 'Received', 'Category', 'Jurisdiction', 'Status', 'Loss']}
        caption="Reports"
      >
        {cluster.reports.map((report) => (
          <tr key={report.id}>
            <th scope="row">
              <Link to={`/scam-reports/${encodeURIComponent(report.id)}`}>{report.reference}</Link>
            </th>
            <td>{formatTime(report.createdAt)}</td>
            <td>{labelOf(categoryLabel, report.category)}</td>
            <td>{report.jurisdiction}</td>
            <td>{labelOf(reportStatusLabel, report.status)}</td>
            <td>{report.loss ? `${report.loss.amount} ${report.loss.asset}` : '—'}</td>
          </tr>
        ))}
      </DataTable>

      {!readOnly && (
        <div className="actions-row">
          {cluster.status !== 'referred' && (
            <ConfirmForm
              key={`confirm-${cluster.status}`}
              cluster={cluster}
              onDone={() => finished('Cluster confirmed: its identifiers are now indicators.')}
            />
          )}
          {cluster.status === 'open' && (
            <RejectForm cluster={cluster} onDone={() => finished('Cluster rejected: not a scam.')} />
          )}
          {(cluster.status === 'confirmed' || cluster.status === 'referred') && (
            <ReferForm cluster={cluster} onDone={(partner) => finished(`Cluster referred to ${partner}.`)} />
          )}
        </div>
      )}
    </>
  );
}

function ConfirmForm({ cluster, onDone }: { cluster: ClusterDetail; onDone(): void }) {
  const [riskLevel, setRiskLevel] = useState<ConfirmRiskLevel>(
    CONFIRM_LEVELS.find((level) => level === cluster.riskLevel) ?? 'high',
  );
  const [scamType, setScamType] = useState<string>(cluster.scamType ?? likelyScamType(cluster));
  const { error, errors, submit } = useSubmit(async () => {
    await api.post(path`/v1/admin/scam-clusters/${cluster.id}/confirm`, { riskLevel, scamType });
    onDone();
  });
  return (
    <FormPanel
      headingId="confirm-heading"
      title={cluster.status === 'confirmed' ? 'Update the confirmation' : 'Confirm as a scam'}
      layout="stack"
      error={error}
      failedTitle="The cluster was not confirmed."
      submitLabel="Confirm cluster"
      onSubmit={submit}
    >
      <SelectField
        label="Risk level"
        value={riskLevel}
        options={options(riskLevelLabel)}
        onChange={(value) => setRiskLevel(CONFIRM_LEVELS.find((level) => level === value) ?? 'high')}
        errors={errors('/riskLevel')}
        hint="High and critical hold the next withdrawal to these identifiers; medium warns."
      />
      <SelectField
        label="Scam type"
        value={scamType}
        options={options(scamTypeLabel)}
        onChange={setScamType}
        errors={errors('/scamType')}
      />
    </FormPanel>
  );
}

function RejectForm({ cluster, onDone }: { cluster: ClusterDetail; onDone(): void }) {
  const [reason, setReason] = useState('');
  const { error, errors, submit } = useSubmit(async () => {
    await api.post(path`/v1/admin/scam-clusters/${cluster.id}/reject`, { reason });
    onDone();
  });
  return (
    <FormPanel
      headingId="reject-heading"
      title="Reject: not a scam"
      layout="stack"
      error={error}
      failedTitle="The cluster was not rejected."
      submitLabel="Reject cluster"
      onSubmit={submit}
    >
      <TextField
        label="Reason"
        multiline
        rows={3}
        required
        maxLength={2000}
        value={reason}
        onChange={setReason}
        errors={errors('/reason')}
      />
    </FormPanel>
  );
}

function ReferForm({ cluster, onDone }: { cluster: ClusterDetail; onDone(partner: string): void }) {
  const partners = useResource<{ partners: Partner[] }>('/v1/admin/partners');
  const list = partners.state.status === 'ready' ? partners.state.data.partners : [];
  // The police of the cluster's own jurisdictions first: the usual recipients.
  const sorted = [...list].sort(
    (a, b) =>
      Number(cluster.jurisdictions.includes(b.jurisdiction)) -
      Number(cluster.jurisdictions.includes(a.jurisdiction)),
  );
  const [partnerId, setPartnerId] = useState('');
  const { error, errors, submit } = useSubmit(async () => {
    await api.post(path`/v1/admin/scam-clusters/${cluster.id}/refer`, { partnerId });
    onDone(list.find((p) => p.id === partnerId)?.name ?? partnerId);
  });
  return (
    <FormPanel
      headingId="refer-heading"
      title="Refer to a police partner"
      layout="stack"
      error={error}
      failedTitle="The cluster was not referred."
      submitLabel="Refer cluster"
      onSubmit={submit}
    >
      <SelectField
        label="Partner"
        required
        value={partnerId}
        placeholder="Choose a partner"
        options={sorted.map((p) => ({ value: p.id, label: `${p.name} (${p.jurisdiction})` }))}
        onChange={setPartnerId}
        errors={errors('/partnerId')}
        hint="Only the fields the partner's data-sharing policy allows are sent; reporter details only with the reporter's consent."
      />
    </FormPanel>
  );
}
