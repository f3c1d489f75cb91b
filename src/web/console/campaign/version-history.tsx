import { DataTable } from '../components/data-table.js';
import { formatTime } from '../format.js';
import type { CampaignDetail, ReviewEntry } from '../types.js';
import { useT } from '../i18n/index.js';
import { localeLabel } from '../review/locale-label.js';
import { reviewWords } from './campaign-model.js';

const actionWords: Record<ReviewEntry['action'], string> = {
  submitted: 'Submitted for review',
  approved: 'Approved',
  changes_requested: 'Changes requested',
};

export function VersionHistory({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useT('review');
  const versions = [...campaign.versions].reverse();
  const reviews = [...campaign.reviews].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">Version history</h2>
      <DataTable
        columns={['Version', 'State', 'Created by', 'Created at', 'Published by', 'Published at', 'Review']}
      >
        {versions.map((v) => (
          <tr key={v.version}>
            <th scope="row">{v.version}</th>
            <td>{v.state === 'draft' ? 'Draft' : 'Published'}</td>
            <td>{v.createdBy}</td>
            <td>{formatTime(v.createdAt)}</td>
            <td>{v.publishedBy ?? '—'}</td>
            <td>{formatTime(v.publishedAt)}</td>
            <td>{reviewWords(v.review)}</td>
          </tr>
        ))}
      </DataTable>
      <h3>Review record</h3>
      {reviews.length === 0 ? (
        <p>No version has been submitted for review yet.</p>
      ) : (
        <DataTable columns={['Version', 'Action', 'By', 'When', 'Note']}>
          {reviews.map((r, i) => (
            <tr key={`${r.version}-${r.at}-${i}`}>
              <th scope="row">{r.version}</th>
              <td>{actionWords[r.action]}</td>
              <td>{r.actor}</td>
              <td>{formatTime(r.at)}</td>
              <td>
                {r.note ?? ''}
                {r.locales && (
                  <span className="hint">
                    {' '}
                    {t('history.locales', { locales: r.locales.map(localeLabel).join(', ') })}
                    {r.digest && <> · {t('history.digest', { digest: r.digest.slice(0, 8) })}</>}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
