import {
  AttendanceRules,
  type AttendanceTotals,
  type BranchAttendance,
  type MemberAttendanceRow,
  type SessionAttendance,
  type SiteAttendance,
  type SiteGuests,
} from '@hallbridge/contracts';
import {
  clipSpans,
  closeOpenIntervals,
  coveredMs,
  evaluateSessionAttendance,
  summarizeAttendance,
  type AttendanceSummary,
  type HeartbeatRule,
} from '@hallbridge/domain';
import type { SessionRow } from '../sessions/session-view';
import type { AttendanceInputs, StoredCheckIn } from './attendance-inputs';

export type ReportMember = MemberAttendanceRow & { unitPath: string };
export type ReportBranch = BranchAttendance & { path: string };
export type ReportSite = SiteAttendance & { unitPath: string };
export type ReportGuests = SiteGuests & { unitPath: string };

/** A whole session's attendance, before it is cut down to what one caller may see. */
export interface FullReport {
  sessionId: string;
  title: string;
  state: SessionAttendance['state'];
  organisationName: string;
  hostUnitId: string;
  hostUnitName: string;
  hostTarget: number;
  window: SessionAttendance['window'];
  rules: AttendanceRules;
  computedAt: string;
  locked: boolean;
  lockedAt: string | null;
  members: ReportMember[];
  branches: ReportBranch[];
  sites: ReportSite[];
  guests: ReportGuests[];
}

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

export function totalsOf(summary: AttendanceSummary, connectedNow: number): AttendanceTotals {
  return { ...summary, connectedNow };
}

/** Totals over some members (a caller's part of a session, a member's year), against a target. */
export function totalsOver(
  members: readonly Pick<MemberAttendanceRow, 'status' | 'required' | 'connected'>[],
  target: number | null,
): AttendanceTotals {
  return totalsOf(
    summarizeAttendance(members, target),
    members.filter((m) => m.required && m.connected).length,
  );
}

/** Is the reading final (the session is over) or provisional (up to now)? */
export const isFinalState = (state: SessionRow['state']) => state !== 'live' && state !== 'scheduled';

