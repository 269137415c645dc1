import { Inject, Injectable } from '@nestjs/common';
import type { Health } from '@hallbridge/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE, type Database } from '../database/database';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/** Reports each real component; without a media server the product still runs, with video off. */
@Injectable()
export class HealthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

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
