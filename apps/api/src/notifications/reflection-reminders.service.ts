import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { NotificationChannel } from '@hallbridge/contracts';
import {
  channelsFor,
  dueReminderSlots,
  needsReminder,
  REFLECTION_REMINDER_HOURS,
  reminderKindFor,
} from '@hallbridge/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type Prisma, PrismaService } from '../database/prisma.service';
import { MESSAGE_CHANNELS, type MessageChannel } from './channels/message-channel';
import { NotificationDispatcher } from './notification-dispatcher.service';

const HOUR = 3600_000;

/**
 * Reminds required members who have handed nothing in before a reflection deadline (the slots of
 * libs/domain reflection-reminders), through the same delivery records and dispatcher as the
 * invitations. Runs every NOTIFY_PLAN_MS on every instance; a slot is taken by one of them with a
 * compare-and-set on `ReflectionSettings.remindersSent`, so nobody is reminded twice for it.
 */
@Injectable()
export class ReflectionReminders implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer: NodeJS.Timeout | null = null;
  private readonly channelNames: NotificationChannel[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MESSAGE_CHANNELS) channels: MessageChannel[],
    private readonly prisma: PrismaService,
    private readonly dispatcher: NotificationDispatcher,
  ) {
    this.channelNames = channels.map((c) => c.name);
  }

  onApplicationBootstrap(): void {
    if (this.channelNames.length === 0) return;
    this.timer = setInterval(() => void this.planAll(), this.config.notifications.planMs);
    this.timer.unref();
    void this.planAll();
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Every call for reflections whose deadline is ahead and close enough for a reminder. */
  async planAll(now = new Date()): Promise<void> {
    const horizon = new Date(now.getTime() + Math.max(...REFLECTION_REMINDER_HOURS) * HOUR);
    const calls = await this.prisma.reflectionSettings
      .findMany({
        where: {
          enabled: true,
          deadline: { gte: now, lte: horizon },
          session: { state: { not: 'cancelled' } },
        },
        select: { sessionId: true, deadline: true, remindersSent: true },
      })
      .catch((e) => {
        this.logger.warn(`reflection reminders: ${(e as Error).message}`);
        return [];
      });
    for (const call of calls)
      await this.remind(call, now).catch((e) =>
        this.logger.warn(`session ${call.sessionId}: reflection reminders failed: ${(e as Error).message}`),
      );
  }

  private async remind(
    call: { sessionId: string; deadline: Date; remindersSent: Prisma.JsonValue },
    now: Date,
  ): Promise<void> {
    const sent = Array.isArray(call.remindersSent) ? (call.remindersSent as number[]) : [];
    const slots = dueReminderSlots(call.deadline, now, sent);
    if (slots.length === 0) return;
    // Whoever records the slots first sends them; a second instance (or a changed deadline) finds them moved.
    const { count } = await this.prisma.reflectionSettings.updateMany({
      where: { sessionId: call.sessionId, deadline: call.deadline, remindersSent: { equals: sent } },
      data: { remindersSent: [...sent, ...slots] },
    });
    if (count === 0) return;
    const session = await this.prisma.studySession.findUniqueOrThrow({
      where: { id: call.sessionId },
      include: { invitations: { include: { unit: { select: { path: true } } } } },
    });
    if (session.invitations.length === 0) return;
    const [members, reflections] = await Promise.all([
      this.prisma.member.findMany({
        where: {
          status: { not: 'inactive' },
          OR: session.invitations.map((i) => ({ unit: { path: { startsWith: i.unit.path } } })),
        },
        select: { id: true, status: true, email: true, phone: true },
      }),
      this.prisma.reflection.findMany({
        where: { sessionId: call.sessionId },
        select: { memberId: true, state: true },
      }),
    ]);
    const stateOf = new Map(reflections.map((r) => [r.memberId, r.state]));
    const kind = reminderKindFor(slots);
    const window = { dueAt: now, expiresAt: call.deadline, nextAttemptAt: now };
    const data: Prisma.NotificationCreateManyInput[] = [];
    for (const m of members) {
      if (!needsReminder({ required: m.status === 'active', state: stateOf.get(m.id) ?? null })) continue;
      for (const channel of channelsFor(m, this.channelNames))
        data.push({ sessionId: call.sessionId, memberId: m.id, channel, kind, ...window });
    }
    if (data.length === 0) return;
    const created = await this.prisma.notification.createMany({ data, skipDuplicates: true });
    // A deadline moved since an earlier round: that round's record of the same reminder is sent again.
    const again = await this.prisma.notification.updateMany({
      where: {
        sessionId: call.sessionId,
        kind,
        memberId: { in: [...new Set(data.map((d) => d.memberId))] },
        status: { in: ['sent', 'failed', 'cancelled'] },
        expiresAt: { not: call.deadline },
      },
      data: { status: 'queued', ...window, attempts: 0, sentAt: null, errorCode: null, error: null },
    });
    this.logger.log(
      `session ${call.sessionId}: ${created.count + again.count} reflection reminder(s) (${slots.join(', ')} h before the deadline)`,
    );
    this.dispatcher.wake();
  }
}
