import { Injectable, Logger } from '@nestjs/common';
import type { Deck } from '@hallbridge/contracts';

export interface DeckEventMap {
  /** Conversion status or progress changed (queued → converting → ready | failed). */
  progress: [deck: Deck];
  /** A deck was added, renamed or moved in its session's list. */
  changed: [deck: Deck];
  removed: [ref: { id: string; sessionId: string }];
}

type Listener<E extends keyof DeckEventMap> = (...args: DeckEventMap[E]) => void;

/**
 * What happens to decks, for the realtime gateway to pass on to the session's room. Listeners run
 * synchronously and must not throw into the conversion job; a throwing listener is logged.
 */
@Injectable()
export class DeckEvents {
  private readonly logger = new Logger('Slides');
  private readonly listeners: { [E in keyof DeckEventMap]: Set<Listener<E>> } = {
    progress: new Set(),
    changed: new Set(),
    removed: new Set(),
  };

  /** Subscribes; returns the function that unsubscribes. */
  on<E extends keyof DeckEventMap>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners[event] as Set<Listener<E>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends keyof DeckEventMap>(event: E, ...args: DeckEventMap[E]): void {
    for (const listener of this.listeners[event] as Set<Listener<E>>) {
      try {
        listener(...args);
      } catch (e) {
        this.logger.error(`a deck ${event} listener failed`, (e as Error)?.stack ?? String(e));
      }
    }
  }
}
