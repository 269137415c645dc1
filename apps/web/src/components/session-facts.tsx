import type { StudySession } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../i18n/format';
import { sessionTimeRange } from '../lib/session-time';
import './session-facts.css';

/** The session's record as a description list; members see the short form. */
export function SessionFacts({ session: s, full = true }: { session: StudySession; full?: boolean }) {
  const { t } = useTranslation();
  const rules = s.attendanceRules;
  return (
    <dl className="facts" data-testid="session-facts">
      {s.topic && (
        <div>
          <dt>{t('sessions.form.topic')}</dt>
          <dd data-testid="session-topic-value">{s.topic}</dd>
        </div>
      )}
      <div>
        <dt>{t('sessions.detail.time')}</dt>
        <dd data-testid="session-time">{sessionTimeRange(s.startsAt, s.endsAt)}</dd>
      </div>
      <div>
        <dt>{t('sessions.form.mode')}</dt>
        <dd>{t(`sessionMode.${s.mode}`)}</dd>
      </div>
      <div>
        <dt>{t('sessions.form.hostUnit')}</dt>
        <dd>{s.hostUnitName}</dd>
      </div>
      <div>
        <dt>{t('sessions.form.presenters')}</dt>
        <dd>
          {s.presenters.length
            ? s.presenters.map((p) => p.displayName).join(', ')
            : t('sessions.detail.noPresenters')}
        </dd>
      </div>
      {full && (
        <div>
          <dt>{t('sessions.form.invitedUnits')}</dt>
          <dd>
            {s.invitedUnits.length === 0 ? (
              t('sessions.detail.noInvitations')
            ) : (
              <ul className="plain-list" data-testid="session-invited">
                {s.invitedUnits.map((u) => (
                  <li key={u.unitId}>
                    {u.name}{' '}
                    <span className="muted">
                      ({t('units.memberCount', { count: formatNumber(u.memberCount) })})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      )}
      {full && (
        <div>
          <dt>{t('sessions.form.rules')}</dt>
          <dd>
            {t('sessions.detail.rulesSummary', {
              share: formatNumber(Math.round(rules.presentShare * 100)),
              late: formatNumber(rules.lateGraceMinutes),
              early: formatNumber(rules.leftEarlyToleranceMinutes),
            })}
          </dd>
        </div>
      )}
      {full && s.startedAt && (
        <div>
          <dt>{t('sessions.detail.startedAt')}</dt>
          <dd>{formatDateTime(s.startedAt)}</dd>
        </div>
      )}
      {full && s.endedAt && (
        <div>
          <dt>{t('sessions.detail.endedAt')}</dt>
          <dd>{formatDateTime(s.endedAt)}</dd>
        </div>
      )}
      {full && s.attendanceClosedAt && (
        <div>
          <dt>{t('sessions.detail.attendanceClosedAt')}</dt>
          <dd>{formatDateTime(s.attendanceClosedAt)}</dd>
        </div>
      )}
      {s.cancelledAt && (
        <div>
          <dt>{t('sessions.detail.cancelledAt')}</dt>
          <dd>
            {formatDateTime(s.cancelledAt)}
            {s.cancelReason && ` — ${s.cancelReason}`}
          </dd>
        </div>
      )}
      {s.description && (
        <div className="facts__wide">
          <dt>{t('sessions.form.description')}</dt>
          <dd className="prewrap">{s.description}</dd>
        </div>
      )}
    </dl>
  );
}
