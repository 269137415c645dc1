import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { useMediaParticipants, useMuteAll, useMuteParticipant, useRemoveParticipant } from './media-api';

/** For those who run the session: who is in the media room, and mute one, mute all, remove one. */
export function MediaModeration({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const participants = useMediaParticipants(sessionId);
  const mute = useMuteParticipant(sessionId);
  const muteAll = useMuteAll(sessionId);
  const remove = useRemoveParticipant(sessionId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const list = (participants.data ?? []).filter((p) => p.seat !== 'stage');
  return (
    <section
      className="media-moderation"
      data-testid="media-moderation"
      aria-labelledby="media-moderation-title"
    >
      <header className="media-moderation__bar">
        <h2 id="media-moderation-title">{t('media.moderation.title', { count: list.length })}</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => muteAll.mutate({})}
          disabled={muteAll.isPending || list.length === 0}
          data-testid="media-mute-all"
        >
          {t('media.moderation.muteAll')}
        </button>
      </header>
      <ErrorAlert error={participants.error ?? mute.error ?? muteAll.error ?? remove.error} />
      <ul className="media-moderation__list">
        {list.map((p) => {
          const microphone = p.tracks.find((track) => track.source === 'microphone');
          return (
            <li key={p.identity} data-testid="media-participant" data-identity={p.identity}>
              <span className="media-moderation__name">
                {p.name}
                {p.unitName ? <small> · {p.unitName}</small> : null}
              </span>
              <span className="media-moderation__state">
                {microphone
                  ? microphone.muted
                    ? t('media.moderation.muted')
                    : t('media.moderation.live')
                  : t('media.moderation.silent')}
              </span>
              {microphone && !microphone.muted && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => mute.mutate({ identity: p.identity })}
                  data-testid="media-mute"
                >
                  {t('media.moderation.mute')}
                </button>
              )}
              {confirming === p.identity ? (
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => remove.mutate(p.identity, { onSettled: () => setConfirming(null) })}
                  data-testid="media-remove-confirm"
                >
                  {t('media.moderation.removeConfirm')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--small button--danger-text"
                  onClick={() => setConfirming(p.identity)}
                  data-testid="media-remove"
                >
                  {t('media.moderation.remove')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
