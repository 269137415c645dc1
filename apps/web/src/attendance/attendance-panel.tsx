import type { MemberAttendanceRow, SessionAttendance } from '@hallbridge/contracts';
import { isPending } from '@hallbridge/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatTime } from '../i18n/format';
import { BranchRateChart } from './branch-rate-chart';
import { formatRate, statusKey } from './attendance-format';
import './attendance.css';

const LIST_LIMIT = 12;

/** Required members not here now and not excused: not arrived yet, away for now, or absent. */
export const missingMembers = (report: SessionAttendance) =>
  report.members.filter(
    (m) => m.required && !m.connected && !m.excuse && (m.status === 'absent' || isPending(m.status)),
  );

/**
 * The live panel for the organiser and each secretary: the rate against the target, each branch on a
 * chart, who is missing and who is excused. The caller keeps `report` fresh (polling).
 */
export function AttendancePanel({ report, detailsTo }: { report: SessionAttendance; detailsTo?: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.panel' });
  const total = report.total;
  const missing = missingMembers(report);
  const excused = report.members.filter((m) => m.excuse && m.status === 'excused');
  return (
    <section
      className="panel stack attendance-panel"
      aria-labelledby="attendance-panel-title"
      data-testid="attendance-panel"
    >
      <div className="panel__header">
        <h2 id="attendance-panel-title">{t('title')}</h2>
        <span className="muted small" data-testid="attendance-reading">
          {report.locked
            ? t('locked', { time: formatTime(report.lockedAt ?? report.computedAt) })
            : report.window.provisional
              ? t('provisional', { time: formatTime(report.computedAt) })
              : t('final')}
        </span>
      </div>
      <div className="attendance-headline">
        <div>
          <p className="attendance-headline__rate" data-testid="attendance-rate" data-rate={total.rate ?? ''}>
            {formatRate(total.rate)}
          </p>
          <p className="muted small">{t('rate')}</p>
        </div>
        <ul className="plain-list attendance-headline__facts">
          <li data-testid="attendance-attending">
            {t('attending', {
              attending: formatNumber(total.attending),
              required: formatNumber(total.required),
            })}
          </li>
          <li>
            {total.targetPercent === null ? t('noTarget') : t('target', { target: total.targetPercent })}
          </li>
          {total.meetsTarget !== null && (
            <li
              className={total.meetsTarget ? 'attendance-ok' : 'attendance-short'}
              data-testid="attendance-target"
            >
              {total.meetsTarget ? t('meets') : t('short', { count: total.shortOfTarget })}
            </li>
          )}
          {report.window.provisional && <li>{t('connectedNow', { count: total.connectedNow })}</li>}
          {total.pending > 0 && (
            <li data-testid="attendance-pending">{t('pendingCount', { count: total.pending })}</li>
          )}
          <li>{t('excusedCount', { count: total.excused })}</li>
          {total.voluntary > 0 && <li>{t('voluntary', { count: total.voluntary })}</li>}
          {report.guestTotal > 0 && <li>{t('guests', { count: report.guestTotal })}</li>}
          {total.rateExcludingExcused !== null && (
            <li className="muted small">
              {t('rateExcludingExcused', { rate: formatRate(total.rateExcludingExcused) })}
            </li>
          )}
        </ul>
      </div>
      <BranchRateChart branches={report.branches} />
      <div className="attendance-lists">
        <NameList
          title={t('missing', { count: missing.length })}
          hint={t('missingHint')}
          empty={t('nobodyMissing')}
          members={missing}
          testId="attendance-missing"
          statusIn={report}
        />
        <NameList
          title={t('excused', { count: excused.length })}
          empty={t('nobodyExcused')}
          members={excused}
          testId="attendance-excused"
          reason
        />
      </div>
      {detailsTo && (
        <Link to={detailsTo} className="button button--small" data-testid="attendance-details">
          {t('details')}
        </Link>
      )}
    </section>
  );
}

function NameList(props: {
  title: string;
  hint?: string;
  empty: string;
  members: MemberAttendanceRow[];
  testId: string;
  reason?: boolean;
  /** Shows each member's status in this report. */
  statusIn?: SessionAttendance;
}) {
  const { t } = useTranslation();
  const shown = props.members.slice(0, LIST_LIMIT);
  return (
    <div data-testid={props.testId} data-count={props.members.length}>
      <h3 className="section-title">{props.title}</h3>
      {props.hint && <p className="muted small">{props.hint}</p>}
      {props.members.length === 0 ? (
        <p className="muted small">{props.empty}</p>
      ) : (
        <ul className="plain-list attendance-names">
          {shown.map((m) => (
            <li key={m.memberId} data-member={m.fullName}>
              <span>{m.fullName}</span> <span className="muted small">{m.unitName}</span>
              {props.statusIn && (
                <span className="small"> — {t(statusKey(m.status, props.statusIn.window.provisional))}</span>
              )}
              {props.reason && m.excuse && (
                <span className="small"> — {t(`attendance.reasons.${m.excuse.reason}`)}</span>
              )}
            </li>
          ))}
          {props.members.length > shown.length && (
            <li className="muted small">
              {t('attendance.panel.more', { count: props.members.length - shown.length })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
