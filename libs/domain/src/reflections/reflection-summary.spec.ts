import {
  summarizeReflections,
  summarizeReflectionsByUnit,
  type ReflectionOutcome,
} from './reflection-summary';

const o = (
  state: ReflectionOutcome['state'],
  grade: string | null = null,
  passing: boolean | null = null,
  required = true,
) => ({
  required,
  state,
  gradeKey: grade,
  passing,
});

describe('reflection rates', () => {
  it('counts handed-in reflections of required members against the required, grades against the handed in', () => {
    const s = summarizeReflections([
      o('graded', 'good', true),
      o('graded', 'fail', false),
      o('graded', 'good', true),
      o('submitted'),
      o('revision_requested'),
      o('draft'),
      o(null),
      o(null),
      o('graded', 'good', true, false),
    ]);
    expect(s).toMatchObject({
      required: 8,
      submitted: 5,
      drafts: 1,
      awaitingReview: 1,
      revisionRequested: 1,
      graded: 3,
      passing: 2,
      byGrade: { good: 2, fail: 1 },
      voluntary: 1,
    });
    expect(s.submissionRate).toBeCloseTo(5 / 8);
    expect(s.gradedRate).toBeCloseTo(3 / 5);
    expect(s.passRate).toBeCloseTo(2 / 3);
  });

  it('leaves rates empty rather than dividing by zero', () => {
    expect(summarizeReflections([])).toMatchObject({
      submissionRate: null,
      gradedRate: null,
      passRate: null,
    });
    expect(summarizeReflections([o(null)])).toMatchObject({ submissionRate: 0, gradedRate: null });
  });

  it('keeps every listed branch, in order, even one where nobody wrote', () => {
    const rows = [
      { unitId: 'b2', outcome: o('submitted') },
      { unitId: 'b9', outcome: o('draft') },
    ];
    expect(
      summarizeReflectionsByUnit(rows, ['b1', 'b2']).map((b) => [b.unitId, b.submitted, b.required]),
    ).toEqual([
      ['b1', 0, 0],
      ['b2', 1, 1],
      ['b9', 0, 1],
    ]);
  });
});
