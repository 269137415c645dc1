import { foldDiacritics, httpIsPermanent } from '@hallbridge/domain';
import type { GatewayConfig } from '../notifications-config';
import { MESSAGE_ID_HEADER, SIGNATURE_HEADER, signGatewayBody, TIMESTAMP_HEADER } from './gateway-signature';
import { DeliveryFailure, type MessageChannel, type OutgoingMessage } from './message-channel';

/** What the gateway receives (docs/api.md, "Message gateway"). */
export interface GatewayPayload {
  id: string;
  channel: 'sms' | 'zalo';
  /** E.164: +84912345678. */
  to: string;
  text: string;
  /** The same text without diacritics, for providers that send 7-bit SMS. */
  textAscii: string;
  locale: 'vi' | 'en';
  kind: string;
  link: string;
  sessionId: string;
  memberId: string;
}

/** 0912 345 678 → +84912345678; numbers already international are kept. */
export function toE164(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('84')) return `+${digits}`;
  return `+84${digits.replace(/^0/, '')}`;
}

/**
 * SMS or Zalo through a provider's HTTP gateway: a JSON POST signed with the shared secret. A 2xx
 * answer is a delivery (its JSON `id`, if any, is kept as the provider's message id); 4xx a refusal
 * for good (except 408, 425 and 429); 5xx, time-outs and network errors are retried.
 */
export class GatewayChannel implements MessageChannel {
  readonly name = 'gateway' as const;

  constructor(
    private readonly config: GatewayConfig,
    private readonly timeoutMs: number,
  ) {}

  async send(m: OutgoingMessage, signal: AbortSignal): Promise<{ providerMessageId: string | null }> {
    const payload: GatewayPayload = {
      id: m.id,
      channel: this.config.channel,
      to: toE164(m.to),
      text: m.short,
      textAscii: foldDiacritics(m.short).replace(/[“”]/g, '"').replace(/[‘’]/g, "'"),
      locale: m.locale,
      kind: m.kind,
      link: m.link,
      sessionId: m.sessionId,
      memberId: m.memberId,
    };
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    let res: Response;
    try {
      res = await fetch(this.config.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signGatewayBody(body, this.config.secret, timestamp),
          [MESSAGE_ID_HEADER]: m.id,
        },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      });
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError';
      throw new DeliveryFailure(
        timedOut ? 'gateway_timeout' : 'gateway_unreachable',
        timedOut
          ? `no answer in ${this.timeoutMs} ms`
          : String((e as Error & { cause?: Error }).cause?.message ?? e),
        false,
      );
    }
    const answer = await res.text().catch(() => '');
    if (!res.ok) {
      const permanent = httpIsPermanent(res.status);
      throw new DeliveryFailure(
        permanent ? 'gateway_rejected' : 'gateway_error',
        `HTTP ${res.status}${answer ? `: ${answer.slice(0, 300)}` : ''}`,
        permanent,
      );
    }
    let providerMessageId: string | null = null;
    try {
      const parsed = JSON.parse(answer) as { id?: unknown };
      if (typeof parsed.id === 'string' || typeof parsed.id === 'number')
        providerMessageId = String(parsed.id);
    } catch {
      /* a bare 2xx is a delivery too */
    }
    return { providerMessageId };
  }
}
