import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { LoadStatus } from '../components/problems.js';
import { draftOf, liveVersion } from '../campaign/campaign-model.js';
import { NewCampaignForm } from '../campaign/new-campaign-form.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
import { useUser } from '../session.js';
import type { Campaign, Partner, Review } from '../types.js';

const COLUMNS = ['name', 'id', 'jurisdiction', 'partner', 'live', 'review', 'retired'] as const;

/** Where the draft's review stands, in the console's language. */
function ReviewState({ review }: { review: Review }) {
  const { t } = useT('campaigns');
  const who = review.reviewedBy ?? t('review.thePartner');
  switch (review.state) {
    case 'editing':
      return t('review.editing');
    case 'in_review':
      return t('review.inReview');
    case 'approved':
      return t('review.approved', { who, time: formatTime(review.reviewedAt) });
    case 'changes_requested':
      return t('review.changesRequested', { who, note: review.note ?? t('review.noNote') });
  }
}

export function CampaignsPage() {
  const { t } = useT('campaigns');
  useDocumentTitle(t('list.title'));
  const user = useUser();
  const campaigns = useResource<{ campaigns: Campaign[] }>('/v1/admin/campaigns');
  // Reviewers may not list partners; their table shows partner ids instead of names.
  const partners = useResource<{ partners: Partner[] }>(
    user.role === 'partner_reviewer' ? null : '/v1/admin/partners',
  );
  const partnerName = (id: string | null) => {
    if (id === null) return t('list.noPartner');
    const list = partners.state.status === 'ready' ? partners.state.data.partners : [];
    return list.find((p) => p.id === id)?.name ?? id;
  };

  return (
    <>
      <h1>{t('list.title')}</h1>
      {user.role === 'partner_reviewer' && (
        <p className="lede">
          {t('list.reviewerLede', { jurisdiction: user.jurisdiction ?? t('list.yourJurisdiction') })}
        </p>
      )}
      <LoadStatus state={campaigns.state} what={t('list.loading')} />
      {campaigns.state.status === 'ready' &&
        (campaigns.state.data.campaigns.length === 0 ? (
          <p>{t('list.none')}</p>
        ) : (
          <DataTable
            columns={COLUMNS.map((column) => t(`list.columns.${column}`))}
            caption={t('list.caption')}
          >
            {campaigns.state.data.campaigns.map((campaign) => {
              const draft = draftOf(campaign);
              return (
                <tr key={campaign.id}>
                  <th scope="row">
                    <Link to={`/campaigns/${encodeURIComponent(campaign.id)}`}>{campaign.name}</Link>
                  </th>
                  <td>
                    <code>{campaign.id}</code>
                  </td>
                  <td>{campaign.jurisdiction}</td>
                  <td>{partnerName(campaign.partnerId)}</td>
                  <td>{liveVersion(campaign) ?? '—'}</td>
                  <td>{draft ? <ReviewState review={draft.review} /> : t('list.noDraft')}</td>
                  <td>{campaign.retiredAt ? formatTime(campaign.retiredAt) : t('list.notRetired')}</td>
                </tr>
              );
            })}
          </DataTable>
        ))}
      {user.role === 'admin' && campaigns.state.status === 'ready' && (
        <NewCampaignForm
          campaigns={campaigns.state.data.campaigns}
          partners={partners.state.status === 'ready' ? partners.state.data.partners : []}
        />
      )}
    </>
  );
}
