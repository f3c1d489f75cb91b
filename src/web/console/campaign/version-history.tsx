import { formatTime } from '../format.js';
import type { CampaignDetail, ReviewEntry } from '../types.js';
import { reviewWords } from './campaign-model.js';

const actionWords: Record<ReviewEntry['action'], string> = {
  submitted: 'Submitted for review',
  approved: 'Approved',
  changes_requested: 'Changes requested',
};

export function VersionHistory({ campaign }: { campaign: CampaignDetail }) {
  const versions = [...campaign.versions].reverse();
  const reviews = [...campaign.reviews].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">Version history</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">State</th>
              <th scope="col">Created by</th>
              <th scope="col">Created at</th>
              <th scope="col">Published by</th>
              <th scope="col">Published at</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      <h3>Review record</h3>
      {reviews.length === 0 ? (
        <p>No version has been submitted for review yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">When</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r, i) => (
                <tr key={`${r.version}-${r.at}-${i}`}>
                  <th scope="row">{r.version}</th>
                  <td>{actionWords[r.action]}</td>
                  <td>{r.actor}</td>
                  <td>{formatTime(r.at)}</td>
                  <td>{r.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
