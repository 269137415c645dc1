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

/** A refusal that only signing in again can cure: the room closes instead of retrying. */
export const needsSignIn = (code: ErrorCode) =>
  code === 'TOKEN_INVALID' || code === 'TOKEN_EXPIRED' || code === 'UNAUTHENTICATED';

/**
 * One browser's connection to a live room, in plain TypeScript (the React hook only subscribes).
 * It keeps the snapshot current with the shared reducer, rejoins after a dropped connection with
 * the last sequence number it saw (so it gets exactly what it missed), and retries commands with
 * the same command id, which the server applies once.
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
  private closeTimer: ReturnType<typeof setTimeout> | null = null;

  /** Nothing connects until the first subscriber arrives; the last one leaving closes the socket. */
  constructor(
    private readonly sessionId: string,
    token: string,
    language: string,
    baseUrl = '',
  ) {
    this.socket = io(baseUrl, {
      path: '/socket.io',
      auth: { token, language },
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      autoConnect: false,
    });
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', () => this.update({ status: 'reconnecting' }));
    this.socket.on('connect_error', (error) => {
      const data = (error as Error & { data?: LiveAck }).data;
      if (data && !data.ok && needsSignIn(data.code)) {
        this.update({ status: 'closed', error: { code: data.code, message: data.message } });
        this.socket.disconnect();
      } else this.update({ status: 'reconnecting' });
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

  /** Sends a command; while offline it waits for the connection and retries with the same id. */
  async send<N extends LiveRoomCommandName>(name: N, payload: LiveCommandInput<N>): Promise<LiveAck> {
    const message = { commandId: newCommandId(), sessionId: this.sessionId, ...payload };
    for (let attempt = 0; ; attempt++) {
      if (!this.socket.connected) await this.connected();
      try {
        // timeout() flags the socket itself and returns it; the method must stay bound to it.
        const timed = this.socket.timeout(8000);
        const emit = timed.emitWithAck.bind(timed) as unknown as (n: string, p: unknown) => Promise<LiveAck>;
        return await emit(name, message);
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }

  pointer(pointer: LivePointer): void {
    this.socket.volatile.emit('slide:pointer', { sessionId: this.sessionId, pointer });
  }

  close(): void {
    this.socket.disconnect();
    this.listeners.clear();
  }

  private async join(fresh = false): Promise<void> {
    const lastSeq = fresh ? null : catchUpFrom(this.view.snapshot);
    const ack = (await this.socket.emitWithAck('room:join', {
      sessionId: this.sessionId,
      lastSeq,
    })) as LiveAck<JoinResultData>;
    if (!ack.ok) {
      // Too many joins at once (a reconnect storm): join again when the server says, the room stays.
      if (ack.code === 'RATE_LIMITED' && this.socket.connected) {
        setTimeout(() => this.socket.connected && void this.join(fresh), ack.retryAfterMs ?? 1000);
        return;
      }
      this.update({ status: 'closed', error: { code: ack.code, message: ack.message } });
      return;
    }
    let snapshot = ack.data?.snapshot ?? this.view.snapshot;
    for (const event of ack.data?.events ?? []) if (snapshot) snapshot = applyLiveEvent(snapshot, event);
    // Deck changes travel outside the sequence and are not replayed: one made while this browser
    // was away (a conversion finishing) would never reach its deck list, so a rejoin refetches it.
    const deckVersion = this.joined ? this.view.deckVersion + 1 : this.view.deckVersion;
    this.joined = true;
    this.update({ status: 'online', snapshot, error: null, deckVersion });
  }

  private connected(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
    });
  }

  private patch(change: (s: LiveSnapshot) => LiveSnapshot): void {
    if (this.view.snapshot) this.update({ snapshot: change(this.view.snapshot) });
  }

  private update(change: Partial<LiveRoomView>): void {
    this.view = { ...this.view, ...change };
    this.listeners.forEach((l) => l());
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
