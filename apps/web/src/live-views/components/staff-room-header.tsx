import type { LiveSnapshot, StudySession } from '@hallbridge/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '../../components/state-badge';
import type { ConnectionStatus } from '../../live/live-connection';
import { ConnectionStatusBadge } from './connection-status';

interface StaffRoomHeaderProps {
  session: StudySession;
  snapshot: LiveSnapshot | null;
  status: ConnectionStatus;
  /** What the viewer does here ("presenting", "running the room", "watching"). */
  roleLabel: string;
  actions?: ReactNode;
}

/** The title bar of the presenter's and organiser's views. */
export function StaffRoomHeader({ session, snapshot, status, roleLabel, actions }: StaffRoomHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="staff-room__header">
      <div className="staff-room__title">
        <Link to={`/sessions/${session.id}`} className="back-link small">
          <span aria-hidden="true">← </span>
          {t('live.backToSession')}
        </Link>
        <h1 data-testid="live-session-title">{session.title}</h1>
        <p className="staff-room__meta">
          <StateBadge state={snapshot?.state ?? session.state} />
          <ConnectionStatusBadge status={status} />
          <span className="chip" data-testid="presence-count" data-count={snapshot?.participantCount ?? 0}>
            {t('live.presence.count', { count: snapshot?.participantCount ?? 0 })}
          </span>
          <span className="chip chip--committee" data-testid="room-role">
            {roleLabel}
          </span>
        </p>
      </div>
      {actions && <div className="staff-room__actions">{actions}</div>}
    </header>
  );
}
