import { Injectable } from '@nestjs/common';
import type { CreateMemberBody, Member, MemberQuery, UpdateMemberBody } from '@hallbridge/contracts';
import { canManageRoster, compareNames, DomainError, isWithin, matchKey } from '@hallbridge/domain';
import { AuditService } from '../audit/audit.service';
import { AccessRevocations } from '../auth/access-revocations';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService, type Tx } from '../database/prisma.service';

const memberInclude = { unit: { select: { name: true, path: true, kind: true } } } as const;
type MemberRow = Awaited<ReturnType<PrismaService['member']['findFirstOrThrow']>> & {
  unit: { name: string; path: string; kind: 'committee' | 'branch' };
};

export const toMember = (m: MemberRow): Member => ({
  id: m.id,
  unitId: m.unitId,
  unitName: m.unit.name,
  fullName: m.fullName,
  position: m.position,
  phone: m.phone,
  email: m.email,
  status: m.status,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

@Injectable()
export class MembersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly revocations: AccessRevocations,
  ) {}

  async list(actor: RequestActor, query: MemberQuery, locale = 'vi'): Promise<Member[]> {
    if (!canManageRoster(actor, actor.unitPath)) throw new DomainError('FORBIDDEN');
    let unitPath = actor.unitPath;
    if (query.unitId) unitPath = (await this.rosterUnit(actor, query.unitId, false)).path;
    const q = query.q ? matchKey(query.q) : null;
    const rows = await this.prisma.member.findMany({
      where: {
        unit: { path: { startsWith: unitPath } },
        status: query.status,
        ...(q ? { OR: [{ nameKey: { contains: q } }, { phone: { contains: q.replace(/\s/g, '') } }] } : {}),
      },
      include: memberInclude,
    });
    return rows.map(toMember).sort((a, b) => compareNames(a.fullName, b.fullName, locale));
  }

  async get(actor: RequestActor, id: string): Promise<Member> {
    return toMember(await this.findInScope(actor, id));
  }

  async create(actor: RequestActor, body: CreateMemberBody): Promise<Member> {
    await this.rosterUnit(actor, body.unitId, true);
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.member.create({
        data: {
          unitId: body.unitId,
          fullName: body.fullName,
          nameKey: matchKey(body.fullName),
          position: body.position ?? null,
          phone: body.phone ?? null,
          email: body.email ?? null,
          status: body.status,
        },
        include: memberInclude,
      });
      const member = toMember(created);
      await this.audit.record(tx, actor, {
        action: 'member.created',
        entityType: 'member',
        entityId: member.id,
        unitPath: created.unit.path,
        after: member,
      });
      return member;
    });
  }

  /** Edits a member; a new unitId moves them to another branch (both branches must be in scope). */
  async update(actor: RequestActor, id: string, body: UpdateMemberBody): Promise<Member> {
    const existing = await this.findInScope(actor, id);
    if (body.unitId && body.unitId !== existing.unitId) await this.rosterUnit(actor, body.unitId, true);
    const member = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.member.update({
        where: { id },
        data: {
          unitId: body.unitId,
          fullName: body.fullName,
          nameKey: body.fullName ? matchKey(body.fullName) : undefined,
          position: body.position,
          phone: body.phone,
          email: body.email,
          status: body.status,
        },
        include: memberInclude,
      });
      const member = toMember(updated);
      await this.audit.record(tx, actor, {
        action: updated.unitId === existing.unitId ? 'member.updated' : 'member.moved',
        entityType: 'member',
        entityId: id,
        unitPath: updated.unit.path,
        before: toMember(existing),
        after: member,
      });
      return member;
    });
    // Deactivated or moved: their open live sockets resolve them again (and are closed if refused).
    await this.revocations.changed({ kind: 'member', id });
    return member;
  }

  async remove(actor: RequestActor, id: string): Promise<void> {
    const existing = await this.findInScope(actor, id);
    await this.prisma.$transaction(async (tx) => {
      await tx.member.delete({ where: { id } });
      await this.audit.record(tx, actor, {
        action: 'member.deleted',
        entityType: 'member',
        entityId: id,
        unitPath: existing.unit.path,
        before: toMember(existing),
      });
    });
    await this.revocations.changed({ kind: 'member', id });
  }

  private async findInScope(actor: RequestActor, id: string): Promise<MemberRow> {
    const member = await this.prisma.member.findUnique({ where: { id }, include: memberInclude });
    if (!member || !isWithin(member.unit.path, actor.unitId))
      throw new DomainError('NOT_FOUND', { entity: 'member' });
    if (!canManageRoster(actor, member.unit.path)) throw new DomainError('FORBIDDEN');
    return member;
  }

  /** A unit whose roster the actor keeps; members can only be placed in branches. */
  async rosterUnit(actor: RequestActor, unitId: string, mustBeBranch: boolean, tx: Tx = this.prisma) {
    const unit = await tx.unit.findUnique({ where: { id: unitId } });
    if (!unit || !isWithin(unit.path, actor.unitId)) throw new DomainError('NOT_FOUND', { entity: 'unit' });
    if (!canManageRoster(actor, unit.path)) throw new DomainError('FORBIDDEN');
    if (mustBeBranch && unit.kind !== 'branch')
      throw new DomainError('CONFLICT', { reason: 'member_needs_branch' });
    return unit;
  }
}
