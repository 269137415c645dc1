import { type DomainError } from '../domain-error';
import { draft, liveRoom, actors } from './live-room.factory';
import { snapshotFor } from './projection';
import { answerChoices, isCorrect, picksSeveral, quizScore, sameAnswer, tallyPoll } from './poll-rules';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
};

describe('poll tallies and quiz scores', () => {
  it('counts device answers and room show-of-hands apart', () => {
    const { room, run } = liveRoom();
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) });
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['a'] });
    run(actors.binh, 'poll:answer', { pollId: 'id1', answer: ['b'] });
    run(actors.site, 'poll:site-count', { pollId: 'id1', counts: { a: 7, c: 2 } });
    const tally = tallyPoll(room.polls.get('id1')!, room.answers.get('id1'), room.siteCounts.get('id1'));
    expect(tally).toMatchObject({
      respondents: 2,
      counts: { a: 1, b: 1, c: 0 },
      siteCounts: { a: 7, b: 0, c: 2 },
      sitesReporting: 1,
    });

    // A room that corrects its count replaces it rather than adding to it.
    run(actors.site, 'poll:site-count', { pollId: 'id1', counts: { a: 6 } });
    expect(
      tallyPoll(room.polls.get('id1')!, room.answers.get('id1'), room.siteCounts.get('id1')).siteCounts,
    ).toEqual({ a: 6, b: 0, c: 0 });
  });

  it('takes one answer per member unless the poll allows a change', () => {
    const { room, run } = liveRoom();
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) });
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single', allowChange: true }) });
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['a'] });
    expect(codeOf(() => run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['b'] }))).toBe('CONFLICT');
    run(actors.presenter, 'poll:open', { pollId: 'id2' });
    expect(room.polls.get('id1')!.status).toBe('closed');
    run(actors.an, 'poll:answer', { pollId: 'id2', answer: ['a'] });
    run(actors.an, 'poll:answer', { pollId: 'id2', answer: ['c'] });
    expect(tallyPoll(room.polls.get('id2')!, room.answers.get('id2'), undefined).counts).toEqual({
      a: 0,
      b: 0,
      c: 1,
    });
    expect(codeOf(() => run(actors.binh, 'poll:answer', { pollId: 'id1', answer: ['a'] }))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('checks answers against the kind of poll', () => {
    const { run } = liveRoom();
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) });
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'rating', options: [], ratingMax: 5 }) });
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    expect(codeOf(() => run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['a', 'b'] }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['z'] }))).toBe(
      'VALIDATION_FAILED',
    );
    run(actors.presenter, 'poll:open', { pollId: 'id2' });
    expect(codeOf(() => run(actors.an, 'poll:answer', { pollId: 'id2', answer: ['6'] }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => run(actors.an, 'poll:answer', { pollId: 'id2', answer: ['2.5'] }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('averages a rating over devices and rooms', () => {
    const { room, run } = liveRoom();
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'rating', options: [], ratingMax: 5 }) });
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['5'] });
    run(actors.site, 'poll:site-count', { pollId: 'id1', counts: { '4': 2, '1': 1 } });
    const tally = tallyPoll(room.polls.get('id1')!, room.answers.get('id1'), room.siteCounts.get('id1'));
    expect(tally.ratingMean).toBe(3.5);
    expect(tally.counts).toEqual({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 });
  });

  it('keeps open-text answers, newest first', () => {
    const { room, run } = liveRoom();
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'text', options: [] }) });
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    run(actors.an, 'poll:answer', { pollId: 'id1', answer: [' Cần thêm ví dụ thực tế '] });
    run(actors.binh, 'poll:answer', { pollId: 'id1', answer: ['Rất bổ ích'] });
    expect(tallyPoll(room.polls.get('id1')!, room.answers.get('id1'), undefined).texts).toEqual([
      'Rất bổ ích',
      'Cần thêm ví dụ thực tế',
    ]);
  });

  it('scores quiz answers once the right answer is revealed, exact sets only', () => {
    const { room, run } = liveRoom();
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'quiz', correctOptionIds: ['b'] }) });
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'quiz', correctOptionIds: ['a', 'c'] }) });
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['b'] });
    run(actors.binh, 'poll:answer', { pollId: 'id1', answer: ['a'] });
    run(actors.presenter, 'poll:open', { pollId: 'id2' });
    run(actors.an, 'poll:answer', { pollId: 'id2', answer: ['c', 'a'] });
    run(actors.binh, 'poll:answer', { pollId: 'id2', answer: ['a'] });
    expect(quizScore(room.polls.values(), room.answers, 'm:an')).toBe(0);
    run(actors.presenter, 'poll:results', { pollId: 'id1', visible: true });
    expect(quizScore(room.polls.values(), room.answers, 'm:an')).toBe(1);
    run(actors.presenter, 'poll:results', { pollId: 'id2', visible: true });
    expect(quizScore(room.polls.values(), room.answers, 'm:an')).toBe(2);
    expect(quizScore(room.polls.values(), room.answers, 'm:binh')).toBe(0);
  });
});

describe('what an answer is made of', () => {
  it('lets a quiz with several right options be answered with several, and a one-answer quiz with one', () => {
    const several = { kind: 'quiz' as const, correctOptionIds: ['a', 'c'] };
    expect(picksSeveral(several)).toBe(true);
    expect(picksSeveral({ kind: 'quiz', correctOptionIds: ['b'] })).toBe(false);
    expect(picksSeveral({ kind: 'multiple', correctOptionIds: null })).toBe(true);
    expect(picksSeveral({ kind: 'single', correctOptionIds: null })).toBe(false);
    // Until results are shown, members see the quiz without its answer: still one choice then.
    expect(picksSeveral({ kind: 'quiz', correctOptionIds: null })).toBe(false);

    const { room, run } = liveRoom();
    run(actors.presenter, 'poll:save', {
      poll: draft({ kind: 'quiz', correctOptionIds: ['a', 'c'] }),
    });
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    run(actors.an, 'poll:answer', { pollId: 'id1', answer: ['c', 'a'] });
    expect(room.answers.get('id1')!.get('m:an')).toEqual(['a', 'c']);
    expect(isCorrect(room.polls.get('id1')!, ['c', 'a'])).toBe(true);
    expect(isCorrect(room.polls.get('id1')!, ['a'])).toBe(false);
    // Members see the quiz without its right options, and are told they may pick several.
    const seen = snapshotFor(room, { key: 'm:an', audience: 'public' }).polls[0]!;
    expect(seen).toMatchObject({ correctOptionIds: null, severalAnswers: true });
  });

  it('lists the options, or a rating scale 1..max, or nothing for text', () => {
    const options = [
      { id: 'a', label: 'Có' },
      { id: 'b', label: 'Không' },
    ];
    expect(answerChoices({ kind: 'single', options, ratingMax: null })).toEqual(options);
    expect(answerChoices({ kind: 'rating', options: [], ratingMax: 3 }).map((c) => c.label)).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(answerChoices({ kind: 'rating', options: [], ratingMax: null })).toHaveLength(5);
    expect(answerChoices({ kind: 'text', options, ratingMax: null })).toEqual([]);
    expect(sameAnswer(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(sameAnswer(['a'], ['a', 'b'])).toBe(false);
  });
});
