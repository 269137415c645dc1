import type { Participant } from '@hallbridge/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/sessions';
import { QueryState } from '../../components/query-state';
import { SessionActionsBar } from '../../components/session-actions-bar';
import { useLiveRoom } from '../../live/use-live-room';
import { HallMediaPanel } from '../../media/media-panels';
import { useLiveCommand } from '../hooks/use-live-command';
import { useRoomRole } from '../hooks/use-room-role';
import { useSessionDecks } from '../hooks/use-session-decks';
import { useSlideDriver } from '../hooks/use-slide-driver';
import { ChatPanel } from './chat-panel';
import { DeckPickerPanel } from './deck-picker-panel';
import { HandQueuePanel } from './hand-queue-panel';
import { PollLauncherPanel } from './poll-launcher-panel';
import { PresenterSlideStage } from './presenter-slide-stage';
import { QuestionPanel } from './question-panel';
import { RoomClosedNotice } from './room-closed-notice';
import { SlideHandoverControl } from './slide-handover-control';
import { StaffRoomHeader } from './staff-room-header';
import '../live-views.css';
import './staff-room.css';

interface StaffRoomWorkspaceProps {
  sessionId: string;
  /** Panels only the organiser's console has (presence by branch, attendance). */
  consolePanels?: (ctx: {
    participants: Participant[];
    count: number;
    /** Organisers and those running the room see who is there; others only the count. */
    detailed: boolean;
  }) => ReactNode;
}

/**
 * What the presenter and the organiser share: slides with notes and controls, decks, polls, hands
 * and the floor, Q&A and chat. Controls show for those who run the room; others watch.
 */
export function StaffRoomWorkspace({ sessionId, consolePanels }: StaffRoomWorkspaceProps) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  const { view, connection } = useLiveRoom(sessionId);
  const role = useRoomRole(session.data);
  const decks = useSessionDecks(sessionId, view.deckVersion);
  const slides = useLiveCommand(connection);
  const driver = useSlideDriver(view.snapshot, decks.data ?? [], role, slides.run);
  const snapshot = view.snapshot;
  const s = session.data;
  const roleLabel = role.presents
    ? t('live.role.presenting')
    : role.runs
      ? t('live.role.running')
      : t('live.role.watching');

  if (view.error) return <RoomClosedNotice error={view.error} />;
  return (
    <QueryState loading={session.isLoading} error={session.error}>
      {s && (
        <div
          className="staff-room"
          data-testid={consolePanels ? 'live-console' : 'live-presenter'}
          data-runs={role.runs}
        >
          <StaffRoomHeader
            session={s}
            snapshot={snapshot}
            status={view.status}
            roleLabel={roleLabel}
            actions={<SessionActionsBar sessionId={s.id} />}
          />
          {!role.runs && (
            <p className="alert alert--info" data-testid="watch-only">
              {t('live.role.watchingHint')}
            </p>
          )}
          {slides.error && (
            <p className="alert alert--error" role="alert" data-testid="slide-error">
              {slides.error}
            </p>
          )}
          {!snapshot ? (
            <p className="muted" role="status">
              {t('live.status.joining')}
            </p>
          ) : (
            <div className="staff-room__grid">
              <div className="staff-room__main stack">
                <PresenterSlideStage
                  driver={driver}
                  connection={connection}
                  pointer={view.pointer}
                  runs={role.runs}
                />
                <SlideHandoverControl
                  session={s}
                  driver={driver}
                  myUserId={role.principal?.userId ?? null}
                  canHandOver={driver.canDrive}
                  run={slides.run}
                  pending={slides.pending}
                />
                <DeckPickerPanel
                  sessionId={sessionId}
                  decks={decks.data ?? []}
                  loadError={decks.error}
                  driver={driver}
                  canManage={role.runs}
                />
                <PollLauncherPanel snapshot={snapshot} connection={connection} canRun={role.runs} />
              </div>
              <div className="staff-room__side stack">
                <HallMediaPanel sessionId={sessionId} floor={snapshot.floor} runs={role.runs} />
                {consolePanels?.({
                  participants: snapshot.participants,
                  count: snapshot.participantCount,
                  detailed: role.isOrganiser || role.runs,
                })}
                <HandQueuePanel snapshot={snapshot} connection={connection} canRun={role.runs} />
                <QuestionPanel snapshot={snapshot} connection={connection} canRun={role.runs} />
                <ChatPanel
                  snapshot={snapshot}
                  connection={connection}
                  myKey={role.myKey}
                  moderate={role.runs}
                />
              </div>
            </div>
          )}
        </div>
      )}
    </QueryState>
  );
}
