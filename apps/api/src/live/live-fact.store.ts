import { Injectable, Logger } from '@nestjs/common';
import { readRoomFact, ROOM_FACT_VERSION } from '@hallbridge/contracts';
import type { StoredFact } from '@hallbridge/domain';
import { storeFailure, type StoreFailure } from '../database/store-failure';
import { type Prisma, PrismaService } from '../database/prisma.service';

/** Why facts were not stored; nothing of them was. */
export class FactsNotStored extends Error {
  constructor(
    readonly kind: StoreFailure,
    cause: unknown,
  ) {
    super(`live facts not stored (${kind}): ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

interface Pending {
  sessionId: string;
  facts: StoredFact[];
  resolve: () => void;
  reject: (error: FactsNotStored) => void;
}

/**
 * The live rooms' fact log in the database. Writes are group-committed: what rooms append while a
 * write is in flight goes together in the next one, so a burst of 2,000 votes costs a few inserts.
 * One append is one round of one room, stored whole or not at all. When a group fails because
 * the database refused a row, each append is tried alone, so only the one holding that row fails
 * (other rooms, and the room's other rounds, never pay for it); when the database is unreachable,
 * everything waiting fails at once, as unavailable.
 */
@Injectable()
export class LiveFactStore {
  private readonly logger = new Logger('LiveFactStore');
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly prisma: PrismaService) {}

  append(sessionId: string, facts: StoredFact[]): Promise<void> {
    if (facts.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ sessionId, facts, resolve, reject });
      if (!this.writing) this.writing = this.drain();
    });
  }

  /** The room's facts in order (only those after `afterSeq` when given), read as the current version. */
  async load(sessionId: string, afterSeq = 0): Promise<StoredFact[]> {
    const rows = await this.prisma.liveFact.findMany({
      where: { sessionId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
    });
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at.getTime(),
      actorKey: r.actorKey,
      commandId: r.commandId,
      fact: readRoomFact(r.version, r.payload),
    }));
  }

  /** Waits until everything appended so far is stored or refused (used on shutdown). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.insert(batch);
          batch.forEach((p) => p.resolve());
        } catch (error) {
          const kind = storeFailure(error);
          if (kind === 'unavailable' || batch.length === 1) {
            this.fail(batch, kind, error);
            continue;
          }
          // Someone's row was refused: find whose, one append at a time.
          for (const pending of batch)
            await this.insert([pending]).then(pending.resolve, (e) =>
              this.fail([pending], storeFailure(e), e),
            );
        }
      }
    } finally {
      this.writing = null;
    }
  }

  private insert(batch: Pending[]): Promise<unknown> {
    const data: Prisma.LiveFactCreateManyInput[] = batch.flatMap((p) =>
      p.facts.map((f) => ({
        sessionId: p.sessionId,
        seq: f.seq,
        type: f.fact.type,
        actorKey: f.actorKey,
        commandId: f.commandId ?? null,
        version: ROOM_FACT_VERSION,
        at: new Date(f.at),
        payload: f.fact as unknown as Prisma.InputJsonValue,
      })),
    );
    return this.prisma.liveFact.createMany({ data });
  }

  private fail(batch: Pending[], kind: StoreFailure, error: unknown): void {
    const count = batch.reduce((n, p) => n + p.facts.length, 0);
    const rooms = [...new Set(batch.map((p) => p.sessionId))].join(', ');
    this.logger.error(
      `storing ${count} live facts of ${rooms} failed (${kind}): ${(error as Error)?.message}`,
    );
    batch.forEach((p) => p.reject(new FactsNotStored(kind, error)));
  }
}
