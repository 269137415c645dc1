import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  afterFailure,
  checkBeforeSending,
  isInvited,
  isReflectionReminder,
  needsReminder,
} from '@hallbridge/domain';
import { randomUUID } from 'node:crypto';
import { joinLinkExpiry, signJoinLink } from '../auth/join-link';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type Prisma, PrismaService } from '../database/prisma.service';
import { DeliveryFailure, MESSAGE_CHANNELS, type MessageChannel } from './channels/message-channel';
import { renderMessage } from './notification-message';

/** Messages claimed per round; each instance sends this many at a time at most. */
const BATCH = 20;
const CONCURRENCY = 4;

const deliveryInclude = {
  member: { include: { unit: { select: { path: true } } } },
  session: {
    include: {
      hostUnit: { select: { name: true } },
      invitations: { include: { unit: { select: { path: true } } } },
    },
  },
} satisfies Prisma.NotificationInclude;
type DeliveryRow = Prisma.NotificationGetPayload<{ include: typeof deliveryInclude }>;

/**
 * Sends what is due. Every instance polls; a message is claimed with a conditional update
 * (queued → sending, only if still queued and due), so with several instances each one is sent
 * once. A claim whose instance died mid-send is released after NOTIFY_CLAIM_STALE_MS and sent
 * again (at least once: receivers can drop the repeat by its message id). Everything lives in the
 * database, so a restart loses nothing and reminders are sent by whichever instance is up.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly instanceId = randomUUID();
  private readonly channels: Map<string, MessageChannel>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopping = new AbortController();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MESSAGE_CHANNELS) channels: MessageChannel[],
    private readonly prisma: PrismaService,
  ) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
  }

  onApplicationBootstrap(): void {
    if (!this.config.notifications.enabled) return;
    this.timer = setInterval(() => this.wake(), this.config.notifications.pollMs);
    this.timer.unref();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopping.abort();
    await this.running;
    for (const channel of this.channels.values()) await channel.close?.();
  }

  /** Looks for due messages now (after planning, a resend, or on the poll). */
  wake(): void {
    if (!this.config.notifications.enabled || this.stopping.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((e) => this.logger.warn(`sending failed: ${(e as Error).message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once nothing due is left (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    await this.releaseStaleClaims();
    for (;;) {
      if (this.stopping.signal.aborted) return;
      const now = new Date();
      const due = await this.prisma.notification.findMany({
        where: { status: 'queued', nextAttemptAt: { lte: now } },
        orderBy: { nextAttemptAt: 'asc' },
        take: BATCH,
        select: { id: true },
      });
      if (due.length === 0) return;
      let claimed = 0;
      const queue = [...due];
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            if (this.stopping.signal.aborted) return;
            if (await this.claim(next.id, now)) {
              claimed++;
              await this.deliver(next.id);
            }
          }
        }),
      );
      // Another instance took them all: leave the rest to it rather than racing on the same rows.
      if (claimed === 0 || due.length < BATCH) return;
    }
  }

  private async claim(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.notification.updateMany({
      where: { id, status: 'queued', nextAttemptAt: { lte: now } },
      data: {
        status: 'sending',
        claimedAt: new Date(),
        claimedBy: this.instanceId,
        attempts: { increment: 1 },
      },
    });
    return count === 1;
  }

  private async releaseStaleClaims(): Promise<void> {
    const { count } = await this.prisma.notification.updateMany({
      where: {
        status: 'sending',
        claimedAt: { lt: new Date(Date.now() - this.config.notifications.claimStaleMs) },
      },
      data: { status: 'queued', claimedAt: null, claimedBy: null },
    });
    if (count) this.logger.warn(`${count} message(s) claimed by a stopped instance are queued again`);
  }

  private async deliver(id: string): Promise<void> {
    const row = await this.prisma.notification.findUnique({ where: { id }, include: deliveryInclude });
    if (!row) return;
    const now = new Date();
    const invited =
      row.member.status !== 'inactive' &&
      isInvited(
        row.member.unit.path,
        row.session.invitations.map((i) => i.unit.path),
      );
    if (!invited && row.kind !== 'cancelled') return this.settle(row, 'cancelled', 'not_invited', null);
    const check = checkBeforeSending(row, row.session.state, now);
    if (!check.send) return this.settle(row, 'cancelled', check.reason, null);
    const deadline = isReflectionReminder(row.kind) ? await this.reflectionDeadline(row) : null;
    if (isReflectionReminder(row.kind) && !deadline) return this.settle(row, 'cancelled', 'handed_in', null);
    const address = row.channel === 'email' ? row.member.email : row.member.phone;
    if (!address) return this.settle(row, 'cancelled', 'no_address', null);
    const channel = this.channels.get(row.channel);
    if (!channel) return this.settle(row, 'failed', 'channel_off', null);

    const message = renderMessage({
      id: row.id,
      kind: row.kind,
      locale: row.member.locale === 'en' ? 'en' : 'vi',
      to: address,
      memberId: row.memberId,
      memberName: row.member.fullName,
      sessionId: row.sessionId,
      title: row.session.title,
      hostUnitName: row.session.hostUnit.name,
      mode: row.session.mode,
      startsAt: row.session.startsAt,
      previousStartsAt: row.previousStartsAt,
      cancelReason: row.session.cancelReason,
      deadline,
      link: this.joinLink(row, deadline),
      timeZone: this.config.attendance.timeZone,
    });
    const started = Date.now();
    try {
      const sent = await channel.send(
        message,
        AbortSignal.any([this.stopping.signal, AbortSignal.timeout(this.config.notifications.sendTimeoutMs)]),
      );
      await this.record(row, started, null, {
        status: 'sent',
        sentAt: new Date(),
        address,
        providerMessageId: sent.providerMessageId,
        errorCode: null,
        error: null,
      });
    } catch (e) {
      const failure =
        e instanceof DeliveryFailure
          ? e
          : new DeliveryFailure('internal', (e as Error)?.message ?? String(e), false);
      if (!(e instanceof DeliveryFailure)) this.logger.error(`message ${row.id}: ${failure.message}`);
      const next = afterFailure(
        failure,
        row.attempts,
        row.expiresAt,
        new Date(),
        this.config.notifications.retryBaseMs,
      );
      await this.record(row, started, failure, {
        status: next.retry ? 'queued' : 'failed',
        nextAttemptAt: next.retry ? next.at : row.nextAttemptAt,
        address,
        errorCode: failure.code,
        error: failure.message,
      });
    }
  }

  /**
   * The member's per-session join link, with their language for the page it opens. A reflection
   * reminder's link opens the reflection (`to=reflection`) and lasts until the deadline at least.
   */
  private joinLink(row: DeliveryRow, reflectionDeadline: Date | null): string {
    const exp = Math.max(
      joinLinkExpiry(row.session.endsAt),
      reflectionDeadline ? Math.floor(reflectionDeadline.getTime() / 1000) + 24 * 3600 : 0,
    );
    const token = signJoinLink(
      { memberId: row.memberId, sessionId: row.sessionId, exp },
      this.config.authSecret,
    );
    const query = new URLSearchParams({
      ...(reflectionDeadline ? { to: 'reflection' } : {}),
      ...(row.member.locale === 'en' ? { lang: 'en' } : {}),
    }).toString();
    return `${this.config.publicUrl}/j/${token}${query ? `?${query}` : ''}`;
  }

  /** The deadline a reflection reminder speaks of, or null when the member needs none any more. */
  private async reflectionDeadline(row: DeliveryRow): Promise<Date | null> {
    const [settings, reflection] = await Promise.all([
      this.prisma.reflectionSettings.findUnique({ where: { sessionId: row.sessionId } }),
      this.prisma.reflection.findUnique({
        where: { sessionId_memberId: { sessionId: row.sessionId, memberId: row.memberId } },
        select: { state: true },
      }),
    ]);
    if (!settings?.enabled || settings.deadline < new Date()) return null;
    const required = row.member.status === 'active';
    return needsReminder({ required, state: reflection?.state ?? null }) ? settings.deadline : null;
  }

  private async record(
    row: DeliveryRow,
    started: number,
    failure: DeliveryFailure | null,
    data: Prisma.NotificationUpdateManyMutationInput,
  ): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.notification.updateMany({
        where: { id: row.id, status: 'sending', claimedBy: this.instanceId },
        data: { ...data, claimedAt: null, claimedBy: null },
      }),
      this.prisma.notificationAttempt.create({
        data: {
          notificationId: row.id,
          at: new Date(started),
          ok: failure === null,
          errorCode: failure?.code ?? null,
          error: failure?.message ?? null,
          durationMs: Date.now() - started,
        },
      }),
    ]);
  }

  /** Not sent, and why: no attempt was made, so the try is given back. */
  private async settle(
    row: DeliveryRow,
    status: 'cancelled' | 'failed',
    errorCode: string,
    error: string | null,
  ): Promise<void> {
    await this.prisma.notification.updateMany({
      where: { id: row.id, status: 'sending', claimedBy: this.instanceId },
      data: { status, errorCode, error, attempts: { decrement: 1 }, claimedAt: null, claimedBy: null },
    });
  }
}
