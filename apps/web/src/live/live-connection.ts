import type {
  ClientToServerEvents,
  ErrorCode,
  JoinResultData,
  LiveAck,
  LiveCommandName,
  LivePointer,
  LiveSnapshot,
  PersonalUpdate,
  ServerToClientEvents,
} from '@hallbridge/contracts';
import { applyLiveEvent, applyPresence, applyTally } from '@hallbridge/domain';
import { io, type Socket } from 'socket.io-client';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'closed';

export interface LiveRoomView {
  status: ConnectionStatus;
  snapshot: LiveSnapshot | null;
  pointer: LivePointer;
  /** Set when the room refused us (no access, session gone); the view shows it instead of the room. */
  error: { code: ErrorCode; message: string } | null;
  /** Bumped when a deck of the session changes (conversion progress, added, removed), so deck lists refetch. */
  deckVersion: number;
}

/** Commands a view sends (joining is the connection's own business). */
export type LiveRoomCommandName = Exclude<LiveCommandName, 'room:join'>;
/** A command's payload without what the connection adds (its id and the room). */
export type LiveCommandInput<N extends LiveRoomCommandName> = Omit<
  Parameters<ClientToServerEvents[N]>[0],
  'commandId' | 'sessionId'
>;

const newCommandId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** A refusal that goes away by itself (the server's database or Redis away): try again later. */
export const isTransient = (code: ErrorCode) => code === 'UNAVAILABLE' || code === 'INTERNAL';

/** Waits before asking again after a transient refusal of the connection or the join. */
const REJOIN_MS = [1000, 2000, 4000, 8000];

/** A refusal that only signing in again can cure: the room closes instead of retrying. */
export const needsSignIn = (code: ErrorCode) =>
  code === 'TOKEN_INVALID' || code === 'TOKEN_EXPIRED' || code === 'UNAUTHENTICATED';

/** Where the connection gets its bearer token: read again at every (re)connection. */
export type TokenSource = string | (() => string | null);

/**
 * One browser's connection to a live room, in plain TypeScript (the React hook only subscribes).
 * It keeps the snapshot current with the shared reducer, rejoins after a dropped connection with
 * the last sequence number it saw (so it gets exactly what it missed), and retries commands with
 * the same command id, which the server applies once. A command sent while offline waits until
 * the room is joined again — with the token as it is then — and is sent only then; if the room
 * refuses us meanwhile (access withdrawn, session gone), it is answered with that refusal.
 */
export class LiveConnection {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private view: LiveRoomView = {
    status: 'connecting',
    snapshot: null,
    pointer: null,
    error: null,
    deckVersion: 0,
  };
  private readonly listeners = new Set<() => void>();
  private joined = false;
  /** Commands waiting for the room to be joined (or closed), checked at every change of the view. */
  private readonly waiting = new Set<() => void>();
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private rejoinTimer: ReturnType<typeof setTimeout> | null = null;
  private rejoins = 0;

  /** Nothing connects until the first subscriber arrives; the last one leaving closes the socket. */
  constructor(
    private readonly sessionId: string,
    token: TokenSource,
    language: string,
    baseUrl = '',
  ) {
    const currentToken = typeof token === 'function' ? token : () => token;
    this.socket = io(baseUrl, {
      path: '/socket.io',
      // A function, so a reconnection presents the token held then (signed in again meanwhile).
      auth: (cb) => cb({ token: currentToken() ?? '', language }),
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      autoConnect: false,
    });
    this.socket.on('connect', () => void this.join());
    // A room that closed on us (live:closed first, then the server's disconnect) stays closed.
    this.socket.on(
      'disconnect',
      () => this.view.status !== 'closed' && this.update({ status: 'reconnecting' }),
    );
    this.socket.on('connect_error', (error) => {
      const data = (error as Error & { data?: LiveAck }).data;
      if (data && !data.ok && needsSignIn(data.code)) {
        this.update({ status: 'closed', error: { code: data.code, message: data.message } });
        this.socket.disconnect();
      } else {
        this.update({ status: 'reconnecting' });
        // Refused by the server for now (its database away): socket.io does not retry that itself.
        if (!this.socket.active) this.later(() => this.socket.connect());
      }
    });
    this.socket.on('live:event', (event) => this.patch((s) => applyLiveEvent(s, event)));
    this.socket.on('live:tally', (tally) => this.patch((s) => applyTally(s, tally)));
    this.socket.on('live:presence', (update) => this.patch((s) => applyPresence(s, update)));
    this.socket.on('live:personal', (update) => this.patch((s) => applyPersonal(s, update)));
    this.socket.on('live:pointer', ({ pointer }) => this.update({ pointer }));
    this.socket.on('live:deck', () => this.update({ deckVersion: this.view.deckVersion + 1 }));
    this.socket.on('live:closed', (reason) => {
      if (reason.code === 'INTERNAL') void this.join(true);
      else this.update({ status: 'closed', error: reason });
    });
  }

  getView = (): LiveRoomView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = null;
    if (!this.socket.connected && !this.socket.active) this.socket.connect();
    return () => {
      this.listeners.delete(listener);
      // Deferred, so a re-render that unsubscribes and subscribes again keeps the connection.
      if (this.listeners.size === 0) this.closeTimer = setTimeout(() => this.close(), 1000);
    };
  };

  /**
   * Sends a command once the room is joined; unanswered (the connection dropped), it waits for the
   * rejoin and sends it again with the same id, which the server applies once.
   */
  async send<N extends LiveRoomCommandName>(name: N, payload: LiveCommandInput<N>): Promise<LiveAck> {
    const message = { commandId: newCommandId(), sessionId: this.sessionId, ...payload };
    for (let attempt = 0; ; attempt++) {
      const refused = await this.inRoom();
      if (refused) return refused;
      try {
        // timeout() flags the socket itself and returns it; the method must stay bound to it.
        const timed = this.socket.timeout(8000);
        const emit = timed.emitWithAck.bind(timed) as unknown as (n: string, p: unknown) => Promise<LiveAck>;
        const ack = await emit(name, message);
        // The server no longer has us in the room (it restarted meanwhile): join, then the same id again.
        if (!ack.ok && ack.code === 'NOT_IN_ROOM' && attempt < 4) {
          if (this.view.status === 'online') {
            this.update({ status: 'reconnecting' });
            void this.join();
          }
          continue;
        }
        return ack;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }

  /** The sign-in changed: a room closed for want of a valid token is tried again with the new one. */
  tokenChanged(): void {
    const { status, error } = this.view;
    if (status !== 'closed' || !error || !needsSignIn(error.code) || this.listeners.size === 0) return;
    this.update({ status: 'connecting', error: null });
    this.socket.connect();
  }

  pointer(pointer: LivePointer): void {
    this.socket.volatile.emit('slide:pointer', { sessionId: this.sessionId, pointer });
  }

  close(): void {
    if (this.rejoinTimer) clearTimeout(this.rejoinTimer);
    this.rejoinTimer = null;
    this.socket.disconnect();
    this.listeners.clear();
    this.update({ status: 'closed' });
  }

  private async join(fresh = false): Promise<void> {
    const lastSeq = fresh ? null : catchUpFrom(this.view.snapshot);
    let ack: LiveAck<JoinResultData>;
    try {
      ack = (await this.socket.emitWithAck('room:join', {
        sessionId: this.sessionId,
        lastSeq,
      })) as LiveAck<JoinResultData>;
    } catch {
      // The connection went before the answer (closed, or the network dropped): the next
      // 'connect' joins again, and a closed connection has nothing left to join.
      return;
    }
    if (!ack.ok) {
      // Too many joins at once (a reconnect storm): join again when the server says, the room stays.
      if (ack.code === 'RATE_LIMITED' && this.socket.connected) {
        setTimeout(() => this.socket.connected && void this.join(fresh), ack.retryAfterMs ?? 1000);
        return;
      }
      if (isTransient(ack.code)) {
        // The room is there but cannot be loaded now (its database away): join again shortly.
        this.update({ status: 'reconnecting' });
        this.later(() => this.socket.connected && void this.join(fresh));
        return;
      }
      this.update({ status: 'closed', error: { code: ack.code, message: ack.message } });
      return;
    }
    this.rejoins = 0;
    let snapshot = ack.data?.snapshot ?? this.view.snapshot;
    for (const event of ack.data?.events ?? []) if (snapshot) snapshot = applyLiveEvent(snapshot, event);
    // Deck changes travel outside the sequence and are not replayed: one made while this browser
    // was away (a conversion finishing) would never reach its deck list, so a rejoin refetches it.
    const deckVersion = this.joined ? this.view.deckVersion + 1 : this.view.deckVersion;
    this.joined = true;
    this.update({ status: 'online', snapshot, error: null, deckVersion });
  }

  /** Runs `retry` after the next back-off step (one pending at a time). */
  private later(retry: () => void): void {
    if (this.rejoinTimer) return;
    const delay = REJOIN_MS[Math.min(this.rejoins++, REJOIN_MS.length - 1)]!;
    this.rejoinTimer = setTimeout(() => {
      this.rejoinTimer = null;
      retry();
    }, delay);
  }

  /** Resolves when the room is joined on the current connection (null), or with why it closed. */
  private inRoom(): Promise<LiveAck | null> {
    return new Promise((resolve) => {
      const check = () => {
        const { status, error } = this.view;
        if (status === 'online' && this.socket.connected) resolve(null);
        else if (status === 'closed')
          resolve({
            ok: false,
            code: error?.code ?? 'UNAVAILABLE',
            message: error?.message ?? '',
          });
        else return;
        this.waiting.delete(check);
      };
      this.waiting.add(check);
      check();
    });
  }

  private patch(change: (s: LiveSnapshot) => LiveSnapshot): void {
    if (this.view.snapshot) this.update({ snapshot: change(this.view.snapshot) });
  }

  private update(change: Partial<LiveRoomView>): void {
    this.view = { ...this.view, ...change };
    this.listeners.forEach((l) => l());
    this.waiting.forEach((w) => w());
  }
}

/**
 * Where a (re)join catches up from: the last sequence number seen, or null for a fresh snapshot.
 * Presence is not sequenced: catching up re-sends who is there, not who left meanwhile, so a view
 * that lists participants (staff) starts afresh; others only show the count, which is re-sent whole.
 */
export function catchUpFrom(snapshot: LiveSnapshot | null): number | null {
  if (!snapshot || snapshot.participants.length > 0) return null;
  return snapshot.seq;
}

/** The viewer's own answers, upvotes and quiz points (also sent to their other devices). */
export function applyPersonal(snapshot: LiveSnapshot, update: PersonalUpdate): LiveSnapshot {
  switch (update.type) {
    case 'answer':
      return { ...snapshot, myAnswers: { ...snapshot.myAnswers, [update.pollId]: update.answer } };
    case 'vote':
      return {
        ...snapshot,
        myVotes: update.voted
          ? [...new Set([...snapshot.myVotes, update.questionId])]
          : snapshot.myVotes.filter((id) => id !== update.questionId),
      };
    case 'score':
      return { ...snapshot, myScore: update.score };
    case 'asked':
      return { ...snapshot, myQuestions: [...new Set([...snapshot.myQuestions, update.questionId])] };
  }
}
