import type { NotificationChannel, NotificationKind } from '@hallbridge/contracts';

/** One message, written in the member's language, ready for any channel. */
export interface OutgoingMessage {
  /** The delivery record's id: the same on every retry, so a receiver can drop a repeat. */
  id: string;
  kind: NotificationKind;
  locale: 'vi' | 'en';
  /** The e-mail address or phone number. */
  to: string;
  sessionId: string;
  memberId: string;
  /** The member's link into the session. */
  link: string;
  subject: string;
  text: string;
  html: string;
  /** A few lines for SMS or Zalo. */
  short: string;
}

/** Why an attempt failed; `permanent` ones are not retried (docs/decisions.md, retry policy). */
export class DeliveryFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

/** The one port every channel is behind: send, or throw a DeliveryFailure. */
export interface MessageChannel {
  readonly name: NotificationChannel;
  send(message: OutgoingMessage, signal: AbortSignal): Promise<{ providerMessageId: string | null }>;
  close?(): Promise<void> | void;
}

export const MESSAGE_CHANNELS = Symbol('MESSAGE_CHANNELS');
