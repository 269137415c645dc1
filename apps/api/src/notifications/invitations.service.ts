import { Inject, Injectable } from '@nestjs/common';
import type {
  Delivery,
  InvitationStatus,
  MemberReach,
  NotificationChannel,
  ResendBody,
  ResendResult,
} from '@hallbridge/contracts';
import {
  canManageSession,
  compareNames,
  countReach,
  DomainError,
  reachOf,
  sessionTakesMessages,
} from '@hallbridge/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { scopeOf, type SessionRow } from '../sessions/session-view';
import { SessionsService } from '../sessions/sessions.service';
import { MESSAGE_CHANNELS, type MessageChannel } from './channels/message-channel';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { NotificationPlanner } from './notification-planner.service';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Sending a session's invitations, and who has been reached. Organisers see the units of their
 * scope (the whole invitation when they host it); a secretary sees and resends only their branch.
 */
@Injectable()
export class InvitationsService {
  private readonly channels: NotificationChannel[];

  constructor(
    @Inject(MESSAGE_CHANNELS) channels: MessageChannel[],
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly planner: NotificationPlanner,
    private readonly dispatcher: NotificationDispatcher,
  ) {
    this.channels = channels.map((c) => c.name);
  }

  /** The organiser sends the invitations out; from then on reminders and notices follow. */
  async send(actor: RequestActor, sessionId: string): Promise<InvitationStatus> {
    const session = await this.sessions.findManaged(actor, sessionId);
    if (!sessionTakesMessages(session.state))
      throw new DomainError('CONFLICT', { reason: 'session_not_ahead' });
    const now = new Date();
    const created = await this.prisma.$transaction(async (tx) => {
      const existing = await tx.notificationPlan.findUnique({ where: { sessionId } });
      if (existing) return false;
      await tx.notificationPlan.create({
        data: {
          sessionId,
          enabledAt: now,
          enabledById: actor.userId,
          enabledBy: actor.principal.displayName,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          lastPlannedAt: now,
        },
      });
      await this.audit.record(tx, actor, {
        action: 'session.invitations_sent',
        entityType: 'session',
        entityId: sessionId,
        sessionId,
        unitPath: session.hostUnit.path,
        after: { channels: this.channels },
      });
      return true;
    });
    if (created) await this.planner.planSession(sessionId, now);
    return this.status(actor, sessionId);
  }

