import { Injectable } from '@nestjs/common';
import type { CreateUnitBody, Unit, UpdateUnitBody } from '@hallbridge/contracts';
import { canManageUnit, childPath, DomainError, isWithin } from '@hallbridge/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService, type Tx } from '../database/prisma.service';

type UnitRow = Awaited<ReturnType<PrismaService['unit']['findFirstOrThrow']>>;

const toUnit = (u: UnitRow, memberCount: number): Unit => ({
  id: u.id,
  parentId: u.parentId,
  name: u.name,
  code: u.code,
  kind: u.kind,
  address: u.address,
  participationTarget: Number(u.participationTarget),
  memberCount,
});

@Injectable()
export class UnitsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  /** Staff see the tree from their own unit down; members and room screens have no use for it. */
  async list(actor: RequestActor): Promise<Unit[]> {
    if (actor.role === 'member' || actor.role === 'site') throw new DomainError('FORBIDDEN');
    const units = await this.prisma.unit.findMany({
      where: { path: { startsWith: actor.unitPath } },
      orderBy: [{ path: 'asc' }],
    });
    const counts = await this.prisma.member.groupBy({
      by: ['unitId'],
      where: { unitId: { in: units.map((u) => u.id) }, status: { not: 'inactive' } },
      _count: { _all: true },
    });
    const countOf = new Map(counts.map((c) => [c.unitId, c._count._all]));
    return units
      .map((u) => toUnit(u, countOf.get(u.id) ?? 0))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  async create(actor: RequestActor, body: CreateUnitBody): Promise<Unit> {
    const parent = await this.findInScope(actor, body.parentId);
    if (parent.kind !== 'committee')
      throw new DomainError('CONFLICT', { reason: 'branch_cannot_hold_units' });
    return this.prisma.$transaction(async (tx) => {
      await this.assertCodeFree(tx, body.code);
      const id = randomUUID();
      const unit = await tx.unit.create({
        data: {
          id,
          parentId: parent.id,
          path: childPath(parent.path, id),
          name: body.name,
          code: body.code,
          kind: body.kind,
          address: body.address ?? null,
          participationTarget: body.participationTarget ?? Number(parent.participationTarget),
        },
      });
      await this.audit.record(tx, actor, {
        action: 'unit.created',
        entityType: 'unit',
        entityId: unit.id,
        unitPath: unit.path,
        after: toUnit(unit, 0),
      });
      return toUnit(unit, 0);
    });
  }

  async update(actor: RequestActor, id: string, body: UpdateUnitBody): Promise<Unit> {
    const unit = await this.findInScope(actor, id);
    if (unit.path === actor.unitPath && body.parentId && body.parentId !== unit.parentId)
      throw new DomainError('FORBIDDEN');
    return this.prisma.$transaction(async (tx) => {
      if (body.code && body.code !== unit.code) await this.assertCodeFree(tx, body.code);
      let path = unit.path;
      if (body.parentId && body.parentId !== unit.parentId) {
        const parent = await this.findInScope(actor, body.parentId, tx);
        if (parent.kind !== 'committee' || isWithin(parent.path, unit.id))
          throw new DomainError('CONFLICT', { reason: 'unit_cannot_move_there' });
        path = childPath(parent.path, unit.id);
        // Re-root the whole subtree: every descendant path starts with the old path.
        await tx.$executeRaw`UPDATE "Unit" SET "path" = ${path}::text || substring("path" from ${unit.path.length + 1}::int) WHERE "path" LIKE ${`${unit.path}%`}`;
      }
      const updated = await tx.unit.update({
        where: { id },
        data: {
          parentId: body.parentId,
          name: body.name,
          code: body.code,
          address: body.address,
          participationTarget: body.participationTarget,
        },
      });
      const memberCount = await tx.member.count({ where: { unitId: id, status: { not: 'inactive' } } });
      await this.audit.record(tx, actor, {
        action: path === unit.path ? 'unit.updated' : 'unit.moved',
        entityType: 'unit',
        entityId: id,
        unitPath: path,
        before: toUnit(unit, memberCount),
        after: toUnit(updated, memberCount),
      });
      return toUnit(updated, memberCount);
    });
  }

  /** Only an empty unit can go: nothing below it, nobody in it, no session that names it. */
  async remove(actor: RequestActor, id: string): Promise<void> {
    const unit = await this.findInScope(actor, id);
    if (unit.path === actor.unitPath) throw new DomainError('FORBIDDEN');
    await this.prisma.$transaction(async (tx) => {
      const [children, members, users, sites, hosted, invited] = await Promise.all([
        tx.unit.count({ where: { parentId: id } }),
        tx.member.count({ where: { unitId: id } }),
        tx.user.count({ where: { unitId: id } }),
        tx.site.count({ where: { unitId: id } }),
        tx.studySession.count({ where: { hostUnitId: id } }),
        tx.sessionInvitation.count({ where: { unitId: id } }),
      ]);
      if (children + members + users + sites + hosted + invited > 0)
        throw new DomainError('CONFLICT', { reason: 'unit_not_empty' });
      await tx.unit.delete({ where: { id } });
      await this.audit.record(tx, actor, {
        action: 'unit.deleted',
        entityType: 'unit',
        entityId: id,
        unitPath: unit.path,
        before: toUnit(unit, 0),
      });
    });
  }

  /** Loads a unit the actor may manage; outside the scope it does not exist for them. */
  async findInScope(actor: RequestActor, id: string, tx: Tx = this.prisma): Promise<UnitRow> {
    const unit = await tx.unit.findUnique({ where: { id } });
    if (!unit || !isWithin(unit.path, actor.unitId)) throw new DomainError('NOT_FOUND', { entity: 'unit' });
    if (!canManageUnit(actor, unit.path)) throw new DomainError('FORBIDDEN');
    return unit;
  }

  private async assertCodeFree(tx: Tx, code: string): Promise<void> {
    const taken = await tx.unit.findFirst({ where: { code: { equals: code, mode: 'insensitive' } } });
    if (taken) throw new DomainError('CONFLICT', { reason: 'code_taken', value: code });
  }
}
