import { z } from 'zod';
import { Id, Key, Role, Text } from '../common';
import { SessionState } from '../sessions';

/** Who is in the room: one entry per person or site screen, whatever the number of devices. */
export const ParticipantKey = z
  .string()
  .max(80)
  .regex(/^[msu]:[\w-]+$/);
export type ParticipantKey = z.infer<typeof ParticipantKey>;

export const Participant = z.object({
  key: ParticipantKey,
  role: Role,
  name: z.string(),
  unitId: Id,
  unitName: z.string(),
  /** Open connections (a member on phone and PC counts once with 2). */
  connections: z.number().int(),
  joinedAt: z.number(),
});
export type Participant = z.infer<typeof Participant>;

export const SlidePosition = z.object({
  deckId: Id.nullable(),
  page: z.number().int().min(1),
  /** The presenter who drives the slides; others may ask for control. */
  controllerUserId: Id.nullable(),
});
export type SlidePosition = z.infer<typeof SlidePosition>;

export const PollKind = z.enum(['single', 'multiple', 'rating', 'text', 'quiz']);
export type PollKind = z.infer<typeof PollKind>;

/** Kinds answered by choosing among the poll's options (the others: a rating value, or text). */
export const pollHasOptions = (kind: PollKind) => kind === 'single' || kind === 'multiple' || kind === 'quiz';
/** The most options a poll may have. */
export const POLL_MAX_OPTIONS = 12;
/** A rating poll's scale: 1 to `ratingMax`, which lies in this range (5 unless chosen). */
export const RATING_MAX = { min: 2, max: 10, default: 5 } as const;
/** An option's id within its poll ('a', 'b', … or a rating '1'…'10'). */
export const OptionId = Key(16);

export const PollOption = z.object({
  id: OptionId,
  label: Text(200),
});
export type PollOption = z.infer<typeof PollOption>;

export const PollStatus = z.enum(['draft', 'open', 'closed']);
export type PollStatus = z.infer<typeof PollStatus>;

export const Poll = z.object({
  id: Id,
  question: z.string(),
  kind: PollKind,
  options: z.array(PollOption),
  /** Rating polls: answers are 1..ratingMax. */
  ratingMax: z.number().int().nullable(),
  /** Quiz polls: the right options; sent to non-staff only once results are shown. */
  correctOptionIds: z.array(z.string()).nullable(),
  /**
   * An answer may hold several options (multiple choice, or a quiz with several right ones):
   * decided by the server, since members do not see a quiz's right options until they are shown.
   */
  severalAnswers: z.boolean(),
  anonymous: z.boolean(),
  allowChange: z.boolean(),
  status: PollStatus,
  resultsVisible: z.boolean(),
  openedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  position: z.number().int(),
});
export type Poll = z.infer<typeof Poll>;

export const PollTally = z.object({
  pollId: Id,
  /** People who answered from their own device. */
  respondents: z.number().int(),
  /** Per option: answers from devices. */
  counts: z.record(z.string(), z.number().int()),
  /** Per option: people counted by show of hands in district rooms (marked apart). */
  siteCounts: z.record(z.string(), z.number().int()),
  /** Rooms that entered a show-of-hands count. */
  sitesReporting: z.number().int(),
  /** Rating polls: mean of the answers (devices and rooms), or null. */
  ratingMean: z.number().nullable(),
  /** Text polls: the answers, newest first (capped). */
  texts: z.array(z.string()),
});
export type PollTally = z.infer<typeof PollTally>;

export const Hand = z.object({
  key: ParticipantKey,
  name: z.string(),
  unitName: z.string(),
  role: Role,
  topic: z.string().nullable(),
  raisedAt: z.number(),
});
export type Hand = z.infer<typeof Hand>;

export const FloorHolder = z.object({
  key: ParticipantKey,
  name: z.string(),
  unitName: z.string(),
  role: Role,
  since: z.number(),
  withCamera: z.boolean(),
});
export type FloorHolder = z.infer<typeof FloorHolder>;

export const QuestionStatus = z.enum(['pending', 'approved', 'hidden', 'answered']);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

export const Question = z.object({
  id: Id,
  text: z.string(),
  /** null when the author asked anonymously. */
  authorName: z.string().nullable(),
  authorUnitName: z.string().nullable(),
  status: QuestionStatus,
  votes: z.number().int(),
  createdAt: z.number(),
});
export type Question = z.infer<typeof Question>;

export const ChatMessage = z.object({
  id: Id,
  authorKey: ParticipantKey,
  authorName: z.string(),
  text: z.string(),
  at: z.number(),
  hidden: z.boolean(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** The most people who may hold the floor at once. */
export const LIVE_MAX_FLOOR = 10;

export const LiveSettings = z.object({
  chatEnabled: z.boolean(),
  /** Questions wait for a moderator's approval before others see them. */
  questionsModerated: z.boolean(),
  /** How many people may hold the floor at once. */
  maxFloor: z.number().int().min(1).max(LIVE_MAX_FLOOR),
});
export type LiveSettings = z.infer<typeof LiveSettings>;

/**
 * Everything a client needs to draw the room, as seen by one viewer: staff see drafts, pending
 * questions, hidden chat and live tallies; others see what has been made public.
 */
export const LiveSnapshot = z.object({
  sessionId: Id,
  seq: z.number().int(),
  state: SessionState,
  slide: SlidePosition,
  settings: LiveSettings,
  polls: z.array(Poll),
  tallies: z.array(PollTally),
  /** The viewer's own answers per poll (option ids, rating as "1".."n", or the text). */
  myAnswers: z.record(z.string(), z.array(z.string())),
  hands: z.array(Hand),
  floor: z.array(FloorHolder),
  questions: z.array(Question),
  /** Questions the viewer has upvoted. */
  myVotes: z.array(Id),
  /** Questions the viewer asked (nobody upvotes their own). */
  myQuestions: z.array(Id),
  chat: z.array(ChatMessage),
  /** Staff only; others get an empty list and the count. */
  participants: z.array(Participant),
  participantCount: z.number().int(),
  /** Quiz points of the viewer (members and sites). */
  myScore: z.number().int(),
});
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;
