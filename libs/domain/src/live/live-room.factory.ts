import type { LiveCommand, LiveCommandName, PollDraft } from '@hallbridge/contracts';
import { decide, type DecideContext } from './decide';
import type { LiveActor } from './live-actor';
import { applyFact, createRoom, type RoomState } from './room-state';

/** Test data for live rooms: actors, a room and a helper that decides and applies like the server. */
export const actors = {
  presenter: {
    key: 'u:pres',
    role: 'presenter',
    name: 'Lê Báo Cáo',
    unitName: 'Tỉnh ủy',
    unitId: 'P',
    userId: 'pres',
    siteId: null,
    isStaff: true,
  },
  presenter2: {
    key: 'u:pres2',
    role: 'presenter',
    name: 'Võ Diễn Giả',
    unitName: 'Tỉnh ủy',
    unitId: 'P',
    userId: 'pres2',
    siteId: null,
    isStaff: true,
  },
  organiser: {
    key: 'u:org',
    role: 'organiser',
    name: 'Nguyễn Tổ Chức',
    unitName: 'Tỉnh ủy',
    unitId: 'P',
    userId: 'org',
    siteId: null,
    isStaff: true,
  },
  an: {
    key: 'm:an',
    role: 'member',
    name: 'Nguyễn Văn An',
    unitName: 'Chi bộ 1',
    unitId: 'B1',
    userId: null,
    siteId: null,
    isStaff: false,
  },
  binh: {
    key: 'm:binh',
    role: 'member',
    name: 'Phạm Thị Bình',
    unitName: 'Chi bộ 1',
    unitId: 'B1',
    userId: null,
    siteId: null,
    isStaff: false,
  },
  site: {
    key: 's:room1',
    role: 'site',
    name: 'Hội trường xã',
    unitName: 'Chi bộ 2',
    unitId: 'B2',
    userId: null,
    siteId: 'room1',
    isStaff: false,
  },
} satisfies Record<string, LiveActor>;

export function liveRoom(state: RoomState['state'] = 'live') {
  const room = createRoom('session-1', state);
  let ids = 0;
  let now = 1_000_000;
  const ctx: DecideContext = {
    now,
    newId: () => `id${++ids}`,
    decks: new Map([['deck-1', 12]]),
    presenterIds: ['pres', 'pres2'],
  };
  const run = <N extends LiveCommandName>(
    actor: LiveActor,
    name: N,
    payload: Omit<LiveCommand<N>, 'commandId' | 'sessionId'>,
  ) => {
    now += 1000;
    const facts = decide(
      room,
      actor,
      { name, payload: { commandId: 'cmd-00000', sessionId: room.sessionId, ...payload } } as never,
      { ...ctx, now },
    );
    for (const fact of facts) applyFact(room, { seq: room.seq + 1, at: now, actorKey: actor.key, fact });
    return facts;
  };
  return { room, run };
}

export const draft = (p: Partial<PollDraft> & Pick<PollDraft, 'kind'>): PollDraft => ({
  question: 'Đồng chí đánh giá thế nào?',
  options: [
    { id: 'a', label: 'Tốt' },
    { id: 'b', label: 'Khá' },
    { id: 'c', label: 'Trung bình' },
  ],
  ratingMax: null,
  correctOptionIds: null,
  anonymous: true,
  allowChange: false,
  ...p,
});
