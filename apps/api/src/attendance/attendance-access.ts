import { Injectable } from '@nestjs/common';
import type { MemberStatus } from '@hallbridge/contracts';
import { canManageRoster, canManageSession, DomainError, isInvited, isWithin } from '@hallbridge/domain';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { scopeOf, type SessionRow } from '../sessions/session-view';
import { SessionsService } from '../sessions/sessions.service';

/** The part of a session a caller may read or mark: all of it, or the members under one unit. */
export interface AttendanceScope {
  session: SessionRow;
  /** Members whose unit path starts with this; null for the whole session. */
  unitPath: string | null;
  unitId: string;
  unitName: string;
}

export interface MemberInScope {
  id: string;
  fullName: string;
  unitId: string;
  unitPath: string;
  status: MemberStatus;
}

/**
 * Who sees and changes attendance. Organisers of the host unit see the whole session; other
 * organisers, and secretaries, see the members under their own unit; a room's screen sees the
 * members under the room's unit (to tick them in). Presenters and members see no one else's.
 * Every change is also refused once attendance is closed: the record is locked until reopened.
 */
@Injectable()
export class AttendanceAccess {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
  ) {}

  async scope(actor: RequestActor, sessionId: string): Promise<AttendanceScope> {
    const session = await this.sessions.findVisible(actor, sessionId);
    if (actor.role === 'presenter' || actor.role === 'member') throw new DomainError('FORBIDDEN');
    const whole = canManageSession(actor, session.hostUnit.path);
    return {
      session,
      unitPath: whole ? null : actor.unitPath,
      unitId: whole ? session.hostUnitId : actor.unitId,
      unitName: whole ? session.hostUnit.name : actor.principal.unitName,
    };
  }

  /** A scope in which the caller may change marks, with the session still open for changes. */
  async changeScope(actor: RequestActor, sessionId: string): Promise<AttendanceScope> {
    const scope = await this.scope(actor, sessionId);
    assertOpen(scope.session);
    return scope;
  }

  /** An invited member the caller may mark: within their scope, on the roster (not inactive). */
  async member(actor: RequestActor, scope: AttendanceScope, memberId: string): Promise<MemberInScope> {
    const member = await this.prisma.member.findUnique({
      where: { id: memberId },
      include: { unit: { select: { path: true } } },
    });
    const invited = scopeOf(scope.session).invitedUnitPaths;
    if (
      !member ||
      member.status === 'inactive' ||
      !isInvited(member.unit.path, invited) ||
      (scope.unitPath !== null && !member.unit.path.startsWith(scope.unitPath))
    )
      throw new DomainError('NOT_FOUND', { entity: 'member' });
    if (actor.role !== 'site' && !canManageRoster(actor, member.unit.path) && scope.unitPath !== null)
      throw new DomainError('FORBIDDEN');
    return {
      id: member.id,
      fullName: member.fullName,
      unitId: member.unitId,
      unitPath: member.unit.path,
      status: member.status,
    };
  }

  /** A room that may be used in this session: a screen only for itself; staff for rooms they can see. */
  async site(actor: RequestActor, scope: AttendanceScope, siteId: string) {
    const site = await this.prisma.site.findUnique({
      where: { id: siteId },
      include: { unit: { select: { path: true } } },
    });
    const invited = scopeOf(scope.session).invitedUnitPaths;
    const visible =
      site &&
      (actor.role === 'site'
        ? site.id === actor.siteId
        : isWithin(site.unit.path, actor.unitId) ||
          isInvited(site.unit.path, invited) ||
          isWithin(site.unit.path, scope.session.hostUnitId));
    if (!site || !visible) throw new DomainError('NOT_FOUND', { entity: 'site' });
    return { id: site.id, name: site.name, unitId: site.unitId, unitPath: site.unit.path };
  }
}

function assertOpen(session: SessionRow): void {
  if (session.state === 'attendance_closed')
    throw new DomainError('CONFLICT', { reason: 'attendance_locked' });
  if (session.state === 'cancelled') throw new DomainError('CONFLICT', { reason: 'session_cancelled' });
}
