import type { LiveSnapshot } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../../live/live-connection';
import { useLiveCommand } from '../hooks/use-live-command';

interface HandRaiseCardProps {
  snapshot: LiveSnapshot;
  connection: LiveConnection | null;
  myKey: string | null;
  /** Sites raise the hand for the whole room. */
  forRoom?: boolean;
}

/** Raise or lower one's hand, with an optional one-line topic, and the place in the queue. */
export function HandRaiseCard({ snapshot, connection, myKey, forRoom }: HandRaiseCardProps) {
  const { t } = useTranslation();
  const { run, pending, error } = useLiveCommand(connection);
  const [topic, setTopic] = useState('');
  const index = snapshot.hands.findIndex((h) => h.key === myKey);
  const raised = index >= 0;
  const onFloor = snapshot.floor.some((f) => f.key === myKey);
  const live = snapshot.state === 'live';
  if (onFloor) return null;
  return (
    <section
      className="live-card hand-card"
      aria-labelledby="hand-title"
      data-testid="hand-card"
      data-raised={raised}
    >
      <h2 id="hand-title" className="live-card__kicker">
        {forRoom ? t('live.hands.roomTitle') : t('live.hands.myTitle')}
      </h2>
      {raised ? (
        <>
          <p className="hand-card__place" data-testid="hand-position" data-position={index + 1}>
            {t('live.hands.position', { position: index + 1, count: snapshot.hands.length })}
          </p>
          {snapshot.hands[index]?.topic && <p className="muted">“{snapshot.hands[index]?.topic}”</p>}
        </>
      ) : (
        live && (
          <>
            <label htmlFor="hand-topic" className="visually-hidden">
              {t('live.hands.topic')}
            </label>
            <input
              id="hand-topic"
              value={topic}
              maxLength={140}
              placeholder={t('live.hands.topicPlaceholder')}
              onChange={(e) => setTopic(e.target.value)}
              data-testid="hand-topic-input"
            />
          </>
        )
      )}
      {live ? (
        <button
          type="button"
          className={`button button--large button--block hand-card__button${raised ? '' : ' button--primary'}`}
          disabled={pending}
          aria-pressed={raised}
          onClick={() =>
            void (raised
              ? run('hand:lower', {})
              : run('hand:raise', { topic: topic.trim() || null }).then((ok) => ok && setTopic('')))
          }
          data-testid="hand-button"
          data-raised={raised}
        >
          <span aria-hidden="true">✋</span> {raised ? t('live.hands.lower') : t('live.hands.raise')}
        </button>
      ) : (
        <p className="muted small">{t('live.hands.onlyLive')}</p>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
