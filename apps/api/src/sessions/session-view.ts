import { AttendanceRules, type StudySession } from '@hallbridge/contracts';
import type { Prisma } from '../database/prisma.service';

export const sessionInclude = {
  hostUnit: { select: { name: true, path: true } },
  invitations: { include: { unit: { select: { id: true, name: true, path: true } } } },
  presenters: { include: { user: { select: { id: true, displayName: true } } } },
  materials: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.StudySessionInclude;

export type SessionRow = Prisma.StudySessionGetPayload<{ include: typeof sessionInclude }>;

/** Member counts per unit path, to tell how many people each invitation covers. */
export type MemberCounter = (unitPath: string) => number;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toStudySession(s: SessionRow, membersUnder: MemberCounter): StudySession {
  return {
    id: s.id,
    title: s.title,
    topic: s.topic,
    description: s.description,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    mode: s.mode,
    state: s.state,
    hostUnitId: s.hostUnitId,
    hostUnitName: s.hostUnit.name,
    invitedUnits: s.invitations
      .map((i) => ({ unitId: i.unit.id, name: i.unit.name, memberCount: membersUnder(i.unit.path) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    presenters: s.presenters.map((p) => ({ userId: p.user.id, displayName: p.user.displayName })),
    attendanceRules: AttendanceRules.parse(s.attendanceRules ?? {}),
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    attendanceClosedAt: iso(s.attendanceClosedAt),
    cancelledAt: iso(s.cancelledAt),
    cancelReason: s.cancelReason,
    materials: s.materials.map((m) => ({
      id: m.id,
      sessionId: m.sessionId,
      fileName: m.fileName,
      mimeType: m.mimeType,
      size: m.size,
      createdAt: m.createdAt.toISOString(),
    })),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export const scopeOf = (s: SessionRow) => ({
  hostUnitPath: s.hostUnit.path,
  invitedUnitPaths: s.invitations.map((i) => i.unit.path),
  presenterIds: s.presenters.map((p) => p.userId),
});
