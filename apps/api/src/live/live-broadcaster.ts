import { Injectable } from '@nestjs/common';
import type { ServerToClientEvents } from '@hallbridge/contracts';
import type { Audience } from '@hallbridge/domain';
import type { LiveServer, LiveSocket } from './live-socket';

export type LiveEventName = keyof ServerToClientEvents;
export type LiveEventArgs<E extends LiveEventName> = Parameters<ServerToClientEvents[E]>;

export const roomChannel = (sessionId: string, audience: Audience) => `live:${sessionId}:${audience}`;
export const personalChannel = (sessionId: string, key: string) => `live:${sessionId}:p:${key}`;

/** Who a broadcast is for: one audience of a room, the whole room, or one participant's devices. */
export type LiveTarget =
  { sessionId: string; audience: Audience | 'everyone' } | { sessionId: string; participant: string };

/**
 * Every event the live rooms send goes through here, typed by the contract's event map. Targets
 * are audiences, not sockets, so each event is one message per audience (the place to encode it
 * once per audience when broadcasts get heavy). `local` reaches this instance's sockets only: for
 * what another instance has already sent to everyone.
 */
@Injectable()
export class LiveBroadcaster {
  private server: LiveServer | null = null;

  attach(server: LiveServer): void {
    this.server = server;
  }

  emit<E extends LiveEventName>(target: LiveTarget, event: E, ...args: LiveEventArgs<E>): void {
    this.to(target, false)?.emit(event, ...args);
  }

  emitLocal<E extends LiveEventName>(target: LiveTarget, event: E, ...args: LiveEventArgs<E>): void {
    this.to(target, true)?.emit(event, ...args);
  }

  /** Droppable and unsequenced (the presenter's pointer): not sent back to the socket it came from. */
  volatileFrom<E extends LiveEventName>(
    socket: LiveSocket,
    target: LiveTarget,
    event: E,
    ...args: LiveEventArgs<E>
  ): void {
    socket.volatile.to(channels(target)).emit(event, ...args);
  }

  private to(target: LiveTarget, local: boolean) {
    if (!this.server) return null;
    return (local ? this.server.local : this.server).to(channels(target));
  }
}

function channels(target: LiveTarget): string[] {
  if ('participant' in target) return [personalChannel(target.sessionId, target.participant)];
  if (target.audience === 'everyone')
    return [roomChannel(target.sessionId, 'staff'), roomChannel(target.sessionId, 'public')];
  return [roomChannel(target.sessionId, target.audience)];
}
