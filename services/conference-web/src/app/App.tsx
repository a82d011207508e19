import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { LangProvider, useLang } from '../i18n/lang';
import { SessionProvider, useSession } from '../session/session';
import { Layout } from './Layout';
import { thisYear } from './years';

// Each page is its own chunk: the sign-in page and the shell load first, charts only where they are drawn.
const pages = {
  signIn: () => import('../pages/sign-in/SignInPage'),
  conference: () => import('../pages/conference/ConferencePage'),
  screen: () => import('../pages/screen/ScreenPage'),
  province: () => import('../pages/provinces/ProvincePage'),
  projectList: () => import('../pages/projects/ProjectListPage'),
  project: () => import('../pages/projects/ProjectPage'),
  floorPlan: () => import('../pages/fairs/FloorPlanPage'),
  watchlist: () => import('../pages/watchlist/WatchlistPage'),
  verify: () => import('../pages/verify/VerifyPage'),
  awardRounds: () => import('../pages/awards/AwardRoundsPage'),
  awardRound: () => import('../pages/awards/RoundPage'),
  awardScoring: () => import('../pages/awards/ScoringPage'),
  clusterList: () => import('../pages/clusters/ClusterListPage'),
  cluster: () => import('../pages/clusters/ClusterPage'),
  clusterReports: () => import('../pages/clusters/ClusterReportsPage'),
  reportCompleteness: () => import('../pages/periodic-reports/CompletenessPage'),
  periodicReports: () => import('../pages/periodic-reports/PeriodicReportsPage'),
  periodicReport: () => import('../pages/periodic-reports/PeriodicReportPage'),
  notifications: () => import('../pages/periodic-reports/NotificationsPage'),
};
const SignInPage = lazy(pages.signIn);
const ConferencePage = lazy(pages.conference);
const ScreenPage = lazy(pages.screen);
const ProvincePage = lazy(pages.province);
const ProjectListPage = lazy(pages.projectList);
const ProjectPage = lazy(pages.project);
const FloorPlanPage = lazy(pages.floorPlan);
const WatchlistPage = lazy(pages.watchlist);
const VerifyPage = lazy(pages.verify);
const AwardRoundsPage = lazy(pages.awardRounds);
const AwardRoundPage = lazy(pages.awardRound);
const AwardScoringPage = lazy(pages.awardScoring);
const ClusterListPage = lazy(pages.clusterList);
const ClusterPage = lazy(pages.cluster);
const ClusterReportsPage = lazy(pages.clusterReports);
const CompletenessPage = lazy(pages.reportCompleteness);
const PeriodicReportsPage = lazy(pages.periodicReports);
const PeriodicReportPage = lazy(pages.periodicReport);
const NotificationsPage = lazy(pages.notifications);

// The first page's chunk is fetched while the session is checked, not after (a hall's first load).
const firstPath = window.location.pathname;
if (firstPath === '/' || firstPath.startsWith('/conferences/')) void pages.conference();
else if (firstPath.startsWith('/screen/')) void pages.screen();

function Loading() {
  const { t } = useLang();
  return (
    <p className="loading" role="status">
      {t('Đang tải…', 'Loading…')}
    </p>
  );
}

/** Pages behind the session: the sign-in page until there is one, then back where the reader was going. */
function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Layout>{children}</Layout>;
}

/** Keeps <html lang> on the reader's language (screen readers, hyphenation), from the first render on. */
function DocumentLang() {
  const { lang } = useLang();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return null;
}

/** Everything but the hall screen: the session, the sign-in page and the pages behind it. */
function SessionRoutes() {
  const signedIn = (page: ReactNode) => <RequireSession>{page}</RequireSession>;
  return (
    <SessionProvider>
      <Routes>
        <Route index element={<Navigate to={`/conferences/national/${thisYear()}`} replace />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="conferences/national/:year" element={signedIn(<ConferencePage level="national" />)} />
        <Route
          path="conferences/regional/:region/:year"
          element={signedIn(<ConferencePage level="regional" />)}
        />
        <Route path="provinces/:code" element={signedIn(<ProvincePage />)} />
        <Route path="projects" element={signedIn(<ProjectListPage />)} />
        <Route path="projects/:id" element={signedIn(<ProjectPage />)} />
        <Route path="fairs/:id/floor-plan" element={signedIn(<FloorPlanPage />)} />
        <Route path="watchlist" element={signedIn(<WatchlistPage />)} />
        <Route path="awards" element={signedIn(<AwardRoundsPage />)} />
        <Route path="awards/:roundId" element={signedIn(<AwardRoundPage />)} />
        <Route path="awards/:roundId/scoring" element={signedIn(<AwardScoringPage />)} />
        <Route path="clusters" element={signedIn(<ClusterListPage />)} />
        <Route path="clusters/:id" element={signedIn(<ClusterPage />)} />
        <Route path="cluster-reports" element={signedIn(<ClusterReportsPage />)} />
        <Route path="periodic-reports" element={signedIn(<PeriodicReportsPage />)} />
        <Route path="periodic-reports/completeness" element={signedIn(<CompletenessPage />)} />
        <Route path="periodic-reports/:id" element={signedIn(<PeriodicReportPage />)} />
        <Route path="notifications" element={signedIn(<NotificationsPage />)} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </SessionProvider>
  );
}

export function App() {
  return (
    <LangProvider>
      <DocumentLang />
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            {/* The hall screen's link is its only credential: it never asks for, nor touches, a session. */}
            <Route path="/screen/:token" element={<ScreenPage />} />
            {/* Anyone checks a certificate (its printed QR code opens this page): no session. */}
            <Route path="/verify" element={<VerifyPage />} />
            <Route path="/verify/:number" element={<VerifyPage />} />
            <Route path="/*" element={<SessionRoutes />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </LangProvider>
  );
}
