import { smtpIsPermanent } from '@hallbridge/domain';
import { createTransport, type Transporter } from 'nodemailer';
import { DeliveryFailure, type MessageChannel, type OutgoingMessage } from './message-channel';

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** E-mail over SMTP through nodemailer (a pooled connection; TLS as the URL says). */
export class EmailChannel implements MessageChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 2,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    } as Parameters<typeof createTransport>[0]);
  }

  async send(m: OutgoingMessage): Promise<{ providerMessageId: string | null }> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: { 'X-HallBridge-Message-Id': m.id, 'Auto-Submitted': 'auto-generated' },
      });
      if (info.rejected?.length) throw new DeliveryFailure('smtp_rejected', String(info.response), true);
      return { providerMessageId: info.messageId ?? null };
    } catch (e) {
      if (e instanceof DeliveryFailure) throw e;
      const err = e as SmtpError;
      const permanent = smtpIsPermanent(err.responseCode);
      const code = err.responseCode ? (permanent ? 'smtp_rejected' : 'smtp_deferred') : 'smtp_unreachable';
      throw new DeliveryFailure(code, (err.response ?? err.message).slice(0, 500), permanent);
    }
  }

  close(): void {
    this.transport.close();
  }
}
