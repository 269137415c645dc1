import { z } from 'zod';
import { Id } from '../common';
import { SessionState } from '../sessions';
import {
  ChatMessage,
  FloorHolder,
  Hand,
  LiveSettings,
  Participant,
  ParticipantKey,
  Poll,
  Question,
  SlidePosition,
} from './live-state';

/**
 * One change to a live room. Every event carries the room's sequence number; a client remembers
 * the last one it saw and, on reconnecting, receives what it missed (or a fresh snapshot).
 */
export const LiveEventBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.state'), state: SessionState }),
  z.object({ type: z.literal('slide.changed'), slide: SlidePosition }),
  z.object({ type: z.literal('settings.changed'), settings: LiveSettings }),
  z.object({ type: z.literal('poll.upserted'), poll: Poll }),
  z.object({ type: z.literal('poll.removed'), pollId: Id }),
  z.object({ type: z.literal('hands.changed'), hands: z.array(Hand) }),
  z.object({ type: z.literal('floor.changed'), floor: z.array(FloorHolder) }),
  z.object({ type: z.literal('question.upserted'), question: Question }),
  z.object({ type: z.literal('question.removed'), questionId: Id }),
  z.object({ type: z.literal('chat.message'), message: ChatMessage }),
  z.object({ type: z.literal('chat.removed'), messageId: Id }),
]);
export type LiveEventBody = z.infer<typeof LiveEventBody>;
export type LiveEventType = LiveEventBody['type'];

export type LiveEvent = LiveEventBody & { seq: number; at: number };

/** Who came and went since the last update (staff get names; others only the count). Not sequenced. */
export const PresenceUpdate = z.object({
  upserted: z.array(Participant),
  removed: z.array(ParticipantKey),
  count: z.number().int(),
});
export type PresenceUpdate = z.infer<typeof PresenceUpdate>;

/** The presenter's pointer on the slide, in fractions of its width and height; null hides it. */
export const LivePointer = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).nullable();
export type LivePointer = z.infer<typeof LivePointer>;
