import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntityType, AuditEntry, AuditQuery } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import type { RequestActor } from '../auth/request-actor';
import { type Prisma, PrismaService, type Tx } from '../database/prisma.service';

export interface AuditRecord {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  /** Path of the unit the change belongs to, so organisers only read the log of their own scope. */
  unitPath: string;
  sessionId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const json = (v: unknown) =>
  v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue);

@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  /** Written in the same transaction as the change, so a change never lands without its entry. */
  async record(tx: Tx, actor: RequestActor, entry: AuditRecord): Promise<void> {
    await tx.auditEntry.create({
      data: {
        actorRole: actor.role,
        actorId: actor.userId ?? actor.memberId ?? actor.siteId,
        actorName: actor.principal.displayName,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        unitPath: entry.unitPath,
        sessionId: entry.sessionId ?? null,
        before: json(entry.before),
        after: json(entry.after),
        reason: entry.reason ?? null,
      },
    });
  }

  /** Organisers read the log of their own subtree. */
  async list(actor: RequestActor, query: AuditQuery): Promise<AuditEntry[]> {
    if (actor.role !== 'organiser') throw new DomainError('FORBIDDEN');
    const rows = await this.prisma.auditEntry.findMany({
      where: {
        unitPath: { startsWith: actor.unitPath },
        entityType: query.entityType,
        entityId: query.entityId,
        sessionId: query.sessionId,
      },
      orderBy: { at: 'desc' },
      take: query.limit,
    });
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorRole: r.actorRole,
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      sessionId: r.sessionId,
      before: r.before ?? null,
      after: r.after ?? null,
      reason: r.reason,
    }));
  }
}
