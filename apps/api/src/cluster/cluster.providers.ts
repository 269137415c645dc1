import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { ClusterBus, LocalBus } from './cluster-bus';
import { RateLimits } from './rate-limits';
import { RedisBus, RedisConnections, RedisRoomLocks } from './redis-cluster';
import { LocalRoomLocks, RoomLocks } from './room-locks';

/**
 * How app instances coordinate: nothing to do in one process; with REDIS_URL, a bus, room locks
 * and rate-limit counts in Redis. The live rooms and the limits are given these strategies and do
 * not know which they got.
 */
export function clusterProviders(config: AppConfig): Provider[] {
  if (!config.redisUrl)
    return [
      { provide: ClusterBus, useValue: new LocalBus() },
      { provide: RoomLocks, useValue: new LocalRoomLocks() },
      { provide: RateLimits, useValue: new RateLimits(null) },
    ];
  const url = config.redisUrl;
  return [
    { provide: RedisConnections, useFactory: () => new RedisConnections(url) },
    { provide: ClusterBus, useFactory: (r: RedisConnections) => new RedisBus(r), inject: [RedisConnections] },
    {
      provide: RoomLocks,
      useFactory: (r: RedisConnections) => new RedisRoomLocks(r),
      inject: [RedisConnections],
    },
    {
      provide: RateLimits,
      useFactory: (r: RedisConnections) => new RateLimits(r),
      inject: [RedisConnections],
    },
  ];
}
