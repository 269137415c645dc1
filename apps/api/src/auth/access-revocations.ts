import { Injectable } from '@nestjs/common';
import { ClusterBus, type BusChannel } from '../cluster/cluster-bus';

/** Whose access may have changed: a staff account, a roster member or a room screen. */
export interface AccessSubject {
  kind: 'user' | 'member' | 'site';
  id: string;
}

type Listener = (subjects: AccessSubject[] | 'all') => void;

/**
 * Tells every app instance that someone's access may have changed (deactivated, deleted, moved,
 * re-paired, a password changed, "sign out everywhere"), so open live sockets resolve their
 * caller again at once instead of living on the token they connected with. REST needs nothing:
 * ActorResolver reads the account on every call. Call `changed` after the change is committed.
 * The message only says where to look; what is true is in the database, so a lost message is
 * made up for by `all` when the bus reconnects (every socket is checked again).
 */
@Injectable()
export class AccessRevocations {
  private readonly channel: BusChannel<AccessSubject[]>;
  private readonly listeners = new Set<Listener>();

  constructor(bus: ClusterBus) {
    this.channel = bus.channel<AccessSubject[]>('access.changed');
    this.channel.subscribe((subjects) => this.notify(subjects));
    bus.onReconnect(() => this.notify('all'));
  }

  /**
   * Resolves when the other instances have been sent the message (Redis answers PUBLISH after
   * handing it to every subscriber), so a REST call that revokes answers after every instance
   * knows; a command that reaches a socket after that waits for its check.
   */
  async changed(...subjects: AccessSubject[]): Promise<void> {
    if (!subjects.length) return;
    this.notify(subjects);
    await this.channel.publish(subjects);
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(subjects: AccessSubject[] | 'all'): void {
    for (const listener of this.listeners) listener(subjects);
  }
}
