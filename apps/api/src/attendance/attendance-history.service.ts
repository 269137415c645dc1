import { Inject, Injectable } from '@nestjs/common';
import type {
  MemberAttendanceHistory,
  MemberAttendanceRow,
  PeriodQuery,
  SessionState,
  UnitAttendancePeriod,
} from '@hallbridge/contracts';
import {
  canReadRoster,
  compareNames,
  DomainError,
  isWithin,
  summarizeAttendance,
  summarizeAttendanceByUnit,
  type AttendanceOutcome,
} from '@hallbridge/domain';
import type { RequestActor } from '../auth/request-actor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type Prisma, PrismaService } from '../database/prisma.service';
import { sessionInclude, type SessionRow } from '../sessions/session-view';
import { totalsOf, type ReportMember } from './attendance-report';
import { AttendanceReports } from './attendance-reports.service';
import { AttendanceSnapshots } from './attendance-snapshots';
import type { PeriodRow } from './export/attendance-csv';

/** Sessions that have attendance to speak of: started, ended or closed (not scheduled or cancelled). */
const HELD: SessionState[] = ['live', 'ended', 'attendance_closed'];

const ancestorIds = (path: string) => path.split('/').filter(Boolean);

/** Totals across sessions: nobody is counted as connected now. */
const pastTotals = (rows: readonly AttendanceOutcome[], target: number | null) =>
  totalsOf(summarizeAttendance(rows, target), 0);

/**
 * Attendance across sessions: a member's history, and a unit's period (a year for the annual
 * evaluation of branches and members). Closed sessions are read from their frozen records; others
 * are computed as their live report would be.
 */
