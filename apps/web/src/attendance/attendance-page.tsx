import type { SessionAttendance } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { download } from '../api/http';
import { useSession } from '../api/sessions';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { sessionExportPath, useAttendance } from './attendance-api';
import { AttendanceLockBar } from './attendance-lock-bar';
import { AttendancePanel } from './attendance-panel';
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
      <ExportButtons sessionId={report.sessionId} />
      <AttendancePanel report={report} />
      <MemberTable report={report} />
    </div>
  );
}

function ExportButtons({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.exports' });
  const [error, setError] = useState<unknown>(null);
  const get = (kind: 'csv' | 'xlsx', name: string) => {
    setError(null);
    download(sessionExportPath(sessionId, kind), name).catch(setError);
  };
  return (
    <section className="stack stack--tight" aria-label={t('title')}>
      <div className="attendance-toolbar">
        <strong>{t('title')}</strong>
        <button
          type="button"
          className="button button--small"
          onClick={() => get('csv', t('csvFile'))}
          data-testid="attendance-export-csv"
        >
          {t('csv')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => get('xlsx', t('xlsxFile'))}
          data-testid="attendance-export-xlsx"
        >
          {t('xlsx')}
        </button>
        <PrintButton sessionId={sessionId} onError={setError} />
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}

/** The printable report needs the bearer token, so it is fetched and opened as a page of its own. */
function PrintButton({ sessionId, onError }: { sessionId: string; onError: (e: unknown) => void }) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.exports' });
  return (
    <button
      type="button"
      className="button button--small"
      data-testid="attendance-export-print"
      onClick={() => {
        const tab = window.open('', '_blank');
        void import('./print-report')
          .then(({ openPrintable }) => openPrintable(sessionExportPath(sessionId, 'html'), tab))
          .catch((e) => {
            tab?.close();
            onError(e);
          });
      }}
    >
      {t('print')}
    </button>
  );
}
