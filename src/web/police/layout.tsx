import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { errorMessage } from './api.js';
import { useOfficer, useSession } from './session.js';

const links = [
  { to: '/requests', label: 'My agency’s requests', end: true },
  { to: '/requests/new', label: 'New request', end: true },
  { to: '/security', label: 'Sign-in security', end: true },
];

export function Layout() {
  const officer = useOfficer();
  const { signOut } = useSession();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="header-row">
          <p className="product">caveat police portal</p>
          <div className="who">
            <span>
              <strong>{officer.name}</strong> · {officer.agencyName}
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
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
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
