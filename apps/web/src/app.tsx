import { Navigate, Route, Routes } from 'react-router';
import { AttendancePage } from './attendance/attendance-page';
import { MemberCheckInPage } from './attendance/member-check-in-page';
import { MemberHistoryPage } from './attendance/member-history-page';
import { SiteCheckInPage } from './attendance/site-check-in-page';
import { UnitSummaryPage } from './attendance/unit-summary-page';
import { usePrincipal } from './auth/auth-store';
import { RequireStaff } from './auth/require-staff';
import { homeOf } from './auth/roles';
import { MemberLayout } from './layouts/member-layout';
import { LiveConsolePage } from './live-views/live-console-page';
import { LiveMemberPage } from './live-views/live-member-page';
import { LivePresenterPage } from './live-views/live-presenter-page';
import { LiveSitePage } from './live-views/live-site-page';
import { StaffLayout } from './layouts/staff-layout';
import { EvaluationPage } from './evaluation/evaluation-page';
import { MemberFeedbackPage } from './feedback/member-feedback-page';
import { PresenterFeedbackPage } from './feedback/presenter-feedback-page';
import { SessionFeedbackPage } from './feedback/session-feedback-page';
import { ConnectionPage } from './network/connection-page';
import { MemberReflectionPage } from './reflections/member-reflection-page';
import { ReflectionReviewPage } from './reflections/reflection-review-page';
import { ReflectionsPage } from './reflections/reflections-page';
import { AccountsPage } from './pages/accounts-page';
import { AuditPage } from './pages/audit-page';
import { JoinPage } from './pages/join-page';
import { MePage } from './pages/me-page';
import { MeSessionPage } from './pages/me-session-page';
import { PersonalLinkPage } from './notifications/personal-link-page';
import { MemberProgrammePage } from './programmes/member-programme-page';
import { ProgrammePage } from './programmes/programme-page';
import { ProgrammesOverviewPage } from './programmes/programmes-overview-page';
import { NotFoundPage } from './pages/not-found-page';
import { RosterPage } from './pages/roster-page';
import { SessionDetailPage } from './pages/session-detail-page';
import { SessionEditorPage } from './pages/session-editor-page';
import { SessionsPage } from './pages/sessions-page';
import { SetupPage } from './pages/setup-page';
import { SignInPage } from './pages/sign-in-page';
import { SitePage } from './pages/site-page';
import { SitesPage } from './pages/sites-page';
import { UnitsPage } from './pages/units-page';

function Home() {
  return <Navigate to={homeOf(usePrincipal())} replace />;
}

export function App() {
  return (
    <Routes>
      <Route index element={<Home />} />
      <Route path="setup" element={<SetupPage />} />
      <Route path="sign-in" element={<SignInPage />} />
      <Route path="j/:token" element={<JoinPage />} />
      <Route path="p" element={<PersonalLinkPage />} />
      <Route path="p/:code" element={<PersonalLinkPage />} />
      <Route path="site" element={<SitePage />} />
      <Route path="site/checkin/:sessionId" element={<SiteCheckInPage />} />
      <Route path="checkin" element={<MemberCheckInPage />} />
      <Route path="checkin/:code" element={<MemberCheckInPage />} />
      <Route path="site/live/:sessionId" element={<LiveSitePage />} />
      <Route path="live/:sessionId" element={<LiveMemberPage />} />
      <Route path="live/:sessionId/present" element={<LivePresenterPage />} />
      <Route path="live/:sessionId/console" element={<LiveConsolePage />} />
      <Route path="me" element={<MemberLayout />}>
        <Route index element={<MePage />} />
        <Route path="sessions/:id" element={<MeSessionPage />} />
        <Route path="attendance" element={<MemberHistoryPage />} />
        <Route path="sessions/:id/reflection" element={<MemberReflectionPage />} />
        <Route path="sessions/:id/programme" element={<MemberProgrammePage />} />
        <Route path="sessions/:id/feedback" element={<MemberFeedbackPage />} />
      </Route>
      <Route element={<RequireStaff />}>
        <Route element={<StaffLayout />}>
          <Route path="sessions" element={<SessionsPage />} />
          <Route path="sessions/:id" element={<SessionDetailPage />} />
          <Route path="sessions/:id/feedback" element={<SessionFeedbackPage />} />
          <Route element={<RequireStaff roles={['organiser']} />}>
            <Route path="sessions/new" element={<SessionEditorPage />} />
            <Route path="sessions/:id/edit" element={<SessionEditorPage />} />
            <Route path="units" element={<UnitsPage />} />
            <Route path="accounts" element={<AccountsPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="settings/connection" element={<ConnectionPage />} />
            <Route path="feedback/presenters/:id" element={<PresenterFeedbackPage />} />
          </Route>
          <Route element={<RequireStaff roles={['organiser', 'secretary']} />}>
            <Route path="roster" element={<RosterPage />} />
            <Route path="sites" element={<SitesPage />} />
            <Route path="sessions/:id/attendance" element={<AttendancePage />} />
            <Route path="members/:memberId/attendance" element={<MemberHistoryPage />} />
            <Route path="attendance/units" element={<UnitSummaryPage />} />
            <Route path="evaluation" element={<EvaluationPage />} />
            <Route path="sessions/:id/reflections" element={<ReflectionsPage />} />
            <Route path="reflections/:id" element={<ReflectionReviewPage />} />
            <Route path="sessions/:id/programmes" element={<ProgrammesOverviewPage />} />
            <Route path="sessions/:id/programmes/:unitId" element={<ProgrammePage />} />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
