import { Injectable } from '@nestjs/common';
import type { CreateUserBody, UpdateUserBody, User } from '@hallbridge/contracts';
import { canManageUnit, compareNames, DomainError, isWithin } from '@hallbridge/domain';
import * as argon2 from 'argon2';
import { AuditService } from '../audit/audit.service';
import { AccessRevocations } from '../auth/access-revocations';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';

type UserRow = Awaited<ReturnType<PrismaService['user']['findFirstOrThrow']>>;

const toUser = (u: UserRow): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitId: u.unitId,
  memberId: u.memberId,
  locale: u.locale === 'en' ? 'en' : 'vi',
  active: u.active,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

/** Staff accounts are created by organisers for their own subtree. Password hashes never leave this file. */
@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly revocations: AccessRevocations,
  ) {}

  async list(actor: RequestActor): Promise<User[]> {
    if (actor.role !== 'organiser') throw new DomainError('FORBIDDEN');
    const rows = await this.prisma.user.findMany({
      where: { unit: { path: { startsWith: actor.unitPath } } },
    });
    return rows.map(toUser).sort((a, b) => compareNames(a.displayName, b.displayName));
  }

  /**
   * Presenters an organiser can put on a session: those of their subtree and of the committees
   * above it (a provincial lecturer often speaks to a district's session).
   */
  async presenters(actor: RequestActor): Promise<User[]> {
    if (actor.role !== 'organiser') throw new DomainError('FORBIDDEN');
    const ancestorIds = actor.unitPath.split('/').filter(Boolean);
    const rows = await this.prisma.user.findMany({
      where: {
        role: 'presenter',
        active: true,
        OR: [{ unit: { path: { startsWith: actor.unitPath } } }, { unitId: { in: ancestorIds } }],
      },
    });
    return rows.map(toUser).sort((a, b) => compareNames(a.displayName, b.displayName));
  }

  async create(actor: RequestActor, body: CreateUserBody): Promise<User> {
    const unit = await this.unitInScope(actor, body.unitId);
    if (body.memberId) await this.memberOfUnit(body.memberId, unit.path);
    if (await this.prisma.user.findUnique({ where: { username: body.username } }))
      throw new DomainError('CONFLICT', { reason: 'username_taken', value: body.username });
    const passwordHash = await argon2.hash(body.password);
    return this.prisma.$transaction(async (tx) => {
      const user = toUser(
        await tx.user.create({
          data: {
            username: body.username,
            passwordHash,
            displayName: body.displayName,
            role: body.role,
            unitId: body.unitId,
            memberId: body.memberId ?? null,
            locale: body.locale,
          },
        }),
      );
      await this.audit.record(tx, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        unitPath: unit.path,
        after: user,
      });
      return user;
    });
  }

  async update(actor: RequestActor, id: string, body: UpdateUserBody): Promise<User> {
    const existing = await this.prisma.user.findUnique({ where: { id }, include: { unit: true } });
    if (!existing || !isWithin(existing.unit.path, actor.unitId))
      throw new DomainError('NOT_FOUND', { entity: 'user' });
    if (!canManageUnit(actor, existing.unit.path)) throw new DomainError('FORBIDDEN');
    if (existing.id === actor.userId && (body.active === false || (body.role && body.role !== existing.role)))
      throw new DomainError('CONFLICT', { reason: 'cannot_change_self' });
    const unit = body.unitId ? await this.unitInScope(actor, body.unitId) : existing.unit;
    const passwordHash = body.password ? await argon2.hash(body.password) : undefined;
    // A new password or a deactivation retires every token issued before (reactivating later
    // does not bring them back).
    const retireTokens = body.password !== undefined || (body.active === false && existing.active);
    const updated = await this.prisma.$transaction(async (tx) => {
      const user = toUser(
        await tx.user.update({
          where: { id },
          data: {
            displayName: body.displayName,
            role: body.role,
            unitId: body.unitId,
            locale: body.locale,
            active: body.active,
            passwordHash,
            tokenVersion: retireTokens ? { increment: 1 } : undefined,
          },
        }),
      );
      await this.audit.record(tx, actor, {
        action: body.password ? 'user.password_reset' : 'user.updated',
        entityType: 'user',
        entityId: id,
        unitPath: unit.path,
        before: toUser(existing),
        after: user,
      });
      return user;
    });
    // Open live sockets of this account resolve it again (role, unit and activity may have changed).
    await this.revocations.changed({ kind: 'user', id });
    return updated;
  }

  /**
   * A staff account may be linked to the roster entry of the person who holds it: a member of the
   * account's own unit (or below), so a branch-A organiser cannot borrow a branch-B member's history.
   */
  private async memberOfUnit(memberId: string, unitPath: string): Promise<void> {
    const member = await this.prisma.member.findUnique({
      where: { id: memberId },
      select: { unit: { select: { path: true } } },
    });
    if (!member || !member.unit.path.startsWith(unitPath))
      throw new DomainError('NOT_FOUND', { entity: 'member' }, { memberId });
  }

  private async unitInScope(actor: RequestActor, unitId: string) {
    const unit = await this.prisma.unit.findUnique({ where: { id: unitId } });
    if (!unit || !isWithin(unit.path, actor.unitId)) throw new DomainError('NOT_FOUND', { entity: 'unit' });
    if (!canManageUnit(actor, unit.path)) throw new DomainError('FORBIDDEN');
    return unit;
  }
}
