import { Injectable } from '@nestjs/common';
import type { MemberStatus } from '@hallbridge/contracts';
import {
  canManageRoster,
  canManageSession,
  DomainError,
  isInvited,
  isMarkTimeAllowed,
  isWithin,
} from '@hallbridge/domain';
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

  /**
   * A room the caller may mark in this session, for `use`: a screen only itself. Rooms must take part
   * (invited, or on the host's side). Who manages the whole session marks any of them; anyone else
   * counts guests only in rooms they keep, and ticks their members into rooms they keep or into a
   * room of a committee above them (the district hall where several branches sit).
   */
  async site(actor: RequestActor, scope: AttendanceScope, siteId: string, use: 'tick' | 'guests') {
    const site = await this.prisma.site.findUnique({
      where: { id: siteId },
      include: { unit: { select: { path: true } } },
    });
    if (!site) throw new DomainError('NOT_FOUND', { entity: 'site' });
    const invited = scopeOf(scope.session).invitedUnitPaths;
    const takesPart =
      isInvited(site.unit.path, invited) || isWithin(site.unit.path, scope.session.hostUnitId);
    const keeps = isWithin(site.unit.path, actor.unitId);
    const above = actor.unitPath.startsWith(site.unit.path);
    const allowed =
      actor.role === 'site'
        ? site.id === actor.siteId
        : takesPart && (scope.unitPath === null || keeps || (use === 'tick' && above));
    if (!allowed) throw new DomainError('NOT_FOUND', { entity: 'site' });
    return { id: site.id, name: site.name, unitId: site.unitId, unitPath: site.unit.path };
  }

  /** A time a hand-made mark may carry (see markTimeRange): refused with the field named. */
  markTime(scope: AttendanceScope, at: string | undefined, field = 'at'): Date {
    if (!at) return new Date();
    const s = scope.session;
    const times = {
      scheduledStart: s.startsAt.getTime(),
      scheduledEnd: s.endsAt.getTime(),
      startedAt: s.startedAt?.getTime() ?? null,
      endedAt: s.endedAt?.getTime() ?? null,
    };
    if (!isMarkTimeAllowed(Date.parse(at), times, Date.now()))
      throw new DomainError('VALIDATION_FAILED', {
        summary: `${field}: the time must fall between an hour before the session and its end, and not in the future`,
      });
    return new Date(at);
  }
}

function assertOpen(session: SessionRow): void {
  if (session.state === 'attendance_closed')
    throw new DomainError('CONFLICT', { reason: 'attendance_locked' });
  if (session.state === 'cancelled') throw new DomainError('CONFLICT', { reason: 'session_cancelled' });
}