@Injectable()
export class AttendanceHistory {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly reports: AttendanceReports,
    private readonly snapshots: AttendanceSnapshots,
  ) {}

  async member(actor: RequestActor, memberId: string): Promise<MemberAttendanceHistory> {
    const member = await this.prisma.member.findUnique({ where: { id: memberId }, include: { unit: true } });
    const self = actor.memberId === memberId;
    if (!member || (!self && !isWithin(member.unit.path, actor.unitId)))
      throw new DomainError('NOT_FOUND', { entity: 'member' });
    if (!self && !canReadRoster(actor, member.unit.path)) throw new DomainError('FORBIDDEN');
    const sessions = await this.prisma.studySession.findMany({
      where: {
        state: { in: HELD },
        invitations: { some: { unitId: { in: ancestorIds(member.unit.path) } } },
      },
      include: sessionInclude,
      orderBy: { startsAt: 'desc' },
    });
    const rows = await this.rowsOf(sessions, { memberId }, (m) => m.memberId === memberId);
    const list = sessions.flatMap((s) => {
      const row = rows.get(s.id)?.[0];
      if (!row) return [];
      return [
        {
          sessionId: s.id,
          title: s.title,
          startsAt: s.startsAt.toISOString(),
          state: s.state,
          locked: s.state === 'attendance_closed',
          status: row.status,
          required: row.required,
          attendedMs: row.attendedMs,
          share: row.share,
          where: row.where,
          siteName: row.siteName,
          lateMinutes: row.lateMinutes,
          leftEarlyMinutes: row.leftEarlyMinutes,
          excuse: row.excuse,
        },
      ];
    });
    return {
      memberId,
      fullName: member.fullName,
      unitName: member.unit.name,
      memberStatus: member.status,
      sessions: list,
      total: pastTotals(list, null),
    };
  }

  async unit(
    actor: RequestActor,
    unitId: string,
    query: PeriodQuery,
  ): Promise<{ period: UnitAttendancePeriod; rows: PeriodRow[]; organisationName: string }> {
    const unit = await this.prisma.unit.findUnique({ where: { id: unitId } });
    if (!unit || !isWithin(unit.path, actor.unitId)) throw new DomainError('NOT_FOUND', { entity: 'unit' });
    if (!canReadRoster(actor, unit.path)) throw new DomainError('FORBIDDEN');
    const { from, to } = this.period(query);
    const sessions = await this.prisma.studySession.findMany({
      where: {
        state: { in: HELD },
        startsAt: { gte: from, lt: to },
        invitations: {
          some: {
            OR: [{ unitId: { in: ancestorIds(unit.path) } }, { unit: { path: { startsWith: unit.path } } }],
          },
        },
      },
      include: sessionInclude,
      orderBy: { startsAt: 'asc' },
    });
    const bySession = await this.rowsOf(sessions, { unitPath: { startsWith: unit.path } }, (m) =>
      m.unitPath.startsWith(unit.path),
    );
    const [branches, root] = await Promise.all([
      this.prisma.unit.findMany({
        where: { kind: 'branch', path: { startsWith: unit.path } },
        select: { id: true, name: true, participationTarget: true },
      }),
      this.prisma.unit.findUnique({ where: { id: ancestorIds(unit.path)[0] } }),
    ]);
    const target = Number(unit.participationTarget);
    const rows: PeriodRow[] = [];
    for (const s of sessions)
      for (const member of bySession.get(s.id) ?? [])
        rows.push({ sessionId: s.id, sessionTitle: s.title, startsAt: s.startsAt.toISOString(), member });

    const names = new Map(branches.map((b) => [b.id, b.name]));
    const byMember = new Map<string, MemberAttendanceRow[]>();
    for (const r of rows) {
      const list = byMember.get(r.member.memberId);
      if (list) list.push(r.member);
      else byMember.set(r.member.memberId, [r.member]);
    }
    const members = [...byMember.values()]
      .map((list) => {
        const last = list.at(-1)!;
        return {
          memberId: last.memberId,
          fullName: last.fullName,
          unitId: last.unitId,
          unitName: last.unitName,
          memberStatus: last.memberStatus,
          total: pastTotals(list, null),
        };
      })
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || compareNames(a.fullName, b.fullName));
    const period: UnitAttendancePeriod = {
      unitId: unit.id,
      unitName: unit.name,
      from: from.toISOString(),
      to: to.toISOString(),
      sessions: sessions.map((s) => ({
        sessionId: s.id,
        title: s.title,
        startsAt: s.startsAt.toISOString(),
        state: s.state,
        locked: s.state === 'attendance_closed',
        total: pastTotals(bySession.get(s.id) ?? [], target),
      })),
      branches: summarizeAttendanceByUnit(
        rows.map((r) => ({ unitId: r.member.unitId, attendance: r.member })),
        branches
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
          .map((b) => ({ unitId: b.id, targetPercent: Number(b.participationTarget) })),
      ).map(({ unitId, ...summary }) => ({
        ...totalsOf(summary, 0),
        unitId,
        unitName:
          names.get(unitId) ?? rows.find((r) => r.member.unitId === unitId)?.member.unitName ?? unitId,
      })),
      members,
      total: pastTotals(
        rows.map((r) => r.member),
        target,
      ),
    };
    return { period, rows, organisationName: root?.name ?? unit.name };
  }

  /** Member rows of each session: frozen ones for closed sessions, computed for the others. */
  private async rowsOf(
    sessions: SessionRow[],
    frozenFilter: Prisma.AttendanceResultWhereInput,
    keep: (m: ReportMember) => boolean,
  ): Promise<Map<string, ReportMember[]>> {
    const out = await this.snapshots.results(
      sessions.filter((s) => s.state === 'attendance_closed'),
      frozenFilter,
    );
    // The rest are computed; a closing whose freeze has not landed yet is frozen (and read) by `full`.
    for (const s of sessions)
      if (!out.has(s.id)) out.set(s.id, (await this.reports.full(s)).members.filter(keep));
    return out;
  }

  /** A calendar year in the report time zone, or from/to; the current year by default. */
  private period(query: PeriodQuery): { from: Date; to: Date } {
    if (query.from || query.to)
      return {
        from: new Date(query.from ?? '2000-01-01T00:00:00Z'),
        to: new Date(query.to ?? '2100-01-01T00:00:00Z'),
      };
    const zone = this.config.attendance.timeZone;
    const year =
      query.year ?? Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format());
    return { from: startOfYear(year, zone), to: startOfYear(year + 1, zone) };
  }
}

/** Midnight of 1 January in a time zone, as an instant. */
function startOfYear(year: number, timeZone: string): Date {
  const guess = Date.UTC(year, 0, 1);
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(guess));
  const get = (type: string) => Number(f.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (wall - guess));
}
