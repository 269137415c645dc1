import { Injectable } from '@nestjs/common';
import type { MemberStatus } from '@hallbridge/contracts';
import {
  compareNames,
  type AttendanceExcuse,
  type PresenceInterval,
  type SiteCheckIn,
} from '@hallbridge/domain';
import { PrismaService } from '../database/prisma.service';
import { scopeOf, type SessionRow } from '../sessions/session-view';

export interface RosterMember {
  memberId: string;
  fullName: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  status: MemberStatus;
}

export interface BranchInfo {
  unitId: string;
  name: string;
  path: string;
  targetPercent: number;
}

export interface SiteInfo {
  siteId: string;
  name: string;
  unitId: string;
  unitPath: string;
}

export interface StoredExcuse extends AttendanceExcuse {
  markedBy: string;
  markedAt: Date;
}

export interface StoredCheckIn extends SiteCheckIn {
  id: string;
  method: 'code' | 'roster';
  recordedBy: string;
}

export interface SiteGuestRow {
  siteId: string;
  count: number;
  note: string | null;
  updatedBy: string;
  updatedAt: Date;
}

/** Everything attendance is computed from, for one session. */
export interface AttendanceInputs {
  roster: RosterMember[];
  branches: BranchInfo[];
  online: Map<string, PresenceInterval[]>;
  siteConnections: Map<string, PresenceInterval[]>;
  checkIns: Map<string, StoredCheckIn[]>;
  excuses: Map<string, StoredExcuse>;
  guests: SiteGuestRow[];
  sites: Map<string, SiteInfo>;
  hostTarget: number;
  organisationName: string;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Reads a session's roster, connections, check-ins, excuses and guest counts. */
@Injectable()
export class AttendanceInputsReader {
  constructor(private readonly prisma: PrismaService) {}

  async read(session: SessionRow): Promise<AttendanceInputs> {
    const invited = scopeOf(session).invitedUnitPaths;
    const underInvited = invited.map((p) => ({ path: { startsWith: p } }));
    const [members, units, intervals, checkIns, excuses, guests, host, root] = await Promise.all([
      invited.length
        ? this.prisma.member.findMany({
            where: { status: { not: 'inactive' }, unit: { OR: underInvited } },
            select: {
              id: true,
              fullName: true,
              unitId: true,
              status: true,
              unit: { select: { name: true, path: true } },
            },
          })
        : [],
      invited.length
        ? this.prisma.unit.findMany({
            where: { kind: 'branch', OR: underInvited },
            select: { id: true, name: true, path: true, participationTarget: true },
          })
        : [],
      this.prisma.presenceInterval.findMany({
        where: { sessionId: session.id, OR: [{ memberId: { not: null } }, { siteId: { not: null } }] },
        select: { memberId: true, siteId: true, startedAt: true, endedAt: true, lastSeenAt: true },
      }),
      this.prisma.siteCheckIn.findMany({ where: { sessionId: session.id }, orderBy: { at: 'asc' } }),
      this.prisma.attendanceExcuse.findMany({ where: { sessionId: session.id } }),
      this.prisma.siteGuestCount.findMany({ where: { sessionId: session.id } }),
      this.prisma.unit.findUniqueOrThrow({
        where: { id: session.hostUnitId },
        select: { participationTarget: true },
      }),
      this.prisma.unit.findFirst({
        where: { id: session.hostUnit.path.split('/').filter(Boolean)[0] },
        select: { name: true },
      }),
    ]);

    const online = new Map<string, PresenceInterval[]>();
    const siteConnections = new Map<string, PresenceInterval[]>();
    for (const i of intervals) {
      const interval = {
        start: i.startedAt.getTime(),
        end: i.endedAt?.getTime() ?? null,
        lastHeartbeatAt: i.lastSeenAt.getTime(),
      };
      if (i.memberId) push(online, i.memberId, interval);
      else if (i.siteId) push(siteConnections, i.siteId, interval);
    }
    const byMember = new Map<string, StoredCheckIn[]>();
    for (const c of checkIns)
      push(byMember, c.memberId, {
        id: c.id,
        siteId: c.siteId,
        at: c.at.getTime(),
        leftAt: c.leftAt?.getTime() ?? null,
        method: c.method,
        recordedBy: c.recordedBy,
      });

    const siteIds = new Set([...siteConnections.keys(), ...checkIns.map((c) => c.siteId)]);
    guests.forEach((g) => siteIds.add(g.siteId));
    const siteRows = siteIds.size
      ? await this.prisma.site.findMany({
          where: { id: { in: [...siteIds] } },
          select: { id: true, name: true, unitId: true, unit: { select: { path: true } } },
        })
      : [];

    const roster: RosterMember[] = members
      .map((m) => ({
        memberId: m.id,
        fullName: m.fullName,
        unitId: m.unitId,
        unitName: m.unit.name,
        unitPath: m.unit.path,
        status: m.status,
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || compareNames(a.fullName, b.fullName));
    return {
      roster,
      branches: units
        .map((u) => ({
          unitId: u.id,
          name: u.name,
          path: u.path,
          targetPercent: Number(u.participationTarget),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
      online,
      siteConnections,
      checkIns: byMember,
      excuses: new Map(
        excuses.map((e) => [
          e.memberId,
          { reason: e.reason, note: e.note, markedBy: e.markedBy, markedAt: e.markedAt },
        ]),
      ),
      guests: guests.map((g) => ({
        siteId: g.siteId,
        count: g.count,
        note: g.note,
        updatedBy: g.updatedBy,
        updatedAt: g.updatedAt,
      })),
      sites: new Map(
        siteRows.map((s) => [s.id, { siteId: s.id, name: s.name, unitId: s.unitId, unitPath: s.unit.path }]),
      ),
      hostTarget: Number(host.participationTarget),
      organisationName: root?.name ?? session.hostUnit.name,
    };
  }
}
