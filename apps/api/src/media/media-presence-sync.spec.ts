import 'reflect-metadata';
import type { MediaParticipant } from '@hallbridge/contracts';
import type { AppConfig } from '../config/app-config';
import type { PrismaService } from '../database/prisma.service';
import type { MediaBackend } from './media-backend';
import { MediaPresenceEvents, type MediaPresence } from './media-presence-events';
import { MediaPresenceSync } from './media-presence-sync';

const session = 'session-1';
/** News and a list asked for in the same millisecond count the news as the newer: step past it. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

function participant(identity: string, joinedAt = 1_000): MediaParticipant {
  return {
    identity,
    name: identity,
    seat: 'audience',
    role: 'member',
    unitName: null,
    joinedAt,
    publish: [],
    tracks: [],
  };
}

/** A media server whose participant list the test controls, answered when the test says so. */
function setup() {
  let listed: MediaParticipant[] = [];
  /** Participant keys with an open media interval in the database. */
  let recorded: string[] = [];
  let hold: Promise<void> | null = null;
  let asked: () => void = () => {};
  const backend = {
    kind: 'livekit',
    participants: async () => {
      const answer = listed;
      asked();
      await hold;
      return answer;
    },
  } as unknown as MediaBackend;
  const prisma = {
    studySession: { findMany: async () => [{ id: session }] },
    presenceInterval: { findMany: async () => recorded.map((participantKey) => ({ participantKey })) },
  } as unknown as PrismaService;
  const config = { attendance: { mediaSyncMs: 60_000 } } as AppConfig;
  const events = new MediaPresenceEvents();
  const heard: string[] = [];
  events.on('joined', (p) => heard.push(`joined ${p.key} at ${p.at}`));
  events.on('left', (p) => heard.push(`left ${p.key}`));
  const sync = new MediaPresenceSync(backend, config, prisma, events);
  const webhook = (type: 'joined' | 'left', key: string) =>
    events.emit(type, {
      sessionId: session,
      key,
      name: key,
      role: 'member',
      seat: 'audience',
      at: 5_000,
    } satisfies MediaPresence);
  return {
    sync,
    heard,
    webhook,
    list: (...participants: MediaParticipant[]) => (listed = participants),
    recordedElsewhere: (...keys: string[]) => (recorded = keys),
    /** The next list answer waits until `release` is called; `asked` resolves once it was asked for. */
    holdList: () => {
      let release!: () => void;
      hold = new Promise<void>((r) => (release = r));
      return {
        asked: new Promise<void>((r) => (asked = r)),
        release: () => {
          hold = null;
          release();
        },
      };
    },
  };
}

describe('comparing media rooms with the webhooks heard', () => {
  it('announces participants nobody told the app about, from when they joined', async () => {
    const t = setup();
    t.list(participant('m:an', 1_000));
    await t.sync.sync();
    expect(t.heard).toEqual(['joined m:an at 1000']);
    await t.sync.sync();
    expect(t.heard).toHaveLength(1);
  });

  it('announces a leave whose webhook never came, and only once', async () => {
    const t = setup();
    t.webhook('joined', 'm:an');
    t.list();
    await tick();
    await t.sync.sync();
    await t.sync.sync();
    expect(t.heard).toEqual(['joined m:an at 5000', 'left m:an']);
  });

  it('leaves alone participants that are where the webhooks said', async () => {
    const t = setup();
    t.webhook('joined', 'm:an');
    t.list(participant('m:an'));
    await tick();
    await t.sync.sync();
    expect(t.heard).toEqual(['joined m:an at 5000']);
  });

  it('lets news heard while the list was on its way win over the list', async () => {
    const t = setup();
    // Bình joins and An leaves after the server answered, before the answer arrives.
    t.webhook('joined', 'm:an');
    t.list(participant('m:an'));
    await tick();
    const list = t.holdList();
    const comparing = t.sync.sync();
    await list.asked;
    t.webhook('joined', 'm:binh');
    t.webhook('left', 'm:an');
    list.release();
    await comparing;
    expect(t.heard).toEqual(['joined m:an at 5000', 'joined m:binh at 5000', 'left m:an']);
  });

  it('leaves a participant to the instance that recorded them', async () => {
    const t = setup();
    t.list(participant('m:an'), participant('m:binh'));
    t.recordedElsewhere('m:an');
    await t.sync.sync();
    expect(t.heard).toEqual(['joined m:binh at 1000']);
  });

  it('ignores participants who did not join with a HallBridge token', async () => {
    const t = setup();
    t.list({ ...participant('egress-1'), seat: null });
    await t.sync.sync();
    expect(t.heard).toEqual([]);
  });
});
