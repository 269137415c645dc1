import { RoomAudioRenderer, RoomContext, StartAudio } from '@livekit/components-react';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/errors';
import { DeviceCheck } from './device-check';
import { loadDeviceChoices } from './device-choices';
import { FloorJoinPrompt } from './floor-consent';
import { MediaContext } from './media-context';
import { MediaErrorBoundary } from './media-error-boundary';
import { useMediaConnection } from './use-media-connection';
import './media.css';

interface MediaSessionProps {
  sessionId: string;
  /** Keys of those holding the floor, from the live room. */
  floorKeys: readonly string[];
  children: ReactNode;
}

/**
 * The session's audio and video around its children: asks for a join token, shows the device
 * check, then provides the LiveKit room to the media components and plays the audio received.
 * Without a media server it says plainly that audio and video are off.
 */
export function MediaSession({ sessionId, floorKeys, children }: MediaSessionProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { connection, view } = useMediaConnection(sessionId);
  const floorId = floorKeys.join(',');
  const floor = useMemo(() => (floorId ? floorId.split(',') : []), [floorId]);
  useEffect(() => connection.setFloor(floor), [connection, floor]);
  const context = useMemo(() => ({ connection, view, floorKeys: floor }), [connection, view, floor]);
  // Given the floor before joining: join, then speak as soon as the media server allows it.
  const speakOnJoin = useRef(false);
  useEffect(() => {
    if (!speakOnJoin.current || !view.floorOffered) return;
    speakOnJoin.current = false;
    void connection.speak();
  }, [view.floorOffered, connection]);
  const holdsFloor = !!view.join && floor.includes(view.join.identity);

  const box = (content: ReactNode) => (
    <section className="media-session" data-testid="media-session" data-status={view.status}>
      {content}
    </section>
  );

  switch (view.status) {
    case 'disabled':
      return box(
        <p className="alert alert--info" role="status" data-testid="media-disabled">
          {errorText(view.error)}
        </p>,
      );
    case 'error':
      return box(
        <div className="alert alert--warning" role="alert" data-testid="media-error">
          <p>{errorText(view.error)}</p>
          <button type="button" className="button button--small" onClick={() => void connection.prepare()}>
            {t('media.session.retry')}
          </button>
        </div>,
      );
    case 'ready':
      return view.join
        ? box(
            <>
              {holdsFloor && (
                <FloorJoinPrompt
                  onSpeak={() => {
                    speakOnJoin.current = true;
                    void connection.connect({ ...loadDeviceChoices(), camera: false, microphone: true });
                  }}
                />
              )}
              <DeviceCheck
                seat={view.join.seat}
                grants={view.join.grants}
                onJoin={(c) => void connection.connect(c)}
              />
            </>,
          )
        : null;
    case 'ended':
      return view.endedReason === 'closed'
        ? null
        : box(
            <p className="alert alert--warning" role="status" data-testid="media-ended">
              {t(view.endedReason === 'duplicate' ? 'media.session.duplicate' : 'media.session.removed')}
            </p>,
          );
    default:
      break;
  }
  // The media server is away: say so plainly (slides, polls, questions and chat are outside this box
  // and go on); joining is retried in the background and the room comes back by itself.
  const unavailable = (
    <p className="alert alert--warning" role="status" data-testid="media-unavailable">
      {t('media.session.unavailable')}
    </p>
  );
  if (view.status === 'unavailable' && !view.room) return box(unavailable);
  if (!view.room)
    return box(
      <p className="media-session__status muted" role="status" data-testid="media-status">
        {t(view.status === 'reconnecting' ? 'media.session.reconnecting' : 'media.session.connecting')}
      </p>,
    );
  return box(
    <RoomContext.Provider value={view.room}>
      <MediaContext.Provider value={context}>
        {view.status === 'reconnecting' && (
          <p className="media-session__status muted" role="status" data-testid="media-status">
            {t('media.session.reconnecting')}
          </p>
        )}
        {view.status === 'unavailable' && unavailable}
        <MediaErrorBoundary
          fallback={
            <p className="alert alert--warning" role="alert" data-testid="media-failed">
              {t('media.session.failed')}
            </p>
          }
        >
          {children}
        </MediaErrorBoundary>
        <RoomAudioRenderer />
        <StartAudio label={t('media.session.startAudio')} className="button button--primary" />
      </MediaContext.Provider>
    </RoomContext.Provider>,
  );
}
