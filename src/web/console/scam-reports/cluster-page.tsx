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
import { useScamReportLabels } from './use-labels.js';
import { lossText, options, riskLevelLabel, scamTypeOfCategory, labelOf } from './labels.js';
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
  const labels = useScamReportLabels();

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
        <dt>{t('cluster.status')}</dt>
        <dd>
          {labelOf(labels.clusterStatus, cluster.status)}
          {cluster.riskLevel && t('cluster.risk', { level: cluster.riskLevel })}
          {cluster.scamType && ` · ${labelOf(labels.scamType, cluster.scamType)}`}
        </dd>
        <dt>{t('cluster.reports')}</dt>
        <dd>{formatCount(cluster.reportCount)}</dd>
        <dt>{t('cluster.jurisdictions')}</dt>
        <dd>{cluster.jurisdictions.join(', ') || '—'}</dd>
        <dt>{t('cluster.totalLoss')}</dt>
        <dd>{lossText(cluster.totalLoss)}</dd>
        <dt>{t('cluster.firstSeen')}</dt>
        <dd>{formatTime(cluster.firstSeen)}</dd>
        <dt>{t('cluster.lastSeen')}</dt>
        <dd>{formatTime(cluster.lastSeen)}</dd>
        {cluster.lookalikeTarget && (
          <>
            <dt>{t('cluster.imitates')}</dt>
            <dd>{cluster.lookalikeTarget}</dd>
          </>
        )}
      </dl>

      <h2>{t('cluster.identifiers')}</h2>
      <DataTable
        columns={[t('cluster.columns.identifier'), t('cluster.columns.kind'), t('cluster.columns.naming')]}
        caption={t('cluster.identifiersCaption')}
      >
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

      <h2>{t('cluster.reports')}</h2>
      <p>
        <Link to={`/scam-reports?cluster=${encodeURIComponent(cluster.id)}`}>{t('cluster.triageLink')}</Link>
      </p>
      <DataTable
        columns={[
          t('cluster.reportColumns.reference'),
          t('cluster.reportColumns.received'),
          t('cluster.reportColumns.category'),
          t('cluster.reportColumns.jurisdiction'),
          t('cluster.reportColumns.status'),
          t('cluster.reportColumns.loss'),
        ]}
        caption={t('cluster.reports')}
      >
        {cluster.reports.map((report) => (
          <tr key={report.id}>
            <th scope="row">
              <Link to={`/scam-reports/${encodeURIComponent(report.id)}`}>{report.reference}</Link>
            </th>
            <td>{formatTime(report.createdAt)}</td>
            <td>{labelOf(labels.category, report.category)}</td>
            <td>{report.jurisdiction}</td>
            <td>{labelOf(labels.reportStatus, report.status)}</td>
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
              onDone={() => finished(t('cluster.confirmed'))}
            />
          )}
          {cluster.status === 'open' && (
            <RejectForm cluster={cluster} onDone={() => finished(t('cluster.rejected'))} />
          )}
          {(cluster.status === 'confirmed' || cluster.status === 'referred') && (
            <ReferForm cluster={cluster} onDone={(partner) => finished(t('cluster.referred', { partner }))} />
          )}
        </div>
      )}
    </>
  );
}

function ConfirmForm({ cluster, onDone }: { cluster: ClusterDetail; onDone(): void }) {
  const { t } = useT('scamReports');
  const labels = useScamReportLabels();
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
      title={cluster.status === 'confirmed' ? t('cluster.updateConfirmation') : t('cluster.confirmTitle')}
      layout="stack"
      error={error}
      failedTitle={t('cluster.notConfirmed')}
      submitLabel={t('cluster.confirm')}
      onSubmit={submit}
    >
      <SelectField
        label={t('cluster.riskLevel')}
        value={riskLevel}
        options={options(labels.riskLevel)}
        onChange={(value) => setRiskLevel(CONFIRM_LEVELS.find((level) => level === value) ?? 'high')}
        errors={errors('/riskLevel')}
        hint={t('cluster.riskHint')}
      />
      <SelectField
        label={t('cluster.scamType')}
        value={scamType}
        options={options(labels.scamType)}
        onChange={setScamType}
        errors={errors('/scamType')}
      />
    </FormPanel>
  );
}

function RejectForm({ cluster, onDone }: { cluster: ClusterDetail; onDone(): void }) {
  const { t } = useT('scamReports');
  const [reason, setReason] = useState('');
  const { error, errors, submit } = useSubmit(async () => {
    await api.post(path`/v1/admin/scam-clusters/${cluster.id}/reject`, { reason });
    onDone();
  });
  return (
    <FormPanel
      headingId="reject-heading"
      title={t('cluster.rejectTitle')}
      layout="stack"
      error={error}
      failedTitle={t('cluster.notRejected')}
      submitLabel={t('cluster.reject')}
      onSubmit={submit}
    >
      <TextField
        label={t('cluster.reason')}
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
  const { t } = useT('scamReports');
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
      title={t('cluster.referTitle')}
      layout="stack"
      error={error}
      failedTitle={t('cluster.notReferred')}
      submitLabel={t('cluster.refer')}
      onSubmit={submit}
    >
      <SelectField
        label={t('cluster.partner')}
        required
        value={partnerId}
        placeholder={t('cluster.choosePartner')}
        options={sorted.map((p) => ({ value: p.id, label: `${p.name} (${p.jurisdiction})` }))}
        onChange={setPartnerId}
        errors={errors('/partnerId')}
        hint={t('cluster.referHint')}
      />
    </FormPanel>
  );
}
