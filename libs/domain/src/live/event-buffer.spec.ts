import type { LiveEvent, LiveSnapshot } from '@hallbridge/contracts';
import { EventBuffer } from './event-buffer';
import { actors, draft, liveRoom } from './live-room.factory';
import { projectFact, snapshotFor } from './projection';
import { applyLiveEvent } from './snapshot-reducer';
import type { RoomFact } from './room-facts';

const slide = (seq: number, page: number): LiveEvent => ({
  seq,
  at: seq,
  type: 'slide.changed',
  slide: { deckId: 'd', page, controllerUserId: null },
});

describe('sequence and catch-up', () => {
  it('returns only the events after the client’s last sequence number', () => {
    const buffer = new EventBuffer(3);
    for (let seq = 1; seq <= 5; seq++) buffer.push(seq, slide(seq, seq), seq === 4 ? null : slide(seq, seq));
    expect(buffer.since(5, 5, 'public')).toEqual([]);
    expect(buffer.since(3, 5, 'public')!.map((e) => e.seq)).toEqual([5]);
    expect(buffer.since(3, 5, 'staff')!.map((e) => e.seq)).toEqual([4, 5]);
    expect(buffer.since(2, 5, 'staff')!.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(buffer.since(1, 5, 'staff')).toBeNull();
    expect(buffer.since(9, 5, 'staff')).toBeNull();
  });

  it('brings a client that missed events to exactly the server’s view', () => {
    const { room, run } = liveRoom();
    const buffer = new EventBuffer();
    const record = (facts: RoomFact[], from: number) =>
      facts.forEach((fact, i) => {
        const seq = from + i + 1;
        const pub = projectFact(room, fact, 'public');
        const staff = projectFact(room, fact, 'staff');
        buffer.push(seq, staff && { ...staff, seq, at: seq }, pub && { ...pub, seq, at: seq });
      });
    // A member connected at the start holds this snapshot; then it drops.
    let member: LiveSnapshot = snapshotFor(room, { key: 'm:an', audience: 'public' });
    // run() decides and applies like the server; the buffer gets the same facts, numbered alike.
    const play = (fn: () => RoomFact[]) => {
      const before = room.seq;
      record(fn(), before);
    };
    play(() => run(actors.presenter, 'slide:go', { deckId: 'deck-1', page: 2 }));
    play(() => run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) }));
    play(() => run(actors.presenter, 'poll:open', { pollId: 'id1' }));
    play(() => run(actors.binh, 'hand:raise', { topic: 'Hỏi về nghị quyết' }));
    play(() => run(actors.binh, 'question:ask', { text: 'Khi nào có tài liệu?', anonymous: false }));

    for (const event of buffer.since(member.seq, room.seq, 'public')!) member = applyLiveEvent(member, event);
    const server = snapshotFor(room, { key: 'm:an', audience: 'public' });
    expect(member).toEqual({ ...server, tallies: member.tallies });
    expect(member.slide.page).toBe(2);
    expect(member.polls.map((p) => p.status)).toEqual(['open']);
    // Replaying an event twice changes nothing.
    const again = buffer.since(0, room.seq, 'public')!.reduce(applyLiveEvent, member);
    expect(again).toBe(member);
  });
});