export function buildReport(
  session: SessionRow,
  inputs: AttendanceInputs,
  now: number,
  heartbeat: HeartbeatRule,
): FullReport {
  const rules = AttendanceRules.parse(session.attendanceRules ?? {});
  const result = evaluateSessionAttendance({
    times: {
      scheduledStart: session.startsAt.getTime(),
      scheduledEnd: session.endsAt.getTime(),
      startedAt: session.startedAt?.getTime() ?? null,
      endedAt: session.endedAt?.getTime() ?? null,
    },
    now,
    final: isFinalState(session.state),
    rules,
    heartbeat,
    roster: inputs.roster,
    online: inputs.online,
    siteConnections: inputs.siteConnections,
    checkIns: inputs.checkIns,
    excuses: inputs.excuses,
    units: inputs.branches.map((b) => ({ unitId: b.unitId, targetPercent: b.targetPercent })),
    targetPercent: inputs.hostTarget,
  });
  const { window } = result;
  const siteName = (id: string | null) => (id ? (inputs.sites.get(id)?.name ?? null) : null);
  const openStay = (stays: StoredCheckIn[] | undefined) => stays?.filter((c) => c.leftAt == null).at(-1);

  const members: ReportMember[] = result.members.map((m, index) => {
    const entry = inputs.roster[index]!;
    const excuse = inputs.excuses.get(entry.memberId);
    const stay = openStay(inputs.checkIns.get(entry.memberId));
    return {
      memberId: entry.memberId,
      fullName: entry.fullName,
      unitId: entry.unitId,
      unitName: entry.unitName,
      unitPath: entry.unitPath,
      memberStatus: entry.status,
      status: m.status,
      required: m.required,
      attendedMs: m.attendedMs,
      expectedMs: m.expectedMs,
      share: m.share,
      firstJoinAt: iso(m.firstJoin),
      lastLeaveAt: iso(m.lastLeave),
      where: m.where,
      siteId: m.siteId,
      siteName: siteName(m.siteId),
      onlineMs: m.onlineMs,
      siteMs: m.siteMs,
      late: m.late,
      lateMinutes: m.lateMinutes,
      leftEarly: m.leftEarly,
      leftEarlyMinutes: m.leftEarlyMinutes,
      excuse: excuse
        ? {
            reason: excuse.reason,
            note: excuse.note ?? null,
            markedBy: excuse.markedBy,
            markedAt: excuse.markedAt.toISOString(),
          }
        : null,
      connected: m.connected,
      checkIn: stay
        ? {
            id: stay.id,
            memberId: entry.memberId,
            siteId: stay.siteId,
            siteName: siteName(stay.siteId) ?? '',
            at: iso(stay.at)!,
            leftAt: null,
            method: stay.method,
            recordedBy: stay.recordedBy,
          }
        : null,
    };
  });

  const connectedByUnit = new Map<string, number>();
  for (const m of members)
    if (m.required && m.connected) connectedByUnit.set(m.unitId, (connectedByUnit.get(m.unitId) ?? 0) + 1);
  const branchInfo = new Map(inputs.branches.map((b) => [b.unitId, b]));
  const unitNames = new Map(inputs.roster.map((r) => [r.unitId, { name: r.unitName, path: r.unitPath }]));
  const branches: ReportBranch[] = result.units.map((u) => {
    const { unitId, ...summary } = u;
    const info = branchInfo.get(unitId);
    return {
      ...totalsOf(summary, connectedByUnit.get(unitId) ?? 0),
      unitId,
      unitName: info?.name ?? unitNames.get(unitId)?.name ?? unitId,
      path: info?.path ?? unitNames.get(unitId)?.path ?? '',
    };
  });

  const guestsBySite = new Map(inputs.guests.map((g) => [g.siteId, g]));
  const membersBySite = new Map<string, number>();
  for (const m of members)
    if (m.siteId && m.where === 'site') membersBySite.set(m.siteId, (membersBySite.get(m.siteId) ?? 0) + 1);
  const sites: ReportSite[] = [...inputs.sites.values()]
    .map((site) => {
      const connections = result.siteConnections.get(site.siteId) ?? [];
      return {
        siteId: site.siteId,
        siteName: site.name,
        unitId: site.unitId,
        unitPath: site.unitPath,
        connected: window.provisional && connections.some((c) => c.end === null),
        connectedMs: coveredMs(clipSpans(closeOpenIntervals(connections, window.end), window)),
        members: membersBySite.get(site.siteId) ?? 0,
        guests: guestsBySite.get(site.siteId)?.count ?? 0,
      };
    })
    .sort((a, b) => a.siteName.localeCompare(b.siteName, 'vi'));
  const guests: ReportGuests[] = inputs.guests
    .map((g) => {
      const site = inputs.sites.get(g.siteId);
      return {
        siteId: g.siteId,
        siteName: site?.name ?? g.siteId,
        unitId: site?.unitId ?? '',
        unitPath: site?.unitPath ?? '',
        count: g.count,
        note: g.note,
        updatedBy: g.updatedBy,
        updatedAt: g.updatedAt.toISOString(),
      };
    })
    .sort((a, b) => a.siteName.localeCompare(b.siteName, 'vi'));

  return {
    sessionId: session.id,
    title: session.title,
    state: session.state,
    organisationName: inputs.organisationName,
    hostUnitId: session.hostUnitId,
    hostUnitName: session.hostUnit.name,
    hostTarget: inputs.hostTarget,
    window: {
      start: iso(window.start)!,
      end: iso(window.end)!,
      scheduledStart: iso(window.scheduledStart)!,
      scheduledEnd: iso(window.scheduledEnd)!,
      provisional: window.provisional,
    },
    rules,
    computedAt: iso(now)!,
    locked: false,
    lockedAt: null,
    members,
    branches,
    sites,
    guests,
  };
}

/** What one caller sees: the members, branches and rooms under their unit, totals over those. */
export function scopeReport(
  report: FullReport,
  scope: { unitPath: string | null; unitName: string; targetPercent: number | null },
): SessionAttendance {
  const inScope = (path: string) => scope.unitPath === null || path.startsWith(scope.unitPath);
  const strip = <T extends { unitPath?: string; path?: string }>(row: T) => {
    const { unitPath: _u, path: _p, ...rest } = row;
    return rest;
  };
  const members = report.members.filter((m) => inScope(m.unitPath));
  const guests = report.guests.filter((g) => inScope(g.unitPath));
  return {
    sessionId: report.sessionId,
    title: report.title,
    state: report.state,
    organisationName: report.organisationName,
    hostUnitName: report.hostUnitName,
    scopeUnitName: scope.unitPath === null ? report.hostUnitName : scope.unitName,
    wholeSession: scope.unitPath === null,
    window: report.window,
    rules: report.rules,
    computedAt: report.computedAt,
    locked: report.locked,
    lockedAt: report.lockedAt,
    total: totalsOver(members, scope.unitPath === null ? report.hostTarget : scope.targetPercent),
    branches: report.branches.filter((b) => inScope(b.path)).map(strip),
    members: members.map(strip),
    sites: report.sites.filter((s) => inScope(s.unitPath)).map(strip),
    guests: guests.map(strip),
    guestTotal: guests.reduce((sum, g) => sum + g.count, 0),
  };
}
