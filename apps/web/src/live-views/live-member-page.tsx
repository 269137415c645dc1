import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CheckInFrom } from '../attendance/member-check-in-page';
import { BrandMark } from '../components/brand-mark';
import { LanguageSwitch } from '../components/language-switch';
import { AudienceMediaPanel } from '../media/media-panels';
import { ChatPanel } from './components/chat-panel';
import { ConnectionStatusBadge, ReconnectBanner } from './components/connection-status';
import { FloorBanner } from './components/floor-banner';
import { HandRaiseCard } from './components/hand-raise-card';
import { LiveRoleGate } from './components/live-role-gate';
import { NewPollPointer } from './components/new-poll-pointer';
import { PollAnswerCard } from './components/poll-answer-card';
import { QuestionAskForm } from './components/question-ask-form';
import { QuestionList } from './components/question-list';
import { RoomClosedNotice } from './components/room-closed-notice';
import { RoomStateNotice } from './components/room-state-notice';
import { SlideView } from './components/slide-view';
import { useAudienceRoom } from './hooks/use-audience-room';
import { useLiveCommand } from './hooks/use-live-command';
import './live-views.css';
import './live-member-page.css';

/** /live/:sessionId — a member on a phone: the slide, the open poll, the hand, questions and chat. */
export function LiveMemberPage() {
  const { sessionId = '' } = useParams();
  return (
    <LiveRoleGate sessionId={sessionId} audience="member">
      <MemberRoom sessionId={sessionId} />
    </LiveRoleGate>
  );
}

function MemberRoom({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { session, view, connection, role, snapshot, deck, poll } = useAudienceRoom(sessionId);
  const votes = useLiveCommand(connection);

  return (
    <div className="member-live" data-testid="live-member">
      <header className="member-live__top">
        <div className="member-live__bar">
          <Link
            to={`/me/sessions/${sessionId}`}
            className="member-live__brand"
            aria-label={t('live.backToSession')}
          >
            <BrandMark size={26} />
          </Link>
          <ConnectionStatusBadge status={view.status} tone="dark" />
          <LanguageSwitch tone="dark" />
        </div>
        <p className="member-live__title" data-testid="live-session-title">
          {session?.title ?? t('common.appName')}
        </p>
        <ReconnectBanner status={view.status} />
      </header>
      {view.error ? (
        <RoomClosedNotice error={view.error}>
          <Link to="/me" className="button button--primary button--large">
            {t('me.allSessions')}
          </Link>
        </RoomClosedNotice>
      ) : !snapshot ? (
        <p className="member-live__joining muted" role="status">
          {t('live.status.joining')}
        </p>
      ) : (
        <main className="member-live__main" id="main">
          <FloorBanner snapshot={snapshot} myKey={role.myKey} />
          <RoomStateNotice state={snapshot.state} />
          <AudienceMediaPanel sessionId={sessionId} floor={snapshot.floor} />
          <div className="member-live__slide">
            <SlideView
              deckId={snapshot.slide.deckId}
              page={snapshot.slide.page}
              deck={deck}
              pointer={view.pointer}
              preload
            />
            <p className="member-live__meta small">
              <span
                data-testid="slide-page-indicator"
                data-page={snapshot.slide.page}
                data-pages={deck?.pageCount ?? 0}
              >
                {deck?.pageCount
                  ? t('live.slides.pageOf', { page: snapshot.slide.page, count: deck.pageCount })
                  : ''}
              </span>
              <span data-testid="presence-count" data-count={snapshot.participantCount}>
                {t('live.presence.count', { count: snapshot.participantCount })}
              </span>
              {snapshot.myScore > 0 && (
                <span className="chip chip--ok" data-testid="my-score" data-score={snapshot.myScore}>
                  {t('live.polls.score', { score: snapshot.myScore })}
                </span>
              )}
            </p>
          </div>
          {poll && <PollAnswerCard key={poll.id} poll={poll} snapshot={snapshot} connection={connection} />}
          <NewPollPointer poll={poll} answered={!!poll && !!snapshot.myAnswers[poll.id]} />
          <HandRaiseCard snapshot={snapshot} connection={connection} myKey={role.myKey} />
          {snapshot.state === 'live' && (
            <Link
              to="/checkin"
              state={{ back: `/live/${sessionId}` } satisfies CheckInFrom}
              className="button button--ghost button--block"
              data-testid="live-check-in"
            >
              {t('live.checkIn')}
            </Link>
          )}
          <section className="live-card" aria-labelledby="member-questions">
            <h2 id="member-questions" className="live-card__kicker">
              {t('live.questions.title')}
            </h2>
            <QuestionAskForm snapshot={snapshot} connection={connection} />
            {votes.error && (
              <p className="alert alert--error" role="alert">
                {votes.error}
              </p>
            )}
            <QuestionList
              questions={snapshot.questions}
              myVotes={snapshot.myVotes}
              myQuestions={snapshot.myQuestions}
              disabled={votes.pending}
              onVote={(q, vote) => void votes.run('question:vote', { questionId: q.id, vote })}
              large
            />
          </section>
          {snapshot.settings.chatEnabled && (
            <ChatPanel
              snapshot={snapshot}
              connection={connection}
              myKey={role.myKey}
              moderate={false}
              large
            />
          )}
        </main>
      )}
    </div>
  );
}
