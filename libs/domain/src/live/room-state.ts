import type {
  ChatMessage,
  FloorHolder,
  Hand,
  LiveSettings,
  Participant,
  Poll,
  Question,
  SessionState,
  SlidePosition,
} from '@hallbridge/contracts';
import { picksSeveral } from './poll-rules';
import type { ParticipantRef, RoomFact, StoredFact } from './room-facts';

/**
 * What one room keeps, so a snapshot stays small whatever one person sends (docs/security.md,
 * "Limits"): the last CHAT_KEPT chat messages, of which at most CHAT_KEPT_PER_PERSON from one
 * person (a flood pushes out the flooder's own older messages, not everyone else's); questions
 * and polls are refused past their caps in `decide`.
 */
export const ROOM_CAPS = {
  chatKept: 300,
  chatKeptPerPerson: 20,
  questionsPerPerson: 20,
  questionsPerRoom: 500,
  pollsPerRoom: 200,
} as const;
export const CHAT_KEPT = ROOM_CAPS.chatKept;

export const defaultLiveSettings: LiveSettings = {
  chatEnabled: true,
  questionsModerated: false,
  maxFloor: 1,
};

export interface StoredQuestion extends Question {
  /** Kept for the record even when the question is anonymous to other participants. */
  authorKey: string;
  anonymous: boolean;
}

/** The authoritative state of one live room on the server (the full picture, before projection). */
export interface RoomState {
  sessionId: string;
  seq: number;
  state: SessionState;
  slide: SlidePosition;
  settings: LiveSettings;
  polls: Map<string, Poll>;
  /** pollId → participant key → answer. */
  answers: Map<string, Map<string, string[]>>;
  /** pollId → site key → show-of-hands count per option. */
  siteCounts: Map<string, Map<string, Record<string, number>>>;
  hands: Hand[];
  floor: FloorHolder[];
  questions: Map<string, StoredQuestion>;
  /** questionId → keys of those who upvoted. */
  questionVotes: Map<string, Set<string>>;
  chat: ChatMessage[];
  /** Connected participants (not part of the fact log: presence is captured apart). */
  participants: Map<string, Participant>;
}

export function createRoom(sessionId: string, state: SessionState): RoomState {
  return {
    sessionId,
    seq: 0,
    state,
    slide: { deckId: null, page: 1, controllerUserId: null },
    settings: { ...defaultLiveSettings },
    polls: new Map(),
    answers: new Map(),
    siteCounts: new Map(),
    hands: [],
    floor: [],
    questions: new Map(),
    questionVotes: new Map(),
    chat: [],
    participants: new Map(),
  };
}

/**
 * A room that is no longer live keeps no open poll, no raised hands and nobody on the floor. The
 * server's fold and the browser's reducer both apply it (a session.state event carries only the state).
 */
export const roomStopsAt = (state: SessionState) => state !== 'live';

/** A poll as the end of the session leaves it: an open one closes then. */
export const closedWithRoom = (poll: Poll, at: number): Poll =>
  poll.status === 'open' ? { ...poll, status: 'closed', closedAt: at } : poll;

const holder = (p: ParticipantRef) => ({ key: p.key, name: p.name, unitName: p.unitName, role: p.role });

