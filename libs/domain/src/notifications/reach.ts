import type {
  DeliveryStatus,
  NotificationChannel,
  NotificationKind,
  ReachCounts,
  ReachStatus,
} from '@hallbridge/contracts';
import { isReflectionReminder } from '../reflections/reflection-reminders';

export interface ReachInput {
  email: string | null;
  phone: string | null;
  /** The channels this server is configured to send through. */
  channels: readonly NotificationChannel[];
  /** Whether the session's invitations have been sent out. */
  invitationsSent: boolean;
  messages: readonly { kind: NotificationKind; status: DeliveryStatus }[];
}

/** The channels a member can be reached on: an address, and a channel configured for it. */
export function channelsFor(
  member: { email: string | null; phone: string | null },
  configured: readonly NotificationChannel[],
): NotificationChannel[] {
  return configured.filter((c) => (c === 'email' ? !!member.email : !!member.phone));
}

/** The invitation and the reminders of the session tell of it; notices and reflection reminders do not. */
const tellsOfSession = (kind: NotificationKind) =>
  kind !== 'rescheduled' && kind !== 'cancelled' && !isReflectionReminder(kind);

/**
 * Reached once the invitation or a reminder went out on any channel. Until then: pending while the
 * invitation is on its way, failed when every try of it failed, needs paper when the member has
 * no channel at all.
 */
export function reachOf(m: ReachInput): {
  reach: ReachStatus;
  paperReason: 'no_address' | 'no_channel' | null;
} {
  const telling = m.messages.filter((x) => tellsOfSession(x.kind));
  if (telling.some((x) => x.status === 'sent')) return { reach: 'reached', paperReason: null };
  if (channelsFor(m, m.channels).length === 0)
    return { reach: 'needs_paper', paperReason: m.email || m.phone ? 'no_channel' : 'no_address' };
  if (!m.invitationsSent) return { reach: 'not_sent', paperReason: null };
  const invitation = telling.filter((x) => x.kind === 'invitation');
  const waiting = (x: { status: DeliveryStatus }) => x.status === 'queued' || x.status === 'sending';
  if (invitation.some(waiting)) return { reach: 'pending', paperReason: null };
  if (invitation.some((x) => x.status === 'failed')) return { reach: 'failed', paperReason: null };
  if (telling.some(waiting)) return { reach: 'pending', paperReason: null };
  return { reach: 'not_sent', paperReason: null };
}

export function countReach(statuses: readonly ReachStatus[]): ReachCounts {
  const n = (s: ReachStatus) => statuses.filter((x) => x === s).length;
  return {
    invited: statuses.length,
    reached: n('reached'),
    pending: n('pending'),
    failed: n('failed'),
    needsPaper: n('needs_paper'),
    notSent: n('not_sent'),
  };
}
