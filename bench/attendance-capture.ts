import type { Socket } from 'socket.io-client';
import { clientPort, NetworkProxy } from '../test/support/network-proxy';
import { benchRoom, joinRaw } from './lib/live-room';
import { options } from './lib/options';
import { report, round } from './lib/stats';

/**
 * `npm run bench -- attendance-capture [--clients 5000] [--wave 1000]`: members join one live session
 * in waves of `wave`; once a wave is in, half of it leaves with a goodbye and half drops silently (its
 * network dies: only the heartbeat can tell), and the next wave comes. Reports how many presence
 * intervals the product stored, opened and closed, per second of the run, and how many were lost.
 */
const opts = options({ clients: 5000, wave: 1000 });
/** Short enough to see silent drops within seconds, long enough not to drop clients busy joining. */
const PING_MS = 5000;

interface StoredInterval {
  memberId: string | null;
  endedAt: string | null;
  endReason: string | null;
}

async function main(): Promise<void> {
  const room = await benchRoom(opts.clients, {
    LIVE_PING_INTERVAL_MS: String(PING_MS),
    LIVE_PING_TIMEOUT_MS: String(PING_MS),
    ATTENDANCE_HEARTBEAT_MS: '10000',
    ATTENDANCE_CACHE_MS: '1',
  });
  const proxy = await NetworkProxy.start(room.product.url);
  const stored = () =>
    room.organiser
      .get<StoredInterval[]>(`/sessions/${room.sessionId}/attendance/intervals`)
      .then((r) => r.body.filter((i) => i.memberId));
  try {
    console.log(`attendance-capture: ${opts.clients} members in waves of ${opts.wave}, half silent drops`);
    const t0 = performance.now();
    let silent = 0;
    const tokens = room.memberTokens.slice(0, opts.clients);
    for (let i = 0; i < tokens.length; i += opts.wave) {
      const wave = tokens.slice(i, i + opts.wave);
      const half = Math.floor(wave.length / 2);
      const [direct, viaProxy] = await Promise.all([
        joinRaw(room.product.url, room.sessionId, wave.slice(0, half), 250),
        joinRaw(proxy.url, room.sessionId, wave.slice(half), 250),
      ]);
      direct.forEach((s: Socket) => s.disconnect());
      for (const s of viaProxy) proxy.silence(clientPort(s as unknown as Parameters<typeof clientPort>[0]));
      silent += viaProxy.length;
      console.log(
        `wave ${i / opts.wave + 1}: ${wave.length} joined and dropped at ${round((performance.now() - t0) / 1000, 1)} s`,
      );
    }
    const droppedAt = performance.now();
    // Wait until every interval is stored and closed (silent ones after the heartbeat timeout).
    let list: StoredInterval[] = [];
    for (;;) {
      list = await stored();
      if (list.filter((x) => x.endedAt).length >= opts.clients) break;
      if (performance.now() - droppedAt > 180_000) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const doneAt = performance.now();
    const closed = list.filter((x) => x.endedAt);
    const members = new Set(closed.map((x) => x.memberId));
    const lost = opts.clients - members.size;
    const byReason = closed.reduce<Record<string, number>>((acc, x) => {
      acc[x.endReason ?? '?'] = (acc[x.endReason ?? '?'] ?? 0) + 1;
      return acc;
    }, {});
    const seconds = (doneAt - t0) / 1000;
    console.log(
      `stored ${list.length} intervals, ${closed.length} closed (${JSON.stringify(byReason)}); ${silent} silent drops`,
    );
    console.log(
      `all stored and closed ${round((doneAt - droppedAt) / 1000, 1)} s after the last drop (heartbeat ${2 * PING_MS} ms)`,
    );
    console.log(`${round(closed.length / seconds, 0)} intervals/s over ${round(seconds, 1)} s; lost ${lost}`);
    report({
      bench: 'attendance-capture',
      clients: opts.clients,
      intervals_per_s: round(closed.length / seconds, 0),
      lost,
    });
  } finally {
    await proxy.stop();
    await room.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
