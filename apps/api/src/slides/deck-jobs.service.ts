import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { ErrorCode } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import { join } from 'node:path';
import { Prisma, PrismaService } from '../database/prisma.service';
import { FileStorage } from '../files/file-storage.service';
import { DeckConverter, type DeckProgress } from './conversion/deck-converter';
import { DeckEvents } from './deck-events';
import { toDeck, type DeckRow } from './deck-view';
import { JobAborted, JobQueue } from './job-queue';

/** A deck whose conversion was started this often without finishing has taken the server down with it. */
const MAX_ATTEMPTS = 3;
/** Progress reaches listeners on every page, the database at most this often. */
const SAVE_PROGRESS_EVERY_MS = 1000;
/** A converting deck's row is touched this often; one untouched for STALE_AFTER_MS lost its converter. */
const HEARTBEAT_MS = 15_000;
const STALE_AFTER_MS = 60_000;

/**
 * Converts uploaded decks in the background, one at a time (two cores: the other one serves the
 * live room). State lives on the Deck row: a conversion claims its deck with a conditional update,
 * so with several instances each deck is converted once; a converting deck's row is touched while
 * it runs, and decks left queued, or converting but untouched for a while (their instance stopped),
 * are picked up at startup and by a periodic sweep.
 */
@Injectable()
export class DeckJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Slides');
  private readonly queue = new JobQueue<string>(
    (id, signal) => this.convert(id, signal),
    1,
    (id, e) => this.logger.error(`deck ${id}: conversion job failed`, (e as Error)?.stack ?? String(e)),
  );

  constructor(
    private readonly prisma: PrismaService,
    private readonly files: FileStorage,
    private readonly converter: DeckConverter,
    private readonly events: DeckEvents,
  ) {}

  private sweepTimer: NodeJS.Timeout | null = null;

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = setInterval(
      () => void this.sweep().catch((e) => this.logger.warn(`sweep failed: ${(e as Error).message}`)),
      STALE_AFTER_MS,
    );
    this.sweepTimer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.queue.close();
  }

  /** Queues decks waiting for a converter: queued ones, and converting ones whose converter went away. */
  private async sweep(): Promise<void> {
    const pending = await this.prisma.deck.findMany({
      where: this.claimable(),
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    if (pending.length) this.logger.log(`queueing ${pending.length} deck(s) left unconverted`);
    for (const { id } of pending) this.queue.push(id);
  }

  private claimable(): Prisma.DeckWhereInput {
    return {
      OR: [
        { status: 'queued' },
        { status: 'converting', updatedAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } },
      ],
    };
  }

  enqueue(deckId: string): void {
    this.queue.push(deckId);
  }

  /** Stops the deck's conversion (dropping it from the queue) and waits until its processes are gone. */
  cancel(deckId: string): Promise<void> {
    return this.queue.cancel(deckId);
  }

  /** Resolves when no conversion is queued or running (tests, benchmarks). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async convert(id: string, signal: AbortSignal): Promise<void> {
    const row = await this.prisma.deck.findUnique({ where: { id } });
    if (!row || (row.status !== 'queued' && row.status !== 'converting')) return;
    // Claim it: only one converter (of possibly several instances) moves it on from here.
    let current = await this.save(
      id,
      { status: 'converting', progress: 0, attempts: { increment: 1 } },
      { ...this.claimable(), attempts: row.attempts },
    );
    if (!current) return;
    if (row.attempts >= MAX_ATTEMPTS) {
      this.logger.error(`deck ${id}: giving up after ${row.attempts} interrupted conversions`);
      await this.save(id, {
        status: 'failed',
        errorCode: 'INTERNAL' satisfies ErrorCode,
        errorParams: Prisma.DbNull,
      });
      return;
    }
    const heartbeat = setInterval(() => {
      this.prisma.deck
        .updateMany({ where: { id, status: 'converting' }, data: { updatedAt: new Date() } })
        .catch((e) => this.logger.warn(`deck ${id}: heartbeat not saved: ${(e as Error).message}`));
    }, HEARTBEAT_MS);

    const dir = this.files.pathOf(row.storagePrefix);
    let savedAt = Date.now();
    const onProgress = (p: DeckProgress) => {
      if (!current) return;
      current = { ...current, progress: p.progress, updatedAt: new Date() };
      this.events.emit('progress', toDeck(current));
      if (Date.now() - savedAt < SAVE_PROGRESS_EVERY_MS) return;
      savedAt = Date.now();
      // Only while still converting: a late write must not undo the final state.
      this.prisma.deck
        .updateMany({ where: { id, status: 'converting' }, data: { progress: p.progress } })
        .catch((e) => this.logger.warn(`deck ${id}: progress not saved: ${(e as Error).message}`));
    };

    try {
      const result = await this.converter.convert(
        { path: join(dir, 'source'), kind: row.sourceKind },
        dir,
        onProgress,
        signal,
      );
      await this.save(id, {
        status: 'ready',
        progress: 1,
        pageCount: result.pageCount,
        pageWidth: result.pageWidth,
        pageHeight: result.pageHeight,
        notes: result.notes ?? Prisma.DbNull,
        errorCode: null,
        errorParams: Prisma.DbNull,
      });
      this.logger.log(`deck ${id}: ${result.pageCount} pages in ${result.timings.totalMs} ms`);
    } catch (e) {
      if (signal.aborted) {
        // Deleted (the row is going away) or shutting down (pick it up again at the next start).
        if ((signal.reason as JobAborted)?.why === 'shutdown') {
          await this.prisma.deck.updateMany({
            where: { id },
            data: { status: 'queued', progress: 0, attempts: { decrement: 1 } },
          });
        }
        return;
      }
      const failure = e instanceof DomainError ? e : new DomainError('INTERNAL');
      if (!(e instanceof DomainError))
        this.logger.error(`deck ${id}: conversion failed`, (e as Error)?.stack ?? String(e));
      await this.save(id, {
        status: 'failed',
        progress: 0,
        errorCode: failure.code,
        errorParams: failure.params,
      });
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Updates the row if it still exists (and matches `only`) and tells the listeners; null otherwise. */
  private async save(
    id: string,
    data: Prisma.DeckUpdateManyMutationInput,
    only: Prisma.DeckWhereInput = {},
  ): Promise<DeckRow | null> {
    const { count } = await this.prisma.deck.updateMany({ where: { ...only, id }, data });
    if (!count) return null;
    const row = await this.prisma.deck.findUnique({ where: { id } });
    if (row) this.events.emit('progress', toDeck(row));
    return row;
  }
}
