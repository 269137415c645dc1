import type { LiveCommand, LiveCommandName } from '@hallbridge/contracts';
import { DomainError } from '../domain-error';
import { isAudience, type LiveActor, toRef } from './live-actor';
import { countableKeys, normaliseAnswer, sameAnswer } from './poll-rules';
import type { RoomFact } from './room-facts';
import { ROOM_CAPS, type RoomState } from './room-state';

export interface DecideContext {
  now: number;
  /** Makes ids for new polls, questions and chat messages. */
  newId: () => string;
  /** Decks of the session that are ready to show, with their page counts. */
  decks: ReadonlyMap<string, number>;
  /** Presenters of the session (slide control can only go to one of them). */
  presenterIds: readonly string[];
}

type Command = { [N in LiveCommandName]: { name: N; payload: LiveCommand<N> } }[LiveCommandName];

const forbid = () => new DomainError('FORBIDDEN');
const notFound = (entity: string) => new DomainError('NOT_FOUND', { entity });
const requireStaff = (actor: LiveActor) => {
  if (!actor.isStaff) throw forbid();
};
const requireLive = (room: RoomState, action: string) => {
  if (room.state !== 'live') throw new DomainError('INVALID_TRANSITION', { action, state: room.state });
};
/** How long a raised hand waits for its owner to come back (a reload, a change of network). */
export const HAND_KEPT_AWAY_MS = 15_000;

/**
 * A participant no longer connected anywhere (a phone that closed) leaves the hand queue once
 * HAND_KEPT_AWAY_MS have passed without them; the facts for it, none if they are back.
 */
export const lowerHandOfAbsent = (room: RoomState, key: string): RoomFact[] =>
  !room.participants.has(key) && room.hands.some((h) => h.key === key) ? [{ type: 'hand.lowered', key }] : [];

/** A room is open while it is being prepared (before the start) or running; not once it is over. */
export const OPEN_ROOM_STATES = ['scheduled', 'live'] as const satisfies readonly RoomState['state'][];
export const roomIsOpen = (state: RoomState['state']) =>
  (OPEN_ROOM_STATES as readonly string[]).includes(state);

/**
 * Who may move the slides: those who run the room, unless control was handed to one presenter;
 * organisers may always take it back.
 */
export const mayDriveSlides = (
  actor: Pick<LiveActor, 'isStaff' | 'userId' | 'role'>,
  controllerUserId: string | null,
) =>
  actor.isStaff &&
  (controllerUserId === null || controllerUserId === actor.userId || actor.role === 'organiser');

/** Staff may prepare (slides, polls, settings) before the session starts, not once it is over. */
const requireOpen = (room: RoomState, action: string) => {
  if (!roomIsOpen(room.state)) throw new DomainError('INVALID_TRANSITION', { action, state: room.state });
};

/**
 * Decides what a command does to a room: checks the actor's rights and the room's state and returns
 * the facts to record (none when the command changes nothing). Throws a DomainError otherwise.
 */
