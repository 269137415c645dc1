import { dispose } from '@livekit/rtc-node';
import { MediaTestClient } from '../test/support/media-client';
import { cleanUpOnSignal, mediaBenchRoom } from './lib/media';
import { options } from './lib/options';
import { report, round, summary } from './lib/stats';

/**
 * `npm run bench -- media-join [--joins 20] [--width 1280 --height 720 --fps 15]`: a presenter
 * (@livekit/rtc-node) publishes generated simulcast video; then, one after another, members ask the
 * product for a media join token over REST, connect with @livekit/rtc-node and wait for the first
 * decoded frame of the presenter's video. Time from the token request to that frame.
 */
const opts = options({ joins: 20, width: 1280, height: 720, fps: 15 });

async function main(): Promise<void> {
  console.log(
    `media-join: ${opts.joins} sequential joins, presenter video ${opts.width}x${opts.height}@${opts.fps}`,
  );
  const room = await mediaBenchRoom(opts.joins);
  cleanUpOnSignal(() => room.close());
  const clients: MediaTestClient[] = [];
  try {
    const stage = await room.join(room.presenterToken);
    const presenter = new MediaTestClient('presenter');
    clients.push(presenter);
    await presenter.connect(stage.url, stage.token);
    await presenter.publishVideo(opts.width, opts.height, opts.fps, { simulcast: true });

    const times: number[] = [];
    const tokenMs: number[] = [];
    const connectMs: number[] = [];
    for (let i = 0; i < opts.joins; i++) {
      const t0 = performance.now();
      const join = await room.join(room.memberTokens[i]!);
      const t1 = performance.now();
      const member = new MediaTestClient(`member ${i + 1}`);
      clients.push(member);
      await member.connect(join.url, join.token);
      tokenMs.push(t1 - t0);
      connectMs.push(performance.now() - t1);
      const seen = await member.until(stage.identity, 'video', (r) => r.frames > 0, 30_000);
      times.push(seen.firstAt! - t0);
      console.log(
        `  join ${String(i + 1).padStart(2)}: ${round(times[i]!)} ms (${seen.width}x${seen.height})`,
      );
      await member.close();
      clients.pop();
    }
    const s = summary(times);
    console.log(
      `token request → first decoded frame: p50 ${round(s.p50)} ms, p95 ${round(s.p95)} ms, max ${round(s.max)} ms`,
    );
    console.log(
      `  of which: token p50 ${round(summary(tokenMs).p50)} ms, connect p50 ${round(summary(connectMs).p50)} ms, the rest is subscribing, negotiating the track and waiting for its first decodable frame`,
    );
    report({ bench: 'media-join', joins: times.length, p50_ms: round(s.p50), p95_ms: round(s.p95) });
  } finally {
    for (const client of clients) await client.close();
    await room.close();
    await dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
