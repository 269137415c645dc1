import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Health, Liveness, Readiness } from '@hallbridge/contracts';
import { RedisConnections } from '../cluster/redis-cluster';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE, type Database } from '../database/database';
import { migrationNames } from '../database/migrate';
import { DrainState } from '../observability/drain-state';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/**
 * Reports each real component; without a media server the product still runs, with video off.
 * Liveness and readiness are separate: a load balancer sends traffic only to a ready instance, and
 * a supervisor restarts only one that is no longer alive (never because a dependency is down).
 */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();
  private migrated = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly db: Database,
    private readonly drainState: DrainState,
    @Optional() private readonly redisConnections?: RedisConnections,
  ) {}

  live(): Liveness {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) };
  }

  /** Ready: the database answers, every migration this build ships is applied, and not shutting down. */
  async ready(): Promise<Readiness> {
    const draining = this.drainState.draining;
    const database = await this.database();
    const migrations = database === 'up' ? await this.migrations() : 'unknown';
    const ready = !draining && database === 'up' && migrations === 'applied';
    return { status: ready ? 'ready' : 'not_ready', database, migrations, draining };
  }

  async check(): Promise<Health> {
    const [database, media, redis] = await Promise.all([this.database(), this.media(), this.redis()]);
    const down = database === 'down' || media.status === 'down' || redis === 'down';
    return {
      status: down ? 'degraded' : 'ok',
      version: this.config.version,
      database: { status: database, kind: this.db.kind },
      media,
      redis: { status: redis },
    };
  }

  /** Once applied, migrations stay applied: the check then costs nothing. */
  private async migrations(): Promise<'applied' | 'pending' | 'unknown'> {
    if (this.migrated) return 'applied';
    try {
      const rows = await withTimeout(
        this.db.prisma.$queryRaw<{ name: string }[]>`
          SELECT migration_name AS name FROM _prisma_migrations
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        3000,
      );
      const applied = new Set(rows.map((r) => r.name));
      this.migrated = migrationNames().every((name) => applied.has(name));
      return this.migrated ? 'applied' : 'pending';
    } catch {
      return 'unknown';
    }
  }

  private async database(): Promise<'up' | 'down'> {
    try {
      await withTimeout(this.db.prisma.$queryRaw`SELECT 1`, 3000);
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async media(): Promise<Health['media']> {
    const media = this.config.media;
    if (!media)
      return {
        status: 'disabled',
        url: null,
        message: 'no media server configured: audio and video are off',
      };
    try {
      const res = await withTimeout(fetch(media.url.replace(/^ws/, 'http')), 3000);
      return {
        status: res.ok ? 'up' : 'down',
        url: media.url,
        message: res.ok ? null : `HTTP ${res.status}`,
      };
    } catch (e) {
      return { status: 'down', url: media.url, message: (e as Error).message };
    }
  }

  private async redis(): Promise<'up' | 'down' | 'disabled'> {
    if (!this.config.redisUrl) return 'disabled';
    // This instance's own connections: Redis answering someone else does not let this one work.
    if (this.redisConnections) return this.redisConnections.bothReady() ? 'up' : 'down';
    const { default: Redis } = await import('ioredis');
    const client = new Redis(this.config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
    });
    try {
      await withTimeout(
        client.connect().then(() => client.ping()),
        3000,
      );
      return 'up';
    } catch {
      return 'down';
    } finally {
      client.disconnect();
    }
  }
}
