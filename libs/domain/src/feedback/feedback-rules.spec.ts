import { answersProblem, feedbackOpen, tallyFeedback, type FeedbackQuestion } from './feedback-rules';

const questions: FeedbackQuestion[] = [
  { id: 'clarity', kind: 'rating', perPresenter: true },
  { id: 'discussion', kind: 'rating', perPresenter: false },
  { id: 'change', kind: 'text', perPresenter: false },
];

describe('feedback survey', () => {
  it('is open from its opening to its closing moment inclusive', () => {
    expect(feedbackOpen(10, 20, 10)).toBe(true);
    expect(feedbackOpen(10, 20, 20)).toBe(true);
    expect(feedbackOpen(10, 20, 21)).toBe(false);
    expect(feedbackOpen(10, 20, 9)).toBe(false);
  });

  it('takes ratings 1–5 and texts, per presenter where asked, and nothing else', () => {
    expect(
      answersProblem(questions, ['p1'], { clarity: { p1: 5 }, discussion: 3, change: 'Thêm thời gian' }),
    ).toBeNull();
    expect(answersProblem(questions, ['p1'], {})).toBeNull();
    expect(answersProblem(questions, ['p1'], { discussion: 6 })).toMatch(/^discussion/);
    expect(answersProblem(questions, ['p1'], { discussion: 2.5 })).toMatch(/^discussion/);
    expect(answersProblem(questions, ['p1'], { clarity: 4 })).toMatch(/per presenter/);
    expect(answersProblem(questions, ['p1'], { clarity: { p2: 4 } })).toMatch(/p2/);
    expect(answersProblem(questions, ['p1'], { who: 1 })).toMatch(/no such question/);
    expect(answersProblem(questions, ['p1'], { change: 3 })).toMatch(/a text/);
  });

  it('tallies per question and per presenter, with texts in a stable order', () => {
    const results = tallyFeedback(
      questions,
      ['p1', 'p2'],
      [
        { clarity: { p1: 5, p2: 3 }, discussion: 2, change: 'Ít slide hơn' },
        { clarity: { p1: 4 }, discussion: 4, change: 'Thêm thảo luận' },
        { discussion: 3, change: '' },
      ],
    );
    const of = (q: string, p: string | null = null) =>
      results.find((r) => r.questionId === q && r.presenterId === p)!;
    expect(of('clarity', 'p1').rating).toEqual({ count: 2, mean: 4.5, distribution: [0, 0, 0, 1, 1] });
    expect(of('clarity', 'p2').rating).toMatchObject({ count: 1, mean: 3 });
    expect(of('discussion').rating).toMatchObject({ count: 3, mean: 3 });
    expect(of('change').texts).toEqual(['Ít slide hơn', 'Thêm thảo luận']);
  });
});
