import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Layout } from './layout.js';
import { ConfirmPage } from './pages/confirm-page.js';
import { NewRequestPage } from './pages/new-request-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { RequestPage } from './pages/request-page.js';
import { RequestsPage } from './pages/requests-page.js';
import { SecurityPage } from './pages/security-page.js';
import { SignInPage } from './pages/signin-page.js';
import { SignUpPage } from './pages/signup-page.js';
import { useSession } from './session.js';

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/confirm" element={<ConfirmPage />} />
      <Route element={<RequireOfficer />}>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/requests" replace />} />
          <Route path="requests" element={<RequestsPage />} />
          <Route path="requests/new" element={<NewRequestPage />} />
          <Route path="requests/:id" element={<RequestPage />} />
          <Route path="security" element={<SecurityPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

function RequireOfficer() {
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
    // After an expired session, come back here once signed in again; after signing out, start afresh.
    const from = state.left ? undefined : { from: location.pathname + location.search };
    return <Navigate to="/signin" replace state={from} />;
  }
  return <Outlet />;
}
