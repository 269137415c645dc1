import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LiveAck } from '@hallbridge/contracts';
import type { Socket } from 'socket.io-client';
import { manyRowsXlsx } from '../test/support/hostile-files';
import { benchRoom, joinRaw } from './lib/live-room';
import { options } from './lib/options';
import { report, round, summary } from './lib/stats';

/**
 * `npm run bench -- abuse [--clients 500] [--seconds 20] [--rows 2000000]`: a secretary's
 * 2,000,000-row XLSX roster import (dry run) while `clients` members chat as fast as they can for
 * `seconds` (each sends its next message as soon as the last is answered, ignoring retry-after).
 * A worker thread, apart from the benchmark's busy main thread, asks /api/health in a loop and
 * scrapes the server's own event-loop lag from /metrics. Goals (issue 11): the import refused, the
 * lag under 100 ms throughout, health p99 under 200 ms, the flood throttled.
 */
const opts = options({ clients: 500, seconds: 20, rows: 2_000_000 });

interface Probe {
  health: { ms: number; status: number }[];
  lagMaxMs: number[];
  errors: string[];
}

function startProbe(url: string): Promise<{ stop(): Promise<Probe> }> {
  const worker = new Worker(join(__dirname, 'lib', 'probe-worker.mjs'), { workerData: { url } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () =>
      resolve({
        stop: () =>
          new Promise<Probe>((done) => {
            worker.once('message', (result: Probe) => void worker.terminate().then(() => done(result)));
            worker.postMessage('stop');
          }),
      }),
    );
  });
}

async function main(): Promise<void> {
  console.log(
    `abuse: ${opts.rows.toLocaleString('en')}-row XLSX import while ${opts.clients} clients chat for ${opts.seconds} s`,
  );
  const room = await benchRoom(opts.clients);
  try {
    const url = room.product.url;
    const made = await room.organiser.post('/users', {
      username: 'thuky',
      password: 'bench-password',
      displayName: 'Thư Ký Chi Bộ',
      role: 'secretary',
      unitId: room.branchId,
    });
    if (made.status !== 201) throw new Error(`secretary: ${made.status} ${JSON.stringify(made.body)}`);
    const secretary = await room.organiser.as(null).login('thuky', 'bench-password');
    const file = manyRowsXlsx(opts.rows, 'CB-BENCH');
    console.log(`workbook: ${round(file.length / 1e6, 1)} MB`);
    const members: Socket[] = await joinRaw(url, room.sessionId, room.memberTokens);

    const probe = await startProbe(url);
    const counts = { sent: 0, accepted: 0, refused: 0, other: 0 };
    const others = new Map<string, number>();
    const deadline = performance.now() + opts.seconds * 1000;
    const flood = Promise.all(
      members.map(async (socket, i) => {
        for (let n = 0; performance.now() < deadline; n++) {
          counts.sent++;
          let ack: LiveAck;
          try {
            ack = (await socket.timeout(30_000).emitWithAck('chat:send', {
              commandId: randomUUID(),
              sessionId: room.sessionId,
              text: `Tin nhắn ${i}-${n} của đảng viên gửi liên tục`,
            })) as LiveAck;
          } catch {
            counts.other++;
            others.set('NO_ANSWER', (others.get('NO_ANSWER') ?? 0) + 1);
            continue;
          }
          if (ack.ok) counts.accepted++;
          else if (ack.code === 'RATE_LIMITED') counts.refused++;
          else {
            counts.other++;
            others.set(ack.code, (others.get(ack.code) ?? 0) + 1);
          }
        }
      }),
    );

    // The import starts once the flood is under way.
    await new Promise((r) => setTimeout(r, Math.min(2000, (opts.seconds * 1000) / 4)));
    const t0 = performance.now();
    const imported = await secretary.upload(
      `/members/import?unitId=${room.branchId}&dryRun=true`,
      'danh-sach.xlsx',
      file,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const importMs = performance.now() - t0;
    await flood;
    const { health, lagMaxMs, errors } = await probe.stop();
    if (errors.length) console.log(`probe errors: ${errors.length}, first: ${errors[0]}`);
    const connected = members.filter((s) => s.connected).length;
    members.forEach((s) => s.close());

    const healthy = health.filter((h) => h.status === 200).length;
    const h = summary(health.map((x) => x.ms));
    const maxLag = Math.max(...lagMaxMs);
    const body = imported.body as { code?: string; message?: string };
    console.log(
      `import: HTTP ${imported.status} ${body.code ?? ''} in ${round(importMs, 0)} ms — ${String(body.message ?? '').slice(0, 160)}`,
    );
    console.log(
      `flood: ${counts.sent} chat messages sent, ${counts.accepted} accepted, ${counts.refused} refused (RATE_LIMITED), ${counts.other} other ${JSON.stringify(Object.fromEntries(others))}; ${connected}/${members.length} sockets still connected`,
    );
    console.log(
      `health: ${health.length} asks, ${healthy} answered 200; p50 ${round(h.p50)} ms, p95 ${round(h.p95)} ms, p99 ${round(h.p99)} ms, max ${round(h.max)} ms`,
    );
    console.log(
      `server event-loop lag (max per ${lagMaxMs.length} scrapes): max ${round(maxLag)} ms, median ${round(summary(lagMaxMs).p50)} ms`,
    );
    report({
      bench: 'abuse',
      import_rows: opts.rows,
      import_ms: round(importMs, 0),
      max_event_loop_lag_ms: round(maxLag),
      flood_clients: members.length,
      flood_refused: counts.refused,
      health_p99_ms: round(h.p99),
      import_status: imported.status,
      flood_sent: counts.sent,
      flood_accepted: counts.accepted,
      health_failed: health.length - healthy,
    });
  } finally {
    await room.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
