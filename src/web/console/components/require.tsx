import { Navigate, Outlet, useLocation } from 'react-router';
import { useDocumentTitle } from '../hooks.js';
import { useSession, useUser } from '../session.js';
import type { Role } from '../types.js';

export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <main id="main" className="centered">
        <p role="status">Checking your session…</p>
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
  useDocumentTitle('Not available');
  return (
    <>
      <h1>Not available for your role</h1>
      <p>This page is for administrators. Ask an administrator of your caveat installation if you need it.</p>
    </>
  );
}
