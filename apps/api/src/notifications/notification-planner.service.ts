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
  noticeWindow,
  planMessages,
  replanOnCancel,
  replanOnMove,
  wasTold,
  type Replan,
} from '@hallbridge/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type Prisma, PrismaService } from '../database/prisma.service';
import { SessionLifecycle } from '../live/session-lifecycle';
import { MESSAGE_CHANNELS, type MessageChannel } from './channels/message-channel';
import { NotificationDispatcher } from './notification-dispatcher.service';

type Row = {
  id: string;
  memberId: string;
  kind: Prisma.NotificationCreateManyInput['kind'];
  channel: NotificationChannel;
  status: Prisma.NotificationCreateManyInput['status'] & string;
};

/**
 * Turns a session whose invitations were sent into delivery records, and keeps them true: members
 * added to an invited branch since are invited, a move re-times the reminders and tells those who
 * were told, a cancellation drops what waits and tells them. Runs every NOTIFY_PLAN_MS on every
 * instance; each change is taken by one of them (a compare-and-set on the plan's times, unique
 * records), so running it twice at once changes nothing twice.
 */
@Injectable()
export class NotificationPlanner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer: NodeJS.Timeout | null = null;
  private readonly channelNames: NotificationChannel[];
  private readonly onState = ({ sessionId, state }: { sessionId: string; state: string }) => {
    if (state === 'cancelled') void this.planSession(sessionId).catch((e) => this.warn(sessionId, e));
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MESSAGE_CHANNELS) channels: MessageChannel[],
    private readonly prisma: PrismaService,
    private readonly dispatcher: NotificationDispatcher,
    private readonly lifecycle: SessionLifecycle,
  ) {
    this.channelNames = channels.map((c) => c.name);
  }

  onApplicationBootstrap(): void {
    this.lifecycle.on('state', this.onState);
    this.timer = setInterval(() => void this.planAll(), this.config.notifications.planMs);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    this.lifecycle.off('state', this.onState);
    if (this.timer) clearInterval(this.timer);
  }

  /** Every session with invitations out that may still need a change. */
  async planAll(): Promise<void> {
    const plans = await this.prisma.notificationPlan
      .findMany({
        where: {
          OR: [
            { session: { state: { in: ['scheduled', 'live'] } } },
            { session: { state: 'cancelled' }, cancelledAt: null },
          ],
        },
        select: { sessionId: true },
      })
      .catch((e) => {
        this.logger.warn(`planning failed: ${(e as Error).message}`);
        return [];
      });
    for (const { sessionId } of plans)
      await this.planSession(sessionId).catch((e) => this.warn(sessionId, e));
  }

  async planSession(sessionId: string, now = new Date()): Promise<void> {
    const session = await this.prisma.studySession.findUnique({
      where: { id: sessionId },
      include: { notificationPlan: true, invitations: { include: { unit: { select: { path: true } } } } },
    });
    const plan = session?.notificationPlan;
    if (!session || !plan) return;
    if (session.state === 'cancelled') {
      if (!plan.cancelledAt) await this.announceCancellation(session.id, now);
      return;
    }
    if (
      plan.startsAt.getTime() !== session.startsAt.getTime() ||
      plan.endsAt.getTime() !== session.endsAt.getTime()
    )
      await this.announceMove(session, plan, now);
    await this.inviteNewcomers(session, now);
  }

  /** Members of the invited units who have no invitation on a channel they could be reached on. */
  private async inviteNewcomers(
    session: {
      id: string;
      startsAt: Date;
      endsAt: Date;
      state: Prisma.StudySessionGetPayload<object>['state'];
      invitations: { unit: { path: string } }[];
    },
    now: Date,
  ): Promise<void> {
    if (session.invitations.length === 0) return;
    const planned = planMessages(session, now);
    if (planned.length === 0) return;
    const [members, invited] = await Promise.all([
      this.prisma.member.findMany({
        where: {
          status: { not: 'inactive' },
          OR: session.invitations.map((i) => ({ unit: { path: { startsWith: i.unit.path } } })),
        },
        select: { id: true, email: true, phone: true },
      }),
      this.prisma.notification.findMany({
        where: { sessionId: session.id, kind: 'invitation' },
        select: { memberId: true, channel: true },
      }),
    ]);
    const has = new Set(invited.map((r) => `${r.memberId}:${r.channel}`));
    const data: Prisma.NotificationCreateManyInput[] = [];
    for (const m of members)
      for (const channel of channelsFor(m, this.channelNames))
        if (!has.has(`${m.id}:${channel}`))
          for (const p of planned)
            data.push({
              sessionId: session.id,
              memberId: m.id,
              channel,
              kind: p.kind,
              dueAt: p.dueAt,
              expiresAt: p.expiresAt,
              nextAttemptAt: p.dueAt,
            });
    if (data.length === 0) return;
    const { count } = await this.prisma.notification.createMany({ data, skipDuplicates: true });
    if (count > 0) {
      this.logger.log(`session ${session.id}: ${count} message(s) planned`);
      this.dispatcher.wake();
    }
  }

  private async announceMove(
    session: { id: string; startsAt: Date; endsAt: Date },
    plan: { startsAt: Date; endsAt: Date },
    now: Date,
  ): Promise<void> {
    // Whoever moves the plan's times first does the work; a second instance finds them moved.
    const { count } = await this.prisma.notificationPlan.updateMany({
      where: { sessionId: session.id, startsAt: plan.startsAt, endsAt: plan.endsAt },
      data: { startsAt: session.startsAt, endsAt: session.endsAt, lastPlannedAt: now },
    });
    if (count === 0) return;
    const rows = await this.rows(session.id);
    for (const row of rows) {
      if (row.kind === 'invitation' && row.status === 'queued') {
        await this.prisma.notification.updateMany({
          where: { id: row.id, status: 'queued' },
          data: { expiresAt: session.endsAt },
        });
        continue;
      }
      await this.apply(row, replanOnMove(row, session, now));
    }
    const moved = session.startsAt.getTime() !== plan.startsAt.getTime();
    if (moved) await this.notice(session.id, rows, 'rescheduled', noticeWindow(session, now), plan.startsAt);
    this.logger.log(`session ${session.id}: moved; reminders re-timed`);
  }

  private async announceCancellation(sessionId: string, now: Date): Promise<void> {
    const { count } = await this.prisma.notificationPlan.updateMany({
      where: { sessionId, cancelledAt: null },
      data: { cancelledAt: now, lastPlannedAt: now },
    });
    if (count === 0) return;
    const rows = await this.rows(sessionId);
    for (const row of rows) await this.apply(row, replanOnCancel(row));
    await this.notice(
      sessionId,
      rows,
      'cancelled',
      { dueAt: now, expiresAt: new Date(now.getTime() + 3 * 24 * 3600_000) },
      null,
    );
    this.logger.log(`session ${sessionId}: cancelled; waiting messages dropped`);
  }

  /** A notice to every member (on every channel) who had been told of the session. */
  private async notice(
    sessionId: string,
    rows: Row[],
    kind: 'rescheduled' | 'cancelled',
    window: { dueAt: Date; expiresAt: Date },
    previousStartsAt: Date | null,
  ): Promise<void> {
    const byMember = new Map<string, Row[]>();
    for (const r of rows) byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), r]);
    for (const [memberId, mine] of byMember) {
      if (!wasTold(mine)) continue;
      for (const channel of new Set(mine.map((r) => r.channel))) {
        const data = {
          status: 'queued' as const,
          dueAt: window.dueAt,
          expiresAt: window.expiresAt,
          nextAttemptAt: window.dueAt,
          attempts: 0,
          errorCode: null,
          error: null,
          previousStartsAt,
        };
        await this.prisma.notification.upsert({
          where: { sessionId_memberId_kind_channel: { sessionId, memberId, kind, channel } },
          create: { sessionId, memberId, kind, channel, ...data },
          update: data,
        });
      }
    }
    this.dispatcher.wake();
  }

  private async apply(row: Row, change: Replan): Promise<void> {
    switch (change.action) {
      case 'keep':
        return;
      case 'move':
        await this.prisma.notification.updateMany({
          where: { id: row.id, status: 'queued' },
          data: {
            dueAt: change.window.dueAt,
            expiresAt: change.window.expiresAt,
            nextAttemptAt: change.window.dueAt,
          },
        });
        return;
      case 'requeue':
        await this.prisma.notification.updateMany({
          where: { id: row.id, status: { in: ['sent', 'failed', 'cancelled'] } },
          data: {
            status: 'queued',
            dueAt: change.window.dueAt,
            expiresAt: change.window.expiresAt,
            nextAttemptAt: change.window.dueAt,
            attempts: 0,
            sentAt: null,
            errorCode: null,
            error: null,
          },
        });
        return;
      case 'cancel':
        await this.prisma.notification.updateMany({
          where: { id: row.id, status: 'queued' },
          data: { status: 'cancelled', errorCode: change.reason, error: null },
        });
    }
  }

  private rows(sessionId: string): Promise<Row[]> {
    return this.prisma.notification.findMany({
      where: { sessionId },
      select: { id: true, memberId: true, kind: true, channel: true, status: true },
    });
  }

  private warn(sessionId: string, e: unknown): void {
    this.logger.warn(`session ${sessionId}: planning failed: ${(e as Error).message}`);
  }
}
