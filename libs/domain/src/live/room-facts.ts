import type {
  LiveSettings,
  Participant,
  PollDraft,
  QuestionStatus,
  SessionState,
} from '@hallbridge/contracts';

/**
 * What happened in a live room, with everything needed to replay it. Facts are stored in order
 * (one sequence per session) and folded into the room's state; clients get projections of them.
 */
export type RoomFact =
  | { type: 'session.state'; state: SessionState }
  | { type: 'slide.moved'; deckId: string; page: number }
  | { type: 'slide.controller'; userId: string | null }
  | { type: 'settings.changed'; settings: Partial<LiveSettings> }
  | { type: 'poll.saved'; pollId: string; poll: PollDraft; position: number }
  | { type: 'poll.deleted'; pollId: string }
  | { type: 'poll.opened'; pollId: string }
  | { type: 'poll.closed'; pollId: string }
  | { type: 'poll.results'; pollId: string; visible: boolean }
  | { type: 'poll.answered'; pollId: string; key: string; answer: string[] }
  | { type: 'poll.site-counted'; pollId: string; siteKey: string; counts: Record<string, number> }
  | { type: 'hand.raised'; participant: ParticipantRef; topic: string | null }
  | { type: 'hand.lowered'; key: string }
  | { type: 'floor.granted'; participant: ParticipantRef; withCamera: boolean }
  | { type: 'floor.revoked'; key: string }
  | {
      type: 'question.asked';
      questionId: string;
      author: ParticipantRef;
      text: string;
      anonymous: boolean;
      status: QuestionStatus;
    }
  | { type: 'question.voted'; questionId: string; key: string; vote: boolean }
  | { type: 'question.moderated'; questionId: string; status: QuestionStatus }
  | { type: 'chat.sent'; messageId: string; author: ParticipantRef; text: string }
  | { type: 'chat.removed'; messageId: string };

export type RoomFactType = RoomFact['type'];

/** The parts of a participant a fact needs to keep (names are kept as they were at the time). */
export type ParticipantRef = Pick<Participant, 'key' | 'role' | 'name' | 'unitName'>;

export interface StoredFact {
  seq: number;
  at: number;
  /** Who caused it (participant key), for the record. */
  actorKey: string;
  fact: RoomFact;
}
