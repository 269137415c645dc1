import type { MemberAttendanceHistory } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../components/query-state';
import { formatDateTime } from '../i18n/format';
import { useMemberHistory } from './attendance-api';
import { formatDuration, formatRate } from './attendance-format';
import './attendance.css';

/** /me/attendance (the member's own) and /members/:memberId/attendance (staff, for their units). */
export function MemberHistoryPage() {
  const { t } = useTranslation();
  const { memberId } = useParams();
  const history = useMemberHistory(memberId ?? 'me');
  return (
    <div className="stack" data-testid="attendance-history">
      <QueryState loading={history.isLoading} error={history.error}>
        {history.data && (
          <>
            <h1>
              {memberId
                ? t('attendance.history.title', { name: history.data.fullName })
                : t('attendance.history.mine')}
            </h1>
            <HistoryTable history={history.data} own={!memberId} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function HistoryTable({ history, own }: { history: MemberAttendanceHistory; own: boolean }) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance' });
  const total = history.total;
  if (history.sessions.length === 0) return <p className="empty-state">{t('history.empty')}</p>;
  return (
    <>
      <p data-testid="attendance-history-summary">
        {history.unitName} —{' '}
        {t('history.summary', {
          attending: total.attending,
          required: total.required,
          rate: formatRate(total.rate),
        })}
      </p>
      <div className="table-scroll">
        <table className="attendance-table">
          <thead>
            <tr>
              <th>{t('history.session')}</th>
              <th>{t('history.date')}</th>
              <th>{t('history.result')}</th>
              <th>{t('history.time')}</th>
            </tr>
          </thead>
          <tbody>
            {history.sessions.map((s) => (
              <tr key={s.sessionId} data-testid="attendance-history-row" data-status={s.status}>
                <td>{own ? s.title : <Link to={`/sessions/${s.sessionId}/attendance`}>{s.title}</Link>}</td>
                <td>{formatDateTime(s.startsAt)}</td>
                <td>
                  <span className={`chip status-chip--${s.status}`}>{t(`status.${s.status}`)}</span>
                  {s.excuse && <div className="small">{t(`reasons.${s.excuse.reason}`)}</div>}
                  {!s.locked && <div className="muted small">{t('history.provisional')}</div>}
                </td>
                <td className="num">
                  {formatDuration(s.attendedMs)} ({formatRate(s.share)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
