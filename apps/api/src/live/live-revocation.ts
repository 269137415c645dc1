import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '@hallbridge/domain';
import { AccessRevocations, type AccessSubject } from '../auth/access-revocations';
import { ActorResolver } from '../auth/actor-resolver.service';
import type { RequestActor } from '../auth/request-actor';
import { MEDIA_BACKEND, type MediaBackend } from '../media/media-backend';
import { LiveAccess } from './live-access.service';
import { roomChannel } from './live-broadcaster';
import type { LiveServer, LiveSocket } from './live-socket';
import { toAck } from './socket-errors';

const RECHECK_RETRY_MS = [1000, 2000, 4000, 8000];

const concerns = (caller: RequestActor, subject: AccessSubject) =>
  subject.kind === 'user'
    ? caller.userId === subject.id
    : subject.kind === 'member'
      ? caller.memberId === subject.id
      : caller.siteId === subject.id;

/**
 * Revocations reach open sockets: when someone's access changes (AccessRevocations, on every
 * instance), each of their sockets here resolves its caller from its token again and takes its
 * seat again. Refused (deactivated, deleted, an older token, no longer invited): the socket is
 * told why (`live:closed`), disconnected, and taken out of the media room; it cannot rejoin since
 * its token no longer resolves. Still allowed: the socket goes on as who they are now. Commands
 * that arrive while a socket is checked wait for the check, so none runs on the old identity.
 */
@Injectable()
export class LiveRevocation implements OnModuleDestroy {
  private readonly logger = new Logger('LiveRevocation');
  private server: LiveServer | null = null;
  private sweeping = false;
  private readonly stop: () => void;

  constructor(
    revocations: AccessRevocations,
    private readonly actors: ActorResolver,
    private readonly access: LiveAccess,
    @Inject(MEDIA_BACKEND) private readonly media: MediaBackend,
  ) {
    this.stop = revocations.listen((subjects) => this.recheck(subjects));
  }

  attach(server: LiveServer): void {
    this.server = server;
  }

  onModuleDestroy(): void {
    this.stop();
  }

  /** Rejects a command on a socket whose access was withdrawn, after any check under way. */
  async refusal(socket: LiveSocket): Promise<DomainError | null> {
    await socket.data.checking;
    return socket.data.revoked ?? null;
  }

  private recheck(subjects: AccessSubject[] | 'all', attempt = 0): void {
    if (!this.server) return;
    if (subjects === 'all') return void this.sweep();
    for (const socket of this.server.of('/').sockets.values()) {
      const caller = socket.data?.caller;
      if (!caller || socket.data.revoked) continue;
      if (!subjects.some((s) => concerns(caller, s))) continue;
      const previous = socket.data.checking;
      const checking = Promise.resolve(previous)
        .then(() => this.check(socket))
        .catch((e) => {
          // The database could not say (unavailable): look again shortly rather than guess.
          this.logger.warn(`checking ${socket.id}: ${(e as Error).message}`);
          if (attempt < RECHECK_RETRY_MS.length)
            setTimeout(() => this.recheck(subjects, attempt + 1), RECHECK_RETRY_MS[attempt]).unref();
        });
      socket.data.checking = checking;
      void checking.finally(() => socket.data.checking === checking && delete socket.data.checking);
    }
  }

  /**
   * After the bus was away (messages may be lost): every socket again, one at a time in the
   * background, so thousands of sockets do not hit the database at once; nothing is known to have
   * changed, so their commands do not wait for it.
   */
  private async sweep(): Promise<void> {
    if (this.sweeping || !this.server) return;
    this.sweeping = true;
    try {
      for (const socket of [...this.server.of('/').sockets.values()])
        await this.check(socket).catch((e) =>
          this.logger.warn(`checking ${socket.id}: ${(e as Error).message}`),
        );
    } finally {
      this.sweeping = false;
    }
  }

  private async check(socket: LiveSocket): Promise<void> {
    if (!socket.connected || !socket.data?.caller || socket.data.revoked) return;
    let caller: RequestActor;
    try {
      caller = await this.actors.fromToken(socket.data.token);
    } catch (error) {
      return this.refuse(socket, error);
    }
    socket.data.caller = caller;
    const seat = socket.data.seat;
    if (!seat) return;
    let next;
    try {
      next = await this.access.seat(caller, seat.sessionId);
    } catch (error) {
      return this.refuse(socket, error);
    }
    if (next.audience !== seat.audience) {
      await socket.leave(roomChannel(seat.sessionId, seat.audience));
      await socket.join(roomChannel(seat.sessionId, next.audience));
    }
    socket.data.seat = { ...next, sessionId: seat.sessionId };
  }

  /**
   * The error is what the database says now (TOKEN_INVALID, NOT_FOUND); a transient failure is
   * thrown on, keeping the socket until it can be checked. Leaving the room's presence is the
   * gateway's disconnect handler's business, as for any socket that closes.
   */
  private async refuse(socket: LiveSocket, error: unknown): Promise<void> {
    if (!(error instanceof DomainError)) throw error;
    socket.data.revoked = error;
    const ack = toAck(error, socket.data.language);
    if (!ack.ok) socket.emit('live:closed', { code: ack.code, message: ack.message });
    const seat = socket.data.seat;
    socket.disconnect(true);
    if (seat) await this.media.remove(seat.sessionId, seat.actor.key).catch(() => false);
  }
}
