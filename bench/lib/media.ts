import { readFileSync } from 'node:fs';
import type { MediaJoin } from '@hallbridge/contracts';
import { ApiClient } from '../../test/support/api-client';
import { startLiveKit, type LiveKitServer } from '../../test/support/livekit-server';
import { benchRoom, type BenchRoom } from './live-room';

export interface MediaBenchRoom extends BenchRoom {
  livekit: LiveKitServer;
  /** Asks the product for a media join token (the REST call the web client makes). */
  join(token: string): Promise<MediaJoin>;
}

/** A livekit-server on loopback and the built product pointed at it, with a live session. */
export async function mediaBenchRoom(
  members: number,
  options: { metrics?: boolean } = {},
): Promise<MediaBenchRoom> {
  const livekit = await startLiveKit({ metrics: options.metrics });
  let room: BenchRoom;
  try {
    room = await benchRoom(members, livekit.env);
  } catch (error) {
    await livekit.stop();
    throw error;
  }
  const api = new ApiClient(room.product.url);
  return {
    ...room,
    livekit,
    async join(token: string) {
      const res = await api.as(token).post<MediaJoin>(`/sessions/${room.sessionId}/media/token`);
      if (res.status !== 200) throw new Error(`media token: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async close() {
      await room.close();
      await livekit.stop();
    },
  };
}

/** Sums the samples of one Prometheus counter whose labels contain every `match` pair. */
export function counter(metrics: string, name: string, match: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(match).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
export function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Stops what a benchmark started when it is interrupted (Ctrl-C, or a time limit's SIGTERM). */
export function cleanUpOnSignal(cleanUp: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`${signal}: stopping the media server and the product`);
      void cleanUp().finally(() => process.exit(130));
    });
}
