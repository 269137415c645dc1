import type { SessionAttendance } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../api/sessions';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { sessionExportPath, useAttendance } from './attendance-api';
import { AttendanceLockBar } from './attendance-lock-bar';
import { AttendancePanel } from './attendance-panel';
import { ExportButtons } from './export-buttons';
import { MemberTable } from './attendance-member-table';
import './attendance.css';

/** /sessions/:id/attendance — the organiser's whole session, a secretary's own branch. */
export function AttendancePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession(id);
  const report = useAttendance(id);
  return (
    <>
      <PageHeader
        title={t('attendance.title')}
        subtitle={
          session.data
            ? `${session.data.title} — ${t('attendance.page.subtitle')}`
            : t('attendance.page.subtitle')
        }
        actions={
          <div className="attendance-toolbar">
            <Link to={`/sessions/${id}`} className="button button--ghost">
              {t('attendance.page.back')}
            </Link>
            <AttendanceLockBar sessionId={id} />
          </div>
        }
      />
      <QueryState loading={report.isLoading} error={report.error}>
        {report.data && <AttendanceBody report={report.data} />}
      </QueryState>
    </>
  );
}

function AttendanceBody({ report }: { report: SessionAttendance }) {
  const { t } = useTranslation();
  return (
    <div className="stack stack--loose" data-testid="attendance-page" data-locked={report.locked}>
      {report.locked && <p className="alert alert--info">{t('attendance.page.lockedNotice')}</p>}
      <ExportButtons pathFor={(kind) => sessionExportPath(report.sessionId, kind)} printable />
      <AttendancePanel report={report} />
      <MemberTable report={report} />
    </div>
  );
}
