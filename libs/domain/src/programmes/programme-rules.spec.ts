import { adoptRefusal, commentRefusal, openRefusal, programmeProgress } from './programme-rules';

const now = new Date('2026-03-20T10:00:00Z');
const later = new Date(now.getTime() + 86_400_000);

describe('action programme', () => {
  it('opens a draft with actions for comments until a later moment', () => {
    expect(openRefusal('draft', 2, later, now)).toBeNull();
    expect(openRefusal('draft', 0, later, now)).toBe('programme_empty');
    expect(openRefusal('draft', 2, now, now)).toBe('closes_in_past');
    expect(openRefusal('open', 2, later, now)).toBe('programme_not_draft');
  });

  it('takes comments while open, up to and including the closing moment', () => {
    expect(commentRefusal('open', later, now)).toBeNull();
    expect(commentRefusal('open', now, now)).toBeNull();
    expect(commentRefusal('open', now, now.getTime() + 1)).toBe('comments_closed');
    expect(commentRefusal('draft', later, now)).toBe('comments_closed');
    expect(commentRefusal('adopted', later, now)).toBe('comments_closed');
  });

  it('adopts a programme that has actions, once', () => {
    expect(adoptRefusal('open', 1)).toBeNull();
    expect(adoptRefusal('draft', 1)).toBeNull();
    expect(adoptRefusal('adopted', 1)).toBe('programme_not_open');
    expect(adoptRefusal('open', 0)).toBe('programme_empty');
  });

  it('measures progress without counting cancelled actions, and what is overdue today', () => {
    const p = programmeProgress(
      [
        { status: 'done', dueDate: '2026-03-01' },
        { status: 'in_progress', dueDate: '2026-03-19' },
        { status: 'planned', dueDate: '2026-03-20' },
        { status: 'planned', dueDate: null },
        { status: 'cancelled', dueDate: '2026-01-01' },
      ],
      '2026-03-20',
    );
    expect(p).toMatchObject({ total: 5, done: 1, inProgress: 1, planned: 2, cancelled: 1, overdue: 1 });
    expect(p.doneShare).toBeCloseTo(1 / 4);
    expect(programmeProgress([], '2026-03-20').doneShare).toBeNull();
  });
});
