import { Link } from 'react-router';
import type { Overview } from '../../../measurement/overview.js';
import { DataTable } from '../components/data-table.js';
import { LoadStatus } from '../components/problems.js';
import { differenceWithInterval, formatCount, formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';

type Row = Overview['jurisdictions'][number]['campaigns'][number];

/** The live version's effect, or "too early to tell" with how many more users (evidence.ts). */
function Effect({ effect }: { effect: Row['effect'] }) {
  const { t } = useT('dashboard');
  const { evidence } = effect;
  if (evidence.enough) return <>{differenceWithInterval(effect.difference)}</>;
  return (
    <span className="too-early" data-testid="too-early">
      {evidence.reason === 'no_comparison_group'
        ? t('overview.noComparisonShort')
        : evidence.plan === null
          ? t('overview.tooEarlyNoData', { minimum: formatCount(evidence.need.warned) })
          : t('overview.tooEarlyShort', {
              warned: formatCount(evidence.more.warned),
              holdout: formatCount(evidence.more.holdout),
            })}
    </span>
  );
}

/**
 * The programme at a glance: every campaign the reader may see, by jurisdiction (staff see every
 * jurisdiction, a partner reviewer its own: the endpoint scopes it like the reports).
 */
export function OverviewPage() {
  const { t } = useT('dashboard');
  useDocumentTitle(t('overview.title'));
  const { state } = useResource<Overview>('/v1/reports/overview');
  const columns = ['campaign', 'partner', 'status', 'live', 'warned', 'holdout', 'effect', 'alarms'] as const;
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p className="lede">{t('overview.intro')}</p>
      <LoadStatus state={state} what={t('overview.title')} />
      {state.status === 'ready' && (
        <>
          <p className="meta">{t('overview.generated', { time: formatTime(state.data.generatedAt) })}</p>
          {state.data.jurisdictions.map((jurisdiction) => (
            <section key={jurisdiction.code} aria-labelledby={`overview-${jurisdiction.code}`}>
              <h2 id={`overview-${jurisdiction.code}`}>
                {t('overview.jurisdiction', { name: jurisdiction.name, code: jurisdiction.code })}
              </h2>
              <p>
                {t('overview.summary', {
                  campaigns: formatCount(jurisdiction.totals.campaigns),
                  live: formatCount(jurisdiction.totals.live),
                  warned: formatCount(jurisdiction.totals.warned),
                  holdout: formatCount(jurisdiction.totals.holdout),
                  alarms: formatCount(jurisdiction.totals.alarms),
                })}
              </p>
              {jurisdiction.campaigns.length === 0 ? (
                <p>{t('overview.noCampaigns')}</p>
              ) : (
                <DataTable columns={columns.map((column) => t(`overview.columns.${column}`))}>
                  {jurisdiction.campaigns.map((campaign) => (
                    <tr key={campaign.id} data-campaign={campaign.id}>
                      <th scope="row">
                        <Link to={`/campaigns/${encodeURIComponent(campaign.id)}/dashboard`}>
                          {campaign.name}
                        </Link>
                      </th>
                      <td>{campaign.partner?.name ?? t('overview.noPartner')}</td>
                      <td>{t(`overview.status.${campaign.status}`)}</td>
                      <td>
                        {campaign.liveVersion === null
                          ? t('overview.notLive')
                          : t('overview.version', { version: campaign.liveVersion })}
                      </td>
                      <td>{formatCount(campaign.exposure.warned)}</td>
                      <td>{formatCount(campaign.exposure.holdout)}</td>
                      <td>
                        <Effect effect={campaign.effect} />
                      </td>
                      <td>
                        {campaign.alarms.length === 0 ? (
                          t('overview.noAlarms')
                        ) : (
                          <ul className="alarms">
                            {campaign.alarms.map((alarm) => (
                              <li key={alarm} className="alarm">
                                {t(`overview.alarm.${alarm}`)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
