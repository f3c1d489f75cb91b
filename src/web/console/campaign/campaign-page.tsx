import { NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { LoadError, Loading } from '../components/problems.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import type { CampaignDetail } from '../types.js';
import { campaignStatus } from './campaign-model.js';

export interface CampaignContext {
  campaign: CampaignDetail;
  reload(): void;
}

export function useCampaign(): CampaignContext {
  return useOutletContext<CampaignContext>();
}

export function CampaignPage() {
  const { id = '' } = useParams();
  const { state, reload } = useResource<CampaignDetail>(`/v1/admin/campaigns/${encodeURIComponent(id)}`);
  useDocumentTitle(state.status === 'ready' ? state.data.name : 'Campaign');

  if (state.status === 'loading') return <Loading what="the campaign" />;
  if (state.status === 'error') {
    return (
      <>
        <h1>{state.httpStatus === 404 ? 'Campaign not found' : 'Campaign'}</h1>
        <LoadError
          message={
            state.httpStatus === 404 ? `There is no campaign “${id}” that you can see.` : state.message
          }
        />
      </>
    );
  }
  const campaign = state.data;
  const base = `/campaigns/${encodeURIComponent(campaign.id)}`;
  return (
    <>
      <h1>{campaign.name}</h1>
      <p className="meta">
        <code>{campaign.id}</code> · {campaign.jurisdiction}
        {campaign.partnerId && <> · partner {campaign.partnerId}</>} · {campaignStatus(campaign)}
        {campaign.demo && <> · demo data</>}
      </p>
      <nav aria-label="Campaign sections" className="tabs">
        <ul>
          <li>
            <NavLink to={base} end>
              Draft &amp; review
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/dashboard`}>Dashboard</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/quiz`}>Quiz</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet context={{ campaign, reload } satisfies CampaignContext} />
    </>
  );
}
