import { Injectable } from '@nestjs/common';
import type { Participant } from '@hallbridge/contracts';
import {
  canManageSession,
  overseesSession,
  participantKey,
  type Audience,
  type LiveActor,
} from '@hallbridge/domain';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { scopeOf } from '../sessions/session-view';
import { SessionsService } from '../sessions/sessions.service';

export interface LiveSeat {
  actor: LiveActor;
  audience: Audience;
  participant: Participant;
}

/**
 * Who may enter a live room and as what: anyone who may see the session enters; its presenters and
 * the organisers managing its host unit run it; organisers who oversee it watch as staff.
 */
@Injectable()
export class LiveAccess {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
  ) {}

  async seat(caller: RequestActor, sessionId: string): Promise<LiveSeat> {
    const session = await this.sessions.findVisible(caller, sessionId);
    const presents = caller.userId !== null && session.presenters.some((p) => p.userId === caller.userId);
    const isStaff = presents || canManageSession(caller, session.hostUnit.path);
    const unit = await this.prisma.unit.findUnique({ where: { id: caller.unitId }, select: { name: true } });
    const key = participantKey(caller);
    const actor: LiveActor = {
      key,
      role: caller.role,
      name: caller.principal.displayName,
      unitName: unit?.name ?? '',
      unitId: caller.unitId,
      userId: caller.userId,
      siteId: caller.siteId,
      isStaff,
    };
    const participant: Participant = {
      key,
      role: caller.role,
      name: actor.name,
      unitId: caller.unitId,
      unitName: actor.unitName,
      connections: 1,
      joinedAt: Date.now(),
    };
    const audience: Audience = isStaff || overseesSession(caller, scopeOf(session)) ? 'staff' : 'public';
    return { actor, audience, participant };
  }
}
