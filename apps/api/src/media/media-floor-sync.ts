import { mediaGrants, sameGrants } from '@hallbridge/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RoomFact } from '@hallbridge/domain';
import { LiveFactEvents } from '../live/live-fact-events';
import { LiveRooms } from '../live/live-rooms';
import { MEDIA_BACKEND, type MediaBackend } from './media-backend';

/**
 * Keeps what each participant may send in the media room in line with the live room's floor:
 * giving the floor grants the microphone (and camera), taking it back revokes them, which makes
 * the media server unpublish the tracks. A participant who is not connected yet gets the grant in
 * their join token; one who connects in between is caught up when their join webhook arrives.
 */
@Injectable()
export class MediaFloorSync {
  private readonly logger = new Logger('MediaFloor');
  /** One chain per session, so a grant and a quick revoke reach the media server in order. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    @Inject(MEDIA_BACKEND) private readonly backend: MediaBackend,
    private readonly rooms: LiveRooms,
    facts: LiveFactEvents,
  ) {
    if (backend.kind === 'disabled') return;
    facts.on('committed', ({ sessionId, facts: stored }) => {
      for (const { fact } of stored) {
        const keys = affectedKeys(fact);
        if (keys === 'everyone') this.enqueue(sessionId, () => this.reconcileAll(sessionId));
        else for (const key of keys) this.enqueue(sessionId, () => this.reconcile(sessionId, key));
      }
    });
  }

  /** Brings one participant's grants in line with the floor now; false when not connected. */
  async reconcile(sessionId: string, key: string): Promise<boolean> {
    const participant = await this.backend.participant(sessionId, key);
    // Without our metadata the participant did not join with a HallBridge token: not ours to manage.
    if (!participant?.seat) return false;
    const floor = (await this.rooms.open(sessionId)).room.floor.find((f) => f.key === key) ?? null;
    const wanted = mediaGrants(participant.seat, floor);
    if (sameGrants(wanted, { publish: participant.publish, subscribe: true })) return true;
    return this.backend.setGrants(sessionId, key, wanted);
  }

  /** Waits until the changes queued for a session so far have reached the media server. */
  settled(sessionId: string): Promise<void> {
    return this.queues.get(sessionId) ?? Promise.resolve();
  }

  enqueue(sessionId: string, run: () => Promise<unknown>): void {
    const next = (this.queues.get(sessionId) ?? Promise.resolve()).then(run).then(
      () => undefined,
      (error) => this.logger.warn(`media grants of ${sessionId}: ${(error as Error).message}`),
    );
    this.queues.set(sessionId, next);
    void next.then(() => {
      if (this.queues.get(sessionId) === next) this.queues.delete(sessionId);
    });
  }

  /** After the session leaves `live` the floor is empty: anyone still allowed to speak loses it. */
  private async reconcileAll(sessionId: string): Promise<void> {
    const participants = await this.backend.participants(sessionId);
    for (const p of participants)
      if (p.seat && p.seat !== 'stage') await this.reconcile(sessionId, p.identity);
  }
}

function affectedKeys(fact: RoomFact): string[] | 'everyone' {
  switch (fact.type) {
    case 'floor.granted':
      return [fact.participant.key];
    case 'floor.revoked':
      return [fact.key];
    case 'session.state':
      return fact.state === 'live' ? [] : 'everyone';
    default:
      return [];
  }
}
