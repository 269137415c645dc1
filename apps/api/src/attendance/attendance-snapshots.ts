import { Injectable } from '@nestjs/common';
import type { MemberStatus } from '@hallbridge/contracts';
import { finalStatus } from '@hallbridge/domain';
import { type Prisma, PrismaService } from '../database/prisma.service';
import type { SessionRow } from '../sessions/session-view';
import type { FullReport, ReportMember } from './attendance-report';

type Summary = Omit<FullReport, 'members'>;

const date = (value: string | null) => (value === null ? null : new Date(value));
const iso = (value: Date | null) => value?.toISOString() ?? null;

/**
 * The frozen record of a closed session: the report's session-wide parts as JSON, and one row per
 * member with names and units as they stood. A snapshot is the record while its `closedAt` equals
 * the session's `attendanceClosedAt`; a reopening leaves it as history and a new closing adds one.
 */
@Injectable()
export class AttendanceSnapshots {
  constructor(private readonly prisma: PrismaService) {}

  async save(closedAt: Date, report: FullReport): Promise<void> {
    const { members, ...summary } = report;
    await this.prisma.$transaction(
      async (tx) => {
        const snapshot = await tx.attendanceSnapshot.create({
          data: {
            sessionId: report.sessionId,
            closedAt,
            summary: summary as unknown as Prisma.InputJsonValue,
          },
        });
        for (let i = 0; i < members.length; i += 2000) {
          await tx.attendanceResult.createMany({
            data: members
              .slice(i, i + 2000)
              .map((m, j) => toResultRow(snapshot.id, report.sessionId, i + j, m)),
          });
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }

  /** Whether the closing that is current now has been frozen. */
  async exists(session: Pick<SessionRow, 'id' | 'attendanceClosedAt'>): Promise<boolean> {
    if (!session.attendanceClosedAt) return false;
    const found = await this.prisma.attendanceSnapshot.findUnique({
      where: { sessionId_closedAt: { sessionId: session.id, closedAt: session.attendanceClosedAt } },
      select: { id: true },
    });
    return found !== null;
  }

  /** The record of a closed session, or null when it has not been frozen (yet). */
  async load(session: Pick<SessionRow, 'id' | 'attendanceClosedAt'>): Promise<FullReport | null> {
    if (!session.attendanceClosedAt) return null;
    const snapshot = await this.prisma.attendanceSnapshot.findUnique({
      where: { sessionId_closedAt: { sessionId: session.id, closedAt: session.attendanceClosedAt } },
      include: { results: { orderBy: { position: 'asc' } } },
    });
    if (!snapshot) return null;
    const summary = snapshot.summary as unknown as Summary;
    return {
      ...summary,
      locked: true,
      lockedAt: snapshot.closedAt.toISOString(),
      members: snapshot.results.map(fromResultRow),
    };
  }

  /** Frozen member rows of several closed sessions (their current records), for histories and periods. */
  async results(
    sessions: Pick<SessionRow, 'id' | 'attendanceClosedAt'>[],
    where: Prisma.AttendanceResultWhereInput = {},
  ): Promise<Map<string, ReportMember[]>> {
    const keys = sessions.filter((s) => s.attendanceClosedAt);
    const out = new Map<string, ReportMember[]>();
    if (keys.length === 0) return out;
    const snapshots = await this.prisma.attendanceSnapshot.findMany({
      where: { OR: keys.map((s) => ({ sessionId: s.id, closedAt: s.attendanceClosedAt! })) },
      select: { id: true, sessionId: true },
    });
    const rows = await this.prisma.attendanceResult.findMany({
      where: { snapshotId: { in: snapshots.map((s) => s.id) }, ...where },
      orderBy: [{ sessionId: 'asc' }, { position: 'asc' }],
    });
    for (const s of snapshots) out.set(s.sessionId, []);
    for (const row of rows) out.get(row.sessionId)?.push(fromResultRow(row));
    return out;
  }
}

function toResultRow(snapshotId: string, sessionId: string, position: number, m: ReportMember) {
  return {
    snapshotId,
    sessionId,
    memberId: m.memberId,
    position,
    fullName: m.fullName,
    unitId: m.unitId,
    unitName: m.unitName,
    unitPath: m.unitPath,
    memberStatus: m.memberStatus,
    status: finalStatus(m.status),
    required: m.required,
    attendedMs: m.attendedMs,
    expectedMs: m.expectedMs,
    share: m.share,
    firstJoinAt: date(m.firstJoinAt),
    lastLeaveAt: date(m.lastLeaveAt),
    where: m.where,
    siteId: m.siteId,
    siteName: m.siteName,
    onlineMs: m.onlineMs,
    siteMs: m.siteMs,
    late: m.late,
    lateMinutes: m.lateMinutes,
    leftEarly: m.leftEarly,
    leftEarlyMinutes: m.leftEarlyMinutes,
    excuseReason: m.excuse?.reason ?? null,
    excuseNote: m.excuse?.note ?? null,
    excuseBy: m.excuse?.markedBy ?? null,
    excuseAt: date(m.excuse?.markedAt ?? null),
  };
}

function fromResultRow(r: Prisma.AttendanceResultGetPayload<object>): ReportMember {
  return {
    memberId: r.memberId,
    fullName: r.fullName,
    unitId: r.unitId,
    unitName: r.unitName,
    unitPath: r.unitPath,
    memberStatus: r.memberStatus as MemberStatus,
    status: r.status,
    required: r.required,
    attendedMs: r.attendedMs,
    expectedMs: r.expectedMs,
    share: r.share,
    firstJoinAt: iso(r.firstJoinAt),
    lastLeaveAt: iso(r.lastLeaveAt),
    where: r.where as ReportMember['where'],
    siteId: r.siteId,
    siteName: r.siteName,
    onlineMs: r.onlineMs,
    siteMs: r.siteMs,
    late: r.late,
    // Records frozen before minutes were kept for the late and early only.
    lateMinutes: r.late ? r.lateMinutes : 0,
    leftEarly: r.leftEarly,
    leftEarlyMinutes: r.leftEarly ? r.leftEarlyMinutes : 0,
    excuse: r.excuseReason
      ? {
          reason: r.excuseReason,
          note: r.excuseNote,
          markedBy: r.excuseBy ?? '',
          markedAt: iso(r.excuseAt) ?? '',
        }
      : null,
    connected: false,
    checkIn: null,
  };
}
