import type { LiveEvent } from '@hallbridge/contracts';
import type { Audience } from './projection';

interface Entry {
  seq: number;
  staff: LiveEvent | null;
  public: LiveEvent | null;
}

/**
 * The room's recent events, per audience, so a client that reconnects gets only what it missed.
 * A client further behind than the buffer reaches gets a fresh snapshot instead.
 */
export class EventBuffer {
  private readonly entries: Entry[] = [];

  constructor(private readonly capacity = 2000) {}

  push(seq: number, staff: LiveEvent | null, publicEvent: LiveEvent | null): void {
    this.entries.push({ seq, staff, public: publicEvent });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Events after `lastSeq` for the audience, or null when some of them are no longer kept. */
  since(lastSeq: number, currentSeq: number, audience: Audience): LiveEvent[] | null {
    if (lastSeq > currentSeq) return null;
    if (lastSeq === currentSeq) return [];
    const first = this.entries[0];
    if (!first || first.seq > lastSeq + 1) return null;
    return this.entries
      .filter((e) => e.seq > lastSeq)
      .map((e) => e[audience])
      .filter((e): e is LiveEvent => e !== null);
  }
}
