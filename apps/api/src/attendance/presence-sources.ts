import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PresenceEvents, type PresenceConnection } from '../live/presence-events';
import { MediaPresenceEvents, type MediaPresence } from '../media/media-presence-events';

/** One connection opening or closing, whatever carried it. */
export interface PresenceSignal {
  sessionId: string;
  /** Participant key: m:<member>, u:<user>, s:<site>. */
  key: string;
  name: string | null;
  /** Unique within its source (a socket id, a media participant). */
  connectionId: string;
  at: number;
  /** Closing only: the last sign of life of a connection that died without a goodbye. */
  lastSeenAt?: number;
}

export interface PresenceSink {
  opened(signal: PresenceSignal): void;
  closed(signal: PresenceSignal): void;
}

/**
 * Something that tells attendance when participants connect and disconnect. Each source names the
 * intervals it produces (`socket`, `media`); the recorder stores them apart and merging happens when
 * attendance is computed, so a member on the live page and in the video room counts once.
 */
export interface PresenceSource {
  readonly name: string;
  /** Time credited after the last sign of life of a connection that died silently (one heartbeat). */
  readonly silentGraceMs: number;
  /** Starts delivering signals to `sink`; returns how to stop. */
  attach(sink: PresenceSink): () => void;
}

export const PRESENCE_SOURCES = Symbol('PRESENCE_SOURCES');

/** Live-room sockets (the live page on a phone or PC, and the rooms' screens). */
export function socketPresence(events: PresenceEvents, pingIntervalMs: number): PresenceSource {
  return {
    name: 'socket',
    silentGraceMs: pingIntervalMs,
    attach(sink) {
      const opened = (c: PresenceConnection) =>
        sink.opened({
          sessionId: c.sessionId,
          key: c.participant.key,
          name: c.participant.name,
          connectionId: c.connectionId,
          at: c.at,
        });
      const closed = (c: PresenceConnection) =>
        sink.closed({
          sessionId: c.sessionId,
          key: c.participant.key,
          name: c.participant.name,
          connectionId: c.connectionId,
          at: c.at,
          ...(c.lastSeenAt === undefined ? {} : { lastSeenAt: c.lastSeenAt }),
        });
      events.on('opened', opened);
      events.on('closed', closed);
      return () => {
        events.off('opened', opened);
        events.off('closed', closed);
      };
    },
  };
}

/**
 * The media room (LiveKit participant joined/left webhooks). A media server keeps one connection per
 * identity in a room, so the participant key names the connection.
 */
export function mediaPresence(events: MediaPresenceEvents): PresenceSource {
  return {
    name: 'media',
    silentGraceMs: 0,
    attach(sink) {
      const toSignal = (p: MediaPresence): PresenceSignal => ({
        sessionId: p.sessionId,
        key: p.key,
        name: p.name,
        connectionId: p.key,
        at: p.at,
      });
      const joined = (p: MediaPresence) => sink.opened(toSignal(p));
      const left = (p: MediaPresence) => sink.closed(toSignal(p));
      events.on('joined', joined);
      events.on('left', left);
      return () => {
        events.off('joined', joined);
        events.off('left', left);
      };
    },
  };
}

/** Every source attendance listens to; a new one is one more entry here. */
export const presenceSourcesProvider: Provider = {
  provide: PRESENCE_SOURCES,
  inject: [APP_CONFIG, PresenceEvents, MediaPresenceEvents],
  useFactory: (config: AppConfig, live: PresenceEvents, media: MediaPresenceEvents): PresenceSource[] => [
    socketPresence(live, config.livePing.intervalMs),
    mediaPresence(media),
  ],
};
