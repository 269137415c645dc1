import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';

/** One kind of message between app instances, with its type. */
export interface BusChannel<T> {
  /** Resolves once the message has left (never rejects: delivery is best effort). */
  publish(message: T): Promise<void>;
  subscribe(handler: (message: T, from: string) => void): void;
}

/**
 * Messages between the app instances that serve one deployment (none when there is one): live-room
 * facts and presence, revoked access, changed reports. A message never comes back to its sender,
 * so whoever publishes also acts on it locally. Delivery is best effort and in order per sender;
 * whatever must not be lost is in the database, and the messages only say when to look.
 */
export abstract class ClusterBus {
  readonly instanceId: string = randomUUID();

  /** socket.io broadcasts reach the sockets of every instance (Redis: its adapter). */
  abstract attach(server: Server): void;
  protected abstract send(topic: string, message: unknown): Promise<void>;
  protected abstract listen(topic: string, handler: (message: unknown, from: string) => void): void;

  /**
   * Called when messages may have been missed (the connection to the other instances came back
   * after a break), so whoever acts on messages can look at the database again.
   */
  abstract onReconnect(handler: () => void): void;

  channel<T>(topic: string): BusChannel<T> {
    return {
      publish: (message) => this.send(topic, message),
      subscribe: (handler) => this.listen(topic, handler as (message: unknown, from: string) => void),
    };
  }
}

/** One process: there is nobody to tell. */
export class LocalBus extends ClusterBus {
  attach(): void {}
  onReconnect(): void {}
  protected async send(): Promise<void> {}
  protected listen(): void {}
}
