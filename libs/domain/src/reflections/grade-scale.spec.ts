import { findGrade, gradeScaleProblem } from './grade-scale';

const scale = [
  { key: 'good', label: 'Tốt', passing: true },
  { key: 'pass', label: 'Đạt', passing: true },
  { key: 'fail', label: 'Chưa đạt', passing: false },
];

describe('grade scale', () => {
  it('accepts a scale of distinct grades with at least one passing', () => {
    expect(gradeScaleProblem(scale)).toBeNull();
    expect(findGrade(scale, 'pass')).toEqual(scale[1]);
    expect(findGrade(scale, 'excellent')).toBeNull();
  });

  it('refuses a single grade, a key used twice, or a scale where nobody can pass', () => {
    expect(gradeScaleProblem(scale.slice(0, 1))).toBe('too_few');
    expect(gradeScaleProblem([...scale, { key: 'good', label: 'Giỏi', passing: true }])).toBe(
      'duplicate_key',
    );
    expect(gradeScaleProblem(scale.map((g) => ({ ...g, passing: false })))).toBe('none_passing');
  });
});
