import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { WbpListPage } from '../features/wbp/WbpListPage.tsx';
import { WbpDetailPage } from '../features/wbp/WbpDetailPage.tsx';
import { homePath, useUser } from './auth.tsx';
import { RequireAuth, RequirePermission } from './guards.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RouteError } from './RouteError.tsx';

// Screens most users never open are downloaded only when visited (old PCs, slow links).
const WbpFormPage = lazy(() => import('../features/wbp/WbpFormPage.tsx').then((m) => ({ default: m.WbpFormPage })));
const SdpImportPage = lazy(() => import('../features/imports/SdpImportPage.tsx').then((m) => ({ default: m.SdpImportPage })));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const UsersPage = lazy(() => import('../features/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const OrganizationsPage = lazy(() => import('../features/admin/OrganizationsPage.tsx').then((m) => ({ default: m.OrganizationsPage })));
const AuditPage = lazy(() => import('../features/admin/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const AccountPage = lazy(() => import('../features/auth/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const WorklistPage = lazy(() => import('../features/clinical/WorklistPage.tsx').then((m) => ({ default: m.WorklistPage })));
const NewScreeningPage = lazy(() => import('../features/clinical/NewScreeningPage.tsx').then((m) => ({ default: m.NewScreeningPage })));
const ClinicalPage = lazy(() => import('../features/clinical/ClinicalPage.tsx').then((m) => ({ default: m.ClinicalPage })));
const AssessmentPage = lazy(() => import('../features/clinical/AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })));
const RulesPage = lazy(() => import('../features/settings/RulesPage.tsx').then((m) => ({ default: m.RulesPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
const QualificationsPage = lazy(() => import('../features/settings/QualificationsPage.tsx').then((m) => ({ default: m.QualificationsPage })));
const ProgrammesPage = lazy(() => import('../features/programmes/ProgrammesPage.tsx').then((m) => ({ default: m.ProgrammesPage })));
const PendingPage = lazy(() => import('../features/placement/PendingPage.tsx').then((m) => ({ default: m.PendingPage })));
const RosterPage = lazy(() => import('../features/placement/RosterPage.tsx').then((m) => ({ default: m.RosterPage })));
const RoutinePage = lazy(() => import('../features/routine/RoutinePage.tsx').then((m) => ({ default: m.RoutinePage })));
const SafeguardPage = lazy(() => import('../features/routine/SafeguardPage.tsx').then((m) => ({ default: m.SafeguardPage })));
const TimetablePage = lazy(() => import('../features/timetable/TimetablePage.tsx').then((m) => ({ default: m.TimetablePage })));
const CustodyListPage = lazy(() => import('../features/timetable/CustodyListPage.tsx').then((m) => ({ default: m.CustodyListPage })));
const StaffDayPage = lazy(() => import('../features/timetable/StaffDayPage.tsx').then((m) => ({ default: m.StaffDayPage })));
const AttendancePage = lazy(() => import('../features/timetable/AttendancePage.tsx').then((m) => ({ default: m.AttendancePage })));
const NotesPage = lazy(() => import('../features/notes/NotesPage.tsx').then((m) => ({ default: m.NotesPage })));
const IncidentsPage = lazy(() => import('../features/incidents/IncidentsPage.tsx').then((m) => ({ default: m.IncidentsPage })));
const PtrmPage = lazy(() => import('../features/ptrm/PtrmPage.tsx').then((m) => ({ default: m.PtrmPage })));
const UrineDayPage = lazy(() => import('../features/urine/UrineDayPage.tsx').then((m) => ({ default: m.UrineDayPage })));
const PersonUrinePage = lazy(() => import('../features/urine/PersonUrinePage.tsx').then((m) => ({ default: m.PersonUrinePage })));
const ProgressPage = lazy(() => import('../features/progress/ProgressPage.tsx').then((m) => ({ default: m.ProgressPage })));
const TasksPage = lazy(() => import('../features/progress/TasksPage.tsx').then((m) => ({ default: m.TasksPage })));
const ConferencesPage = lazy(() => import('../features/conferences/ConferencesPage.tsx').then((m) => ({ default: m.ConferencesPage })));
const NewConferencePage = lazy(() => import('../features/conferences/NewConferencePage.tsx').then((m) => ({ default: m.NewConferencePage })));
const ConferencePage = lazy(() => import('../features/conferences/ConferencePage.tsx').then((m) => ({ default: m.ConferencePage })));
const OutcomesPage = lazy(() => import('../features/outcomes/OutcomesPage.tsx').then((m) => ({ default: m.OutcomesPage })));
const RecordPage = lazy(() => import('../features/record/RecordPage.tsx').then((m) => ({ default: m.RecordPage })));
const ReleasesPage = lazy(() => import('../features/aftercare/ReleasesPage.tsx').then((m) => ({ default: m.ReleasesPage })));
const PersonAftercarePage = lazy(() => import('../features/aftercare/PersonAftercarePage.tsx').then((m) => ({ default: m.PersonAftercarePage })));
const AftercareSettingsPage = lazy(() => import('../features/aftercare/AftercareSettingsPage.tsx').then((m) => ({ default: m.AftercareSettingsPage })));
const AftercarePage = lazy(() => import('../features/aftercare/AftercarePage.tsx').then((m) => ({ default: m.AftercarePage })));
const AgreementsPage = lazy(() => import('../features/agreements/AgreementsPage.tsx').then((m) => ({ default: m.AgreementsPage })));
const AgreementFormPage = lazy(() => import('../features/agreements/AgreementFormPage.tsx').then((m) => ({ default: m.AgreementFormPage })));
const AgreementPage = lazy(() => import('../features/agreements/AgreementPage.tsx').then((m) => ({ default: m.AgreementPage })));
const StaffPage = lazy(() => import('../features/staff/StaffPage.tsx').then((m) => ({ default: m.StaffPage })));
const TrainingsPage = lazy(() => import('../features/staff/TrainingsPage.tsx').then((m) => ({ default: m.TrainingsPage })));
const NewTrainingPage = lazy(() => import('../features/staff/NewTrainingPage.tsx').then((m) => ({ default: m.NewTrainingPage })));
const TrainingPage = lazy(() => import('../features/staff/TrainingPage.tsx').then((m) => ({ default: m.TrainingPage })));
const PeerCounsellorsPage = lazy(() => import('../features/staff/PeerCounsellorsPage.tsx').then((m) => ({ default: m.PeerCounsellorsPage })));
const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage.tsx').then((m) => ({ default: m.CampaignsPage })));
const ExportsPage = lazy(() => import('../features/exports/ExportsPage.tsx').then((m) => ({ default: m.ExportsPage })));
const PersonSatusehatPage = lazy(() => import('../features/fhir/PersonSatusehatPage.tsx').then((m) => ({ default: m.PersonSatusehatPage })));

function Home() {
  return <Navigate to={homePath(useUser())} replace />;
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <Layout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Home /> },
          { path: 'wbp', element: <RequirePermission permission="wbp.read"><WbpListPage /></RequirePermission> },
          { path: 'wbp/new', element: <RequirePermission permission="wbp.write"><WbpFormPage /></RequirePermission> },
          { path: 'wbp/:id', element: <RequirePermission permission="wbp.read"><WbpDetailPage /></RequirePermission> },
          { path: 'wbp/:id/edit', element: <RequirePermission permission="wbp.write"><WbpFormPage /></RequirePermission> },
          { path: 'imports/sdp', element: <RequirePermission permission="sdp.import"><SdpImportPage /></RequirePermission> },
          { path: 'dashboard', element: <RequirePermission permission="stats.read"><DashboardPage /></RequirePermission> },
          { path: 'admin/users', element: <RequirePermission permission="user.manage"><UsersPage /></RequirePermission> },
          { path: 'admin/organizations', element: <RequirePermission permission="org.read"><OrganizationsPage /></RequirePermission> },
          { path: 'admin/audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
          { path: 'skrining', element: <RequirePermission permission="screening.write"><WorklistPage /></RequirePermission> },
          { path: 'wbp/:id/skrining/baru', element: <RequirePermission permission="screening.write"><NewScreeningPage /></RequirePermission> },
          { path: 'wbp/:id/klinis', element: <RequirePermission permission="clinical.read"><ClinicalPage /></RequirePermission> },
          { path: 'asesmen/:id', element: <RequirePermission permission="clinical.read"><AssessmentPage /></RequirePermission> },
          { path: 'program', element: <RequirePermission permission="programme.read"><ProgrammesPage /></RequirePermission> },
          { path: 'program/:id/peserta', element: <RequirePermission permission="clinical.read"><RosterPage /></RequirePermission> },
          { path: 'penempatan', element: <RequirePermission permission="clinical.read"><PendingPage /></RequirePermission> },
          { path: 'rutinitas', element: <RequirePermission permission="programme.read"><RoutinePage /></RequirePermission> },
          { path: 'jadwal', element: <RequirePermission permission="timetable.read"><TimetablePage /></RequirePermission> },
          { path: 'jadwal/pengamanan', element: <RequirePermission permission="timetable.custody"><CustodyListPage /></RequirePermission> },
          { path: 'jadwal/harian', element: <RequirePermission permission="timetable.read"><StaffDayPage /></RequirePermission> },
          { path: 'jadwal/sesi/:id/kehadiran', element: <RequirePermission permission="timetable.read"><AttendancePage /></RequirePermission> },
          { path: 'wbp/:id/catatan', element: <RequirePermission permission="notes.read"><NotesPage /></RequirePermission> },
          { path: 'wbp/:id/insiden', element: <RequirePermission permission="clinical.read"><IncidentsPage /></RequirePermission> },
          { path: 'wbp/:id/ptrm', element: <RequirePermission permission="clinical.read"><PtrmPage /></RequirePermission> },
          { path: 'urin', element: <RequirePermission permission="urine.manage"><UrineDayPage /></RequirePermission> },
          { path: 'wbp/:id/urin', element: <RequirePermission permission="clinical.read"><PersonUrinePage /></RequirePermission> },
          { path: 'wbp/:id/kemajuan', element: <RequirePermission permission="clinical.read"><ProgressPage /></RequirePermission> },
          { path: 'tugas', element: <RequirePermission permission="clinical.read"><TasksPage /></RequirePermission> },
          { path: 'konferensi', element: <RequirePermission permission="clinical.read"><ConferencesPage /></RequirePermission> },
          { path: 'konferensi/baru', element: <RequirePermission permission="conference.manage"><NewConferencePage /></RequirePermission> },
          { path: 'konferensi/:id', element: <RequirePermission permission="clinical.read"><ConferencePage /></RequirePermission> },
          { path: 'wbp/:id/hasil', element: <RequirePermission permission="clinical.read"><OutcomesPage /></RequirePermission> },
          { path: 'wbp/:id/perawatan', element: <RequirePermission permission="clinical.read"><RecordPage /></RequirePermission> },
          { path: 'pembebasan', element: <RequirePermission permission="clinical.read"><ReleasesPage /></RequirePermission> },
          { path: 'wbp/:id/pembebasan', element: <RequirePermission permission="clinical.read"><PersonAftercarePage /></RequirePermission> },
          { path: 'wbp/:id/satusehat', element: <RequirePermission permission="clinical.read"><PersonSatusehatPage /></RequirePermission> },
          { path: 'ekspor', element: <RequirePermission permission={['export.research', 'export.sirena', 'fhir.export']}><ExportsPage /></RequirePermission> },
          { path: 'admin/pascarehabilitasi', element: <RequirePermission permission="settings.manage"><AftercareSettingsPage /></RequirePermission> },
          { path: 'pascarehabilitasi', element: <RequirePermission permission="aftercare.read"><AftercarePage /></RequirePermission> },
          { path: 'wbp/:id/pengamanan', element: <RequirePermission permission="wbp.read"><SafeguardPage /></RequirePermission> },
          { path: 'admin/aturan-klasifikasi', element: <RequirePermission permission="rules.manage"><RulesPage /></RequirePermission> },
          { path: 'admin/pengaturan', element: <RequirePermission permission="settings.manage"><SettingsPage /></RequirePermission> },
          { path: 'admin/users/:id/kualifikasi', element: <RequirePermission permission="user.manage"><QualificationsPage /></RequirePermission> },
          { path: 'perjanjian', element: <RequirePermission permission="agreement.read"><AgreementsPage /></RequirePermission> },
          { path: 'staf', element: <RequirePermission permission="staff.read"><StaffPage /></RequirePermission> },
          { path: 'pelatihan', element: <RequirePermission permission="training.read"><TrainingsPage /></RequirePermission> },
          { path: 'pelatihan/baru', element: <RequirePermission permission="training.manage"><NewTrainingPage /></RequirePermission> },
          { path: 'pelatihan/:id', element: <RequirePermission permission="training.read"><TrainingPage /></RequirePermission> },
          { path: 'konselor-sebaya', element: <RequirePermission permission="training.read"><PeerCounsellorsPage /></RequirePermission> },
          { path: 'penyuluhan', element: <RequirePermission permission="campaign.read"><CampaignsPage /></RequirePermission> },
          { path: 'perjanjian/baru', element: <RequirePermission permission="agreement.manage"><AgreementFormPage /></RequirePermission> },
          { path: 'perjanjian/:id', element: <RequirePermission permission="agreement.read"><AgreementPage /></RequirePermission> },
          { path: 'perjanjian/:id/ubah', element: <RequirePermission permission="agreement.manage"><AgreementFormPage /></RequirePermission> },
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
