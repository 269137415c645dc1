import { benchRoom, joinAll } from './lib/live-room';
import { options } from './lib/options';
import { answerWithin, CHOICES, openPoll } from './lib/poll';
import { report, round } from './lib/stats';

/**
 * `npm run bench -- poll-burst [--clients 2000] [--window 1000]`: N members answer an open poll
 * within `window` ms. Every vote must be counted exactly once; reports accepted votes per second and
 * the time from the last vote until every client shows the final tally.
 */
const opts = options({ clients: 2000, window: 1000 });

async function main(): Promise<void> {
  console.log(`poll-burst: ${opts.clients} clients answering within ${opts.window} ms`);
  const room = await benchRoom(opts.clients);
  try {
    const members = await joinAll(room.product.url, room.sessionId, room.memberTokens);
    const presenter = (await joinAll(room.product.url, room.sessionId, [room.presenterToken]))[0]!;
    const pollId = await openPoll(presenter, members);

    const choose = (i: number) => CHOICES[i % CHOICES.length]!;
    const expected = Object.fromEntries(CHOICES.map((id) => [id, 0]));
    members.forEach((_, i) => (expected[choose(i)]! += 1));
    const {
      acks,
      startedAt: t0,
      lastSentAt,
      lastAckAt,
    } = await answerWithin(members, pollId, choose, opts.window);
    const accepted = acks.filter((a) => a.ok).length;
    const matches = (s: { tallies: { pollId: string; counts: Record<string, number> }[] }) => {
      const t = s.tallies.find((x) => x.pollId === pollId);
      return !!t && Object.entries(expected).every(([k, n]) => t.counts[k] === n);
    };
    await Promise.all([presenter, ...members].map((m) => m.until(matches, 30_000)));
    const everywhereAt = performance.now();

    const final = presenter.snapshot!.tallies.find((t) => t.pollId === pollId)!;
    const counted = Object.values(final.counts).reduce((a, b) => a + b, 0);
    const acceptSeconds = (lastAckAt - t0) / 1000;
    console.log(
      `votes sent ${members.length}, accepted ${accepted}, counted ${counted} (${JSON.stringify(final.counts)})`,
    );
    console.log(
      `accepting took ${round(acceptSeconds * 1000, 0)} ms (${round(accepted / acceptSeconds, 0)} votes/s)`,
    );
    console.log(
      `final tally on every client ${round(everywhereAt - lastSentAt, 0)} ms after the last vote was sent`,
    );
    if (acks.some((a) => !a.ok)) console.log('first refusal:', JSON.stringify(acks.find((a) => !a.ok)));
    members.forEach((m) => m.close());
    presenter.close();
    report({
      bench: 'poll-burst',
      clients: opts.clients,
      votes_sent: members.length,
      votes_counted: counted,
      votes_per_s: round(accepted / acceptSeconds, 0),
      tally_everywhere_ms: round(everywhereAt - lastSentAt, 0),
    });
  } finally {
    await room.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
