import { z } from 'zod';
import { cleanString, Id, Key, Text } from '../common';
import type { ErrorCode, FieldIssue } from '../errors';
import type { Deck } from '../slides';
import { type LiveEvent, LivePointer, type PresenceUpdate } from './live-events';
import {
  LiveSettings,
  type LiveSnapshot,
  OptionId,
  ParticipantKey,
  POLL_MAX_OPTIONS,
  PollKind,
  PollOption,
  pollHasOptions,
  type PollTally,
  RATING_MAX,
  QuestionStatus,
} from './live-state';

/** Every command names its room and carries a client-made id, so a retry after a blip applies once. */
const command = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ commandId: Key(64, 8), sessionId: Id, ...shape });

export const PollDraft = z
  .object({
    question: Text(500),
    kind: PollKind,
    options: z.array(PollOption).max(POLL_MAX_OPTIONS).default([]),
    ratingMax: z.number().int().min(RATING_MAX.min).max(RATING_MAX.max).nullable().default(null),
    correctOptionIds: z.array(OptionId).max(POLL_MAX_OPTIONS).nullable().default(null),
    anonymous: z.boolean().default(true),
    allowChange: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    const ids = p.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must differ' });
    if (pollHasOptions(p.kind) && p.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'give at least two options' });
    if (p.kind === 'rating' && !p.ratingMax)
      ctx.addIssue({ code: 'custom', path: ['ratingMax'], message: 'a rating poll needs its maximum' });
    if (p.kind === 'quiz') {
      const right = p.correctOptionIds ?? [];
      if (right.length === 0 || right.some((id) => !ids.includes(id)))
        ctx.addIssue({
          code: 'custom',
          path: ['correctOptionIds'],
          message: 'mark the right answer among the options',
        });
    }
  });
export type PollDraft = z.infer<typeof PollDraft>;

export const LiveCommands = {
  'room:join': z.object({ sessionId: Id, lastSeq: z.number().int().min(0).nullish() }),
  'slide:go': command({ deckId: Id, page: z.number().int().min(1) }),
  'slide:handover': command({ userId: Id }),
  'poll:save': command({ pollId: Id.nullish(), poll: PollDraft }),
  'poll:delete': command({ pollId: Id }),
  'poll:open': command({ pollId: Id }),
  'poll:close': command({ pollId: Id }),
  'poll:results': command({ pollId: Id, visible: z.boolean() }),
  'poll:answer': command({ pollId: Id, answer: z.array(Text(500)).min(1).max(12) }),
  'poll:site-count': command({
    pollId: Id,
    counts: z.record(OptionId, z.number().int().min(0).max(10_000)),
  }),
  'hand:raise': command({ topic: cleanString().max(140).nullish() }),
  'hand:lower': command({ key: ParticipantKey.nullish() }),
  'floor:grant': command({ key: ParticipantKey, withCamera: z.boolean().default(false) }),
  'floor:revoke': command({ key: ParticipantKey }),
  'question:ask': command({
    text: Text(1000, { multiline: true }),
    anonymous: z.boolean().default(false),
  }),
  'question:vote': command({ questionId: Id, vote: z.boolean() }),
  'question:moderate': command({ questionId: Id, status: QuestionStatus }),
  'chat:send': command({ text: Text(1000, { multiline: true }) }),
  'chat:remove': command({ messageId: Id }),
  'settings:update': command({ settings: LiveSettings.partial() }),
} as const;
export type LiveCommandName = keyof typeof LiveCommands;
export type LiveCommand<N extends LiveCommandName> = z.infer<(typeof LiveCommands)[N]>;

export const PointerCommand = z.object({ sessionId: Id, pointer: LivePointer });

export type LiveAck<T = unknown> =
  | { ok: true; seq: number; data?: T }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      issues?: FieldIssue[];
      /** RATE_LIMITED: how long to wait before sending again (the socket stays open). */
      retryAfterMs?: number;
    };

export interface JoinResultData {
  snapshot: LiveSnapshot | null;
  /** When the client's lastSeq is still in the room's buffer: only the events it missed. */
  events: LiveEvent[] | null;
}

/** Changes that concern one participant only (their answers, upvotes, quiz points). */
export type PersonalUpdate =
  | { type: 'answer'; pollId: string; answer: string[] }
  | { type: 'vote'; questionId: string; voted: boolean }
  | { type: 'asked'; questionId: string }
  | { type: 'score'; score: number };

export interface ServerToClientEvents {
  'live:event': (event: LiveEvent) => void;
  'live:pointer': (update: { sessionId: string; pointer: LivePointer }) => void;
  'live:personal': (update: PersonalUpdate) => void;
  /** Poll results, coalesced (several answers, one update); not sequenced. */
  'live:tally': (tally: PollTally) => void;
  'live:presence': (update: PresenceUpdate) => void;
  /** A slide deck of the session was added, converted further, renamed or removed (deck null). */
  'live:deck': (update: { deckId: string; deck: Deck | null }) => void;
  /** The room was closed for this viewer (session cancelled, access withdrawn). */
  'live:closed': (reason: { code: ErrorCode; message: string }) => void;
}

type AckHandler<P, T = unknown> = (payload: P, ack: (result: LiveAck<T>) => void) => void;

export type ClientToServerEvents = {
  [N in LiveCommandName]: AckHandler<
    z.input<(typeof LiveCommands)[N]>,
    N extends 'room:join' ? JoinResultData : unknown
  >;
} & {
  'slide:pointer': (payload: z.input<typeof PointerCommand>) => void;
};