  async status(actor: RequestActor, sessionId: string, unitId?: string): Promise<InvitationStatus> {
    const { session, scopePath } = await this.scoped(actor, sessionId);
    const members = await this.membersInScope(session, scopePath, unitId);
    const plan = await this.prisma.notificationPlan.findUnique({ where: { sessionId } });
    const rows = await this.prisma.notification.findMany({
      where: { sessionId, memberId: { in: members.map((m) => m.id) } },
      include: { attemptLog: { orderBy: { at: 'asc' } } },
      orderBy: [{ dueAt: 'asc' }],
    });
    const byMember = new Map<string, typeof rows>();
    for (const r of rows) byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), r]);
    const reaches: MemberReach[] = members.map((m) => {
      const mine = byMember.get(m.id) ?? [];
      const { reach, paperReason } = reachOf({
        email: m.email,
        phone: m.phone,
        channels: this.channels,
        invitationsSent: !!plan,
        messages: mine,
      });
      return {
        memberId: m.id,
        fullName: m.fullName,
        unitId: m.unitId,
        unitName: m.unit.name,
        email: m.email,
        phone: m.phone,
        reach,
        paperReason,
        deliveries: mine.map((r): Delivery => ({
          id: r.id,
          kind: r.kind,
          channel: r.channel,
          status: r.status,
          address: r.address,
          dueAt: r.dueAt.toISOString(),
          nextAttemptAt: r.status === 'queued' ? r.nextAttemptAt.toISOString() : null,
          sentAt: iso(r.sentAt),
          attempts: r.attempts,
          errorCode: r.errorCode,
          error: r.error,
          resends: r.resends,
          history: r.attemptLog.map((a) => ({
            at: a.at.toISOString(),
            ok: a.ok,
            errorCode: a.errorCode,
            error: a.error,
            durationMs: a.durationMs,
          })),
        })),
      };
    });
    const branches = [...new Map(reaches.map((r) => [r.unitId, r.unitName])).entries()]
      .map(([id, name]) => ({
        unitId: id,
        unitName: name,
        ...countReach(reaches.filter((r) => r.unitId === id).map((r) => r.reach)),
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
    return {
      sessionId,
      sentAt: iso(plan?.enabledAt ?? null),
      sentBy: plan?.enabledBy ?? null,
      channels: this.channels,
      canSend: canManageSession(actor, session.hostUnit.path) && sessionTakesMessages(session.state),
      total: countReach(reaches.map((r) => r.reach)),
      branches,
      members: reaches,
    };
  }

  /**
   * Sends the invitation again: to the members named (even if it reached them: they lost it), or
   * to everyone in scope whose invitation failed. Members outside the caller's scope are "not found".
   */
  async resend(actor: RequestActor, sessionId: string, body: ResendBody): Promise<ResendResult> {
    const { session, scopePath } = await this.scoped(actor, sessionId);
    if (!sessionTakesMessages(session.state))
      throw new DomainError('CONFLICT', { reason: 'session_not_ahead' });
    const plan = await this.prisma.notificationPlan.findUnique({ where: { sessionId } });
    if (!plan) throw new DomainError('CONFLICT', { reason: 'invitations_not_sent' });
    const members = await this.membersInScope(session, scopePath, body.unitId);
    let targets: string[];
    if (body.memberIds) {
      const known = new Set(members.map((m) => m.id));
      const outside = body.memberIds.find((id) => !known.has(id));
      if (outside) throw new DomainError('NOT_FOUND', { entity: 'member' }, { memberId: outside });
      targets = [...new Set(body.memberIds)];
    } else {
      const status = await this.status(actor, sessionId, body.unitId);
      targets = status.members.filter((m) => m.reach === 'failed').map((m) => m.memberId);
    }
    const { count } = await this.prisma.$transaction(async (tx) => {
      const requeued = await tx.notification.updateMany({
        where: {
          sessionId,
          memberId: { in: targets },
          kind: 'invitation',
          status: { in: body.memberIds ? ['failed', 'cancelled', 'sent'] : ['failed'] },
        },
        data: {
          status: 'queued',
          nextAttemptAt: new Date(),
          expiresAt: session.endsAt,
          attempts: 0,
          errorCode: null,
          error: null,
          resends: { increment: 1 },
        },
      });
      await this.audit.record(tx, actor, {
        action: 'session.invitations_resent',
        entityType: 'session',
        entityId: sessionId,
        sessionId,
        unitPath: scopePath ?? session.hostUnit.path,
        after: { memberIds: targets, requeued: requeued.count },
      });
      return requeued;
    });
    // Members who have gained an address since are planned; then everything goes out at once.
    await this.planner.planSession(sessionId);
    this.dispatcher.wake();
    return { requeued: count };
  }

  /** The session as the caller may see it, and the part of the roster the caller may follow. */
  private async scoped(
    actor: RequestActor,
    sessionId: string,
  ): Promise<{ session: SessionRow; scopePath: string | null }> {
    const session = await this.sessions.findVisible(actor, sessionId);
    if (canManageSession(actor, session.hostUnit.path)) return { session, scopePath: null };
    if (actor.role === 'organiser' || actor.role === 'secretary')
      return { session, scopePath: actor.unitPath };
    throw new DomainError('FORBIDDEN');
  }

  private async membersInScope(session: SessionRow, scopePath: string | null, unitId?: string) {
    let filterPath: string | null = null;
    if (unitId) {
      const unit = await this.prisma.unit.findUnique({ where: { id: unitId } });
      if (!unit || (scopePath && !unit.path.startsWith(scopePath) && !scopePath.startsWith(unit.path)))
        throw new DomainError('NOT_FOUND', { entity: 'unit' });
      filterPath = unit.path;
    }
    const invited = scopeOf(session).invitedUnitPaths;
    if (invited.length === 0) return [];
    const rows = await this.prisma.member.findMany({
      where: {
        status: { not: 'inactive' },
        AND: [
          { OR: invited.map((p) => ({ unit: { path: { startsWith: p } } })) },
          scopePath ? { unit: { path: { startsWith: scopePath } } } : {},
          filterPath ? { unit: { path: { startsWith: filterPath } } } : {},
        ],
      },
      include: { unit: { select: { name: true, path: true } } },
    });
    return rows.sort(
      (a, b) => a.unit.name.localeCompare(b.unit.name, 'vi') || compareNames(a.fullName, b.fullName),
    );
  }
}