/** Folds one fact into the room. Facts were checked when decided; applying never fails. */
export function applyFact(room: RoomState, { seq, at, fact }: StoredFact): void {
  room.seq = Math.max(room.seq, seq);
  switch (fact.type) {
    case 'session.state':
      room.state = fact.state;
      if (roomStopsAt(fact.state)) {
        room.hands = [];
        room.floor = [];
        for (const poll of room.polls.values()) room.polls.set(poll.id, closedWithRoom(poll, at));
      }
      break;
    case 'slide.moved':
      room.slide = { ...room.slide, deckId: fact.deckId, page: fact.page };
      break;
    case 'slide.controller':
      room.slide = { ...room.slide, controllerUserId: fact.userId };
      break;
    case 'settings.changed':
      room.settings = { ...room.settings, ...fact.settings };
      break;
    case 'poll.saved': {
      const before = room.polls.get(fact.pollId);
      room.polls.set(fact.pollId, {
        id: fact.pollId,
        question: fact.poll.question,
        kind: fact.poll.kind,
        options: fact.poll.options,
        ratingMax: fact.poll.ratingMax,
        correctOptionIds: fact.poll.correctOptionIds,
        severalAnswers: picksSeveral(fact.poll),
        anonymous: fact.poll.anonymous,
        allowChange: fact.poll.allowChange,
        status: before?.status ?? 'draft',
        resultsVisible: before?.resultsVisible ?? false,
        openedAt: before?.openedAt ?? null,
        closedAt: before?.closedAt ?? null,
        position: fact.position,
      });
      break;
    }
    case 'poll.deleted':
      room.polls.delete(fact.pollId);
      room.answers.delete(fact.pollId);
      room.siteCounts.delete(fact.pollId);
      break;
    case 'poll.opened':
      updatePoll(room, fact.pollId, { status: 'open', openedAt: at, closedAt: null });
      break;
    case 'poll.closed':
      updatePoll(room, fact.pollId, { status: 'closed', closedAt: at });
      break;
    case 'poll.results':
      updatePoll(room, fact.pollId, { resultsVisible: fact.visible });
      break;
    case 'poll.answered':
      mapOf(room.answers, fact.pollId).set(fact.key, fact.answer);
      break;
    case 'poll.site-counted':
      mapOf(room.siteCounts, fact.pollId).set(fact.siteKey, fact.counts);
      break;
    case 'hand.raised': {
      const existing = room.hands.find((h) => h.key === fact.participant.key);
      if (existing) existing.topic = fact.topic;
      else room.hands.push({ ...holder(fact.participant), topic: fact.topic, raisedAt: at });
      break;
    }
    case 'hand.lowered':
      room.hands = room.hands.filter((h) => h.key !== fact.key);
      break;
    case 'floor.granted':
      room.floor = room.floor.filter((f) => f.key !== fact.participant.key);
      room.floor.push({ ...holder(fact.participant), since: at, withCamera: fact.withCamera });
      break;
    case 'floor.revoked':
      room.floor = room.floor.filter((f) => f.key !== fact.key);
      break;
    case 'question.asked':
      room.questions.set(fact.questionId, {
        id: fact.questionId,
        text: fact.text,
        authorKey: fact.author.key,
        anonymous: fact.anonymous,
        authorName: fact.anonymous ? null : fact.author.name,
        authorUnitName: fact.anonymous ? null : fact.author.unitName,
        status: fact.status,
        votes: 0,
        createdAt: at,
      });
      break;
    case 'question.voted': {
      const voters = room.questionVotes.get(fact.questionId) ?? new Set<string>();
      if (fact.vote) voters.add(fact.key);
      else voters.delete(fact.key);
      room.questionVotes.set(fact.questionId, voters);
      const q = room.questions.get(fact.questionId);
      if (q) q.votes = voters.size;
      break;
    }
    case 'question.moderated': {
      const q = room.questions.get(fact.questionId);
      if (q) q.status = fact.status;
      break;
    }
    case 'chat.sent':
      room.chat.push({
        id: fact.messageId,
        authorKey: fact.author.key,
        authorName: fact.author.name,
        text: fact.text,
        at,
        hidden: false,
      });
      {
        const mine = room.chat.filter((m) => m.authorKey === fact.author.key);
        if (mine.length > ROOM_CAPS.chatKeptPerPerson) {
          const dropped = new Set(mine.slice(0, mine.length - ROOM_CAPS.chatKeptPerPerson));
          room.chat = room.chat.filter((m) => !dropped.has(m));
        }
      }
      if (room.chat.length > CHAT_KEPT) room.chat.splice(0, room.chat.length - CHAT_KEPT);
      break;
    case 'chat.removed': {
      const m = room.chat.find((c) => c.id === fact.messageId);
      if (m) m.hidden = true;
      break;
    }
  }
}

function updatePoll(room: RoomState, pollId: string, change: Partial<Poll>): void {
  const poll = room.polls.get(pollId);
  if (poll) room.polls.set(pollId, { ...poll, ...change });
}

function mapOf<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}

export type { RoomFact };
