import type { AttendanceStatusCode, MemberAttendanceRow, SessionAttendance } from '@hallbridge/contracts';
import { AttendanceStatusCode as Statuses } from '@hallbridge/contracts';
import { isPending } from '@hallbridge/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { useCheckOut, useRemoveExcuse } from './attendance-api';
import { formatDuration, formatRate, statusKey } from './attendance-format';
import { ExcuseDialog } from './excuse-dialog';
import { TickDialog } from './tick-dialog';

/** Everyone in the caller's scope with their status, and the marks a secretary makes by hand. */
export function MemberTable({ report }: { report: SessionAttendance }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<AttendanceStatusCode | ''>('');
  const [search, setSearch] = useState('');
  const [excusing, setExcusing] = useState<MemberAttendanceRow | null>(null);
  const [unexcusing, setUnexcusing] = useState<MemberAttendanceRow | null>(null);
  const [ticking, setTicking] = useState<MemberAttendanceRow | null>(null);
  const removeExcuse = useRemoveExcuse(report.sessionId);
  const checkOut = useCheckOut(report.sessionId);
  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase(i18n.language);
    return report.members.filter(
      (m) =>
        (!status || m.status === status) &&
        (!needle || m.fullName.toLocaleLowerCase(i18n.language).includes(needle)),
    );
  }, [report.members, status, search, i18n.language]);
  const editable = !report.locked && report.state !== 'cancelled';
  return (
    <section className="panel stack" aria-labelledby="attendance-members-title">
      <h2 id="attendance-members-title">{t('attendance.page.members')}</h2>
      <div className="toolbar" role="search">
        <FormField label={t('attendance.page.filter')}>
          {(a11y) => (
            <select
              {...a11y}
              value={status}
              onChange={(e) => setStatus(e.target.value as AttendanceStatusCode | '')}
              data-testid="attendance-filter"
            >
              <option value="">{t('attendance.page.allStatuses')}</option>
              {Statuses.options
                .filter((s) => report.window.provisional || !isPending(s))
                .map((s) => (
                  <option key={s} value={s}>
                    {t(statusKey(s, report.window.provisional))}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        <FormField label={t('attendance.page.search')} className="toolbar__grow">
          {(a11y) => (
            <input
              {...a11y}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="attendance-search"
            />
          )}
        </FormField>
      </div>
      <ErrorAlert error={removeExcuse.error ?? checkOut.error} />
      {rows.length === 0 ? (
        <p className="empty-state">{t('attendance.page.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="attendance-table" data-testid="attendance-members">
            <thead>
              <tr>
                <th>{t('attendance.export.columns.fullName')}</th>
                <th>{t('attendance.export.columns.unit')}</th>
                <th>{t('attendance.export.columns.status')}</th>
                <th>{t('attendance.export.columns.attended')}</th>
                {editable && <th>{t('attendance.page.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr
                  key={m.memberId}
                  data-testid="attendance-member"
                  data-member={m.fullName}
                  data-status={m.status}
                >
                  <td>
                    {m.fullName}
                    {!m.required && (
                      <span className="chip chip--status-exempt small"> {t('attendance.page.exempt')}</span>
                    )}
                    {m.connected && (
                      <div className="muted small">
                        {m.checkIn
                          ? t('attendance.page.inRoom', { site: m.checkIn.siteName })
                          : t('attendance.page.connected')}
                      </div>
                    )}
                  </td>
                  <td>{m.unitName}</td>
                  <td>
                    <span className={`chip status-chip--${m.status}`}>
                      {t(statusKey(m.status, report.window.provisional))}
                    </span>
                    {m.siteName && m.where === 'site' && <div className="muted small">{m.siteName}</div>}
                    {m.lateMinutes > 0 && (
                      <div className="muted small">
                        {t('attendance.page.lateBy', { minutes: m.lateMinutes })}
                      </div>
                    )}
                    {m.leftEarly && (
                      <div className="muted small">
                        {t('attendance.page.leftEarlyBy', { minutes: m.leftEarlyMinutes })}
                      </div>
                    )}
                    {m.excuse && (
                      <div className="small" data-testid="attendance-excuse">
                        {t('attendance.page.excusedBy', {
                          reason:
                            t(`attendance.reasons.${m.excuse.reason}`) +
                            (m.excuse.note ? ` (${m.excuse.note})` : ''),
                          by: m.excuse.markedBy,
                        })}
                      </div>
                    )}
                  </td>
                  <td className="num">
                    {t('attendance.page.attendedFor', {
                      duration: formatDuration(m.attendedMs),
                      share: formatRate(m.share),
                    })}
                  </td>
                  {editable && (
                    <td className="nowrap">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setExcusing(m)}
                        data-testid="attendance-excuse-open"
                      >
                        {m.excuse ? t('attendance.page.editExcuse') : t('attendance.page.excuse')}
                      </button>
                      {m.excuse && (
                        <button
                          type="button"
                          className="button button--small button--ghost"
                          onClick={() => setUnexcusing(m)}
                        >
                          {t('attendance.page.removeExcuse')}
                        </button>
                      )}
                      {m.checkIn ? (
                        <button
                          type="button"
                          className="button button--small button--ghost"
                          onClick={() => checkOut.mutate(m.checkIn!.id)}
                        >
                          {t('attendance.page.checkOut')}
                        </button>
                      ) : (
                        report.sites.length > 0 && (
                          <button
                            type="button"
                            className="button button--small button--ghost"
                            onClick={() => setTicking(m)}
                            data-testid="attendance-tick-open"
                          >
                            {t('attendance.page.tick')}
                          </button>
                        )
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {excusing && (
        <ExcuseDialog sessionId={report.sessionId} member={excusing} onClose={() => setExcusing(null)} />
      )}
      {unexcusing && (
        <ConfirmDialog
          title={t('attendance.excuse.removeTitle', { name: unexcusing.fullName })}
          message={t('attendance.excuse.removeMessage')}
          confirmLabel={t('attendance.page.removeExcuse')}
          askReason
          pending={removeExcuse.isPending}
          error={removeExcuse.error}
          onConfirm={(why) =>
            removeExcuse.mutate(
              { memberId: unexcusing.memberId, why: why || undefined },
              { onSuccess: () => setUnexcusing(null) },
            )
          }
          onClose={() => setUnexcusing(null)}
        />
      )}
      {ticking && <TickDialog report={report} member={ticking} onClose={() => setTicking(null)} />}
    </section>
  );
}
