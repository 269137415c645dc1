import type { LiveEvent, LiveSnapshot, PollTally, PresenceUpdate } from '@hallbridge/contracts';
import { sortQuestions } from './projection';
import { closedWithRoom, roomStopsAt } from './room-state';

const upsert = <T extends { id: string }>(list: T[], item: T) =>
  list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];

/**
 * Applies one event to a client's snapshot (the browser keeps its room this way). Events older than
 * the snapshot are ignored, so a replay after reconnecting cannot go backwards.
 */
export function applyLiveEvent(snapshot: LiveSnapshot, event: LiveEvent): LiveSnapshot {
  if (event.seq <= snapshot.seq) return snapshot;
  const next: LiveSnapshot = { ...snapshot, seq: event.seq };
  switch (event.type) {
    case 'session.state':
      if (!roomStopsAt(event.state)) return { ...next, state: event.state };
      return {
        ...next,
        state: event.state,
        polls: next.polls.map((p) => closedWithRoom(p, event.at)),
        hands: [],
        floor: [],
      };
    case 'slide.changed':
      return { ...next, slide: event.slide };
    case 'settings.changed':
      return { ...next, settings: event.settings };
    case 'poll.upserted':
      return { ...next, polls: upsert(next.polls, event.poll).sort((a, b) => a.position - b.position) };
    case 'poll.removed':
      return {
        ...next,
        polls: next.polls.filter((p) => p.id !== event.pollId),
        tallies: next.tallies.filter((t) => t.pollId !== event.pollId),
      };
    case 'hands.changed':
      return { ...next, hands: event.hands };
    case 'floor.changed':
      return { ...next, floor: event.floor };
    case 'question.upserted':
      return { ...next, questions: sortQuestions(upsert(next.questions, event.question)) };
    case 'question.removed':
      return { ...next, questions: next.questions.filter((q) => q.id !== event.questionId) };
    case 'chat.message':
      return { ...next, chat: upsert(next.chat, event.message) };
    case 'chat.removed':
      return { ...next, chat: next.chat.filter((m) => m.id !== event.messageId) };
  }
}

/** Presence travels apart from the sequence (it is coalesced and not replayed). */
export function applyPresence(snapshot: LiveSnapshot, update: PresenceUpdate): LiveSnapshot {
  const replaced = new Set([...update.removed, ...update.upserted.map((p) => p.key)]);
  return {
    ...snapshot,
    participants: [...snapshot.participants.filter((p) => !replaced.has(p.key)), ...update.upserted],
    participantCount: update.count,
  };
}

/** Tallies travel apart from the sequence (they are coalesced), so they replace without a seq check. */
export function applyTally(snapshot: LiveSnapshot, tally: PollTally): LiveSnapshot {
  const others = snapshot.tallies.filter((t) => t.pollId !== tally.pollId);
  return { ...snapshot, tallies: [...others, tally] };
}
