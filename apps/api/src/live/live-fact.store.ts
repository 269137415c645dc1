import { Injectable, Logger } from '@nestjs/common';
import type { RoomFact, StoredFact } from '@hallbridge/domain';
import { type Prisma, PrismaService } from '../database/prisma.service';

interface Pending {
  sessionId: string;
  facts: StoredFact[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The live rooms' fact log in the database. Writes are group-committed: facts arriving while a
 * write is in flight go together in the next one, so a burst of 2,000 votes costs a few inserts,
 * and each command is acknowledged only once its facts are stored.
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

  /** The room's facts in order (only those after `afterSeq` when given). */
  async load(sessionId: string, afterSeq = 0): Promise<StoredFact[]> {
    const rows = await this.prisma.liveFact.findMany({
      where: { sessionId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
    });
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at.getTime(),
      actorKey: r.actorKey,
      fact: r.payload as unknown as RoomFact,
    }));
  }

  /** Waits until everything appended so far is stored (used on shutdown). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue;
        this.queue = [];
        const data: Prisma.LiveFactCreateManyInput[] = batch.flatMap((p) =>
          p.facts.map((f) => ({
            sessionId: p.sessionId,
            seq: f.seq,
            type: f.fact.type,
            actorKey: f.actorKey,
            at: new Date(f.at),
            payload: f.fact as unknown as Prisma.InputJsonValue,
          })),
        );
        try {
          await this.prisma.liveFact.createMany({ data });
          batch.forEach((p) => p.resolve());
        } catch (error) {
          this.logger.error(`storing ${data.length} live facts failed`, (error as Error).stack);
          batch.forEach((p) => p.reject(error));
        }
      }
    } finally {
      this.writing = null;
    }
  }
}
