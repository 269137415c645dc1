import { Injectable } from '@nestjs/common';
import type { AuditAction, AuthResult, SetupBody } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { ActorResolver } from '../auth/actor-resolver.service';
import { TokenService } from '../auth/token.service';
import { PrismaService } from '../database/prisma.service';

/** An install with no accounts yet lets the first visitor create the top unit and its organiser. */
@Injectable()
export class SetupService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: TokenService,
    private readonly actors: ActorResolver,
  ) {}

  async needed(): Promise<boolean> {
    return (await this.prisma.user.count()) === 0;
  }

  async run(body: SetupBody): Promise<AuthResult> {
    const passwordHash = await argon2.hash(body.password);
    const userId = await this.prisma.$transaction(async (tx) => {
      // Checked inside the transaction so two racing first visitors cannot both become organiser.
      await tx.$executeRaw`LOCK TABLE "User" IN EXCLUSIVE MODE`;
      if ((await tx.user.count()) > 0) throw new DomainError('FORBIDDEN');
      const unitId = randomUUID();
      await tx.unit.create({
        data: {
          id: unitId,
          path: `/${unitId}/`,
          name: body.organisationName,
          code: body.organisationCode,
          kind: 'committee',
        },
      });
      const user = await tx.user.create({
        data: {
          username: body.username,
          passwordHash,
          displayName: body.displayName,
          role: 'organiser',
          unitId,
        },
      });
      await tx.auditEntry.create({
        data: {
          actorRole: 'organiser',
          actorId: user.id,
          actorName: user.displayName,
          action: 'setup.completed' satisfies AuditAction,
          entityType: 'unit',
          entityId: unitId,
          unitPath: `/${unitId}/`,
          after: { organisationName: body.organisationName, username: body.username },
        },
      });
      return user.id;
    });
    const { token, expiresAt } = await this.tokens.issue({ kind: 'staff', sub: userId, ver: 0 });
    return {
      token,
      expiresAt,
      principal: (await this.actors.fromClaims({ kind: 'staff', sub: userId, ver: 0 })).principal,
    };
  }
}
