import { Injectable } from '@nestjs/common';
import type { StoredFact } from '@hallbridge/domain';
import { EventEmitter } from 'node:events';

export interface CommittedFacts {
  sessionId: string;
  facts: StoredFact[];
}

/**
 * Facts of a live room once they are stored and broadcast, for features that act on them outside
 * the room (the media bridge grants the microphone when the floor is given).
 */
@Injectable()
export class LiveFactEvents extends EventEmitter<{ committed: [CommittedFacts] }> {}
