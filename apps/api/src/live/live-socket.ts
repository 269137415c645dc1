import type { ClientToServerEvents, ServerToClientEvents } from '@hallbridge/contracts';
import type { DomainError } from '@hallbridge/domain';
import type { Server, Socket } from 'socket.io';
import type { RequestActor } from '../auth/request-actor';
import type { LiveSeat } from './live-access.service';

/** What the gateway keeps on each socket. */
export interface LiveSocketData {
  caller: RequestActor;
  /** The bearer token of the handshake, checked again when the caller's access changes. */
  token: string;
  language: string;
  /** The client's address (behind a trusted proxy: the one it names), for per-address limits. */
  address: string;
  seat?: LiveSeat & { sessionId: string };
  /** A check of the caller's access under way (LiveRevocation): commands wait for it. */
  checking?: Promise<unknown>;
  /** Why the caller's access was withdrawn: every later command is refused with it. */
  revoked?: DomainError;
  /** The room:join being answered: commands sent right after it wait for it. */
  joining?: Promise<unknown>;
  /** Last packet from the client (pongs included) and why the socket closed, for attendance. */
  lastSeenAt?: number;
  /** Refused for its sender's or address's rate until then: later commands are refused at once. */
  limitedUntil?: number;
  disconnectReason?: string;
}

/** The contract's event maps on both ends of every live socket. */
export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
export type LiveServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
