import { NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { LoadError, Loading } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { CampaignDetail } from '../types.js';
import { liveVersion } from './campaign-model.js';

export interface CampaignContext {
  campaign: CampaignDetail;
  reload(): void;
}

export function useCampaign(): CampaignContext {
  return useOutletContext<CampaignContext>();
}

export function CampaignPage() {
  const { t } = useT('campaigns');
  const { id = '' } = useParams();
  const { state, reload } = useResource<CampaignDetail>(`/v1/admin/campaigns/${encodeURIComponent(id)}`);
  useDocumentTitle(state.status === 'ready' ? state.data.name : t('page.title'));

  if (state.status === 'loading') return <Loading what={t('page.loading')} />;
  if (state.status === 'error') {
    return (
      <>
        <h1>{state.httpStatus === 404 ? t('page.notFound') : t('page.title')}</h1>
        <LoadError message={state.httpStatus === 404 ? t('page.notFoundText', { id }) : state.message} />
      </>
    );
  }
  const campaign = state.data;
  const base = `/campaigns/${encodeURIComponent(campaign.id)}`;
  const live = liveVersion(campaign);
  const status = campaign.retiredAt
    ? t('page.retired', { time: formatTime(campaign.retiredAt) })
    : live === null
      ? t('page.notPublished')
      : t('page.live', { version: live });
  return (
    <>
      <h1>{campaign.name}</h1>
      <p className="meta">
        <code>{campaign.id}</code> · {campaign.jurisdiction}
        {campaign.partnerId && <> · {t('page.partner', { partner: campaign.partnerId })}</>} · {status}
        {campaign.demo && <> · {t('page.demo')}</>}
      </p>
      <nav aria-label={t('page.tabs')} className="tabs">
        <ul>
          <li>
            <NavLink to={base} end>
              {t('page.draftReview')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/dashboard`}>{t('page.dashboard')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/quiz`}>{t('page.quiz')}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet context={{ campaign, reload } satisfies CampaignContext} />
    </>
  );
}
