import type {
  ClientToServerEvents,
  JoinResultData,
  LiveAck,
  LiveCommandName,
  LiveEvent,
  LiveSnapshot,
  ServerToClientEvents,
} from '@hallbridge/contracts';
import { applyLiveEvent, applyPresence, applyTally } from '@hallbridge/domain';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A real socket.io client for gateway tests: joins a room, keeps its snapshot up to date with the
 * same reducer the browser uses, and sends commands with fresh command ids.
 */
export class LiveTestClient {
  readonly socket: ClientSocket;
  snapshot: LiveSnapshot | null = null;
  readonly events: LiveEvent[] = [];
  private sessionId = '';

  /** `address`: sent as X-Forwarded-For, for a server that trusts loopback as its front. */
  constructor(url: string, token: string, options: { language?: string; address?: string } = {}) {
    this.socket = io(url, {
      path: '/socket.io',
      auth: { token, language: options.language ?? 'vi' },
      ...(options.address ? { extraHeaders: { 'x-forwarded-for': options.address } } : {}),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    }) as ClientSocket;
    this.socket.on('live:event', (e) => {
      this.events.push(e);
      if (this.snapshot) this.snapshot = applyLiveEvent(this.snapshot, e);
    });
    this.socket.on('live:tally', (t) => {
      if (this.snapshot) this.snapshot = applyTally(this.snapshot, t);
    });
    this.socket.on('live:presence', (p) => {
      if (this.snapshot) this.snapshot = applyPresence(this.snapshot, p);
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (e) => reject(e));
    });
  }

  async join(sessionId: string): Promise<LiveAck<JoinResultData>> {
    await this.connected();
    this.sessionId = sessionId;
    const lastSeq = this.snapshot?.seq ?? null;
    const ack = (await this.socket.emitWithAck('room:join', {
      sessionId,
      lastSeq,
    })) as LiveAck<JoinResultData>;
    if (ack.ok && ack.data) {
      if (ack.data.snapshot) this.snapshot = ack.data.snapshot;
      else if (this.snapshot)
        for (const e of ack.data.events ?? []) this.snapshot = applyLiveEvent(this.snapshot, e);
    }
    return ack;
  }

  send(
    name: Exclude<LiveCommandName, 'room:join'>,
    payload: Record<string, unknown>,
    commandId = randomUUID(),
  ): Promise<LiveAck> {
    return (this.socket.emitWithAck as (n: string, p: unknown) => Promise<LiveAck>)(name, {
      commandId,
      sessionId: this.sessionId,
      ...payload,
    });
  }

  /**
   * Sends as a person's client does: refused as too fast (RATE_LIMITED), it waits the time the
   * answer names and sends the same command again, so a test about something else is not failed by the live limits.
   */
  async sendPatiently(
    name: Exclude<LiveCommandName, 'room:join'>,
    payload: Record<string, unknown>,
    commandId = randomUUID(),
    tries = 10,
  ): Promise<LiveAck> {
    for (let attempt = 1; ; attempt++) {
      const ack = await this.send(name, payload, commandId);
      if (ack.ok || ack.code !== 'RATE_LIMITED' || attempt === tries) return ack;
      await new Promise((r) => setTimeout(r, (ack.retryAfterMs ?? 1000) + 20));
    }
  }

  raw(name: string, payload: unknown): Promise<LiveAck> {
    return (this.socket.emitWithAck as (n: string, p: unknown) => Promise<LiveAck>)(name, payload);
  }

  /** Resolves when the snapshot satisfies `check` (polling the reducer's result). */
  async until(check: (s: LiveSnapshot) => boolean, timeoutMs = 5000): Promise<LiveSnapshot> {
    const deadline = Date.now() + timeoutMs;
    while (!this.snapshot || !check(this.snapshot)) {
      if (Date.now() > deadline)
        throw new Error(`timed out; snapshot: ${JSON.stringify(this.snapshot)?.slice(0, 800)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.snapshot;
  }

  close(): void {
    this.socket.disconnect();
  }
}
