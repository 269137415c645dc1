/** @jest-environment jsdom */
import type { PollDraft } from '@hallbridge/contracts';
import { applyFact } from '@hallbridge/domain';
import { actors, draft, liveRoom } from '@hallbridge/domain/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordingConnection, snapshotOf } from '../../testing/live-factory';
import { renderView } from '../../testing/render-view';
import { PollAnswerCard } from './poll-answer-card';

/** A room with one poll opened by the presenter, built by the domain as the server builds it. */
function roomWithPoll(poll: Partial<PollDraft> & Pick<PollDraft, 'kind'>) {
  const live = liveRoom();
  live.run(actors.presenter, 'poll:save', { poll: draft(poll) });
  live.run(actors.presenter, 'poll:open', { pollId: 'id1' });
  return live;
}

function showCard(live: ReturnType<typeof liveRoom>) {
  const snapshot = snapshotOf(live.room, actors.an);
  const { connection, sent } = recordingConnection();
  const poll = snapshot.polls[0]!;
  renderView(<PollAnswerCard poll={poll} snapshot={snapshot} connection={connection} />);
  return { sent, poll };
}

const option = (name: string) => screen.getByRole('button', { name });
const pressed = () =>
  screen.getAllByRole('button', { pressed: true }).map((b) => b.textContent?.replace(/^[☑●]/, ''));

describe('a member’s poll card', () => {
  it.each([
    ['single choice', { kind: 'single' }, ['Tốt', 'Khá'], ['Khá'], ['b'], false],
    ['multiple choice', { kind: 'multiple' }, ['Tốt', 'Khá'], ['Tốt', 'Khá'], ['a', 'b'], true],
    [
      'a quiz with one right answer',
      { kind: 'quiz', correctOptionIds: ['b'] },
      ['Tốt', 'Khá'],
      ['Khá'],
      ['b'],
      false,
    ],
    [
      'a quiz with several right answers',
      { kind: 'quiz', correctOptionIds: ['a', 'c'] },
      ['Tốt', 'Trung bình'],
      ['Tốt', 'Trung bình'],
      ['a', 'c'],
      true,
    ],
    ['a rating', { kind: 'rating', options: [], ratingMax: 5 }, ['4', '5'], ['5'], ['5'], false],
  ] as const)(
    '%s: taps choose as the poll allows and the choice is sent',
    async (_, poll, taps, shown, answer, several) => {
      const { sent } = showCard(roomWithPoll(poll as Parameters<typeof roomWithPoll>[0]));
      expect(screen.queryByText('Có thể chọn nhiều phương án.') !== null).toBe(several);
      for (const tap of taps) await userEvent.click(option(tap));
      expect(pressed()).toEqual(shown);
      await userEvent.click(screen.getByRole('button', { name: 'Gửi trả lời' }));
      expect(sent).toEqual([{ name: 'poll:answer', payload: { pollId: 'id1', answer } }]);
    },
  );

  it('a quiz with several right answers lets a phone pick several without seeing which are right', () => {
    const { poll } = showCard(roomWithPoll({ kind: 'quiz', correctOptionIds: ['a', 'c'] }));
    expect(poll.correctOptionIds).toBeNull();
    expect(screen.getByText('Có thể chọn nhiều phương án.')).toBeTruthy();
  });

  it('a rating offers the values of its scale', () => {
    showCard(roomWithPoll({ kind: 'rating', options: [], ratingMax: 4 }));
    const group = screen.getByRole('group', { name: 'Các phương án' });
    expect([...group.querySelectorAll('button')].map((b) => b.textContent?.slice(1))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('a text poll sends what was typed, without the spaces around it', async () => {
    const { sent } = showCard(roomWithPoll({ kind: 'text', options: [] }));
    expect(screen.queryByRole('group', { name: 'Các phương án' })).toBeNull();
    const send = screen.getByRole('button', { name: 'Gửi trả lời' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Câu trả lời của đồng chí' }),
      '  Cần thêm ví dụ ',
    );
    await userEvent.click(send);
    expect(sent).toEqual([{ name: 'poll:answer', payload: { pollId: 'id1', answer: ['Cần thêm ví dụ'] } }]);
  });

  it('shows the answer sent and no second send when the poll does not allow a change', () => {
    const live = roomWithPoll({ kind: 'single' });
    live.run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['c'] });
    showCard(live);
    expect(screen.getByText('Đồng chí đã trả lời: Trung bình')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Gửi trả lời|Đổi câu trả lời/ })).toBeNull();
    expect(screen.getAllByRole('button').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
  });

  it('lets the answer be changed when the poll allows it, and only to a different one', async () => {
    const live = roomWithPoll({ kind: 'single', allowChange: true });
    live.run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['a'] });
    const { sent } = showCard(live);
    const change = screen.getByRole('button', { name: 'Đổi câu trả lời' }) as HTMLButtonElement;
    expect(change.disabled).toBe(true);
    await userEvent.click(option('Khá'));
    await userEvent.click(change);
    expect(sent).toEqual([{ name: 'poll:answer', payload: { pollId: 'id1', answer: ['b'] } }]);
  });

  it.each([
    ['right', ['a', 'c'], 'Chính xác!'],
    ['wrong', ['a'], 'Chưa chính xác.'],
  ] as const)('a quiz shown with its results tells a member who answered %s', (_, answer, verdict) => {
    const live = roomWithPoll({ kind: 'quiz', correctOptionIds: ['a', 'c'] });
    live.run(actors.an, 'poll:answer', { pollId: 'id1', answer: [...answer] });
    live.run(actors.presenter, 'poll:results', { pollId: 'id1', visible: true });
    showCard(live);
    expect(screen.getByTestId('poll-verdict').textContent).toContain(verdict);
    const right = screen
      .getAllByTestId('poll-option')
      .filter((b) => b.className.includes('poll-option--right'));
    expect(right.map((b) => b.textContent?.slice(1))).toEqual(['Tốt', 'Trung bình']);
  });

  it('after the session ends the poll reads closed and takes no answer', () => {
    const live = roomWithPoll({ kind: 'multiple' });
    // The REST state machine ends the session; the room folds that fact as the server does.
    applyFact(live.room, {
      seq: live.room.seq + 1,
      at: 2_000_000,
      actorKey: actors.organiser.key,
      fact: { type: 'session.state', state: 'ended' },
    });
    const { poll } = showCard(live);
    expect(poll.status).toBe('closed');
    expect(screen.getByText(/Đã đóng/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Gửi trả lời' })).toBeNull();
    expect(screen.getAllByTestId('poll-option').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
  });
});
