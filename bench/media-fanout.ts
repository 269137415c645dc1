import { dispose, Room, RoomEvent, TrackKind } from '@livekit/rtc-node';
import { MediaTestClient } from '../test/support/media-client';
import { cpuSeconds } from './lib/cpu';
import { cleanUpOnSignal, counter, machineTicks, mediaBenchRoom } from './lib/media';
import { options } from './lib/options';
import { report, round } from './lib/stats';

/**
 * `npm run bench -- media-fanout [--steps 4,8,12,16,24,32,48,64] [--fps 15] [--window 10]`: one presenter
 * (@livekit/rtc-node) publishes 720p simulcast video and audio; subscribers (@livekit/rtc-node, in
 * this process) join in steps. At each step, over `window` seconds: packet loss towards the
 * subscribers as livekit-server itself counts it from their receiver reports (Prometheus
 * `livekit_packet_loss_total` / `livekit_packet_total`, outgoing), the server's CPU, and the
 * machine's. Stops at the first step with loss ≥ 1% or livekit-server using ≥ 90% of the cores.
 * The machine's CPU is printed for context only: the subscribers and the publisher run on it too
 * (and on a shared build machine, so does other work), so it saturates long before the server does.
 *
 * LiveKit's documented figure (docs.livekit.io, "Benchmarking", livestreaming scenario): one 720p
 * simulcast publisher to 3,000 subscribers on a 16-core compute-optimised machine. Not measured here.
 */
const opts = options({ steps: '4,8,12,16,24,32,48,64', fps: 15, window: 10, settle: 4 });
const PUBLISHED = { subscribers: 3000, cores: 16 };
const CORES = 2;

interface Step {
  subscribers: number;
  lossPct: number;
  incomingLossPct: number;
  serverCpuPct: number;
  machineCpuPct: number;
  benchCpuPct: number;
  mbitOut: number;
}

async function scrape(url: string) {
  const text = await (await fetch(url)).text();
  return {
    sent: counter(text, 'livekit_packet_total', { direction: 'outgoing' }),
    lost: counter(text, 'livekit_packet_loss_total', { direction: 'outgoing' }),
    received: counter(text, 'livekit_packet_total', { direction: 'incoming' }),
    lostIn: counter(text, 'livekit_packet_loss_total', { direction: 'incoming' }),
    bytesOut: counter(text, 'livekit_packet_bytes', { direction: 'outgoing' }),
  };
}

/** A subscriber that receives the presenter's audio and video and does nothing else with them. */
async function subscribe(url: string, token: string): Promise<Room> {
  const room = new Room();
  const kinds = new Set<TrackKind | undefined>();
  const both = new Promise<void>((resolve) =>
    room.on(RoomEvent.TrackSubscribed, (track) => {
      kinds.add(track.kind);
      if (kinds.has(TrackKind.KIND_AUDIO) && kinds.has(TrackKind.KIND_VIDEO)) resolve();
    }),
  );
  await room.connect(url, token, { autoSubscribe: true, dynacast: true });
  await Promise.race([
    both,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('subscriber got no audio+video in 30 s')), 30_000),
    ),
  ]);
  return room;
}

