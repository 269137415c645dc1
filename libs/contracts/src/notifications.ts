import { z } from 'zod';
import { Id } from './common';

/**
 * What a message says: the invitation, three reminders, the notices of a move or a cancellation, and
 * after the session the reminders to hand in a reflection (the first and the last before the deadline).
 */
export const NotificationKind = z.enum([
  'invitation',
  'reminder_day',
  'reminder_hour',
  'reminder_start',
  'rescheduled',
  'cancelled',
  'reflection_early',
  'reflection_last',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** e-mail over SMTP, or the HTTP gateway of an SMS or Zalo provider. */
export const NotificationChannel = z.enum(['email', 'gateway']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const DeliveryStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/**
 * Whether a member has been reached for a session: the invitation (or, when it was missed, a
 * reminder) went out on some channel; still on its way; every channel failed; or there is no
 * channel at all (no address, or none configured), so the secretary hands out a paper link.
 */
export const ReachStatus = z.enum(['reached', 'pending', 'failed', 'needs_paper', 'not_sent']);
export type ReachStatus = z.infer<typeof ReachStatus>;

export const DeliveryAttempt = z.object({
  at: z.string(),
  ok: z.boolean(),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const Delivery = z
  .object({
    id: Id,
    kind: NotificationKind,
    channel: NotificationChannel,
    status: DeliveryStatus,
    address: z.string().nullable(),
    dueAt: z.string(),
    nextAttemptAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    attempts: z.number().int(),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
    resends: z.number().int(),
    history: z.array(DeliveryAttempt),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof Delivery>;

export const MemberReach = z
  .object({
    memberId: Id,
    fullName: z.string(),
    unitId: Id,
    unitName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    reach: ReachStatus,
    /** Why nobody could be sent anything (needs_paper). */
    paperReason: z.enum(['no_address', 'no_channel']).nullable(),
    deliveries: z.array(Delivery),
  })
  .meta({ id: 'MemberReach' });
export type MemberReach = z.infer<typeof MemberReach>;

export const ReachCounts = z.object({
  invited: z.number().int(),
  reached: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
  needsPaper: z.number().int(),
  notSent: z.number().int(),
});
export type ReachCounts = z.infer<typeof ReachCounts>;

export const BranchReach = ReachCounts.extend({ unitId: Id, unitName: z.string() });
export type BranchReach = z.infer<typeof BranchReach>;

export const InvitationStatus = z
  .object({
    sessionId: Id,
    /** When the organiser sent the invitations out; null while they have not been. */
    sentAt: z.string().nullable(),
    sentBy: z.string().nullable(),
    /** The channels this server can send through. */
    channels: z.array(NotificationChannel),
    /** Whether the caller may send the invitations (organisers managing the session). */
    canSend: z.boolean(),
    total: ReachCounts,
    branches: z.array(BranchReach),
    members: z.array(MemberReach),
  })
  .meta({ id: 'InvitationStatus' });
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const InvitationQuery = z.object({ unitId: Id.optional() });
export type InvitationQuery = z.infer<typeof InvitationQuery>;

/** Resend to these members, or, without a list, to everyone in scope who has not been reached. */
export const ResendBody = z
  .object({ memberIds: z.array(Id).max(5000).optional(), unitId: Id.optional() })
  .meta({ id: 'ResendBody' });
export type ResendBody = z.infer<typeof ResendBody>;

export const ResendResult = z.object({ requeued: z.number().int() }).meta({ id: 'ResendResult' });
export type ResendResult = z.infer<typeof ResendResult>;

// ---- The personal link ----------------------------------------------------------------------------

/** A member's long-lived link to their own page; the code is short enough to type from paper. */
export const PersonalLink = z
  .object({
    memberId: Id,
    fullName: z.string(),
    unitId: Id,
    unitName: z.string(),
    code: z.string(),
    url: z.string(),
    /** The link without the scheme, grouped for typing from paper. */
    shortUrl: z.string(),
    generation: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'PersonalLink' });
export type PersonalLink = z.infer<typeof PersonalLink>;

export const PersonalLinkBody = z
  .object({ code: z.string().trim().min(6).max(40) })
  .meta({ id: 'PersonalLinkBody' });
export type PersonalLinkBody = z.infer<typeof PersonalLinkBody>;

export const QrSheetQuery = z.object({
  /** Only members with neither an e-mail address nor a phone number. */
  paperOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type QrSheetQuery = z.infer<typeof QrSheetQuery>;

export const MemberPreferencesBody = z
  .object({ locale: z.enum(['vi', 'en']) })
  .meta({ id: 'MemberPreferencesBody' });
export type MemberPreferencesBody = z.infer<typeof MemberPreferencesBody>;
