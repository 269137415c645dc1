import { Inject, Injectable } from '@nestjs/common';
import type { AuthResult, PersonalLink } from '@hallbridge/contracts';
import {
  canManageRoster,
  compareNames,
  DomainError,
  groupPersonalCode,
  isWithin,
  normalisePersonalCode,
  personalCodeFrom,
} from '@hallbridge/domain';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { AccessRevocations } from '../auth/access-revocations';
import { ActorResolver } from '../auth/actor-resolver.service';
import type { RequestActor } from '../auth/request-actor';
import { TokenService } from '../auth/token.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Prisma, PrismaService } from '../database/prisma.service';

type LinkRow = Prisma.PersonalLinkGetPayload<object>;
type MemberRow = { id: string; fullName: string; unitId: string; unit: { name: string; path: string } };

const newCode = () => personalCodeFrom(randomBytes(8));

/**
 * A member's long-lived personal link /p/<code>: made when first asked for, kept until a
 * secretary (or an organiser) rotates it. Rotating replaces the code and bumps the generation
 * that sign-ins made with the link carry, so the old link and those sign-ins stop at once.
 */
@Injectable()
export class PersonalLinksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly actors: ActorResolver,
    private readonly revocations: AccessRevocations,
  ) {}

  async get(actor: RequestActor, memberId: string): Promise<PersonalLink> {
    const member = await this.memberInScope(actor, memberId);
    const [link] = await this.ensure([member.id], actor);
    return this.view(member, link!);
  }

  async rotate(actor: RequestActor, memberId: string): Promise<PersonalLink> {
    const member = await this.memberInScope(actor, memberId);
    const link = await this.prisma.$transaction(async (tx) => {
      const before = await tx.personalLink.findUnique({ where: { memberId } });
      const data = {
        code: newCode(),
        createdAt: new Date(),
        createdById: actor.userId,
        createdBy: actor.principal.displayName,
      };
      const after = await tx.personalLink.upsert({
        where: { memberId },
        create: { memberId, ...data },
        update: { ...data, generation: { increment: 1 } },
      });
      await this.audit.record(tx, actor, {
        action: 'member.personal_link_rotated',
        entityType: 'member',
        entityId: memberId,
        unitPath: member.unit.path,
        before: before ? { generation: before.generation } : undefined,
        after: { generation: after.generation },
      });
      return after;
    });
    // Sign-ins made with the old link end, open live sockets included.
    await this.revocations.changed({ kind: 'member', id: memberId });
    return this.view(member, link);
  }

  /** The personal links of a unit's members (made for those who have none yet), in roster order. */
  async forUnit(
    actor: RequestActor,
    unitId: string,
    options: { paperOnly?: boolean; locale?: string } = {},
  ): Promise<{ unitName: string; organisationName: string; links: PersonalLink[] }> {
    const unit = await this.prisma.unit.findUnique({ where: { id: unitId } });
    if (!unit || !isWithin(unit.path, actor.unitId)) throw new DomainError('NOT_FOUND', { entity: 'unit' });
    if (!canManageRoster(actor, unit.path)) throw new DomainError('FORBIDDEN');
    const members = await this.prisma.member.findMany({
      where: {
        unit: { path: { startsWith: unit.path } },
        status: { not: 'inactive' },
        ...(options.paperOnly ? { email: null, phone: null } : {}),
      },
      include: { unit: { select: { name: true, path: true } } },
    });
    const links = await this.ensure(
      members.map((m) => m.id),
      actor,
    );
    const byMember = new Map(links.map((l) => [l.memberId, l]));
    const rootId = unit.path.split('/').filter(Boolean)[0]!;
    const root = rootId === unit.id ? unit : await this.prisma.unit.findUnique({ where: { id: rootId } });
    return {
      unitName: unit.name,
      organisationName: root?.name ?? unit.name,
      links: members
        .map((m) => this.view(m, byMember.get(m.id)!))
        .sort(
          (a, b) =>
            a.unitName.localeCompare(b.unitName, 'vi') ||
            compareNames(a.fullName, b.fullName, options.locale ?? 'vi'),
        ),
    };
  }

  /** Opening the link: a member sign-in that lasts while the link does. */
  async exchange(typed: string): Promise<AuthResult> {
    const code = normalisePersonalCode(typed);
    const link = code
      ? await this.prisma.personalLink.findUnique({ where: { code }, include: { member: true } })
      : null;
    if (!link || link.member.status === 'inactive') throw new DomainError('TOKEN_INVALID');
    const claims = { kind: 'member' as const, sub: link.memberId, pl: link.generation };
    const { token, expiresAt } = await this.tokens.issue(claims);
    const actor = await this.actors.fromClaims(claims);
    return { token, expiresAt, principal: actor.principal };
  }

  private async memberInScope(actor: RequestActor, memberId: string): Promise<MemberRow> {
    const member = await this.prisma.member.findUnique({
      where: { id: memberId },
      include: { unit: { select: { name: true, path: true } } },
    });
    if (!member || !isWithin(member.unit.path, actor.unitId))
      throw new DomainError('NOT_FOUND', { entity: 'member' });
    if (!canManageRoster(actor, member.unit.path)) throw new DomainError('FORBIDDEN');
    return member;
  }

  /** Links of these members, making the missing ones (a code clash, 1 in 2^60, is simply retried). */
  private async ensure(memberIds: string[], actor: RequestActor): Promise<LinkRow[]> {
    for (let round = 0; ; round++) {
      const existing = await this.prisma.personalLink.findMany({ where: { memberId: { in: memberIds } } });
      const have = new Set(existing.map((l) => l.memberId));
      const missing = memberIds.filter((id) => !have.has(id));
      if (missing.length === 0 || round === 3) return existing;
      await this.prisma.personalLink.createMany({
        data: missing.map((memberId) => ({
          memberId,
          code: newCode(),
          createdById: actor.userId,
          createdBy: actor.principal.displayName,
        })),
        skipDuplicates: true,
      });
    }
  }

  private view(member: MemberRow, link: LinkRow): PersonalLink {
    const url = `${this.config.publicUrl}/p/${groupPersonalCode(link.code)}`;
    return {
      memberId: member.id,
      fullName: member.fullName,
      unitId: member.unitId,
      unitName: member.unit.name,
      code: link.code,
      url,
      shortUrl: url.replace(/^https?:\/\//, ''),
      generation: link.generation,
      createdAt: link.createdAt.toISOString(),
      createdBy: link.createdBy,
    };
  }
}
