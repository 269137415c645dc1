import { type Audience, projectFact, snapshotFor } from './projection';
import { actors, draft, liveRoom } from './live-room.factory';
import { applyFact } from './room-state';
import { applyLiveEvent } from './snapshot-reducer';

describe('the browser’s reducer after the session ends', () => {
  // The server's fold closes the open poll, lowers the hands and clears the floor when the session
  // stops being live; the event carries only the new state, so the reducer must do the same.
  it.each<[Audience, string]>([
    ['public', 'm:an'],
    ['staff', 'u:pres'],
  ])('reaches the server’s view (%s)', (audience, key) => {
    const { room, run } = liveRoom();
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) });
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    run(actors.binh, 'hand:raise', { topic: 'Hỏi về nghị quyết' });
    run(actors.an, 'hand:raise', { topic: null });
    run(actors.presenter, 'floor:grant', { key: 'm:binh', withCamera: false });
    const before = snapshotFor(room, { key, audience });
    expect(before.polls.map((p) => p.status)).toEqual(['open']);
    expect(before.floor).toHaveLength(1);
    expect(before.hands).toHaveLength(1);

    const at = 9_000_000;
    const fact = { type: 'session.state', state: 'ended' } as const;
    const seq = room.seq + 1;
    applyFact(room, { seq, at, actorKey: 'u:org', fact });
    const body = projectFact(room, fact, audience)!;
    const after = applyLiveEvent(before, { ...body, seq, at });

    expect(after).toEqual({ ...snapshotFor(room, { key, audience }), tallies: after.tallies });
    expect(after.polls).toEqual([expect.objectContaining({ status: 'closed', closedAt: at })]);
    expect(after.hands).toEqual([]);
    expect(after.floor).toEqual([]);
  });
});