async function main(): Promise<void> {
  const steps = opts.steps.split(',').map(Number);
  const max = steps[steps.length - 1]!;
  console.log(
    `media-fanout: 1 publisher (1280x720@${opts.fps} simulcast + audio), subscribers ${steps.join(', ')}`,
  );
  const room = await mediaBenchRoom(max, { metrics: true });
  cleanUpOnSignal(() => room.close());
  const subscribers: Room[] = [];
  const presenter = new MediaTestClient('presenter');
  const results: Step[] = [];
  try {
    const metrics = room.livekit.metricsUrl!;
    const serverPid = room.livekit.process.pid!;
    const stage = await room.join(room.presenterToken);
    await presenter.connect(stage.url, stage.token);
    await presenter.publishVideo(1280, 720, opts.fps, { simulcast: true });
    await presenter.publishTone(440);

    console.log('  subs   loss%  (in%)   server CPU%   bench CPU%   machine CPU%   Mbit/s out   per sub');
    for (const n of steps) {
      try {
        while (subscribers.length < n) {
          const join = await room.join(room.memberTokens[subscribers.length]!);
          subscribers.push(await subscribe(join.url, join.token));
        }
      } catch (error) {
        // Under full load the generator itself (not the server) starts failing to connect clients.
        console.log(
          `  stopped: the load generator could not connect subscriber ${subscribers.length + 1}: ${(error as Error).message.slice(0, 120)}`,
        );
        break;
      }
      await new Promise((r) => setTimeout(r, opts.settle * 1000));
      const [m0, c0, k0, t0, b0] = [
        await scrape(metrics),
        cpuSeconds(serverPid),
        machineTicks(),
        performance.now(),
        process.cpuUsage(),
      ];
      await new Promise((r) => setTimeout(r, opts.window * 1000));
      const [m1, c1, k1, t1, b1] = [
        await scrape(metrics),
        cpuSeconds(serverPid),
        machineTicks(),
        performance.now(),
        process.cpuUsage(b0),
      ];
      const seconds = (t1 - t0) / 1000;
      const sent = m1.sent - m0.sent;
      const step: Step = {
        subscribers: n,
        // No packets counted (the server updates its counters every few seconds): unknown, not held.
        lossPct: sent > 0 ? ((m1.lost - m0.lost) / sent) * 100 : NaN,
        incomingLossPct:
          m1.received > m0.received ? ((m1.lostIn - m0.lostIn) / (m1.received - m0.received)) * 100 : 0,
        serverCpuPct: ((c1 - c0) / seconds) * 100,
        machineCpuPct: ((k1.busy - k0.busy) / (k1.total - k0.total)) * 100,
        benchCpuPct: ((b1.user + b1.system) / 1e6 / seconds) * 100,
        mbitOut: ((m1.bytesOut - m0.bytesOut) * 8) / seconds / 1e6,
      };
      results.push(step);
      console.log(
        `  ${String(n).padStart(4)}  ${round(step.lossPct, 2).toFixed(2).padStart(6)}  (${round(step.incomingLossPct, 2).toFixed(2)})  ${round(step.serverCpuPct).toFixed(1).padStart(10)}  ${round(step.benchCpuPct).toFixed(1).padStart(10)}  ${round(step.machineCpuPct).toFixed(1).padStart(12)}  ${round(step.mbitOut).toFixed(1).padStart(11)}  ${round(
          step.mbitOut / n,
          2,
        )
          .toFixed(2)
          .padStart(8)}`,
      );
      if (step.lossPct >= 1 || step.serverCpuPct >= 90 * CORES) {
        console.log(
          step.lossPct >= 1 ? '  stopped: loss ≥ 1%' : '  stopped: livekit-server saturates the cores',
        );
        break;
      }
    }
  } finally {
    await Promise.all(subscribers.map((s) => s.disconnect().catch(() => {})));
    await presenter.close();
    await room.close();
    await dispose();
  }
  // The largest step that kept loss under 1% (the step that saturated the machine counts if it did).
  const held = [...results].reverse().find((r) => r.lossPct < 1) ?? null;
  const perCorePublished = PUBLISHED.subscribers / PUBLISHED.cores;
  const perCoreHere = held ? held.subscribers / CORES : 0;
  console.log(
    `held ${held?.subscribers ?? 0} subscribers with loss < 1% (server CPU ${round(held?.serverCpuPct ?? 0)}% of one core); ` +
      `${round(perCoreHere)} per core here vs ${round(perCorePublished)} per core in LiveKit's documented figure ` +
      `(${PUBLISHED.subscribers} on ${PUBLISHED.cores} cores; not measured here). The subscribers, the publisher's ` +
      `encoder and the server share this machine's ${CORES} cores.`,
  );
  if (held && held.serverCpuPct > 0)
    console.log(
      `livekit-server alone used ${round(held.serverCpuPct)}% of one core for ${held.subscribers} subscribers: ` +
        `~${round(held.subscribers / (held.serverCpuPct / 100), 0)} subscribers per server core if it scaled linearly (a projection, not a measurement).`,
    );
  report({
    bench: 'media-fanout',
    subscribers_held: held?.subscribers ?? 0,
    loss_pct: round(held?.lossPct ?? 0, 2),
    cpu_pct: round(held?.serverCpuPct ?? 0),
    ratio_per_core: round(perCoreHere / perCorePublished, 3),
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
