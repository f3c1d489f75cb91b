import { Navigate, Outlet, useLocation } from 'react-router';
import { useDocumentTitle } from '../hooks.js';
import { useT } from '../i18n/index.js';
import { useSession, useUser } from '../session.js';
import type { Role } from '../types.js';

export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  const { t } = useT('account');
  if (state.status === 'loading') {
    return (
      <main id="main" className="centered">
        <p role="status">{t('checkingSession')}</p>
      </main>
    );
  }
  if (state.status === 'signed-out') {
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

export function RequireRole({ roles }: { roles: Role[] }) {
  const user = useUser();
  return roles.includes(user.role) ? <Outlet /> : <NotForRole />;
}

function NotForRole() {
  const { t } = useT('account');
  useDocumentTitle(t('notForRole.title'));
  return (
    <>
      <h1>{t('notForRole.heading')}</h1>
      <p>{t('notForRole.body')}</p>
    </>
  );
}
