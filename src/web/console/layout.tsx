import { Suspense, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { errorMessage } from './api.js';
import { useSession, useUser } from './session.js';
import type { Role } from './types.js';
import { PoliceInboxBadge } from './police-requests/inbox-badge.js';
import { ReviewInboxBadge } from './review/inbox-badge.js';
import { useResource } from './hooks.js';
import { Loading } from './components/problems.js';
import {
  CONSOLE_LANGUAGE_NAMES,
  CONSOLE_LANGUAGES,
  setConsoleLanguage,
  useT,
  type ConsoleLanguage,
} from './i18n/index.js';

const links: { to: string; label: string; roles: Role[] }[] = [
  { to: '/campaigns', label: 'nav.campaigns', roles: ['admin', 'analyst', 'partner_reviewer'] },
  { to: '/review', label: 'review:nav.inbox', roles: ['admin', 'partner_reviewer'] },
  { to: '/overview', label: 'nav.overview', roles: ['admin', 'analyst', 'partner_reviewer'] },
  // Reviewers see these two only while the exchange shares their jurisdiction's reports.
  { to: '/scam-reports', label: 'nav.scamReports', roles: ['admin', 'analyst', 'partner_reviewer'] },
  { to: '/scam-clusters', label: 'nav.clusters', roles: ['admin', 'analyst', 'partner_reviewer'] },
  { to: '/disputes', label: 'nav.disputes', roles: ['admin', 'analyst'] },
  { to: '/holds', label: 'nav.holds', roles: ['admin', 'analyst'] },
  { to: '/jurisdictions', label: 'nav.jurisdictions', roles: ['admin'] },
  { to: '/partners', label: 'nav.partners', roles: ['admin'] },
  { to: '/official-channels', label: 'nav.officialChannels', roles: ['admin'] },
  { to: '/indicators', label: 'nav.indicators', roles: ['admin'] },
  { to: '/relay-policies', label: 'nav.relayPolicies', roles: ['admin'] },
  { to: '/api-keys', label: 'nav.apiKeys', roles: ['admin'] },
  { to: '/users', label: 'nav.users', roles: ['admin'] },
  { to: '/audit', label: 'nav.audit', roles: ['admin', 'analyst'] },
  { to: '/police-requests', label: 'nav.policeRequests', roles: ['admin', 'le_responder'] },
  { to: '/police-officers', label: 'nav.policeOfficers', roles: ['admin'] },
  { to: '/disclosures', label: 'nav.disclosures', roles: ['admin', 'le_responder'] },
  { to: '/account', label: 'nav.account', roles: ['admin', 'analyst', 'partner_reviewer', 'le_responder'] },
];

export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const { t, i18n } = useT();
  const sharing = useResource<{ shared: boolean }>(
    user.role === 'partner_reviewer' ? '/v1/console/scam-report-sharing' : null,
  );
  const reportsShared = sharing.state.status === 'ready' && sharing.state.data.shared;
  const shown = (link: (typeof links)[number]) =>
    link.roles.includes(user.role) &&
    (user.role !== 'partner_reviewer' ||
      (link.to !== '/scam-reports' && link.to !== '/scam-clusters') ||
      reportsShared);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="header-row">
          <p className="product">{t('product')}</p>
          <div className="who">
            <label className="language-switch">
              <span>{t('language')}</span>
              <select
                value={i18n.language}
                onChange={(event) => setConsoleLanguage(event.target.value as ConsoleLanguage)}
              >
                {CONSOLE_LANGUAGES.map((language) => (
                  <option key={language} value={language} lang={language}>
                    {CONSOLE_LANGUAGE_NAMES[language]}
                  </option>
                ))}
              </select>
            </label>
            <span>
              <strong>{user.name}</strong> · {t(`account:roles.${user.role}`)}
              {user.jurisdiction && <> · {user.jurisdiction}</>}
            </span>
            <button
              type="button"
              className="button-quiet"
              onClick={() => signOut().catch((error: unknown) => setSignOutError(errorMessage(error)))}
            >
              {t('signOut')}
            </button>
          </div>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.filter(shown).map((link) => (
              <li key={link.to}>
                <NavLink to={link.to}>
                  {t(link.label)}
                  {link.to === '/police-requests' && <PoliceInboxBadge />}
                  {link.to === '/review' && <ReviewInboxBadge />}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {signOutError && (
          <p role="alert" className="alert alert-error">
            {t('signOutFailed', { reason: signOutError })}
          </p>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what={t('page')} />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
