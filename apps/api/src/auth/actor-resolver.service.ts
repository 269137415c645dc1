import { Injectable } from '@nestjs/common';
import type { Locale } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import { PrismaService } from '../database/prisma.service';
import type { RequestActor } from './request-actor';
import { TokenService, type TokenClaims } from './token.service';

const asLocale = (value: string): Locale => (value === 'en' ? 'en' : 'vi');

/**
 * Turns a bearer token into the caller. Accounts are read on every call, so a deactivated user,
 * a moved member, a re-paired device or a staff token older than the account's last password
 * change (or "sign out everywhere") loses access at once rather than when the token expires.
 * Open live sockets are told by AccessRevocations and resolve their caller again.
 */
@Injectable()
export class ActorResolver {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: TokenService,
  ) {}

  async fromToken(token: string): Promise<RequestActor> {
    return this.fromClaims(await this.tokens.verify(token));
  }

  async fromClaims(claims: TokenClaims): Promise<RequestActor> {
    switch (claims.kind) {
      case 'staff': {
        const user = await this.prisma.user.findUnique({
          where: { id: claims.sub },
          include: { unit: true },
        });
        if (!user || !user.active || user.tokenVersion !== claims.ver) throw new DomainError('TOKEN_INVALID');
        return {
          role: user.role,
          unitId: user.unitId,
          userId: user.id,
          memberId: user.memberId,
          siteId: null,
          unitPath: user.unit.path,
          principal: {
            role: user.role,
            userId: user.id,
            memberId: user.memberId,
            siteId: null,
            unitId: user.unitId,
            unitName: user.unit.name,
            displayName: user.displayName,
            locale: asLocale(user.locale),
          },
        };
      }
      case 'member': {
        const member = await this.prisma.member.findUnique({
          where: { id: claims.sub },
          include: { unit: true, personalLink: { select: { generation: true } } },
        });
        if (!member || member.status === 'inactive') throw new DomainError('TOKEN_INVALID');
        // A sign-in made with a personal link ends when the link is rotated.
        if (claims.pl !== undefined && member.personalLink?.generation !== claims.pl)
          throw new DomainError('TOKEN_INVALID');
        return {
          role: 'member',
          unitId: member.unitId,
          userId: null,
          memberId: member.id,
          siteId: null,
          unitPath: member.unit.path,
          principal: {
            role: 'member',
            userId: null,
            memberId: member.id,
            siteId: null,
            unitId: member.unitId,
            unitName: member.unit.name,
            displayName: member.fullName,
            locale: asLocale(member.locale),
          },
        };
      }
      case 'site': {
        const site = await this.prisma.site.findUnique({
          where: { id: claims.sub },
          include: { unit: true },
        });
        if (!site || site.deviceGeneration !== claims.gen) throw new DomainError('TOKEN_INVALID');
        return {
          role: 'site',
          unitId: site.unitId,
          userId: null,
          memberId: null,
          siteId: site.id,
          unitPath: site.unit.path,
          principal: {
            role: 'site',
            userId: null,
            memberId: null,
            siteId: site.id,
            unitId: site.unitId,
            unitName: site.unit.name,
            displayName: site.name,
            locale: 'vi',
          },
        };
      }
    }
  }
}
