import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireRole, RequireSession } from './components/require.js';
import { Layout } from './layout.js';
import { CampaignPage } from './campaign/campaign-page.js';
import { ReviewInboxPage } from './review/inbox-page.js';
import { DraftReviewTab } from './campaign/draft-review-tab.js';
import { CampaignsPage } from './pages/campaigns-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SignInPage } from './pages/signin-page.js';
import { AccountPage, EnrolFirst } from './pages/account-page.js';
import { Loading } from './components/problems.js';
import { useT } from './i18n/index.js';
import { useUser } from './session.js';

// ECharts is most of the console's weight: load it only when a dashboard is opened.
const DashboardTab = lazy(() =>
  import('./dashboard/dashboard-tab.js').then((m) => ({ default: m.DashboardTab })),
);

// What a reviewer and an editor use every day (campaigns, the draft and its review) is in the first
// bundle; each other area loads when first opened, behind the Suspense around the layout's outlet.
const ApiKeysPage = lazy(() => import('./admin/api-keys-page.js').then((m) => ({ default: m.ApiKeysPage })));
const AuditPage = lazy(() => import('./admin/audit-page.js').then((m) => ({ default: m.AuditPage })));
const JurisdictionsPage = lazy(() =>
  import('./admin/jurisdictions-page.js').then((m) => ({ default: m.JurisdictionsPage })),
);
const PartnersPage = lazy(() =>
  import('./admin/partners-page.js').then((m) => ({ default: m.PartnersPage })),
);
const IndicatorsPage = lazy(() =>
  import('./intelligence/indicators-page.js').then((m) => ({ default: m.IndicatorsPage })),
);
const OfficialChannelsPage = lazy(() =>
  import('./intelligence/official-channels-page.js').then((m) => ({ default: m.OfficialChannelsPage })),
);
const RelayPoliciesPage = lazy(() =>
  import('./relay/relay-policies-page.js').then((m) => ({ default: m.RelayPoliciesPage })),
);
const UsersPage = lazy(() => import('./admin/users-page.js').then((m) => ({ default: m.UsersPage })));
const ClusterPage = lazy(() =>
  import('./scam-reports/cluster-page.js').then((m) => ({ default: m.ClusterPage })),
);
const ClustersPage = lazy(() =>
  import('./scam-reports/clusters-page.js').then((m) => ({ default: m.ClustersPage })),
);
const DisputesPage = lazy(() =>
  import('./scam-reports/disputes-page.js').then((m) => ({ default: m.DisputesPage })),
);
const ReportPage = lazy(() =>
  import('./scam-reports/report-page.js').then((m) => ({ default: m.ReportPage })),
);
const ReportsPage = lazy(() =>
  import('./scam-reports/reports-page.js').then((m) => ({ default: m.ReportsPage })),
);
const HoldsPage = lazy(() => import('./decisions/holds-page.js').then((m) => ({ default: m.HoldsPage })));
const QuizTab = lazy(() => import('./education/quiz-tab.js').then((m) => ({ default: m.QuizTab })));
const OverviewPage = lazy(() =>
  import('./dashboard/overview-page.js').then((m) => ({ default: m.OverviewPage })),
);
const DisclosuresPage = lazy(() =>
  import('./police-requests/disclosures-page.js').then((m) => ({ default: m.DisclosuresPage })),
);
const PoliceInboxPage = lazy(() =>
  import('./police-requests/inbox-page.js').then((m) => ({ default: m.PoliceInboxPage })),
);
const OfficersPage = lazy(() =>
  import('./police-requests/officers-page.js').then((m) => ({ default: m.OfficersPage })),
);
const PoliceRequestPage = lazy(() =>
  import('./police-requests/request-page.js').then((m) => ({ default: m.PoliceRequestPage })),
);

/** Where signing in lands: a police responder's work is the police inbox, everyone else's campaigns. */
function Home() {
  const user = useUser();
  return <Navigate to={user.role === 'le_responder' ? '/police-requests' : '/campaigns'} replace />;
}

export function App() {
  const { t } = useT('account');
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<EnrolFirst />}>
          <Route element={<Layout />}>
            <Route index element={<Home />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="review" element={<ReviewInboxPage />} />
            <Route path="campaigns" element={<CampaignsPage />} />
            <Route path="overview" element={<OverviewPage />} />
            <Route path="campaigns/:id" element={<CampaignPage />}>
              <Route index element={<DraftReviewTab />} />
              <Route
                path="dashboard"
                element={
                  <Suspense fallback={<Loading what={t('dashboardWhat')} />}>
                    <DashboardTab />
                  </Suspense>
                }
              />
              <Route path="quiz" element={<QuizTab />} />
            </Route>
            {/* Reviewers read these when the exchange shares its reports; the API decides. */}
            <Route element={<RequireRole roles={['admin', 'analyst', 'partner_reviewer']} />}>
              <Route path="scam-reports" element={<ReportsPage />} />
              <Route path="scam-reports/:id" element={<ReportPage />} />
              <Route path="scam-clusters" element={<ClustersPage />} />
              <Route path="scam-clusters/:id" element={<ClusterPage />} />
            </Route>
            <Route element={<RequireRole roles={['admin', 'analyst']} />}>
              <Route path="audit" element={<AuditPage />} />
              <Route path="disputes" element={<DisputesPage />} />
              <Route path="holds" element={<HoldsPage />} />
            </Route>
            <Route element={<RequireRole roles={['admin', 'le_responder']} />}>
              <Route path="police-requests" element={<PoliceInboxPage />} />
              <Route path="police-requests/:id" element={<PoliceRequestPage />} />
              <Route path="disclosures" element={<DisclosuresPage />} />
            </Route>
            <Route element={<RequireRole roles={['admin']} />}>
              <Route path="police-officers" element={<OfficersPage />} />
              <Route path="jurisdictions" element={<JurisdictionsPage />} />
              <Route path="partners" element={<PartnersPage />} />
              <Route path="official-channels" element={<OfficialChannelsPage />} />
              <Route path="indicators" element={<IndicatorsPage />} />
              <Route path="relay-policies" element={<RelayPoliciesPage />} />
              <Route path="api-keys" element={<ApiKeysPage />} />
              <Route path="users" element={<UsersPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}
