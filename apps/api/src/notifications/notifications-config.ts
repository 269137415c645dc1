/**
 * Where messages go and how fast the queue moves, from the environment. Without SMTP_URL there is
 * no e-mail, without MESSAGE_GATEWAY_URL no SMS/Zalo; members nobody can reach are listed as
 * needing a paper link. Defaults and the gateway's format are in docs/decisions.md and docs/api.md.
 */
export interface NotificationsConfig {
  /** SMTP_URL, e.g. smtp://user:pass@mail.example.vn:587 or smtps://…:465 (nodemailer's URL form). */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender of the e-mails; by default no-reply at the public address's host. */
  mailFrom: string | null;
  gateway: GatewayConfig | null;
  /** NOTIFY_POLL_MS: how often each instance looks for messages that are due. */
  pollMs: number;
  /** NOTIFY_PLAN_MS: how often sessions are checked for new members, moves and cancellations. */
  planMs: number;
  /** NOTIFY_RETRY_BASE_MS: the first retry's delay; later ones grow five-fold (docs/decisions.md). */
  retryBaseMs: number;
  /** NOTIFY_CLAIM_STALE_MS: a message claimed this long ago without an outcome lost its instance. */
  claimStaleMs: number;
  /** NOTIFY_SEND_TIMEOUT_MS: one attempt on any channel gives up after this. */
  sendTimeoutMs: number;
  /** NOTIFY_ENABLED=false stops this instance from sending (it still plans and reports). */
  enabled: boolean;
}

export interface GatewayConfig {
  /** MESSAGE_GATEWAY_URL: the provider's (or a relay's) endpoint receiving the signed JSON POST. */
  url: string;
  /** MESSAGE_GATEWAY_SECRET: the shared secret of the HMAC signature. */
  secret: string;
  /** MESSAGE_GATEWAY_CHANNEL: what the provider delivers, told to it in each message: sms or zalo. */
  channel: 'sms' | 'zalo';
}

const positive = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
};

export function loadNotificationsConfig(env: NodeJS.ProcessEnv): NotificationsConfig {
  const gatewayUrl = env.MESSAGE_GATEWAY_URL || null;
  if (gatewayUrl && !env.MESSAGE_GATEWAY_SECRET)
    throw new Error('MESSAGE_GATEWAY_URL is set without MESSAGE_GATEWAY_SECRET: the gateway must be signed');
  return {
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || null,
    gateway: gatewayUrl
      ? {
          url: gatewayUrl,
          secret: env.MESSAGE_GATEWAY_SECRET!,
          channel: env.MESSAGE_GATEWAY_CHANNEL === 'zalo' ? 'zalo' : 'sms',
        }
      : null,
    pollMs: positive(env.NOTIFY_POLL_MS, 10_000),
    planMs: positive(env.NOTIFY_PLAN_MS, 60_000),
    retryBaseMs: positive(env.NOTIFY_RETRY_BASE_MS, 60_000),
    claimStaleMs: positive(env.NOTIFY_CLAIM_STALE_MS, 5 * 60_000),
    sendTimeoutMs: positive(env.NOTIFY_SEND_TIMEOUT_MS, 20_000),
    enabled: env.NOTIFY_ENABLED !== 'false',
  };
}

/** The sender when MAIL_FROM is not set: no-reply at the host links are built from. */
export function defaultMailFrom(publicUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname;
  } catch {
    /* keep localhost */
  }
  return `HallBridge <no-reply@${host.includes('.') ? host : `${host}.localdomain`}>`;
}
