import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { LoadStatus } from '../components/problems.js';
import { draftOf, liveVersion, reviewWords } from '../campaign/campaign-model.js';
import { NewCampaignForm } from '../campaign/new-campaign-form.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { useUser } from '../session.js';
import type { Campaign, Partner } from '../types.js';

export function CampaignsPage() {
  useDocumentTitle('Campaigns');
  const user = useUser();
  const campaigns = useResource<{ campaigns: Campaign[] }>('/v1/admin/campaigns');
  // Reviewers may not list partners; their table shows partner ids instead of names.
  const partners = useResource<{ partners: Partner[] }>(
    user.role === 'partner_reviewer' ? null : '/v1/admin/partners',
  );
  const partnerName = (id: string | null) => {
    if (id === null) return 'None';
    const list = partners.state.status === 'ready' ? partners.state.data.partners : [];
    return list.find((p) => p.id === id)?.name ?? id;
  };

  return (
    <>
      <h1>Campaigns</h1>
      {user.role === 'partner_reviewer' && (
        <p className="lede">Campaigns of {user.jurisdiction ?? 'your jurisdiction'} that you can review.</p>
      )}
      <LoadStatus state={campaigns.state} what="campaigns" />
      {campaigns.state.status === 'ready' &&
        (campaigns.state.data.campaigns.length === 0 ? (
          <p>No campaigns yet.</p>
        ) : (
          <DataTable
            columns={['Name', 'ID', 'Jurisdiction', 'Partner', 'Live version', 'Draft review', 'Retired']}
            caption="All campaigns you can see"
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
                  <td>{draft ? reviewWords(draft.review) : 'No draft'}</td>
                  <td>{campaign.retiredAt ? formatTime(campaign.retiredAt) : 'No'}</td>
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
