import { Injectable } from '@nestjs/common';
import { tallyPoll, tallyVisible } from '@hallbridge/domain';
import { LiveBroadcaster } from './live-broadcaster';
import type { RoomRuntime } from './room-runtime';

const TALLY_EVERY_MS = 150;

/**
 * Poll tallies go out at most every 150 ms per room, whatever the rate of answers: staff always,
 * everyone else once results are shown. They travel outside the sequence (a newer one replaces).
 */
@Injectable()
export class TallyCoalescer {
  constructor(private readonly broadcaster: LiveBroadcaster) {}

  schedule(runtime: RoomRuntime, pollId: string): void {
    runtime.pendingTallies.add(pollId);
    if (runtime.tallyTimer) return;
    runtime.tallyTimer = setTimeout(() => {
      runtime.tallyTimer = null;
      const room = runtime.room;
      for (const id of runtime.pendingTallies) {
        const poll = room.polls.get(id);
        if (!poll) continue;
        const tally = tallyPoll(poll, room.answers.get(id), room.siteCounts.get(id));
        this.broadcaster.emit({ sessionId: room.sessionId, audience: 'staff' }, 'live:tally', tally);
        if (tallyVisible(poll, 'public'))
          this.broadcaster.emit({ sessionId: room.sessionId, audience: 'public' }, 'live:tally', tally);
      }
      runtime.pendingTallies.clear();
    }, TALLY_EVERY_MS);
  }
}
