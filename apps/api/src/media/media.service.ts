import { Inject, Injectable } from '@nestjs/common';
import type {
  AuditAction,
  MediaActionResult,
  MediaJoin,
  MediaParticipant,
  MediaSource,
} from '@hallbridge/contracts';
import {
  assertMayJoinMedia,
  DomainError,
  MEDIA_TOKEN_TTL_SECONDS,
  mediaGrants,
  mediaSeat,
} from '@hallbridge/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { LiveAccess } from '../live/live-access.service';
import { LiveRooms } from '../live/live-rooms';
import { MEDIA_BACKEND, type MediaBackend } from './media-backend';

/**
 * The session's media room: join tokens for whoever may see the session, and the controls of
 * those who run it (mute one, mute everyone off the stage, remove one), each with an audit entry.
 */
@Injectable()
export class MediaService {
  constructor(
    @Inject(MEDIA_BACKEND) private readonly backend: MediaBackend,
    private readonly access: LiveAccess,
    private readonly rooms: LiveRooms,
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
  ) {}

  /** A short-lived token whose grants follow the caller's seat and whether they hold the floor now. */
  async join(caller: RequestActor, sessionId: string): Promise<MediaJoin> {
    const { actor } = await this.access.seat(caller, sessionId);
    if (this.backend.kind === 'disabled') throw new DomainError('MEDIA_DISABLED');
    const runtime = await this.rooms.open(sessionId);
    const seat = mediaSeat(actor);
    assertMayJoinMedia(seat, runtime.room.state);
    const floor = runtime.room.floor.find((f) => f.key === actor.key) ?? null;
    const grants = mediaGrants(seat, floor);
    const token = await this.backend.joinToken({
      room: sessionId,
      identity: actor.key,
      name: actor.name,
      metadata: { key: actor.key, role: actor.role, seat, unitId: actor.unitId, unitName: actor.unitName },
      grants,
      ttlSeconds: MEDIA_TOKEN_TTL_SECONDS,
    });
    return {
      url: this.backend.clientUrl!,
      token,
      room: sessionId,
      identity: actor.key,
      name: actor.name,
      seat,
      grants,
      expiresAt: new Date(Date.now() + MEDIA_TOKEN_TTL_SECONDS * 1000).toISOString(),
    };
  }

  async participants(caller: RequestActor, sessionId: string): Promise<MediaParticipant[]> {
    await this.runner(caller, sessionId);
    return this.backend.participants(sessionId);
  }

  async mute(
    caller: RequestActor,
    sessionId: string,
    identity: string,
    sources: MediaSource[],
  ): Promise<MediaActionResult> {
    const hostUnitPath = await this.runner(caller, sessionId);
    const affected = await this.backend.mute(sessionId, identity, sources);
    await this.record(caller, sessionId, hostUnitPath, 'media.mute', { identity, sources, affected });
    return { affected };
  }

  /** Silences everyone off the stage: those who run the session keep their voice. */
  async muteAll(caller: RequestActor, sessionId: string, sources: MediaSource[]): Promise<MediaActionResult> {
    const hostUnitPath = await this.runner(caller, sessionId);
    const affected = await this.backend.muteAll(sessionId, sources, (p) => p.seat === 'stage');
    await this.record(caller, sessionId, hostUnitPath, 'media.mute_all', { sources, affected });
    return { affected };
  }

  async remove(caller: RequestActor, sessionId: string, identity: string): Promise<MediaActionResult> {
    const hostUnitPath = await this.runner(caller, sessionId);
    const removed = await this.backend.remove(sessionId, identity);
    if (!removed) throw new DomainError('NOT_FOUND', { entity: 'participant' });
    await this.record(caller, sessionId, hostUnitPath, 'media.remove', { identity });
    return { affected: 1 };
  }

  /** Only those who run the session (its presenters, the organisers of its host unit) control media. */
  private async runner(caller: RequestActor, sessionId: string): Promise<string> {
    const { actor } = await this.access.seat(caller, sessionId);
    if (!actor.isStaff) throw new DomainError('FORBIDDEN');
    if (this.backend.kind === 'disabled') throw new DomainError('MEDIA_DISABLED');
    return (await this.rooms.open(sessionId)).hostUnitPath;
  }

  private record(
    caller: RequestActor,
    sessionId: string,
    unitPath: string,
    action: AuditAction,
    after: unknown,
  ) {
    // The action already happened on the media server; the entry records it (no transaction to join).
    return this.audit.record(this.prisma, caller, {
      action,
      entityType: 'session',
      entityId: sessionId,
      sessionId,
      unitPath,
      after,
    });
  }
}
