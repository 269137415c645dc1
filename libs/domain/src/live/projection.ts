import type { LiveEventBody, LiveSnapshot, Poll, Question } from '@hallbridge/contracts';
import { quizScore, tallyPoll } from './poll-rules';
import type { RoomFact } from './room-facts';
import type { RoomState, StoredQuestion } from './room-state';

/** Staff (presenters, organisers) see the whole room; everyone else sees what has been made public. */
export type Audience = 'staff' | 'public';

export interface Viewer {
  key: string;
  audience: Audience;
}

const publicQuestion = (q: StoredQuestion) => q.status === 'approved' || q.status === 'answered';

function toQuestion(q: StoredQuestion): Question {
  return {
    id: q.id,
    text: q.text,
    authorName: q.authorName,
    authorUnitName: q.authorUnitName,
    status: q.status,
    votes: q.votes,
    createdAt: q.createdAt,
  };
}

/** Most upvoted first; among equals, the earlier question first. */
export function sortQuestions<T extends Pick<Question, 'votes' | 'createdAt'>>(questions: T[]): T[] {
  return [...questions].sort((a, b) => b.votes - a.votes || a.createdAt - b.createdAt);
}

/** The right answer of a quiz stays hidden from participants until results are shown. */
export function pollFor(poll: Poll, audience: Audience): Poll | null {
  if (audience === 'staff') return poll;
  if (poll.status === 'draft') return null;
  return poll.resultsVisible ? poll : { ...poll, correctOptionIds: null };
}

/** Whether a poll's tally goes to this audience. */
export const tallyVisible = (poll: Poll, audience: Audience) =>
  audience === 'staff' || (poll.resultsVisible && poll.status !== 'draft');

export function snapshotFor(room: RoomState, viewer: Viewer): LiveSnapshot {
  const staff = viewer.audience === 'staff';
  const polls = [...room.polls.values()].sort((a, b) => a.position - b.position);
  const myAnswers: Record<string, string[]> = {};
  for (const [pollId, answers] of room.answers) {
    const mine = answers.get(viewer.key);
    if (mine) myAnswers[pollId] = mine;
  }
  return {
    sessionId: room.sessionId,
    seq: room.seq,
    state: room.state,
    slide: room.slide,
    settings: room.settings,
    polls: polls.map((p) => pollFor(p, viewer.audience)).filter((p): p is Poll => p !== null),
    tallies: polls
      .filter((p) => tallyVisible(p, viewer.audience))
      .map((p) => tallyPoll(p, room.answers.get(p.id), room.siteCounts.get(p.id))),
    myAnswers,
    hands: room.hands,
    floor: room.floor,
    questions: sortQuestions([...room.questions.values()].filter((q) => staff || publicQuestion(q))).map(
      toQuestion,
    ),
    myVotes: [...room.questionVotes].filter(([, voters]) => voters.has(viewer.key)).map(([id]) => id),
    myQuestions: [...room.questions.values()].filter((q) => q.authorKey === viewer.key).map((q) => q.id),
    chat: room.chat.filter((m) => staff || !m.hidden),
    participants: staff ? [...room.participants.values()] : [],
    participantCount: room.participants.size,
    myScore: quizScore(room.polls.values(), room.answers, viewer.key),
  };
}

/**
 * What one fact, already applied to the room, looks like to an audience (null: nothing to send).
 * Answers are not sent one by one: tallies go out coalesced, apart from the sequence.
 */
export function projectFact(room: RoomState, fact: RoomFact, audience: Audience): LiveEventBody | null {
  const staff = audience === 'staff';
  switch (fact.type) {
    case 'session.state':
      return { type: 'session.state', state: fact.state };
    case 'slide.moved':
    case 'slide.controller':
      return { type: 'slide.changed', slide: room.slide };
    case 'settings.changed':
      return { type: 'settings.changed', settings: room.settings };
    case 'poll.saved':
    case 'poll.opened':
    case 'poll.closed':
    case 'poll.results': {
      const poll = room.polls.get(fact.pollId);
      const visible = poll && pollFor(poll, audience);
      return visible ? { type: 'poll.upserted', poll: visible } : null;
    }
    case 'poll.deleted':
      return { type: 'poll.removed', pollId: fact.pollId };
    case 'poll.answered':
    case 'poll.site-counted':
      return null;
    case 'hand.raised':
    case 'hand.lowered':
      return { type: 'hands.changed', hands: room.hands };
    case 'floor.granted':
    case 'floor.revoked':
      return { type: 'floor.changed', floor: room.floor };
    case 'question.asked':
    case 'question.voted':
    case 'question.moderated': {
      const q = room.questions.get(fact.questionId);
      if (!q) return null;
      if (staff || publicQuestion(q)) return { type: 'question.upserted', question: toQuestion(q) };
      return fact.type === 'question.moderated' ? { type: 'question.removed', questionId: q.id } : null;
    }
    case 'chat.sent': {
      const m = room.chat.find((c) => c.id === fact.messageId);
      return m ? { type: 'chat.message', message: m } : null;
    }
    case 'chat.removed': {
      if (!staff) return { type: 'chat.removed', messageId: fact.messageId };
      const m = room.chat.find((c) => c.id === fact.messageId);
      return m ? { type: 'chat.message', message: m } : null;
    }
  }
}