export function decide(room: RoomState, actor: LiveActor, command: Command, ctx: DecideContext): RoomFact[] {
  switch (command.name) {
    case 'room:join':
      return [];

    case 'slide:go': {
      requireOpen(room, 'slide:go');
      if (!mayDriveSlides(actor, room.slide.controllerUserId)) throw forbid();
      const pages = ctx.decks.get(command.payload.deckId);
      if (pages === undefined) throw notFound('deck');
      if (command.payload.page > pages)
        throw new DomainError('VALIDATION_FAILED', { summary: `page: this deck has ${pages} pages` });
      const { deckId, page } = command.payload;
      if (room.slide.deckId === deckId && room.slide.page === page) return [];
      return [{ type: 'slide.moved', deckId, page }];
    }

    case 'slide:handover': {
      // Handing control over is for whoever holds it now.
      if (!mayDriveSlides(actor, room.slide.controllerUserId)) throw forbid();
      if (!ctx.presenterIds.includes(command.payload.userId)) throw notFound('user');
      return [{ type: 'slide.controller', userId: command.payload.userId }];
    }

    case 'settings:update':
      requireStaff(actor);
      return [{ type: 'settings.changed', settings: command.payload.settings }];

    case 'poll:save': {
      requireStaff(actor);
      requireOpen(room, 'poll:save');
      const { pollId, poll } = command.payload;
      if (pollId) {
        const existing = room.polls.get(pollId);
        if (!existing) throw notFound('poll');
        if (existing.status !== 'draft')
          throw new DomainError('INVALID_TRANSITION', { action: 'poll:save', state: existing.status });
        return [{ type: 'poll.saved', pollId, poll, position: existing.position }];
      }
      if (room.polls.size >= ROOM_CAPS.pollsPerRoom)
        throw new DomainError('CONFLICT', { reason: 'polls_per_room', value: ROOM_CAPS.pollsPerRoom });
      return [{ type: 'poll.saved', pollId: ctx.newId(), poll, position: room.polls.size + 1 }];
    }

    case 'poll:delete': {
      requireStaff(actor);
      const poll = room.polls.get(command.payload.pollId);
      if (!poll) throw notFound('poll');
      if (poll.status === 'open')
        throw new DomainError('INVALID_TRANSITION', { action: 'poll:delete', state: poll.status });
      return [{ type: 'poll.deleted', pollId: poll.id }];
    }

    case 'poll:open': {
      requireStaff(actor);
      requireLive(room, 'poll:open');
      const poll = room.polls.get(command.payload.pollId);
      if (!poll) throw notFound('poll');
      if (poll.status === 'open') return [];
      // One poll at a time: opening another closes the one that was open.
      const open = [...room.polls.values()].filter((p) => p.status === 'open');
      return [
        ...open.map((p): RoomFact => ({ type: 'poll.closed', pollId: p.id })),
        { type: 'poll.opened', pollId: poll.id },
      ];
    }

    case 'poll:close': {
      requireStaff(actor);
      const poll = room.polls.get(command.payload.pollId);
      if (!poll) throw notFound('poll');
      return poll.status === 'open' ? [{ type: 'poll.closed', pollId: poll.id }] : [];
    }

    case 'poll:results': {
      requireStaff(actor);
      const poll = room.polls.get(command.payload.pollId);
      if (!poll) throw notFound('poll');
      if (poll.resultsVisible === command.payload.visible) return [];
      return [{ type: 'poll.results', pollId: poll.id, visible: command.payload.visible }];
    }

    case 'poll:answer': {
      if (actor.role !== 'member') throw forbid();
      requireLive(room, 'poll:answer');
      const poll = room.polls.get(command.payload.pollId);
      if (!poll) throw notFound('poll');
      if (poll.status !== 'open')
        throw new DomainError('INVALID_TRANSITION', { action: 'poll:answer', state: poll.status });
      const answer = normaliseAnswer(poll, command.payload.answer);
      const previous = room.answers.get(poll.id)?.get(actor.key);
      if (previous && !poll.allowChange) throw new DomainError('CONFLICT', { reason: 'already_answered' });
      if (previous && sameAnswer(previous, answer)) return [];
      return [{ type: 'poll.answered', pollId: poll.id, key: actor.key, answer }];
    }

    case 'poll:site-count': {
      if (actor.role !== 'site') throw forbid();
      requireLive(room, 'poll:site-count');
      const poll = room.polls.get(command.payload.pollId);
      if (!poll) throw notFound('poll');
      if (poll.status !== 'open')
        throw new DomainError('INVALID_TRANSITION', { action: 'poll:site-count', state: poll.status });
      const keys = countableKeys(poll);
      const unknown = Object.keys(command.payload.counts).find((k) => !keys.includes(k));
      if (unknown !== undefined || keys.length === 0)
        throw new DomainError('VALIDATION_FAILED', { summary: 'counts: count the options of this poll' });
      return [
        { type: 'poll.site-counted', pollId: poll.id, siteKey: actor.key, counts: command.payload.counts },
      ];
    }

    case 'hand:raise': {
      if (!isAudience(actor)) throw forbid();
      requireLive(room, 'hand:raise');
      if (room.floor.some((f) => f.key === actor.key)) return [];
      const topic = command.payload.topic?.trim() || null;
      const raised = room.hands.find((h) => h.key === actor.key);
      if (raised && raised.topic === topic) return [];
      return [{ type: 'hand.raised', participant: toRef(actor), topic }];
    }

    case 'hand:lower': {
      const key = command.payload.key ?? actor.key;
      if (key !== actor.key) requireStaff(actor);
      return room.hands.some((h) => h.key === key) ? [{ type: 'hand.lowered', key }] : [];
    }

    case 'floor:grant': {
      requireStaff(actor);
      requireLive(room, 'floor:grant');
      const { key, withCamera } = command.payload;
      const participant = room.participants.get(key) ?? room.hands.find((h) => h.key === key);
      if (!participant) throw notFound('participant');
      const holding = room.floor.find((f) => f.key === key);
      if (holding && holding.withCamera === withCamera) return [];
      if (!holding && room.floor.length >= room.settings.maxFloor)
        throw new DomainError('CONFLICT', { reason: 'floor_full', value: room.settings.maxFloor });
      // Taking the floor answers a raised hand: the hand leaves the queue as its own fact.
      const lowered: RoomFact[] = room.hands.some((h) => h.key === key)
        ? [{ type: 'hand.lowered', key }]
        : [];
      return [...lowered, { type: 'floor.granted', participant: toRef(participant), withCamera }];
    }

    case 'floor:revoke': {
      requireStaff(actor);
      return room.floor.some((f) => f.key === command.payload.key)
        ? [{ type: 'floor.revoked', key: command.payload.key }]
        : [];
    }

    case 'question:ask': {
      if (!isAudience(actor)) throw forbid();
      requireLive(room, 'question:ask');
      // Caps on what is kept, so one person cannot swell every snapshot (hidden questions count too).
      if (room.questions.size >= ROOM_CAPS.questionsPerRoom)
        throw new DomainError('CONFLICT', {
          reason: 'questions_per_room',
          value: ROOM_CAPS.questionsPerRoom,
        });
      let mine = 0;
      for (const q of room.questions.values()) if (q.authorKey === actor.key) mine++;
      if (mine >= ROOM_CAPS.questionsPerPerson)
        throw new DomainError('CONFLICT', {
          reason: 'questions_per_person',
          value: ROOM_CAPS.questionsPerPerson,
        });
      return [
        {
          type: 'question.asked',
          questionId: ctx.newId(),
          author: toRef(actor),
          text: command.payload.text,
          anonymous: command.payload.anonymous,
          status: room.settings.questionsModerated ? 'pending' : 'approved',
        },
      ];
    }

    case 'question:vote': {
      if (!isAudience(actor)) throw forbid();
      const q = room.questions.get(command.payload.questionId);
      if (!q || q.status === 'hidden' || q.status === 'pending') throw notFound('question');
      // Nobody upvotes their own question (taking a vote back is always possible).
      if (command.payload.vote && q.authorKey === actor.key)
        throw new DomainError('FORBIDDEN', { reason: 'own_question' });
      const voted = room.questionVotes.get(q.id)?.has(actor.key) ?? false;
      if (voted === command.payload.vote) return [];
      return [{ type: 'question.voted', questionId: q.id, key: actor.key, vote: command.payload.vote }];
    }

    case 'question:moderate': {
      requireStaff(actor);
      const q = room.questions.get(command.payload.questionId);
      if (!q) throw notFound('question');
      return q.status === command.payload.status
        ? []
        : [{ type: 'question.moderated', questionId: q.id, status: command.payload.status }];
    }

    case 'chat:send': {
      requireOpen(room, 'chat:send');
      if (!room.settings.chatEnabled && !actor.isStaff) throw new DomainError('FORBIDDEN');
      return [
        { type: 'chat.sent', messageId: ctx.newId(), author: toRef(actor), text: command.payload.text },
      ];
    }

    case 'chat:remove': {
      requireStaff(actor);
      const m = room.chat.find((c) => c.id === command.payload.messageId);
      if (!m) throw notFound('message');
      return m.hidden ? [] : [{ type: 'chat.removed', messageId: m.id }];
    }
  }
}

export type { Command as LiveRoomCommand };
