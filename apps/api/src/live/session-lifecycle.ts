import { Injectable } from '@nestjs/common';
import type { SessionState } from '@hallbridge/contracts';
import { EventEmitter } from 'node:events';

export interface SessionStateChange {
  sessionId: string;
  state: SessionState;
  actorKey: string;
}

/** Tells the live rooms (and attendance) when the REST state machine moves a session. */
@Injectable()
export class SessionLifecycle extends EventEmitter<{ state: [SessionStateChange] }> {}
