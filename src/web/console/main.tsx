import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App } from './app.js';
import { SessionProvider } from './session.js';
import './i18n/index.js';
import './styles.css';
// Shared by pages that load on demand (tables as cards, registry values): loaded up front so a page
// that is in the first bundle never lays out without them.
import './intelligence/registry.css';
import './scam-reports/scam-reports.css';
import './police-requests/police-requests.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A data router (not <BrowserRouter>) so that pages can block in-app navigation with useBlocker
// (the draft workspace's unsaved-changes guard). One splat route wraps the whole app: the route
// list stays the <Routes> in app.tsx, which descendant routes under "*" allow.
const router = createBrowserRouter(
  [
    {
      path: '*',
      element: (
        <SessionProvider>
          <App />
        </SessionProvider>
      ),
    },
  ],
  { basename: '/console' },
);

createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
