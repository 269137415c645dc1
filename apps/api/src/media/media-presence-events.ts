import { Injectable } from '@nestjs/common';
import type { MediaSeat, Role } from '@hallbridge/contracts';
import { EventEmitter } from 'node:events';

export interface MediaPresence {
  sessionId: string;
  /** The participant key ('m:…', 'u:…', 's:…'). */
  key: string;
  name: string;
  role: Role | null;
  seat: MediaSeat | null;
  /** Epoch milliseconds, as the media server saw it. */
  at: number;
}

/**
 * Participants joining and leaving the session's media room, from the media server's verified
 * webhooks (a member who only watches video without the live page open is still present).
 * Each event is emitted once even when the server delivers it again.
 */
@Injectable()
export class MediaPresenceEvents extends EventEmitter<{
  joined: [MediaPresence];
  left: [MediaPresence];
}> {}
