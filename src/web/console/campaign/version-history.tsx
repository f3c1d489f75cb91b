import { DataTable } from '../components/data-table.js';
import { formatTime } from '../format.js';
import type { CampaignDetail } from '../types.js';
import type { Translate } from '../validation/describe-problem.js';
import { useT } from '../i18n/index.js';
import { localeLabel } from '../review/locale-label.js';
import { reviewWords } from './campaign-model.js';

export function VersionHistory({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useT('review');
  const { t: th } = useT('editorItems');
  const translate: Translate = (key, values) => th(key, values ?? {});
  const versions = [...campaign.versions].reverse();
  const reviews = [...campaign.reviews].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">{th('history.heading')}</h2>
      <DataTable
        columns={[
          th('history.version'),
          th('history.state'),
          th('history.createdBy'),
          th('history.createdAt'),
          th('history.publishedBy'),
          th('history.publishedAt'),
          th('history.review'),
        ]}
      >
        {versions.map((v) => (
          <tr key={v.version}>
            <th scope="row">{v.version}</th>
            <td>{v.state === 'draft' ? th('history.draft') : th('history.published')}</td>
            <td>{v.createdBy}</td>
            <td>{formatTime(v.createdAt)}</td>
            <td>{v.publishedBy ?? '—'}</td>
            <td>{formatTime(v.publishedAt)}</td>
            <td>{reviewWords(v.review, translate)}</td>
          </tr>
        ))}
      </DataTable>
      <h3>{th('history.record')}</h3>
      {reviews.length === 0 ? (
        <p>{th('history.noReviews')}</p>
      ) : (
        <DataTable
          columns={[
            th('history.version'),
            th('history.action'),
            th('history.by'),
            th('history.when'),
            th('history.note'),
          ]}
        >
          {reviews.map((r, i) => (
            <tr key={`${r.version}-${r.at}-${i}`}>
              <th scope="row">{r.version}</th>
              <td>{th(`history.actions.${r.action}`)}</td>
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
