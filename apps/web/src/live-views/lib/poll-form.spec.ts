import { PollDraft } from '@hallbridge/contracts';
import { emptyPollForm, nextOptionId, toPollDraft } from './poll-form';

describe('toPollDraft', () => {
  it('builds a draft the contract accepts, leaving blank options out', () => {
    const form = emptyPollForm('single');
    form.question = '  Đồng chí đã đọc nghị quyết chưa? ';
    form.options = [
      { id: 'a', label: 'Rồi' },
      { id: 'b', label: ' ' },
      { id: 'c', label: 'Chưa' },
    ];
    const result = toPollDraft(form);
    expect('draft' in result && result.draft).toMatchObject({
      question: 'Đồng chí đã đọc nghị quyết chưa?',
      options: [
        { id: 'a', label: 'Rồi' },
        { id: 'c', label: 'Chưa' },
      ],
      ratingMax: null,
      correctOptionIds: null,
    });
    expect(PollDraft.safeParse('draft' in result && result.draft).success).toBe(true);
  });

  it('says what is missing', () => {
    expect(toPollDraft(emptyPollForm())).toEqual({ problem: 'question' });
    const one = { ...emptyPollForm(), question: 'Q', options: [{ id: 'a', label: 'A' }] };
    expect(toPollDraft(one)).toEqual({ problem: 'options' });
    const quiz = {
      ...emptyPollForm('quiz'),
      question: 'Q',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    expect(toPollDraft(quiz)).toEqual({ problem: 'correct' });
    expect(toPollDraft({ ...quiz, correct: ['b'] })).toMatchObject({ draft: { correctOptionIds: ['b'] } });
  });

  it('sends rating and text polls without options', () => {
    const rating = toPollDraft({ ...emptyPollForm('rating'), question: 'Q', ratingMax: 4 });
    expect(rating).toMatchObject({ draft: { options: [], ratingMax: 4 } });
    const text = toPollDraft({ ...emptyPollForm('text'), question: 'Q' });
    expect(text).toMatchObject({ draft: { options: [], ratingMax: null } });
  });
});

describe('nextOptionId', () => {
  it('reuses the first free letter', () => {
    expect(
      nextOptionId([
        { id: 'a', label: '' },
        { id: 'c', label: '' },
      ]),
    ).toBe('b');
  });
});
