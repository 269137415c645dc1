import type { LiveSnapshot, Poll } from '@hallbridge/contracts';
import { answerChoices, isCorrect, sameAnswer } from '@hallbridge/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../../live/live-connection';
import { useLiveCommand } from '../hooks/use-live-command';
import { pollKicker } from '../lib/poll-kicker';
import { PollChart } from './poll-chart';
import './poll-answer-card.css';

interface PollAnswerCardProps {
  poll: Poll;
  snapshot: LiveSnapshot;
  connection: LiveConnection | null;
}

/** A member's poll: choose and send, see the answer sent, then results and the quiz verdict when shown. */
export function PollAnswerCard({ poll, snapshot, connection }: PollAnswerCardProps) {
  const { t } = useTranslation();
  const { run, pending, error } = useLiveCommand(connection);
  const mine = snapshot.myAnswers[poll.id] ?? null;
  const [choice, setChoice] = useState<string[] | null>(null);
  const picked = choice ?? mine ?? [];
  const open = poll.status === 'open';
  const canAnswer = open && snapshot.state === 'live' && (!mine || poll.allowChange);
  const tally = snapshot.tallies.find((x) => x.pollId === poll.id);
  const revealed = poll.kind === 'quiz' && poll.resultsVisible && poll.correctOptionIds !== null;
  const correct = revealed && isCorrect(poll, mine);
  const choices = answerChoices(poll);
  const several = poll.severalAnswers;
  const toggle = (id: string) =>
    setChoice(several ? (picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]) : [id]);
  const ready = picked.length > 0 && picked.every((x) => x.trim()) && (!mine || !sameAnswer(picked, mine));
  const label = (id: string) => choices.find((c) => c.id === id)?.label ?? id;

  return (
    <section
      className="live-card poll-card"
      aria-labelledby={`poll-${poll.id}`}
      data-testid="poll-card"
      data-poll-id={poll.id}
      data-status={poll.status}
      tabIndex={-1}
    >
      <p className="live-card__kicker">
        {pollKicker(t, poll)}
        {!open && ` · ${t('live.polls.status.closed')}`}
      </p>
      <h2 id={`poll-${poll.id}`} className="poll-card__question">
        {poll.question}
      </h2>
      {several && canAnswer && <p className="muted small">{t('live.polls.pickSeveral')}</p>}
      {poll.kind === 'text' ? (
        canAnswer && (
          <textarea
            rows={3}
            maxLength={500}
            aria-label={t('live.polls.yourAnswer')}
            value={picked[0] ?? ''}
            onChange={(e) => setChoice([e.target.value])}
            data-testid="poll-text-input"
          />
        )
      ) : (
        <div
          className={`poll-options${poll.kind === 'rating' ? ' poll-options--rating' : ''}`}
          role="group"
          aria-label={t('live.polls.options')}
        >
          {choices.map((c) => {
            const selected = picked.includes(c.id);
            const isRight = revealed && poll.correctOptionIds?.includes(c.id);
            return (
              <button
                key={c.id}
                type="button"
                className={`poll-option${selected ? ' poll-option--selected' : ''}${isRight ? ' poll-option--right' : ''}`}
                aria-pressed={selected}
                disabled={!canAnswer || pending}
                onClick={() => toggle(c.id)}
                data-testid="poll-option"
                data-option={c.id}
                data-mine={mine?.includes(c.id) ? 'true' : 'false'}
              >
                <span className="poll-option__mark" aria-hidden="true">
                  {several ? (selected ? '☑' : '☐') : selected ? '●' : '○'}
                </span>
                <span>{c.label}</span>
              </button>
            );
          })}
        </div>
      )}
      {canAnswer && (
        <button
          type="button"
          className="button button--primary button--large button--block"
          disabled={!ready || pending}
          onClick={() =>
            void run('poll:answer', { pollId: poll.id, answer: picked.map((x) => x.trim()) }).then(
              (ok) => ok && setChoice(null),
            )
          }
          data-testid="poll-submit"
        >
          {mine ? t('live.polls.change') : t('live.polls.send')}
        </button>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {mine && (
        <p className="poll-card__mine" data-testid="poll-my-answer" data-answer={mine.join(',')}>
          {t('live.polls.yourAnswerWas', { answer: mine.map(label).join(', ') })}
        </p>
      )}
      {revealed && (
        <p
          className={`poll-card__verdict poll-card__verdict--${correct ? 'right' : 'wrong'}`}
          data-testid="poll-verdict"
          data-correct={correct}
        >
          {mine ? (correct ? t('live.polls.right') : t('live.polls.wrong')) : t('live.polls.notAnswered')}{' '}
          <span data-testid="quiz-score" data-score={snapshot.myScore}>
            {t('live.polls.score', { score: snapshot.myScore })}
          </span>
        </p>
      )}
      {poll.resultsVisible && tally && (
        <div className="poll-card__results">
          <h3 className="section-title">{t('live.polls.results')}</h3>
          <PollChart poll={poll} tally={tally} />
        </div>
      )}
    </section>
  );
}
