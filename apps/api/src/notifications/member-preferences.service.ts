import { Injectable } from '@nestjs/common';
import type { MemberPreferencesBody, Principal } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class MemberPreferences {
  constructor(private readonly prisma: PrismaService) {}

  async save(actor: RequestActor, body: MemberPreferencesBody): Promise<Principal> {
    if (actor.role === 'member' && actor.memberId)
      await this.prisma.member.update({ where: { id: actor.memberId }, data: { locale: body.locale } });
    else if (actor.userId)
      await this.prisma.user.update({ where: { id: actor.userId }, data: { locale: body.locale } });
    else throw new DomainError('FORBIDDEN');
    return { ...actor.principal, locale: body.locale };
  }
}
