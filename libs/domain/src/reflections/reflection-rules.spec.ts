import {
  acceptsSave,
  isHandedIn,
  reconcileLocalDraft,
  reflectionClosedReason,
  reviewRefusal,
  stateAfterReview,
  submitRefusal,
} from './reflection-rules';

const deadline = new Date('2026-03-20T10:00:00.000Z');
const at = (offsetMs: number) => ({ enabled: true, deadline, now: deadline.getTime() + offsetMs });

describe('reflection deadlines', () => {
  it('accepts edits before the deadline and at the deadline itself, refuses them after', () => {
    expect(reflectionClosedReason('draft', at(-60_000))).toBeNull();
    expect(reflectionClosedReason(null, at(0))).toBeNull();
    expect(reflectionClosedReason('draft', at(1))).toBe('after_deadline');
    expect(reflectionClosedReason('submitted', at(0))).toBeNull();
    expect(reflectionClosedReason('submitted', at(1))).toBe('after_deadline');
  });

  it('closes a graded reflection whatever the time, and reopens one sent back for revision', () => {
    expect(reflectionClosedReason('graded', at(-3600_000))).toBe('graded');
    expect(reflectionClosedReason('revision_requested', at(7 * 86_400_000))).toBeNull();
  });

  it('refuses everything while reflections are off', () => {
    expect(reflectionClosedReason(null, { ...at(-1), enabled: false })).toBe('reflections_off');
  });

  it('submits only text long enough, before the deadline, and only again when it changed', () => {
    const base = {
      state: 'draft' as const,
      window: at(-1),
      words: 300,
      minWords: 300,
      changedSinceSubmit: true,
    };
    expect(submitRefusal(base)).toBeNull();
    expect(submitRefusal({ ...base, words: 299 })).toBe('too_short');
    expect(submitRefusal({ ...base, window: at(0) })).toBeNull();
    expect(submitRefusal({ ...base, window: at(1) })).toBe('after_deadline');
    expect(submitRefusal({ ...base, state: 'submitted', changedSinceSubmit: false })).toBe(
      'already_submitted',
    );
    expect(submitRefusal({ ...base, state: 'submitted' })).toBeNull();
    expect(submitRefusal({ ...base, state: 'graded' })).toBe('graded');
    expect(submitRefusal({ ...base, state: 'revision_requested', window: at(86_400_000) })).toBeNull();
  });
});

describe('autosave versions', () => {
  it('takes a save only on the version it was written on', () => {
    expect(acceptsSave(3, 3)).toBe(true);
    expect(acceptsSave(4, 3)).toBe(false);
    expect(acceptsSave(3, 4)).toBe(false);
  });

  it('sends a local copy made on the current version, and never lets an old one win', () => {
    expect(reconcileLocalDraft(null, { version: 2, body: '<p>a</p>' })).toBe('discard');
    expect(reconcileLocalDraft({ baseVersion: 2, body: '<p>a</p>' }, { version: 2, body: '<p>a</p>' })).toBe(
      'discard',
    );
    expect(reconcileLocalDraft({ baseVersion: 2, body: '<p>ab</p>' }, { version: 2, body: '<p>a</p>' })).toBe(
      'keep_and_send',
    );
    expect(
      reconcileLocalDraft({ baseVersion: 1, body: '<p>old</p>' }, { version: 2, body: '<p>a</p>' }),
    ).toBe('server_is_newer');
  });
});

describe('review', () => {
  it('reviews what was submitted (or corrects a grade), nothing else', () => {
    expect(reviewRefusal('submitted')).toBeNull();
    expect(reviewRefusal('graded')).toBeNull();
    expect(reviewRefusal('draft')).toBe('not_submitted');
    expect(reviewRefusal('revision_requested')).toBe('not_submitted');
    expect(reviewRefusal(null)).toBe('not_submitted');
    expect(stateAfterReview('grade')).toBe('graded');
    expect(stateAfterReview('revise')).toBe('revision_requested');
  });

  it('counts a reflection as handed in once submitted, also while revised and once graded', () => {
    expect(
      [null, 'draft', 'submitted', 'revision_requested', 'graded'].map((s) => isHandedIn(s as never)),
    ).toEqual([false, false, true, true, true]);
  });
});
