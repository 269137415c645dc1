import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { closeStale, participantIds } from '@hallbridge/domain';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PRESENCE_SOURCES, type PresenceSignal, type PresenceSource } from './presence-sources';
import { PresenceStore, type IntervalEnd, type IntervalRow } from './presence-store';

interface OpenInterval {
  id: string;
  source: string;
  startedAt: number;
}

const RETRY_MS = [200, 1000, 5000];

/**
 * Turns connections into stored presence intervals, one per connection (merging is for computing).
 * The hot path only touches memory: openings and closings are queued and written together by one
 * writer (group commit), so thousands of clients arriving at once cost a few statements. Open
 * intervals get a fresh `lastSeenAt` every heartbeat; one whose owner died (a crashed server) goes
 * stale and is closed by the heartbeat rule at its last sign of life plus one period. A failed write
 * is retried, never dropped.
 */
@Injectable()
export class PresenceRecorder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Attendance');
  /** `${source}|${sessionId}|${connectionId}` → the interval it opened. */
  private readonly open = new Map<string, OpenInterval>();
  private inserts = new Map<string, IntervalRow>();
  private ends = new Map<string, IntervalEnd>();
  private writing: Promise<void> | null = null;
  private failures = 0;
  private readonly detach: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly settings: AppConfig['attendance'];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PRESENCE_SOURCES) sources: PresenceSource[],
    private readonly store: PresenceStore,
  ) {
    this.settings = config.attendance;
    for (const source of sources)
      this.detach.push(
        source.attach({
          opened: (signal) => this.opened(source, signal),
          closed: (signal) => this.closed(source, signal),
        }),
      );
  }

  async onApplicationBootstrap(): Promise<void> {
    // Whatever a previous run left open is closed once it is stale; the sweep repeats every heartbeat.
    await this.sweep().catch((e) => this.logger.error('closing stale intervals', (e as Error).stack));
    this.timer = setInterval(() => void this.tick(), this.settings.heartbeatMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.detach.forEach((stop) => stop());
    // Sockets are closed by now (and said goodbye). Media participants may outlive us: their
    // intervals end here too, and whichever instance runs next picks them up again from the media
    // server's participant list (MediaPresenceSync), from when they joined.
    const now = Date.now();
    for (const interval of this.open.values()) this.end(interval, now, 'shutdown');
    this.open.clear();
    await this.flush();
  }

  /** Waits until everything captured so far is stored. */
  async flush(): Promise<void> {
    while (this.writing || this.inserts.size || this.ends.size) {
      if (!this.writing) this.schedule();
      await this.writing;
    }
  }

  private opened(source: PresenceSource, signal: PresenceSignal): void {
    const key = `${source.name}|${signal.sessionId}|${signal.connectionId}`;
    // A media server may report a participant again (a replaced connection): the interval goes on.
    if (this.stopped || this.open.has(key)) return;
    const id = randomUUID();
    this.open.set(key, { id, source: source.name, startedAt: signal.at });
    const { memberId, siteId } = participantIds(signal.key);
    this.inserts.set(id, {
      id,
      sessionId: signal.sessionId,
      participantKey: signal.key,
      memberId,
      siteId,
      name: signal.name,
      source: source.name,
      connectionId: signal.connectionId,
      startedAt: signal.at,
      lastSeenAt: signal.at,
      endedAt: null,
      endReason: null,
    });
    this.schedule();
  }

  private closed(source: PresenceSource, signal: PresenceSignal): void {
    const key = `${source.name}|${signal.sessionId}|${signal.connectionId}`;
    const interval = this.open.get(key);
    if (!interval) return;
    this.open.delete(key);
    if (signal.lastSeenAt === undefined) {
      this.end(interval, signal.at, 'goodbye');
      return;
    }
    // Died silently: the domain's heartbeat rule says until when it counts.
    const [judged] = closeStale(
      [{ start: interval.startedAt, end: null, lastHeartbeatAt: signal.lastSeenAt }],
      signal.at,
      0,
      source.silentGraceMs,
    );
    this.end(interval, judged!.end ?? signal.at, 'heartbeat');
  }

  private end(interval: OpenInterval, at: number, reason: IntervalEnd['endReason']): void {
    const pending = this.inserts.get(interval.id);
    if (pending) {
      pending.endedAt = at;
      pending.endReason = reason;
      pending.lastSeenAt = Math.max(pending.lastSeenAt, at);
    } else {
      this.ends.set(interval.id, { id: interval.id, endedAt: at, endReason: reason });
    }
    this.schedule();
  }

  private schedule(): void {
    if (!this.writing) this.writing = this.drain();
  }

  /** One writer: inserts first (an end may follow its own insert in the same round), then ends. */
  private async drain(): Promise<void> {
    try {
      while (this.inserts.size || this.ends.size) {
        const inserts = [...this.inserts.values()];
        const ends = [...this.ends.values()];
        this.inserts = new Map();
        this.ends = new Map();
        try {
          await this.store.insert(inserts);
          await this.store.end(ends);
          this.failures = 0;
        } catch (error) {
          // Put the batch back behind anything newer for the same interval, and try again shortly.
          for (const row of inserts) if (!this.inserts.has(row.id)) this.inserts.set(row.id, row);
          for (const end of ends) if (!this.ends.has(end.id)) this.ends.set(end.id, end);
          const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]!;
          this.logger.error(
            `storing ${inserts.length + ends.length} presence changes failed; retrying in ${wait} ms`,
            (error as Error).stack,
          );
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    } finally {
      this.writing = null;
    }
  }

  private persistedOpenIds(): string[] {
    const ids: string[] = [];
    for (const interval of this.open.values()) if (!this.inserts.has(interval.id)) ids.push(interval.id);
    return ids;
  }

  private async tick(): Promise<void> {
    try {
      await this.store.touch(this.persistedOpenIds(), Date.now());
      await this.sweep();
    } catch (error) {
      this.logger.error('presence heartbeat failed', (error as Error).stack);
    }
  }

  /** Closes intervals nobody has vouched for within the stale timeout (their server stopped). */
  private async sweep(): Promise<void> {
    const now = Date.now();
    const { staleAfterMs, heartbeatMs } = this.settings;
    const mine = new Set([...this.open.values()].map((i) => i.id));
    const stale = (await this.store.openSeenBefore(new Date(now - staleAfterMs))).filter(
      (r) => !mine.has(r.id),
    );
    if (stale.length === 0) return;
    const judged = closeStale(
      stale.map((r) => ({ id: r.id, start: r.startedAt, end: null, lastHeartbeatAt: r.lastSeenAt })),
      now,
      staleAfterMs,
      heartbeatMs,
    );
    for (const interval of judged)
      if (interval.end !== null)
        this.ends.set(interval.id, { id: interval.id, endedAt: interval.end, endReason: 'stale' });
    this.logger.log(`closed ${stale.length} stale presence intervals`);
    this.schedule();
    await this.flush();
  }
}
