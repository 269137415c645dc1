import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

export interface IntervalRow {
  id: string;
  sessionId: string;
  participantKey: string;
  memberId: string | null;
  siteId: string | null;
  name: string | null;
  source: string;
  connectionId: string;
  startedAt: number;
  lastSeenAt: number;
  endedAt: number | null;
  endReason: IntervalEnd['endReason'] | null;
}

export interface IntervalEnd {
  id: string;
  endedAt: number;
  endReason: 'goodbye' | 'heartbeat' | 'stale' | 'shutdown';
}

const CHUNK = 2000;

function* chunks<T>(items: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The presence intervals table, written in batches: one statement per 2,000 changes. */
@Injectable()
export class PresenceStore {
  constructor(private readonly prisma: PrismaService) {}

  /** Idempotent: a retried batch does not insert twice. */
  async insert(rows: IntervalRow[]): Promise<void> {
    for (const batch of chunks(rows)) {
      await this.prisma.presenceInterval.createMany({
        skipDuplicates: true,
        data: batch.map((r) => ({
          ...r,
          startedAt: new Date(r.startedAt),
          lastSeenAt: new Date(r.lastSeenAt),
          endedAt: r.endedAt === null ? null : new Date(r.endedAt),
        })),
      });
    }
  }

  /** Closes intervals that are still open (a later sweep never overwrites a real goodbye). */
  async end(ends: IntervalEnd[]): Promise<void> {
    for (const batch of chunks(ends)) {
      await this.prisma.$executeRaw`
        UPDATE "PresenceInterval" AS p
        SET "endedAt" = v.ended, "endReason" = v.reason, "lastSeenAt" = GREATEST(p."lastSeenAt", v.ended)
        FROM unnest(${batch.map((e) => e.id)}::text[], ${batch.map((e) => iso(e.endedAt))}::timestamptz[],
                    ${batch.map((e) => e.endReason)}::text[]) AS v(id, ended, reason)
        WHERE p."id" = v.id AND p."endedAt" IS NULL`;
    }
  }

  /** The heartbeat: these intervals' connections are alive at `at`. */
  async touch(ids: string[], at: number): Promise<void> {
    for (const batch of chunks(ids, 5000)) {
      await this.prisma.$executeRaw`
        UPDATE "PresenceInterval" SET "lastSeenAt" = ${new Date(at)}
        WHERE "id" = ANY(${batch}::text[]) AND "endedAt" IS NULL`;
    }
  }

  async openSeenBefore(before: Date): Promise<{ id: string; startedAt: number; lastSeenAt: number }[]> {
    const rows = await this.prisma.presenceInterval.findMany({
      where: { endedAt: null, lastSeenAt: { lt: before } },
      select: { id: true, startedAt: true, lastSeenAt: true },
    });
    return rows.map((r) => ({
      id: r.id,
      startedAt: r.startedAt.getTime(),
      lastSeenAt: r.lastSeenAt.getTime(),
    }));
  }
}
