import { evaluateYear, neededForTarget, type YearEntry } from './year-evaluation';

const entry = (
  status: YearEntry['attendance']['status'],
  reflection: YearEntry['reflection'] | 'off',
  required = true,
): YearEntry => ({
  attendance: { status, required },
  reflectionsOn: reflection !== 'off',
  reflection: reflection === 'off' ? null : reflection,
});

describe("the year's evaluation", () => {
  it("sums a member's sessions with the attendance rules, and reflections only where they were asked", () => {
    const y = evaluateYear([
      entry('present_online', { state: 'graded', gradeKey: 'good', passing: true }),
      entry('late', { state: 'submitted', gradeKey: null, passing: null }),
      entry('excused', null),
      entry('absent', 'off'),
    ]);
    expect(y.attendance).toMatchObject({ required: 4, attending: 2, excused: 1, absent: 1 });
    expect(y.reflections).toMatchObject({ required: 3, submitted: 2, graded: 1, byGrade: { good: 1 } });
    expect(y.reflectionsMeetTarget).toBeNull();
  });

  it("holds a branch's attendance and reflections against its target", () => {
    const graded = { state: 'graded' as const, gradeKey: 'pass', passing: true };
    const entries = [
      ...Array.from({ length: 19 }, () => entry('present_site', graded)),
      entry('absent', null),
    ];
    const y = evaluateYear(entries, 95);
    expect(y.attendance).toMatchObject({ rate: 0.95, meetsTarget: true });
    expect(y.reflectionsMeetTarget).toBe(true);
    expect(evaluateYear(entries, 96).reflectionsMeetTarget).toBe(false);
    expect(neededForTarget(20, 95)).toBe(19);
    expect(neededForTarget(3, 95.5)).toBe(3);
  });

  it('leaves exempt members out of the rates', () => {
    const y = evaluateYear([entry('absent', null, false)], 95);
    expect(y.attendance.required).toBe(0);
    expect(y.reflections.required).toBe(0);
    expect(y.reflectionsMeetTarget).toBeNull();
  });
});
