import type { StudySession } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../i18n/format';
import { sessionTimeRange } from '../lib/session-time';
import { StateBadge } from './state-badge';
import './session-list.css';

interface Props {
  sessions: StudySession[];
  /** Where a session links to: the staff detail page or the member's view. */
  hrefOf: (s: StudySession) => string;
  testId?: string;
  compact?: boolean;
}

const dayFormat = (iso: string, lang: string, part: 'day' | 'month') =>
  new Intl.DateTimeFormat(
    lang === 'en' ? 'en-GB' : 'vi-VN',
    part === 'day' ? { day: '2-digit' } : { month: 'short' },
  ).format(new Date(iso));

export function SessionList({ sessions, hrefOf, testId = 'session-list', compact }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <ul className={`session-list${compact ? ' session-list--compact' : ''}`} data-testid={testId}>
      {sessions.map((s) => {
        const invitedMembers = s.invitedUnits.reduce((sum, u) => sum + u.memberCount, 0);
        return (
          <li key={s.id}>
            <Link
              to={hrefOf(s)}
              className={`session-card session-card--${s.state}`}
              data-testid="session-item"
              data-session-id={s.id}
            >
              <span className="session-card__date" aria-hidden="true">
                <span className="session-card__day">{dayFormat(s.startsAt, i18n.language, 'day')}</span>
                <span className="session-card__month">{dayFormat(s.startsAt, i18n.language, 'month')}</span>
              </span>
              <span className="session-card__body">
                <span className="session-card__title">{s.title}</span>
                {s.topic && <span className="session-card__topic">{s.topic}</span>}
                <span className="session-card__meta">
                  <span>{sessionTimeRange(s.startsAt, s.endsAt)}</span>
                  <span>{t(`sessionMode.${s.mode}`)}</span>
                  {!compact && <span>{t('sessions.hostedBy', { unit: s.hostUnitName })}</span>}
                  {!compact && (
                    <span>
                      {t('sessions.invitedSummary', {
                        units: formatNumber(s.invitedUnits.length),
                        members: formatNumber(invitedMembers),
                      })}
                    </span>
                  )}
                </span>
              </span>
              <StateBadge state={s.state} />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
