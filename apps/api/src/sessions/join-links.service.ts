import { Inject, Injectable } from '@nestjs/common';
import type { JoinLink } from '@hallbridge/contracts';
import { canManageSession, compareNames, DomainError, isWithin } from '@hallbridge/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { RequestActor } from '../auth/request-actor';
import { joinLinkExpiry, signJoinLink } from '../auth/join-link';
import { PrismaService } from '../database/prisma.service';
import { SessionsService } from './sessions.service';
import { scopeOf } from './session-view';

/**
 * Every invited member gets a personal link. Organisers see all of them; a secretary sees those of
 * their own branch, to send out by SMS or Zalo.
 */
@Injectable()
export class JoinLinksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
  ) {}

  async list(actor: RequestActor, sessionId: string, unitId?: string): Promise<JoinLink[]> {
    const session = await this.sessions.findVisible(actor, sessionId);
    const manages = canManageSession(actor, session.hostUnit.path);
    if (!manages && actor.role !== 'secretary') throw new DomainError('FORBIDDEN');
    // A secretary's view stops at their own branch, whatever the invitation covers.
    const scopePath = manages ? null : actor.unitPath;
    let filterPath: string | null = null;
    if (unitId) {
      const unit = await this.prisma.unit.findUnique({ where: { id: unitId } });
      if (!unit) throw new DomainError('NOT_FOUND', { entity: 'unit' });
      filterPath = unit.path;
    }
    const invited = scopeOf(session).invitedUnitPaths;
    if (invited.length === 0) return [];
    const members = await this.prisma.member.findMany({
      where: {
        status: { not: 'inactive' },
        AND: [
          { OR: invited.map((p) => ({ unit: { path: { startsWith: p } } })) },
          scopePath ? { unit: { path: { startsWith: scopePath } } } : {},
          filterPath ? { unit: { path: { startsWith: filterPath } } } : {},
        ],
      },
      include: { unit: { select: { name: true, path: true } } },
    });
    const exp = joinLinkExpiry(session.endsAt);
    return members
      .filter((m) => !scopePath || isWithin(m.unit.path, actor.unitId))
      .map((m) => ({
        memberId: m.id,
        fullName: m.fullName,
        unitId: m.unitId,
        unitName: m.unit.name,
        phone: m.phone,
        email: m.email,
        url: `${this.config.publicUrl}/j/${signJoinLink({ memberId: m.id, sessionId, exp }, this.config.authSecret)}`,
        expiresAt: new Date(exp * 1000).toISOString(),
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || compareNames(a.fullName, b.fullName));
  }
}
