import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LiveEvent } from '@hallbridge/contracts';
import { io, type Socket } from 'socket.io-client';
import { LiveTestClient } from '../test/support/live-client';
import { cpuSeconds } from './lib/cpu';
import { benchDeck } from './lib/deck';
import { benchRoom, joinRaw } from './lib/live-room';
import { options } from './lib/options';
import { report, round, summary } from './lib/stats';

/**
 * `npm run bench -- fanout [--clients 2000] [--changes 100]`: N members in one live session, the
 * presenter changes slides `changes` times; delivery latency from the presenter's send to each
 * member's receipt, against a bare socket.io server broadcasting the same payload in the same run.
 */
const opts = options({ clients: 2000, changes: 100 });

interface Round {
  latencies: number[];
  elapsedMs: number;
  delivered: number;
  serverCpu: number;
}

/** Sends one change, waits until every client has it, and returns per-client latencies. */
async function measure(
  receivers: { onEvent: (cb: (page: number, at: number) => void) => void }[],
  send: (page: number) => Promise<void>,
  changes: number,
  serverPid: number,
): Promise<Round> {
  const latencies: number[] = [];
  let waiting: { page: number; sentAt: number; left: number; done: () => void } | null = null;
  for (const r of receivers)
    r.onEvent((page) => {
      if (waiting && page === waiting.page) {
        latencies.push(performance.now() - waiting.sentAt);
        if (--waiting.left === 0) waiting.done();
      }
    });
  const cpu0 = cpuSeconds(serverPid);
  const t0 = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < changes; i++) {
    // Pages 2..10 in turn: never the page already shown, so every change is a real one.
    const page = (i % 9) + 2;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`change ${i}: ${waiting?.left} clients still waiting`)),
        30_000,
      );
      waiting = {
        page,
        sentAt: performance.now(),
        left: receivers.length,
        done: () => (clearTimeout(timer), resolve()),
      };
      sends.push(send(page));
    });
    waiting = null;
  }
  const elapsedMs = performance.now() - t0;
  await Promise.all(sends);
  return { latencies, elapsedMs, delivered: latencies.length, serverCpu: cpuSeconds(serverPid) - cpu0 };
}

async function ours(): Promise<Round> {
  const room = await benchRoom(opts.clients);
  try {
    const deckId = await benchDeck(room, 10);
    const members = await joinRaw(room.product.url, room.sessionId, room.memberTokens);
    const presenter = new LiveTestClient(room.product.url, room.presenterToken);
    await presenter.join(room.sessionId);
    const receivers = members.map((m) => ({
      onEvent: (cb: (page: number, at: number) => void) =>
        m.on('live:event', (e: LiveEvent) => e.type === 'slide.changed' && cb(e.slide.page, e.at)),
    }));
    const result = await measure(
      receivers,
      async (page) => {
        const ack = await presenter.send('slide:go', { deckId, page });
        if (!ack.ok) throw new Error(JSON.stringify(ack));
      },
      opts.changes,
      room.product.process.pid!,
    );
    members.forEach((m) => m.close());
    presenter.close();
    return result;
  } finally {
    await room.close();
  }
}

async function bare(): Promise<Round> {
  const child = spawn(process.execPath, [join(__dirname, 'lib', 'bare-server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) =>
    child.stdout!.on('data', (d) => resolve(Number(/ready (\d+)/.exec(String(d))?.[1]))),
  );
  const url = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];
  for (let i = 0; i < opts.clients; i += 100) {
    const batch = Array.from({ length: Math.min(100, opts.clients - i) }, () =>
      io(url, { transports: ['websocket'], forceNew: true, reconnection: false }),
    );
    await Promise.all(batch.map((s) => new Promise((r) => s.once('connect', () => r(null)))));
    sockets.push(...batch);
  }
  const trigger = io(url, { transports: ['websocket'], forceNew: true });
  await new Promise((r) => trigger.once('connect', () => r(null)));
  try {
    return await measure(
      sockets.map((s) => ({
        onEvent: (cb) =>
          s.on('live:event', (e: { slide: { page: number }; at: number }) => cb(e.slide.page, e.at)),
      })),
      async (page) => void (await trigger.emitWithAck('go', { deckId: 'deck', page })),
      opts.changes,
      child.pid!,
    );
  } finally {
    sockets.forEach((s) => s.close());
    trigger.close();
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  console.log(`fanout: ${opts.clients} clients, ${opts.changes} slide changes`);
  const a = await ours();
  const b = await bare();
  const sa = summary(a.latencies);
  const sb = summary(b.latencies);
  const rate = (r: Round) => round(r.delivered / (r.elapsedMs / 1000), 0);
  console.log('                 p50 ms   p95 ms   p99 ms   max ms   msgs/s   server CPU s');
  for (const [name, s, r] of [
    ['HallBridge', sa, a],
    ['bare socket.io', sb, b],
  ] as const)
    console.log(
      `${name.padEnd(16)} ${String(round(s.p50)).padStart(6)} ${String(round(s.p95)).padStart(8)} ${String(round(s.p99)).padStart(8)} ${String(round(s.max)).padStart(8)} ${String(rate(r)).padStart(8)} ${String(round(r.serverCpu, 2)).padStart(10)}`,
    );
  console.log(`delivered ${a.delivered}/${opts.clients * opts.changes} (ours), ${b.delivered} (bare)`);
  report({
    bench: 'fanout',
    clients: opts.clients,
    p50_ms: round(sa.p50),
    p95_ms: round(sa.p95),
    p99_ms: round(sa.p99),
    msgs_per_s: rate(a),
    baseline_p99_ms: round(sb.p99),
    ratio_p99: round(sa.p99 / sb.p99, 2),
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
