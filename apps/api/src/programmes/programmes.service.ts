import { Inject, Injectable } from '@nestjs/common';
import type {
  AuditAction,
  OpenProgrammeBody,
  Programme,
  ProgrammeActionBody,
  SessionProgrammes,
  UpdateProgrammeActionBody,
} from '@hallbridge/contracts';
import {
  adoptRefusal,
  canDraftProgramme,
  canReadProgramme,
  commentRefusal,
  DomainError,
  openRefusal,
  programmeProgress,
} from '@hallbridge/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService, type Tx } from '../database/prisma.service';
import { SessionsService } from '../sessions/sessions.service';
import type { SessionRow } from '../sessions/session-view';
import { programmeInclude, toAction, toProgramme, type ProgrammeRow } from './programme-view';
import { invitedBranches, todayIn } from './session-branches';

const day = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`);

/**
 * Each invited branch's action programme for a session: drafted by its secretary, open to its
 * members' comments for a set period, then adopted; its actions' status is its progress. Every
 * change made by staff is audited (so every change of an adopted programme is).
 */
@Injectable()
export class ProgrammesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  private today() {
    return todayIn(this.config.attendance.timeZone);
  }

  /** Every branch the caller oversees, with its programme's state and progress. */
  async overview(actor: RequestActor, sessionId: string): Promise<SessionProgrammes> {
    const session = await this.sessions.findVisible(actor, sessionId);
    if (actor.role !== 'organiser' && actor.role !== 'secretary') throw new DomainError('FORBIDDEN');
    const branches = (await invitedBranches(this.prisma, session)).filter((b) =>
      canDraftProgramme(actor, b.path),
    );
    const rows = await this.prisma.actionProgramme.findMany({
      where: { sessionId, unitId: { in: branches.map((b) => b.id) } },
      include: { actions: true, _count: { select: { comments: true } } },
    });
    const byUnit = new Map(rows.map((r) => [r.unitId, r]));
    const today = this.today();
    const actions = (r: (typeof rows)[number] | undefined) =>
      (r?.actions ?? []).map((a) => ({
        status: a.status,
        dueDate: a.dueDate?.toISOString().slice(0, 10) ?? null,
      }));
    return {
      sessionId,
      title: session.title,
      branches: branches.map((b) => {
        const r = byUnit.get(b.id);
        return {
          unitId: b.id,
          unitName: b.name,
          programmeId: r?.id ?? null,
          state: r?.state ?? null,
          commentsCloseAt: r?.commentsCloseAt?.toISOString() ?? null,
          adoptedAt: r?.adoptedAt?.toISOString() ?? null,
          comments: r?._count.comments ?? 0,
          progress: programmeProgress(actions(r), today),
        };
      }),
      total: programmeProgress(
        branches.flatMap((b) => actions(byUnit.get(b.id))),
        today,
      ),
      adopted: rows.filter((r) => r.state === 'adopted').length,
    };
  }

  /** A branch's programme (`unitId` "mine": the member's own branch). */
  async get(actor: RequestActor, sessionId: string, unitId: string): Promise<Programme> {
    const { session, branch, row } = await this.load(actor, sessionId, unitId);
    return this.view(actor, session, branch, row);
  }

  async addAction(actor: RequestActor, sessionId: string, unitId: string, body: ProgrammeActionBody) {
    const { session, branch, row } = await this.load(actor, sessionId, unitId, true);
    await this.prisma.$transaction(async (tx) => {
      const programme = row ?? (await tx.actionProgramme.create({ data: { sessionId, unitId: branch.id } }));
      const position = await tx.programmeAction.count({ where: { programmeId: programme.id } });
      const action = await tx.programmeAction.create({
        data: {
          programmeId: programme.id,
          position,
          title: body.title,
          owner: body.owner,
          dueDate: day(body.dueDate) ?? null,
          status: body.status,
          note: body.note ?? null,
        },
      });
      await this.record(
        tx,
        actor,
        programme.id,
        branch.path,
        sessionId,
        'programme.action_added',
        null,
        toAction(action),
      );
    });
    return this.view(actor, session, branch, await this.reload(sessionId, branch.id));
  }

  async updateAction(actor: RequestActor, actionId: string, body: UpdateProgrammeActionBody) {
    const { action, session, branch } = await this.action(actor, actionId);
    const { why, ...changes } = body;
    await this.prisma.$transaction(async (tx) => {
      const updated = await tx.programmeAction.update({
        where: { id: actionId },
        data: { ...changes, dueDate: day(changes.dueDate) },
      });
      await this.record(
        tx,
        actor,
        action.programmeId,
        branch.path,
        session.id,
        'programme.action_changed',
        toAction(action),
        toAction(updated),
        why,
      );
    });
    return this.view(actor, session, branch, await this.reload(session.id, branch.id));
  }

  async removeAction(actor: RequestActor, actionId: string, why?: string | null) {
    const { action, session, branch } = await this.action(actor, actionId);
    await this.prisma.$transaction(async (tx) => {
      await tx.programmeAction.delete({ where: { id: actionId } });
      await this.record(
        tx,
        actor,
        action.programmeId,
        branch.path,
        session.id,
        'programme.action_removed',
        toAction(action),
        null,
        why,
      );
    });
    return this.view(actor, session, branch, await this.reload(session.id, branch.id));
  }

  async open(actor: RequestActor, programmeId: string, body: OpenProgrammeBody) {
    const { session, branch, row } = await this.byId(actor, programmeId, true);
    const closesAt = new Date(body.commentsCloseAt);
    const refusal = openRefusal(row.state, row.actions.length, closesAt, new Date());
    if (refusal) throw new DomainError('CONFLICT', { reason: refusal });
    await this.transition(actor, row, branch.path, 'programme.opened', {
      state: 'open',
      commentsCloseAt: closesAt,
      openedAt: new Date(),
    });
    return this.view(actor, session, branch, await this.reload(session.id, branch.id));
  }

  async adopt(actor: RequestActor, programmeId: string) {
    const { session, branch, row } = await this.byId(actor, programmeId, true);
    const refusal = adoptRefusal(row.state, row.actions.length);
    if (refusal) throw new DomainError('CONFLICT', { reason: refusal });
    const now = new Date();
    await this.transition(actor, row, branch.path, 'programme.adopted', {
      state: 'adopted',
      adoptedAt: now,
      adoptedBy: actor.principal.displayName,
      // Adopting ends the comment period.
      ...(row.commentsCloseAt && row.commentsCloseAt > now ? { commentsCloseAt: now } : {}),
    });
    return this.view(actor, session, branch, await this.reload(session.id, branch.id));
  }

  /** A member of the branch (or its staff) comments while the programme is open. */
  async comment(actor: RequestActor, programmeId: string, body: string) {
    const { session, branch, row } = await this.byId(actor, programmeId, false);
    const refusal = commentRefusal(row.state, row.commentsCloseAt, new Date());
    if (refusal) throw new DomainError('CONFLICT', { reason: refusal });
    await this.prisma.programmeComment.create({
      data: {
        programmeId,
        memberId: actor.memberId,
        userId: actor.userId,
        authorName: actor.principal.displayName,
        body,
      },
    });
    return this.view(actor, session, branch, await this.reload(session.id, branch.id));
  }

  private async transition(
    actor: RequestActor,
    row: ProgrammeRow,
    unitPath: string,
    action: AuditAction,
    data: {
      state: 'open' | 'adopted';
      commentsCloseAt?: Date;
      openedAt?: Date;
      adoptedAt?: Date;
      adoptedBy?: string;
    },
  ) {
    await this.prisma.$transaction(async (tx) => {
      const moved = await tx.actionProgramme.updateMany({ where: { id: row.id, state: row.state }, data });
      if (moved.count !== 1) throw new DomainError('CONFLICT', { reason: 'programme_not_draft' });
      await this.record(
        tx,
        actor,
        row.id,
        unitPath,
        row.sessionId,
        action,
        { state: row.state },
        { state: data.state, commentsCloseAt: data.commentsCloseAt ?? row.commentsCloseAt },
      );
    });
  }

  private record(
    tx: Tx,
    actor: RequestActor,
    programmeId: string,
    unitPath: string,
    sessionId: string,
    action: AuditAction,
    before: unknown,
    after: unknown,
    reason?: string | null,
  ) {
    return this.audit.record(tx, actor, {
      action,
      entityType: 'programme',
      entityId: programmeId,
      sessionId,
      unitPath,
      before,
      after,
      reason,
    });
  }

  private view(
    actor: RequestActor,
    session: SessionRow,
    branch: { id: string; name: string; path: string },
    row: ProgrammeRow | null,
  ): Programme {
    const member = actor.memberId !== null && actor.unitPath.startsWith(branch.path);
    // A draft is its drafters' working copy: the branch's members see it once it is opened.
    const shown = row?.state === 'draft' && !canDraftProgramme(actor, branch.path) ? null : row;
    return toProgramme(shown, {
      sessionId: session.id,
      sessionTitle: session.title,
      unitId: branch.id,
      unitName: branch.name,
      today: this.today(),
      canEdit: canDraftProgramme(actor, branch.path),
      canComment:
        !!row &&
        (member || canDraftProgramme(actor, branch.path)) &&
        !commentRefusal(row.state, row.commentsCloseAt, new Date()),
    });
  }

  private reload(sessionId: string, unitId: string) {
    return this.prisma.actionProgramme.findUnique({
      where: { sessionId_unitId: { sessionId, unitId } },
      include: programmeInclude,
    });
  }

  /** The session, an invited branch the caller may read (or draft), and its programme if any. */
  private async load(actor: RequestActor, sessionId: string, unitId: string, drafting = false) {
    const session = await this.sessions.findVisible(actor, sessionId);
    const branches = await invitedBranches(this.prisma, session);
    const branch =
      unitId === 'mine'
        ? branches.find((b) => actor.unitPath.startsWith(b.path))
        : branches.find((b) => b.id === unitId);
    if (!branch || !canReadProgramme(actor, actor.unitPath, branch.path))
      throw new DomainError('NOT_FOUND', { entity: 'programme' });
    if (drafting && !canDraftProgramme(actor, branch.path)) throw new DomainError('FORBIDDEN');
    return { session, branch, row: await this.reload(sessionId, branch.id) };
  }

  private async byId(actor: RequestActor, programmeId: string, drafting: boolean) {
    const found = await this.prisma.actionProgramme.findUnique({ where: { id: programmeId } });
    if (!found) throw new DomainError('NOT_FOUND', { entity: 'programme' });
    const { session, branch, row } = await this.load(actor, found.sessionId, found.unitId, drafting);
    return { session, branch, row: row! };
  }

  private async action(actor: RequestActor, actionId: string) {
    const action = await this.prisma.programmeAction.findUnique({ where: { id: actionId } });
    if (!action) throw new DomainError('NOT_FOUND', { entity: 'programmeAction' });
    const { session, branch } = await this.byId(actor, action.programmeId, true);
    return { action, session, branch };
  }
}
