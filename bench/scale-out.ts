import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { LiveEvent } from '@hallbridge/contracts';
import { createDatabase, startPostgres } from '../test/support/postgres-server';
import { startRedis } from '../test/support/redis-server';
import { benchDeck } from './lib/deck';
import { benchProduct, benchRoom, joinAll } from './lib/live-room';
import { options } from './lib/options';
import { answerWithin, CHOICES, openPoll } from './lib/poll';
import { report, round, summary } from './lib/stats';

/**
 * `npm run bench -- scale-out [--clients 1000] [--changes 30] [--window 1000]`: two app instances
 * sharing PostgreSQL and Redis (REDIS_URL), members split between them, beside one instance on
 * the same PostgreSQL without Redis (the baseline). The presenter, on the first instance, changes
 * slides: delivery latency to members on the same instance and on the other. Then every member
 * answers a poll: votes counted, votes per second, and when the final tally is everywhere. On two
 * cores both instances share the same CPUs, so this measures correctness and the cost of
 * coordination, not added capacity.
 */
const opts = options({ clients: 1000, changes: 30, window: 1000 });

interface Figures {
  sameSide: ReturnType<typeof summary>;
  otherSide: ReturnType<typeof summary>;
  counted: number;
  votesPerSecond: number;
  everywhereMs: number;
}

async function main(): Promise<void> {
  console.log(`scale-out: ${opts.clients} clients, ${opts.changes} slide changes`);
  execFileSync('bash', [join(__dirname, '..', 'infra', 'ensure-tools.sh'), 'postgresql', 'redis'], {
    stdio: 'inherit',
  });
  const postgres = await startPostgres();
  const redis = await startRedis();
  try {
    console.log('one instance on PostgreSQL, no Redis (baseline):');
    const one = await measure({ DATABASE_URL: await createDatabase(postgres.url) }, false);
    console.log('two instances on PostgreSQL and Redis:');
    const two = await measure(
      { DATABASE_URL: await createDatabase(postgres.url), REDIS_URL: redis.url },
      true,
    );
    report({
      bench: 'scale-out',
      instances: 2,
      clients: opts.clients,
      same_p50_ms: round(two.sameSide.p50),
      other_p50_ms: round(two.otherSide.p50),
      other_p95_ms: round(two.otherSide.p95),
      votes_counted: two.counted,
      votes_per_s: round(two.votesPerSecond, 0),
      tally_everywhere_ms: round(two.everywhereMs, 0),
      baseline_p50_ms: round(one.sameSide.p50),
      baseline_votes_per_s: round(one.votesPerSecond, 0),
    });
  } finally {
    await redis.stop();
    await postgres.stop();
  }
}

async function measure(env: Record<string, string>, twoInstances: boolean): Promise<Figures> {
  const room = await benchRoom(opts.clients, env);
  const second = twoInstances ? await benchProduct(env) : null;
  try {
    const deckId = await benchDeck(room, 10);
    const half = second ? Math.floor(opts.clients / 2) : opts.clients;
    const here = await joinAll(room.product.url, room.sessionId, room.memberTokens.slice(0, half));
    const there = second ? await joinAll(second.url, room.sessionId, room.memberTokens.slice(half)) : [];
    const presenter = (await joinAll(room.product.url, room.sessionId, [room.presenterToken]))[0]!;

    // Slide changes: latency on each side.
    const latency = { here: [] as number[], there: [] as number[] };
    let waiting: { page: number; sentAt: number; left: number; done: () => void } | null = null;
    for (const [side, clients] of [
      ['here', here],
      ['there', there],
    ] as const)
      for (const c of clients)
        c.socket.on('live:event', (e: LiveEvent) => {
          if (e.type !== 'slide.changed' || !waiting || e.slide.page !== waiting.page) return;
          latency[side].push(performance.now() - waiting.sentAt);
          if (--waiting.left === 0) waiting.done();
        });
    for (let i = 0; i < opts.changes; i++) {
      const page = (i % 9) + 2;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`change ${i}: ${waiting?.left} still waiting`)),
          30_000,
        );
        waiting = {
          page,
          sentAt: performance.now(),
          left: opts.clients,
          done: () => (clearTimeout(timer), resolve()),
        };
        void presenter.send('slide:go', { deckId, page });
      });
    }
    const sameSide = summary(latency.here);
    const otherSide = summary(latency.there);
    console.log(
      `  slide change, same instance as the presenter: p50 ${round(sameSide.p50)} ms, p95 ${round(sameSide.p95)} ms`,
    );
    if (second)
      console.log(
        `  slide change, the other instance:             p50 ${round(otherSide.p50)} ms, p95 ${round(otherSide.p95)} ms`,
      );

    // A poll answered by everyone.
    const members = [...here, ...there];
    const pollId = await openPoll(presenter, members);
    const {
      acks,
      startedAt: t0,
      lastSentAt,
      lastAckAt,
    } = await answerWithin(members, pollId, (i) => CHOICES[i % CHOICES.length]!, opts.window);
    const accepted = acks.filter((a) => a.ok).length;
    const everyone = (s: { tallies: { pollId: string; respondents: number }[] }) =>
      s.tallies.some((t) => t.pollId === pollId && t.respondents === members.length);
    await Promise.all([presenter, ...members].map((m) => m.until(everyone, 30_000)));
    const everywhereMs = performance.now() - lastSentAt;
    const counted = presenter.snapshot!.tallies.find((t) => t.pollId === pollId)!.respondents;
    const votesPerSecond = accepted / ((lastAckAt - t0) / 1000);
    console.log(
      `  votes sent ${members.length}, accepted ${accepted}, counted ${counted}, ${round(votesPerSecond, 0)} votes/s`,
    );
    console.log(`  final tally on every client ${round(everywhereMs, 0)} ms after the last vote was sent`);
    if (acks.some((a) => !a.ok)) console.log('  first refusal:', JSON.stringify(acks.find((a) => !a.ok)));
    members.forEach((m) => m.close());
    presenter.close();
    return { sameSide, otherSide, counted, votesPerSecond, everywhereMs };
  } finally {
    await second?.stop();
    await room.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
