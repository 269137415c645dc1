import type { Programme, ProgrammeAction } from '@hallbridge/contracts';
import { programmeProgress } from '@hallbridge/domain';
import type { Prisma } from '../database/prisma.service';

export const programmeInclude = {
  actions: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
  comments: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ActionProgrammeInclude;

export type ProgrammeRow = Prisma.ActionProgrammeGetPayload<{ include: typeof programmeInclude }>;
type ActionRow = ProgrammeRow['actions'][number];

export const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function toAction(a: ActionRow): ProgrammeAction {
  return {
    id: a.id,
    position: a.position,
    title: a.title,
    owner: a.owner,
    dueDate: dayOf(a.dueDate),
    status: a.status,
    note: a.note,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toProgramme(
  row: ProgrammeRow | null,
  context: {
    sessionId: string;
    sessionTitle: string;
    unitId: string;
    unitName: string;
    today: string;
    canEdit: boolean;
    canComment: boolean;
  },
): Programme {
  const actions = (row?.actions ?? []).map(toAction);
  return {
    id: row?.id ?? null,
    sessionId: context.sessionId,
    sessionTitle: context.sessionTitle,
    unitId: context.unitId,
    unitName: context.unitName,
    state: row?.state ?? 'draft',
    commentsCloseAt: row?.commentsCloseAt?.toISOString() ?? null,
    adoptedAt: row?.adoptedAt?.toISOString() ?? null,
    adoptedBy: row?.adoptedBy ?? null,
    actions,
    comments: (row?.comments ?? []).map((c) => ({
      id: c.id,
      authorName: c.authorName,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    progress: programmeProgress(actions, context.today),
    canEdit: context.canEdit,
    canComment: context.canComment,
  };
}
