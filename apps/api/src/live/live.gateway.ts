import { Inject } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  type JoinResultData,
  type LiveAck,
  LiveCommands,
  type LiveCommandName,
  PointerCommand,
} from '@hallbridge/contracts';
import { DomainError, participantKey } from '@hallbridge/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ActorResolver } from '../auth/actor-resolver.service';
import { clientAddress, compileTrust } from '../common/client-address';
import { fieldIssues } from '../common/errors/field-issues';
import { LiveAccess } from './live-access.service';
import { LiveBroadcaster, personalChannel, roomChannel } from './live-broadcaster';
import { LiveLimits, rateLimited, type LiveCaller } from './live-limits';
import { LiveRevocation } from './live-revocation';
import { LiveRooms } from './live-rooms';
import type { LiveServer, LiveSocket } from './live-socket';
import { toAck } from './socket-errors';

/**
 * The socket.io edge of the live rooms: authenticates the handshake with the same tokens as REST,
 * validates every command with its contract schema, and hands it to LiveRooms. A bad command
 * gets an error acknowledgement, never a crash; one over a limit (LiveLimits: per person, per
 * address, per room, shared by every instance) gets RATE_LIMITED with retryAfterMs, and the socket
 * stays open.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false, pingInterval: 10_000, pingTimeout: 10_000 })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly actors: ActorResolver,
    private readonly access: LiveAccess,
    private readonly rooms: LiveRooms,
    private readonly broadcaster: LiveBroadcaster,
    private readonly limits: LiveLimits,
    private readonly revocation: LiveRevocation,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: LiveServer): void {
    this.rooms.attach(server);
    this.revocation.attach(server);
    // LIVE_PING_INTERVAL_MS / LIVE_PING_TIMEOUT_MS: engine.io reads these for every ping it schedules.
    server.engine.opts.pingInterval = this.config.livePing.intervalMs;
    server.engine.opts.pingTimeout = this.config.livePing.timeoutMs;
    const trust = compileTrust(this.config.trustProxy);
    server.use((socket, next) => {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : '';
      if (!token)
        return next(
          Object.assign(new Error('UNAUTHENTICATED'), { data: toAck(new DomainError('UNAUTHENTICATED')) }),
        );
      this.actors.fromToken(token).then(
        (caller) => {
          socket.data = {
            caller,
            token,
            address: clientAddress(socket.request, trust),
            language: String(
              socket.handshake.headers['accept-language'] ?? socket.handshake.auth?.language ?? 'vi',
            ),
          };
          next();
        },
        (error) =>
          next(
            Object.assign(new Error((error as DomainError).code ?? 'UNAUTHENTICATED'), {
              data: toAck(error),
            }),
          ),
      );
    });
  }

  handleConnection(socket: LiveSocket): void {
    socket.conn.on('packet', () => (socket.data.lastSeenAt = Date.now()));
    socket.on('disconnect', (reason) => (socket.data.disconnectReason = reason));
    for (const name of Object.keys(LiveCommands) as LiveCommandName[]) {
      socket.on(name, (payload: unknown, ack?: (result: LiveAck) => void) => {
        const reply = typeof ack === 'function' ? ack : () => {};
        this.handle(socket, name, payload).then(reply, (error) => reply(toAck(error, socket.data.language)));
      });
    }
    socket.on('slide:pointer', (payload: unknown) => void this.pointer(socket, payload).catch(() => {}));
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    const seat = socket.data?.seat;
    if (!seat) return;
    const runtime = await this.rooms.open(seat.sessionId).catch(() => null);
    // A client that stopped answering was last there when it was last heard from, not when noticed.
    const silent = socket.data.disconnectReason === 'ping timeout';
    if (runtime)
      this.rooms.disconnect(runtime, seat.actor.key, socket.id, silent ? socket.data.lastSeenAt : undefined);
  }

  private async handle(socket: LiveSocket, name: LiveCommandName, payload: unknown): Promise<LiveAck> {
    const lang = socket.data.language;
    // A flood is refused at its socket, without counting again, until the window it exhausted ends.
    const until = socket.data.limitedUntil ?? 0;
    const now = Date.now();
    if (until > now) return toAck(rateLimited(until - now), lang);
    const caller = this.limited(socket);
    try {
      await this.limits.admit(caller);
    } catch (refusal) {
      const wait = refusal instanceof DomainError ? refusal.params.retryAfterMs : undefined;
      if (typeof wait === 'number') socket.data.limitedUntil = Date.now() + wait;
      throw refusal;
    }
    const parsed = LiveCommands[name].safeParse(payload);
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error, '(payload)');
      const ack = toAck(
        new DomainError('VALIDATION_FAILED', {
          summary: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        }),
        lang,
      );
      return { ...ack, ...(ack.ok ? {} : { issues }) } as LiveAck;
    }
    if (name === 'room:join') {
      const joining = this.join(socket, parsed.data as { sessionId: string; lastSeq?: number | null });
      socket.data.joining = joining;
      void joining.finally(() => socket.data.joining === joining && delete socket.data.joining);
      return joining;
    }
    // A command sent right after (re)joining waits for the join to be answered.
    await socket.data.joining;
    const revoked = await this.revocation.refusal(socket);
    if (revoked) return toAck(revoked, lang);
    const seat = socket.data.seat;
    if (!seat) return toAck(new DomainError('NOT_IN_ROOM'), lang);
    if (seat.sessionId !== parsed.data.sessionId) return toAck(new DomainError('FORBIDDEN'), lang);
    await this.limits.admitPost(name, caller, seat.sessionId);
    return this.rooms.execute(seat.actor, name, parsed.data as never, lang);
  }

  /** Enters a room: a snapshot, or only the events missed since `lastSeq` when the room still has them. */
  private async join(
    socket: LiveSocket,
    { sessionId, lastSeq }: { sessionId: string; lastSeq?: number | null },
  ): Promise<LiveAck<JoinResultData>> {
    try {
      const revoked = await this.revocation.refusal(socket);
      if (revoked) throw revoked;
      // Read again: whoever rejoins on an old socket is who the database says they are now.
      socket.data.caller = await this.actors.fromToken(socket.data.token);
      const seat = await this.access.seat(socket.data.caller, sessionId);
      const runtime = await this.rooms.open(sessionId);
      const previous = socket.data.seat;
      if (previous) {
        await socket.leave(roomChannel(previous.sessionId, previous.audience));
        await socket.leave(personalChannel(previous.sessionId, previous.actor.key));
        const old = await this.rooms.open(previous.sessionId).catch(() => null);
        if (old) this.rooms.disconnect(old, previous.actor.key, socket.id);
      }
      socket.data.seat = { ...seat, sessionId };
      await socket.join([roomChannel(sessionId, seat.audience), personalChannel(sessionId, seat.actor.key)]);
      this.rooms.connect(runtime, seat.participant, socket.id);
      const events = lastSeq != null ? runtime.buffer.since(lastSeq, runtime.room.seq, seat.audience) : null;
      const snapshot = this.rooms.snapshot(runtime, seat.actor.key, seat.audience);
      if (events) {
        // Tallies and presence are not in the sequence; send their current values with the catch-up.
        for (const tally of snapshot.tallies) socket.emit('live:tally', tally);
        socket.emit('live:presence', {
          upserted: snapshot.participants,
          removed: [],
          count: snapshot.participantCount,
        });
        return { ok: true, seq: runtime.room.seq, data: { snapshot: null, events } };
      }
      return { ok: true, seq: runtime.room.seq, data: { snapshot, events: null } };
    } catch (error) {
      return toAck(error, socket.data.language) as LiveAck<JoinResultData>;
    }
  }

  /** The presenter's pointer goes straight out, unsequenced and droppable; others' pointers are ignored. */
  private async pointer(socket: LiveSocket, payload: unknown): Promise<void> {
    const seat = socket.data.seat;
    const parsed = PointerCommand.safeParse(payload);
    if (!seat?.actor.isStaff || !parsed.success || parsed.data.sessionId !== seat.sessionId) return;
    if (!(await this.limits.pointerMove(socket.id))) return;
    this.broadcaster.volatileFrom(
      socket,
      { sessionId: seat.sessionId, audience: 'everyone' },
      'live:pointer',
      {
        sessionId: seat.sessionId,
        pointer: parsed.data.pointer,
      },
    );
  }

  /** Who a command counts against: the person (whatever their sockets) and the client's address. */
  private limited(socket: LiveSocket): LiveCaller {
    return {
      personKey: socket.data.seat?.actor.key ?? personOf(socket.data.caller),
      address: socket.data.address,
    };
  }
}

/** A caller's participant key (a token naming nobody counts against its address). */
function personOf(caller: LiveSocket['data']['caller']): string {
  try {
    return participantKey(caller);
  } catch {
    return 'nobody';
  }
}
