import { Injectable } from '@nestjs/common';
import type { LiveEvent } from '@hallbridge/contracts';
import {
  participantIds,
  projectFact,
  quizScore,
  type Audience,
  type RoomFact,
  type StoredFact,
} from '@hallbridge/domain';
import { LiveBroadcaster } from './live-broadcaster';
import { LiveFactEvents } from './live-fact-events';
import type { RoomRuntime } from './room-runtime';
import { TallyCoalescer } from './tally-coalescer';

/**
 * How stored facts were learnt: `committed` by this instance (everyone is told), `heard` from the
 * instance that committed them (which has told everyone), `read` from the log because a message
 * was missed (this instance's sockets may have missed the broadcast too: they are told; clients
 * drop an event they already have by its sequence number), `loaded` when the room is built.
 */
export type FactSource = 'committed' | 'heard' | 'read' | 'loaded';

/**
 * Turns stored facts into what clients see: folds them into the room, projects each for the two
 * audiences, keeps the projections for catching up, broadcasts them, and the side effects
 * (personal updates, coalesced tallies, quiz points) of facts this instance committed.
 */
@Injectable()
export class RoomEvents {
  constructor(
    private readonly broadcaster: LiveBroadcaster,
    private readonly tallies: TallyCoalescer,
    private readonly factEvents: LiveFactEvents,
  ) {}

  /** This instance's round, stored: everyone hears of it. */
  commit(runtime: RoomRuntime, stored: StoredFact[]): void {
    this.replay(runtime, stored, 'committed');
    this.afterCommit(
      runtime,
      stored.map((s) => s.fact),
    );
    this.factEvents.emit('committed', { sessionId: runtime.room.sessionId, facts: stored });
  }

  /**
   * Applies facts in sequence order, skipping those already applied. Returns false at a gap (a
   * fact missing before these): the caller reads what is missing from the log.
   */
  replay(runtime: RoomRuntime, entries: StoredFact[], source: FactSource): boolean {
    const sessionId = runtime.room.sessionId;
    for (const entry of entries) {
      if (entry.seq <= runtime.room.seq) continue;
      if (entry.seq !== runtime.room.seq + 1 && source !== 'loaded') return false;
      runtime.applyStored(entry);
      const project = (audience: Audience): LiveEvent | null => {
        const body = projectFact(runtime.room, entry.fact, audience);
        return body && { ...body, seq: entry.seq, at: entry.at };
      };
      const staff = project('staff');
      const everyoneElse = project('public');
      runtime.buffer.push(entry.seq, staff, everyoneElse);
      if (source === 'committed' || source === 'read') {
        const emit = source === 'committed' ? 'emit' : 'emitLocal';
        if (staff) this.broadcaster[emit]({ sessionId, audience: 'staff' }, 'live:event', staff);
        if (everyoneElse)
          this.broadcaster[emit]({ sessionId, audience: 'public' }, 'live:event', everyoneElse);
      }
    }
    return true;
  }

  /** Side effects of facts beyond their events: tallies, personal updates, quiz points. */
  private afterCommit(runtime: RoomRuntime, facts: RoomFact[]): void {
    const sessionId = runtime.room.sessionId;
    for (const fact of facts) {
      switch (fact.type) {
        case 'poll.answered':
          this.broadcaster.emit({ sessionId, participant: fact.key }, 'live:personal', {
            type: 'answer',
            pollId: fact.pollId,
            answer: fact.answer,
          });
          this.tallies.schedule(runtime, fact.pollId);
          break;
        case 'poll.site-counted':
        case 'poll.opened':
          this.tallies.schedule(runtime, fact.pollId);
          break;
        case 'poll.results':
          this.tallies.schedule(runtime, fact.pollId);
          if (runtime.room.polls.get(fact.pollId)?.kind === 'quiz') this.sendScores(runtime);
          break;
        case 'question.asked':
          this.broadcaster.emit({ sessionId, participant: fact.author.key }, 'live:personal', {
            type: 'asked',
            questionId: fact.questionId,
          });
          break;
        case 'question.voted':
          this.broadcaster.emit({ sessionId, participant: fact.key }, 'live:personal', {
            type: 'vote',
            questionId: fact.questionId,
            voted: fact.vote,
          });
          break;
        default:
          break;
      }
    }
  }

  private sendScores(runtime: RoomRuntime): void {
    const room = runtime.room;
    for (const key of room.participants.keys())
      if (participantIds(key).memberId)
        this.broadcaster.emit({ sessionId: room.sessionId, participant: key }, 'live:personal', {
          type: 'score',
          score: quizScore(room.polls.values(), room.answers, key),
        });
  }
}
