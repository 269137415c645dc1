import { Injectable } from '@nestjs/common';
import type { Participant } from '@hallbridge/contracts';
import { EventEmitter } from 'node:events';

export interface PresenceConnection {
  sessionId: string;
  participant: Participant;
  /** One socket: a person on two devices has two connections. */
  connectionId: string;
  at: number;
  /**
   * On closing only, when the connection died without a goodbye (heartbeat timeout): the last time the
   * client was heard from. Attendance then ends it by the heartbeat rule rather than at `at`.
   */
  lastSeenAt?: number;
}

/**
 * Every live-room connection opening and closing, for attendance capture. A connection that dies
 * without saying goodbye is closed by socket.io's heartbeat (ping timeout) and reported here then.
 */
@Injectable()
export class PresenceEvents extends EventEmitter<{
  opened: [PresenceConnection];
  closed: [PresenceConnection];
}> {}
