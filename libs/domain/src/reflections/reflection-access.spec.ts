import { canDraftProgramme, canReadProgramme, canReviewReflections } from './reflection-access';

const branch = '/root/district/b1/';
const other = '/root/district/b2/';
const actor = (role: 'organiser' | 'secretary' | 'presenter' | 'member', unitId: string) => ({
  role,
  unitId,
  userId: role === 'member' ? null : 'u',
});

describe('reflection and programme access', () => {
  it('lets a secretary review only their own branch, organisers their subtree', () => {
    expect(canReviewReflections(actor('secretary', 'b1'), branch)).toBe(true);
    expect(canReviewReflections(actor('secretary', 'b1'), other)).toBe(false);
    expect(canReviewReflections(actor('organiser', 'district'), other)).toBe(true);
    expect(canReviewReflections(actor('presenter', 'root'), branch)).toBe(false);
    expect(canReviewReflections(actor('member', 'b1'), branch)).toBe(false);
  });

  it('lets members read their own branch programme, secretaries draft theirs', () => {
    expect(canReadProgramme(actor('member', 'b1'), branch, branch)).toBe(true);
    expect(canReadProgramme(actor('member', 'b2'), other, branch)).toBe(false);
    expect(canDraftProgramme(actor('secretary', 'b1'), branch)).toBe(true);
    expect(canDraftProgramme(actor('secretary', 'b2'), branch)).toBe(false);
    expect(canDraftProgramme(actor('member', 'b1'), branch)).toBe(false);
    expect(canReadProgramme(actor('organiser', 'root'), '/root/', branch)).toBe(true);
  });
});
