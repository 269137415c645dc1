import { z } from 'zod';
import { Role } from '../common';
import { SessionState } from '../sessions';
import { ParticipantKey, PollKind, QuestionStatus } from './live-state';

/**
 * The stored shape of a live room's facts (the `LiveFact` rows), versioned. These schemas describe
 * what was written, not today's input rules: a fact stored under older, looser rules must still
 * replay. A change that old rows do not fit gets a new version (and a reader of the older ones).
 */
const Ref = z.object({ key: ParticipantKey, role: Role, name: z.string(), unitName: z.string() });

const StoredPoll = z.object({
  question: z.string(),
  kind: PollKind,
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  ratingMax: z.number().int().nullable(),
  correctOptionIds: z.array(z.string()).nullable(),
  anonymous: z.boolean(),
  allowChange: z.boolean(),
});

const StoredSettings = z
  .object({ chatEnabled: z.boolean(), questionsModerated: z.boolean(), maxFloor: z.number().int() })
  .partial();

export const RoomFactV1 = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.state'), state: SessionState }),
  z.object({ type: z.literal('slide.moved'), deckId: z.string(), page: z.number().int() }),
  z.object({ type: z.literal('slide.controller'), userId: z.string().nullable() }),
  z.object({ type: z.literal('settings.changed'), settings: StoredSettings }),
  z.object({ type: z.literal('poll.saved'), pollId: z.string(), poll: StoredPoll, position: z.number() }),
  z.object({ type: z.literal('poll.deleted'), pollId: z.string() }),
  z.object({ type: z.literal('poll.opened'), pollId: z.string() }),
  z.object({ type: z.literal('poll.closed'), pollId: z.string() }),
  z.object({ type: z.literal('poll.results'), pollId: z.string(), visible: z.boolean() }),
  z.object({
    type: z.literal('poll.answered'),
    pollId: z.string(),
    key: z.string(),
    answer: z.array(z.string()),
  }),
  z.object({
    type: z.literal('poll.site-counted'),
    pollId: z.string(),
    siteKey: z.string(),
    counts: z.record(z.string(), z.number()),
  }),
  z.object({ type: z.literal('hand.raised'), participant: Ref, topic: z.string().nullable() }),
  z.object({ type: z.literal('hand.lowered'), key: z.string() }),
  z.object({ type: z.literal('floor.granted'), participant: Ref, withCamera: z.boolean() }),
  z.object({ type: z.literal('floor.revoked'), key: z.string() }),
  z.object({
    type: z.literal('question.asked'),
    questionId: z.string(),
    author: Ref,
    text: z.string(),
    anonymous: z.boolean(),
    status: QuestionStatus,
  }),
  z.object({
    type: z.literal('question.voted'),
    questionId: z.string(),
    key: z.string(),
    vote: z.boolean(),
  }),
  z.object({ type: z.literal('question.moderated'), questionId: z.string(), status: QuestionStatus }),
  z.object({ type: z.literal('chat.sent'), messageId: z.string(), author: Ref, text: z.string() }),
  z.object({ type: z.literal('chat.removed'), messageId: z.string() }),
]);

/** What happened in a live room, with everything needed to replay it (the current version). */
export type RoomFact = z.infer<typeof RoomFactV1>;
export type RoomFactType = RoomFact['type'];

/** The version new facts are written with. */
export const ROOM_FACT_VERSION = 1;

const readers: Record<number, (payload: unknown) => RoomFact> = {
  1: (payload) => RoomFactV1.parse(payload),
};

/** Reads a stored fact of any known version as a current one; throws on an unknown version or shape. */
export function readRoomFact(version: number, payload: unknown): RoomFact {
  const read = readers[version];
  if (!read)
    throw new Error(
      `live fact version ${version} is not known to this server (newest: ${ROOM_FACT_VERSION})`,
    );
  return read(payload);
}
