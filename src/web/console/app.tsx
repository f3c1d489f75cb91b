import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireRole, RequireSession } from './components/require.js';
import { Layout } from './layout.js';
import { ApiKeysPage } from './admin/api-keys-page.js';
import { AuditPage } from './admin/audit-page.js';
import { JurisdictionsPage } from './admin/jurisdictions-page.js';
import { PartnersPage } from './admin/partners-page.js';
import { IndicatorsPage } from './intelligence/indicators-page.js';
import { OfficialChannelsPage } from './intelligence/official-channels-page.js';
import { RelayPoliciesPage } from './relay/relay-policies-page.js';
import { UsersPage } from './admin/users-page.js';
import { ClusterPage } from './scam-reports/cluster-page.js';
import { ClustersPage } from './scam-reports/clusters-page.js';
import { DisputesPage } from './scam-reports/disputes-page.js';
import { ReportPage } from './scam-reports/report-page.js';
import { ReportsPage } from './scam-reports/reports-page.js';
import { CampaignPage } from './campaign/campaign-page.js';
import { ReviewInboxPage } from './review/inbox-page.js';
import { DraftReviewTab } from './campaign/draft-review-tab.js';
import { HoldsPage } from './decisions/holds-page.js';
import { QuizTab } from './education/quiz-tab.js';
import { CampaignsPage } from './pages/campaigns-page.js';
import { OverviewPage } from './dashboard/overview-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SignInPage } from './pages/signin-page.js';
import { AccountPage, EnrolFirst } from './pages/account-page.js';
import { Loading } from './components/problems.js';
import { useT } from './i18n/index.js';
import { useUser } from './session.js';
import { DisclosuresPage } from './police-requests/disclosures-page.js';
import { PoliceInboxPage } from './police-requests/inbox-page.js';
import { OfficersPage } from './police-requests/officers-page.js';
import { PoliceRequestPage } from './police-requests/request-page.js';

// ECharts is most of the console's weight: load it only when a dashboard is opened.
const DashboardTab = lazy(() =>
  import('./dashboard/dashboard-tab.js').then((m) => ({ default: m.DashboardTab })),
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
