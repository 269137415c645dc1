import { Injectable } from '@nestjs/common';
import {
  AttendanceRules,
  type CreateSessionBody,
  type SessionQuery,
  type StudySession,
  type TransitionBody,
  type UpdateSessionBody,
} from '@hallbridge/contracts';
import {
  assertEditable,
  availableActions,
  canManageSession,
  canViewSession,
  DomainError,
  isWithin,
  participantKey,
  transition,
  type TransitionActor,
} from '@hallbridge/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { type Prisma, PrismaService, type Tx } from '../database/prisma.service';
import { SessionLifecycle } from '../live/session-lifecycle';
import { scopeOf, sessionInclude, toStudySession, type MemberCounter, type SessionRow } from './session-view';

const stampOf = {
  start: 'startedAt',
  end: 'endedAt',
  close_attendance: 'attendanceClosedAt',
  cancel: 'cancelledAt',
} as const;

@Injectable()
export class SessionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  /** Sessions the caller may see, soonest first. */
  async list(actor: RequestActor, query: SessionQuery): Promise<StudySession[]> {
    const ancestorIds = actor.unitPath.split('/').filter(Boolean);
    const inScope = { path: { startsWith: actor.unitPath } };
    const visible: Prisma.StudySessionWhereInput =
      actor.role === 'organiser'
        ? {
            OR: [
              { hostUnit: inScope },
              { invitations: { some: { unit: inScope } } },
              { invitations: { some: { unitId: { in: ancestorIds } } } },
            ],
          }
        : actor.role === 'presenter'
          ? { presenters: { some: { userId: actor.userId ?? '' } } }
          : { invitations: { some: { unitId: { in: ancestorIds } } } };
    const rows = await this.prisma.studySession.findMany({
      where: {
        AND: [
          visible,
          query.from ? { endsAt: { gte: new Date(query.from) } } : {},
          query.to ? { startsAt: { lte: new Date(query.to) } } : {},
          query.state ? { state: query.state } : {},
        ],
      },
      include: sessionInclude,
      orderBy: { startsAt: 'asc' },
    });
    const counter = await this.memberCounter();
    return rows.map((r) => toStudySession(r, counter));
  }

  async get(actor: RequestActor, id: string): Promise<StudySession> {
    const row = await this.findVisible(actor, id);
    return toStudySession(row, await this.memberCounter());
  }

  /** What the caller may do with the session now (drives the buttons the web app shows). */
  async actions(actor: RequestActor, id: string) {
    const row = await this.findVisible(actor, id);
    return availableActions(row.state, this.transitionActor(actor, row));
  }

  async create(actor: RequestActor, body: CreateSessionBody): Promise<StudySession> {
    const host = await this.prisma.unit.findUnique({ where: { id: body.hostUnitId } });
    if (!host || !isWithin(host.path, actor.unitId)) throw new DomainError('NOT_FOUND', { entity: 'unit' });
    if (!canManageSession(actor, host.path)) throw new DomainError('FORBIDDEN');
    const row = await this.prisma.$transaction(async (tx) => {
      await this.assertInvitable(tx, actor, body.invitedUnitIds);
      await this.assertPresenters(tx, body.presenterIds);
      const created = await tx.studySession.create({
        data: {
          title: body.title,
          topic: body.topic ?? null,
          description: body.description ?? null,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          mode: body.mode,
          hostUnitId: host.id,
          attendanceRules: AttendanceRules.parse(body.attendanceRules ?? {}),
          createdById: actor.userId,
          invitations: { create: [...new Set(body.invitedUnitIds)].map((unitId) => ({ unitId })) },
          presenters: { create: [...new Set(body.presenterIds)].map((userId) => ({ userId })) },
        },
        include: sessionInclude,
      });
      await this.audit.record(tx, actor, {
        action: 'session.created',
        entityType: 'session',
        entityId: created.id,
        sessionId: created.id,
        unitPath: host.path,
        after: toStudySession(created, () => 0),
      });
      return created;
    });
    return toStudySession(row, await this.memberCounter());
  }

  /** Edits, reschedules and re-invites; what may change depends on the session's state. */
  async update(actor: RequestActor, id: string, body: UpdateSessionBody): Promise<StudySession> {
    const existing = await this.findManaged(actor, id);
    const { reason, ...changes } = body;
    const changed = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    assertEditable(existing.state, changed);
    const startsAt = changes.startsAt ? new Date(changes.startsAt) : existing.startsAt;
    const endsAt = changes.endsAt ? new Date(changes.endsAt) : existing.endsAt;
    if (endsAt <= startsAt)
      throw new DomainError('VALIDATION_FAILED', { summary: 'endsAt: the end must be after the start' });
    const rescheduled =
      startsAt.getTime() !== existing.startsAt.getTime() || endsAt.getTime() !== existing.endsAt.getTime();

    const row = await this.prisma.$transaction(async (tx) => {
      if (changes.invitedUnitIds) {
        await this.assertInvitable(tx, actor, changes.invitedUnitIds);
        await tx.sessionInvitation.deleteMany({ where: { sessionId: id } });
        await tx.sessionInvitation.createMany({
          data: [...new Set(changes.invitedUnitIds)].map((unitId) => ({ sessionId: id, unitId })),
        });
      }
      if (changes.presenterIds) {
        await this.assertPresenters(tx, changes.presenterIds);
        await tx.sessionPresenter.deleteMany({ where: { sessionId: id } });
        await tx.sessionPresenter.createMany({
          data: [...new Set(changes.presenterIds)].map((userId) => ({ sessionId: id, userId })),
        });
      }
      const updated = await tx.studySession.update({
        where: { id },
        data: {
          title: changes.title,
          topic: changes.topic,
          description: changes.description,
          startsAt,
          endsAt,
          mode: changes.mode,
          attendanceRules: changes.attendanceRules
            ? AttendanceRules.parse(changes.attendanceRules)
            : undefined,
        },
        include: sessionInclude,
      });
      await this.audit.record(tx, actor, {
        action: rescheduled ? 'session.rescheduled' : 'session.updated',
        entityType: 'session',
        entityId: id,
        sessionId: id,
        unitPath: existing.hostUnit.path,
        before: toStudySession(existing, () => 0),
        after: toStudySession(updated, () => 0),
        reason,
      });
      return updated;
    });
    return toStudySession(row, await this.memberCounter());
  }

  /** start, end, close or reopen attendance, cancel: checked by the state machine, stamped and audited. */
  async transition(actor: RequestActor, id: string, body: TransitionBody): Promise<StudySession> {
    const existing = await this.findVisible(actor, id);
    const next = transition(existing.state, body.action, this.transitionActor(actor, existing));
    const row = await this.prisma.$transaction(async (tx) => {
      // Guard against a concurrent transition: only move from the state we checked.
      const stamp =
        body.action === 'reopen_attendance'
          ? { attendanceClosedAt: null }
          : { [stampOf[body.action]]: new Date() };
      const moved = await tx.studySession.updateMany({
        where: { id, state: existing.state },
        data: {
          state: next,
          ...stamp,
          ...(body.action === 'cancel' ? { cancelReason: body.reason ?? null } : {}),
        },
      });
      if (moved.count !== 1)
        throw new DomainError('INVALID_TRANSITION', { action: body.action, state: existing.state });
      await this.audit.record(tx, actor, {
        action: `session.${body.action}`,
        entityType: 'session',
        entityId: id,
        sessionId: id,
        unitPath: existing.hostUnit.path,
        before: { state: existing.state },
        after: { state: next },
        reason: body.reason,
      });
      return tx.studySession.findUniqueOrThrow({ where: { id }, include: sessionInclude });
    });
    this.lifecycle.emit('state', { sessionId: id, state: next, actorKey: participantKey(actor) });
    return toStudySession(row, await this.memberCounter());
  }

  /** Loads a session the caller may see; others get "not found", never a hint that it exists. */
  async findVisible(actor: RequestActor, id: string): Promise<SessionRow> {
    const row = await this.prisma.studySession.findUnique({ where: { id }, include: sessionInclude });
    if (!row || !canViewSession(actor, actor.unitPath, scopeOf(row)))
      throw new DomainError('NOT_FOUND', { entity: 'session' });
    return row;
  }

  async findManaged(actor: RequestActor, id: string): Promise<SessionRow> {
    const row = await this.findVisible(actor, id);
    if (!canManageSession(actor, row.hostUnit.path)) throw new DomainError('FORBIDDEN');
    return row;
  }

  transitionActor(actor: RequestActor, row: SessionRow): TransitionActor {
    return {
      role: actor.role,
      managesHostUnit: canManageSession(actor, row.hostUnit.path),
      presentsSession: actor.userId !== null && row.presenters.some((p) => p.userId === actor.userId),
    };
  }

  /** Counts the people each invitation covers: active and exempt members of the unit's subtree. */
  async memberCounter(): Promise<MemberCounter> {
    const rows = await this.prisma.$queryRaw<{ path: string; n: bigint }[]>`
      SELECT u."path", count(m."id") AS n FROM "Member" m JOIN "Unit" u ON u."id" = m."unitId"
      WHERE m."status" <> 'inactive' GROUP BY u."path"`;
    return (unitPath) => rows.reduce((sum, r) => (r.path.startsWith(unitPath) ? sum + Number(r.n) : sum), 0);
  }

  private async assertInvitable(tx: Tx, actor: RequestActor, unitIds: string[]): Promise<void> {
    const units = await tx.unit.findMany({
      where: { id: { in: unitIds } },
      select: { id: true, path: true },
    });
    const missing = unitIds.find((id) => !units.some((u) => u.id === id && isWithin(u.path, actor.unitId)));
    if (missing) throw new DomainError('NOT_FOUND', { entity: 'unit' }, { unitId: missing });
  }

  private async assertPresenters(tx: Tx, userIds: string[]): Promise<void> {
    const found = await tx.user.count({ where: { id: { in: userIds }, role: 'presenter', active: true } });
    if (found !== new Set(userIds).size) throw new DomainError('NOT_FOUND', { entity: 'user' });
  }
}
