import { roomIsOpen } from '@hallbridge/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SiteCheckInSlot } from '../attendance/site-check-in-slot';
import { BrandMark } from '../components/brand-mark';
import { AudienceMediaPanel } from '../media/media-panels';
import { ConnectionStatusBadge, ReconnectBanner } from './components/connection-status';
import { FloorBanner } from './components/floor-banner';
import { FullscreenButton } from './components/fullscreen-button';
import { HandRaiseCard } from './components/hand-raise-card';
import { LiveRoleGate } from './components/live-role-gate';
import { PollChart } from './components/poll-chart';
import { QuestionAskForm } from './components/question-ask-form';
import { RoomClosedNotice } from './components/room-closed-notice';
import { RoomStateNotice } from './components/room-state-notice';
import { SiteCountForm } from './components/site-count-form';
import { SlideView } from './components/slide-view';
import { useAudienceRoom } from './hooks/use-audience-room';
import { pollKicker } from './lib/poll-kicker';
import './live-views.css';
import './live-site-page.css';

/** /site/live/:sessionId — the district room's TV: the slide and stage, the poll with the room's count, the hand. */
export function LiveSitePage() {
  const { sessionId = '' } = useParams();
  return (
    <LiveRoleGate sessionId={sessionId} audience="site">
      <SiteRoom sessionId={sessionId} />
    </LiveRoleGate>
  );
}

function SiteRoom({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { session, view, connection, role, snapshot, deck, poll } = useAudienceRoom(sessionId);
  const tally = poll ? snapshot?.tallies.find((x) => x.pollId === poll.id) : undefined;

  return (
    <div className="site-live" data-testid="live-site">
      <header className="site-live__bar">
        <span className="site-live__brand">
          <BrandMark size={30} />
          <span className="site-live__name" data-testid="site-name">
            {role.principal?.displayName}
          </span>
        </span>
        <span className="site-live__title" data-testid="live-session-title">
          {session?.title}
        </span>
        <span className="site-live__tools">
          {snapshot && (
            <span className="chip" data-testid="presence-count" data-count={snapshot.participantCount}>
              {t('live.presence.count', { count: snapshot.participantCount })}
            </span>
          )}
          <ConnectionStatusBadge status={view.status} tone="dark" />
          <FullscreenButton />
          <Link
            to="/site"
            state={{ stay: true }}
            className="button button--small button--on-dark"
            data-testid="site-back"
          >
            {t('live.site.back')}
          </Link>
        </span>
      </header>
      <ReconnectBanner status={view.status} />
      {view.error ? (
        <RoomClosedNotice error={view.error} />
      ) : !snapshot ? (
        <p className="site-live__joining" role="status">
          {t('live.status.joining')}
        </p>
      ) : (
        <main className="site-live__stage" id="main">
          <div className="site-live__slide">
            <FloorBanner snapshot={snapshot} myKey={role.myKey} />
            <RoomStateNotice state={snapshot.state} />
            <div className="site-live__slide-box">
              <SlideView
                deckId={snapshot.slide.deckId}
                page={snapshot.slide.page}
                deck={deck}
                pointer={view.pointer}
                preload
              />
            </div>
          </div>
          <aside className="site-live__side">
            <div data-testid="stage-video-slot">
              <AudienceMediaPanel sessionId={sessionId} floor={snapshot.floor} />
            </div>
            {poll && (
              <section
                className="live-card site-live__poll"
                data-testid="poll-card"
                data-poll-id={poll.id}
                data-status={poll.status}
              >
                <p className="live-card__kicker">{pollKicker(t, poll)}</p>
                <h2 className="site-live__question">{poll.question}</h2>
                <SiteCountForm key={poll.id} poll={poll} connection={connection} />
                {poll.resultsVisible && tally && <PollChart poll={poll} tally={tally} large />}
              </section>
            )}
            <HandRaiseCard snapshot={snapshot} connection={connection} myKey={role.myKey} forRoom />
            <section className="live-card" aria-labelledby="site-questions">
              <h2 id="site-questions" className="live-card__kicker">
                {t('live.questions.title')}
              </h2>
              <QuestionAskForm snapshot={snapshot} connection={connection} />
            </section>
            <div className="site-live__checkin live-slot" data-testid="checkin-slot">
              <SiteCheckInSlot sessionId={sessionId} open={roomIsOpen(snapshot.state)} />
            </div>
          </aside>
        </main>
      )}
    </div>
  );
}
