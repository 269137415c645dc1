import type { LiveAck } from '@hallbridge/contracts';
import type { LiveTestClient } from '../../test/support/live-client';

/** The options of the benchmarks' poll. */
export const CHOICES = ['a', 'b', 'c', 'd'];

/**
 * The presenter saves and opens a single-choice poll on CHOICES with its results shown to all;
 * resolves with its id once every member sees it open.
 */
export async function openPoll(presenter: LiveTestClient, members: LiveTestClient[]): Promise<string> {
  const options = CHOICES.map((id) => ({ id, label: `Phương án ${id.toUpperCase()}` }));
  await presenter.send('poll:save', {
    poll: { question: 'Đồng chí chọn phương án nào?', kind: 'single', options },
  });
  const pollId = (await presenter.until((s) => s.polls.length === 1)).polls[0]!.id;
  await presenter.send('poll:results', { pollId, visible: true });
  await presenter.send('poll:open', { pollId });
  await Promise.all(
    members.map((m) => m.until((s) => s.polls.some((p) => p.id === pollId && p.status === 'open'), 30_000)),
  );
  return pollId;
}

/** Every member answers `choose(i)`, the sends spread evenly over `windowMs`; times from performance.now(). */
export async function answerWithin(
  members: LiveTestClient[],
  pollId: string,
  choose: (i: number) => string,
  windowMs: number,
): Promise<{ acks: LiveAck[]; startedAt: number; lastSentAt: number; lastAckAt: number }> {
  const startedAt = performance.now();
  let lastSentAt = 0;
  let lastAckAt = 0;
  const acks = await Promise.all(
    members.map(async (m, i) => {
      await new Promise((r) => setTimeout(r, (i / members.length) * windowMs));
      lastSentAt = Math.max(lastSentAt, performance.now());
      const ack = await m.send('poll:answer', { pollId, answer: [choose(i)] });
      lastAckAt = Math.max(lastAckAt, performance.now());
      return ack;
    }),
  );
  return { acks, startedAt, lastSentAt, lastAckAt };
}
