import { Inject, Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, type GaugeConfiguration, Registry } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE, type Database } from '../database/database';
import { HealthService } from '../health/health.service';
import { PresenceEvents, type PresenceConnection } from '../live/presence-events';
import { LiveSockets } from './live-sockets';

const COLLECT_TIMEOUT_MS = 2000;

const withTimeout = <T>(p: Promise<T>) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), COLLECT_TIMEOUT_MS).unref(),
    ),
  ]);

/**
 * The Prometheus registry of this app instance (one per instance, so two instances in one test
 * process do not mix): Node's process metrics (memory, CPU, GC, event-loop lag), the live rooms'
 * connections, the database pool, the slide-conversion queue and the state of each component.
 * Values are read when scraped; nothing is sampled in the background.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  /** session → participant key → { role, connections on this instance }. */
  private readonly present = new Map<string, Map<string, { role: string; connections: number }>>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DATABASE) private readonly db: Database,
    private readonly health: HealthService,
    private readonly sockets: LiveSockets,
    presence: PresenceEvents,
  ) {
    collectDefaultMetrics({ register: this.registry });
    presence.on('opened', (c) => this.count(c, +1));
    presence.on('closed', (c) => this.count(c, -1));
    this.gauge({
      name: 'hallbridge_info',
      help: 'The running version and database kind (always 1)',
      labelNames: ['version', 'database'],
    }).set({ version: config.version, database: db.kind }, 1);

    this.gauge(
      {
        name: 'hallbridge_live_sockets',
        help: 'Open socket.io connections on this instance (joined to a room or not)',
      },
      (g) => {
        g.set(this.sockets.count());
      },
    );
    this.gauge(
      {
        name: 'hallbridge_live_connections',
        help: 'Connections to a live session on this instance',
        labelNames: ['session_id'],
      },
      (g) => {
        g.reset();
        for (const [sessionId, people] of this.present)
          g.set(
            { session_id: sessionId },
            [...people.values()].reduce((n, p) => n + p.connections, 0),
          );
      },
    );
    this.gauge(
      {
        name: 'hallbridge_live_participants',
        help: 'People and district rooms connected to a live session on this instance, by role (members: role="member")',
        labelNames: ['session_id', 'role'],
      },
      (g) => {
        g.reset();
        for (const [sessionId, people] of this.present) {
          const byRole = new Map<string, number>();
          for (const { role } of people.values()) byRole.set(role, (byRole.get(role) ?? 0) + 1);
          for (const [role, n] of byRole) g.set({ session_id: sessionId, role }, n);
        }
      },
    );

    this.gauge(
      {
        name: 'hallbridge_db_pool_connections',
        help: 'Database connections of this instance, in use or idle',
        labelNames: ['state'],
      },
      (g) => {
        const pool = this.db.pool;
        g.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        g.set({ state: 'idle' }, pool.idleCount);
      },
    );
    this.gauge(
      {
        name: 'hallbridge_db_pool_waiting',
        help: 'Queries of this instance waiting for a free database connection',
      },
      (g) => {
        g.set(this.db.pool.waitingCount);
      },
    );
    this.gauge(
      {
        name: 'hallbridge_db_pool_max',
        help: "Size of this instance's database pool",
      },
      (g) => {
        g.set(this.db.pool.options.max ?? 10);
      },
    );

    this.gauge(
      {
        name: 'hallbridge_slide_conversions',
        help: 'Slide decks waiting for conversion or being converted, across all instances (the same on each: aggregate with max)',
        labelNames: ['status'],
      },
      async (g) => {
        try {
          const rows = await withTimeout(
            this.db.prisma.deck.groupBy({
              by: ['status'],
              where: { status: { in: ['queued', 'converting'] } },
              _count: { _all: true },
            }),
          );
          g.set({ status: 'queued' }, 0);
          g.set({ status: 'converting' }, 0);
          for (const row of rows) g.set({ status: row.status }, row._count._all);
        } catch (error) {
          g.reset();
          this.logger.debug(`slide conversions not counted: ${(error as Error).message}`);
        }
      },
    );

    this.gauge(
      {
        name: 'hallbridge_component_up',
        help: 'Whether this instance reaches each component: database, media (LiveKit) and redis; 1 up, 0 down, absent when not configured',
        labelNames: ['component'],
      },
      async (g) => {
        const report = await this.health.check();
        g.reset();
        const components = {
          database: report.database.status,
          media: report.media.status,
          redis: report.redis.status,
        };
        for (const [component, status] of Object.entries(components))
          if (status !== 'disabled') g.set({ component }, status === 'up' ? 1 : 0);
      },
    );
    this.gauge(
      {
        name: 'hallbridge_ready',
        help: 'Whether this instance takes traffic (database reachable, migrations applied, not draining)',
      },
      async (g) => {
        g.set((await this.health.ready()).status === 'ready' ? 1 : 0);
      },
    );
  }

  private gauge<L extends string>(
    config: GaugeConfiguration<L>,
    collect?: (gauge: Gauge<L>) => void | Promise<void>,
  ): Gauge<L> {
    const gauge: Gauge<L> = new Gauge({
      ...config,
      registers: [this.registry],
      ...(collect ? { collect: () => collect(gauge) } : {}),
    });
    return gauge;
  }

  /** The text a Prometheus server scrapes. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  private count(c: PresenceConnection, delta: 1 | -1): void {
    let people = this.present.get(c.sessionId);
    if (!people) this.present.set(c.sessionId, (people = new Map()));
    const person = people.get(c.participant.key) ?? { role: c.participant.role, connections: 0 };
    person.connections += delta;
    if (person.connections > 0) people.set(c.participant.key, person);
    else people.delete(c.participant.key);
    if (people.size === 0) this.present.delete(c.sessionId);
  }
}
