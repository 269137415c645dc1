import { Injectable } from '@nestjs/common';
import type {
  CheckOutBody,
  GuestCountBody,
  MarkExcuseBody,
  RosterCheckInBody,
  SiteCheckInRecord,
  SiteGuests,
} from '@hallbridge/contracts';
import { DomainError, participantKey } from '@hallbridge/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { AttendanceAccess } from './attendance-access';
import { AttendanceReports } from './attendance-reports.service';

const actorId = (actor: RequestActor) => actor.userId ?? actor.memberId ?? actor.siteId;

/**
 * What people mark by hand: excuses, ticks on a room's roster, guest head counts. Each change is
 * written with its audit entry (who, when, before, after, why) in one transaction, and refused once
 * attendance is closed.
 */
@Injectable()
export class AttendanceMarks {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly access: AttendanceAccess,
    private readonly reports: AttendanceReports,
  ) {}

  async excuse(actor: RequestActor, sessionId: string, body: MarkExcuseBody): Promise<void> {
    if (actor.role === 'site') throw new DomainError('FORBIDDEN');
    const scope = await this.access.changeScope(actor, sessionId);
    const member = await this.access.member(actor, scope, body.memberId);
    await this.prisma.$transaction(async (tx) => {
      const key = { sessionId_memberId: { sessionId, memberId: member.id } };
      const before = await tx.attendanceExcuse.findUnique({ where: key });
      const data = {
        reason: body.reason,
        note: body.note ?? null,
        markedById: actorId(actor),
        markedBy: actor.principal.displayName,
        markedAt: new Date(),
      };
      const after = await tx.attendanceExcuse.upsert({
        where: key,
        create: { sessionId, memberId: member.id, ...data },
        update: data,
      });
      await this.audit.record(tx, actor, {
        action: 'attendance.excused',
        entityType: 'member',
        entityId: member.id,
        sessionId,
        unitPath: member.unitPath,
        before: before && { reason: before.reason, note: before.note },
        after: { member: member.fullName, reason: after.reason, note: after.note },
        reason: body.why,
      });
    });
    this.reports.invalidate(sessionId);
  }

  async removeExcuse(actor: RequestActor, sessionId: string, memberId: string, why?: string | null) {
    if (actor.role === 'site') throw new DomainError('FORBIDDEN');
    const scope = await this.access.changeScope(actor, sessionId);
    const member = await this.access.member(actor, scope, memberId);
    await this.prisma.$transaction(async (tx) => {
      const key = { sessionId_memberId: { sessionId, memberId } };
      const before = await tx.attendanceExcuse.findUnique({ where: key });
      if (!before) throw new DomainError('NOT_FOUND', { entity: 'excuse' });
      await tx.attendanceExcuse.delete({ where: key });
      await this.audit.record(tx, actor, {
        action: 'attendance.excuse_removed',
        entityType: 'member',
        entityId: memberId,
        sessionId,
        unitPath: member.unitPath,
        before: { member: member.fullName, reason: before.reason, note: before.note },
        reason: why,
      });
    });
    this.reports.invalidate(sessionId);
  }

  /** A secretary (or the room's screen) ticks a member present in a room. */
  async checkIn(actor: RequestActor, sessionId: string, body: RosterCheckInBody): Promise<SiteCheckInRecord> {
    const scope = await this.access.changeScope(actor, sessionId);
    const member = await this.access.member(actor, scope, body.memberId);
    const site = await this.access.site(actor, scope, body.siteId, 'tick');
    const at = this.access.markTime(scope, body.at);
    const created = await this.prisma.$transaction(async (tx) => {
      // One room at a time: an open stay elsewhere ends where this one begins.
      const open = await tx.siteCheckIn.findMany({ where: { sessionId, memberId: member.id, leftAt: null } });
      const elsewhere = open.filter((c) => c.siteId !== site.id);
      if (elsewhere.length)
        await tx.siteCheckIn.updateMany({
          where: { id: { in: elsewhere.map((c) => c.id) } },
          data: { leftAt: at },
        });
      const row = await tx.siteCheckIn.create({
        data: {
          sessionId,
          memberId: member.id,
          siteId: site.id,
          at,
          method: 'roster',
          recordedById: participantKey(actor),
          recordedBy: actor.principal.displayName,
        },
      });
      await this.audit.record(tx, actor, {
        action: 'attendance.checked_in',
        entityType: 'member',
        entityId: member.id,
        sessionId,
        unitPath: member.unitPath,
        before: open.length ? open.map((c) => ({ siteId: c.siteId, at: c.at })) : null,
        after: { member: member.fullName, site: site.name, at },
        reason: body.why,
      });
      return row;
    });
    this.reports.invalidate(sessionId);
    return {
      id: created.id,
      memberId: member.id,
      siteId: site.id,
      siteName: site.name,
      at: created.at.toISOString(),
      leftAt: null,
      method: created.method,
      recordedBy: created.recordedBy,
    };
  }

  /** Records that a member left the room (or ends a tick made by mistake, with `remove`). */
  async checkOut(
    actor: RequestActor,
    sessionId: string,
    checkInId: string,
    body: CheckOutBody,
    remove = false,
  ): Promise<void> {
    const scope = await this.access.changeScope(actor, sessionId);
    const existing = await this.prisma.siteCheckIn.findFirst({ where: { id: checkInId, sessionId } });
    if (!existing) throw new DomainError('NOT_FOUND', { entity: 'checkIn' });
    const member = await this.access.member(actor, scope, existing.memberId);
    if (actor.role === 'site' && existing.siteId !== actor.siteId)
      throw new DomainError('NOT_FOUND', { entity: 'checkIn' });
    const leftAt = this.access.markTime(scope, body.at);
    if (!remove && leftAt < existing.at)
      throw new DomainError('VALIDATION_FAILED', { summary: 'at: the member cannot leave before arriving' });
    await this.prisma.$transaction(async (tx) => {
      if (remove) await tx.siteCheckIn.delete({ where: { id: existing.id } });
      else await tx.siteCheckIn.update({ where: { id: existing.id }, data: { leftAt } });
      await this.audit.record(tx, actor, {
        action: remove ? 'attendance.check_in_removed' : 'attendance.checked_out',
        entityType: 'member',
        entityId: member.id,
        sessionId,
        unitPath: member.unitPath,
        before: {
          member: member.fullName,
          siteId: existing.siteId,
          at: existing.at,
          leftAt: existing.leftAt,
        },
        after: remove ? null : { siteId: existing.siteId, at: existing.at, leftAt },
        reason: body.why,
      });
    });
    this.reports.invalidate(sessionId);
  }

  /** How many non-registered guests sat in a room (reported apart, never in the rate). */
  async guests(
    actor: RequestActor,
    sessionId: string,
    siteId: string,
    body: GuestCountBody,
  ): Promise<SiteGuests> {
    const scope = await this.access.changeScope(actor, sessionId);
    const site = await this.access.site(actor, scope, siteId, 'guests');
    const saved = await this.prisma.$transaction(async (tx) => {
      const key = { sessionId_siteId: { sessionId, siteId } };
      const before = await tx.siteGuestCount.findUnique({ where: key });
      const data = {
        count: body.count,
        note: body.note ?? null,
        updatedById: actorId(actor),
        updatedBy: actor.principal.displayName,
        updatedAt: new Date(),
      };
      const after = await tx.siteGuestCount.upsert({
        where: key,
        create: { sessionId, siteId, ...data },
        update: data,
      });
      await this.audit.record(tx, actor, {
        action: 'attendance.guests_counted',
        entityType: 'site',
        entityId: siteId,
        sessionId,
        unitPath: site.unitPath,
        before: before && { count: before.count, note: before.note },
        after: { site: site.name, count: after.count, note: after.note },
        reason: body.why,
      });
      return after;
    });
    this.reports.invalidate(sessionId);
    return {
      siteId,
      siteName: site.name,
      unitId: site.unitId,
      count: saved.count,
      note: saved.note,
      updatedBy: saved.updatedBy,
      updatedAt: saved.updatedAt.toISOString(),
    };
  }
}
