import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { errorMessage } from './api.js';
import { roleLabel, useSession, useUser } from './session.js';
import type { Role } from './types.js';
import { PoliceInboxBadge } from './police-requests/inbox-badge.js';

const links: { to: string; label: string; roles: Role[] }[] = [
  { to: '/campaigns', label: 'Campaigns', roles: ['admin', 'analyst', 'partner_reviewer'] },
  { to: '/scam-reports', label: 'Scam reports', roles: ['admin', 'analyst'] },
  { to: '/scam-clusters', label: 'Clusters', roles: ['admin', 'analyst'] },
  { to: '/disputes', label: 'Disputes', roles: ['admin', 'analyst'] },
  { to: '/holds', label: 'Held withdrawals', roles: ['admin', 'analyst'] },
  { to: '/jurisdictions', label: 'Jurisdictions', roles: ['admin'] },
  { to: '/partners', label: 'Partners', roles: ['admin'] },
  { to: '/official-channels', label: 'Official channels', roles: ['admin'] },
  { to: '/indicators', label: 'Indicators', roles: ['admin'] },
  { to: '/relay-policies', label: 'Relay policies', roles: ['admin'] },
  { to: '/api-keys', label: 'API keys', roles: ['admin'] },
  { to: '/users', label: 'Users', roles: ['admin'] },
  { to: '/audit', label: 'Audit log', roles: ['admin', 'analyst'] },
  { to: '/police-requests', label: 'Police requests', roles: ['admin', 'le_responder'] },
  { to: '/police-officers', label: 'Police officers', roles: ['admin'] },
  { to: '/disclosures', label: 'Disclosure log', roles: ['admin', 'le_responder'] },
  { to: '/account', label: 'Account', roles: ['admin', 'analyst', 'partner_reviewer', 'le_responder'] },
];

export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="header-row">
          <p className="product">caveat console</p>
          <div className="who">
            <span>
              <strong>{user.name}</strong> · {roleLabel[user.role]}
              {user.jurisdiction && <> · {user.jurisdiction}</>}
            </span>
            <button
              type="button"
              className="button-quiet"
              onClick={() => signOut().catch((error: unknown) => setSignOutError(errorMessage(error)))}
            >
              Sign out
            </button>
          </div>
        </div>
        <nav aria-label="Main">
          <ul>
            {links
              .filter((link) => link.roles.includes(user.role))
              .map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to}>
                    {link.label}
                    {link.to === '/police-requests' && <PoliceInboxBadge />}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        {signOutError && (
          <p role="alert" className="alert alert-error">
            Could not sign out: {signOutError}
          </p>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
