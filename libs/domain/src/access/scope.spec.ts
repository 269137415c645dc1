import {
  canManageRoster,
  canManageSession,
  canManageUnit,
  canViewSession,
  isInvited,
  overseesSession,
  type Actor,
} from './scope';

// Province P with districts D1 (branches B1, B2) and D2 (branch B3).
const P = '/P/';
const D1 = '/P/D1/';
const B1 = '/P/D1/B1/';
const B2 = '/P/D1/B2/';
const B3 = '/P/D2/B3/';

const organiser: Actor = { role: 'organiser', unitId: 'P', userId: 'u-org' };
const districtOrganiser: Actor = { role: 'organiser', unitId: 'D1', userId: 'u-d1' };
const secretaryB1: Actor = { role: 'secretary', unitId: 'B1', userId: 'u-sec' };
const presenter: Actor = { role: 'presenter', unitId: 'P', userId: 'u-pres' };
const member: Actor = { role: 'member', unitId: 'B2', userId: null };

describe('organisational scope', () => {
  it('lets a secretary manage only their own branch roster', () => {
    expect(canManageRoster(secretaryB1, B1)).toBe(true);
    expect(canManageRoster(secretaryB1, B2)).toBe(false);
    expect(canManageRoster(secretaryB1, D1)).toBe(false);
  });

  it('lets organisers manage their subtree only', () => {
    expect(canManageUnit(districtOrganiser, B2)).toBe(true);
    expect(canManageUnit(districtOrganiser, B3)).toBe(false);
    expect(canManageUnit(districtOrganiser, P)).toBe(false);
    expect(canManageSession(organiser, D1)).toBe(true);
    expect(canManageUnit(secretaryB1, B1)).toBe(false);
  });

  it('treats an invitation as covering the invited unit and all below it', () => {
    expect(isInvited(B2, [D1])).toBe(true);
    expect(isInvited(B3, [D1])).toBe(false);
    expect(isInvited(B3, [D1, B3])).toBe(true);
  });

  it('shows a session to members of invited units only', () => {
    const session = { hostUnitPath: P, invitedUnitPaths: [B1, B2], presenterIds: ['u-pres'] };
    expect(canViewSession(member, B2, session)).toBe(true);
    expect(canViewSession(member, B2, { ...session, invitedUnitPaths: [B1] })).toBe(false);
    expect(canViewSession(secretaryB1, B1, session)).toBe(true);
    expect(canViewSession(presenter, P, session)).toBe(true);
    expect(canViewSession(presenter, P, { ...session, presenterIds: [] })).toBe(false);
    expect(canViewSession(districtOrganiser, D1, session)).toBe(true);
    expect(canViewSession(districtOrganiser, D1, { ...session, invitedUnitPaths: [B3] })).toBe(false);
  });

  it('shows a session to an organiser of a branch it invites, through any invitation above it', () => {
    const branchOrganiser: Actor = { role: 'organiser', unitId: 'B1', userId: 'u-b1' };
    const province = { hostUnitPath: P, invitedUnitPaths: [D1], presenterIds: [] };
    expect(canViewSession(branchOrganiser, B1, province)).toBe(true);
    expect(canViewSession(secretaryB1, B1, province)).toBe(true);
    expect(canViewSession(branchOrganiser, B1, { ...province, invitedUnitPaths: [B1] })).toBe(true);
    expect(canViewSession(branchOrganiser, B1, { ...province, invitedUnitPaths: [B2, B3] })).toBe(false);
    // Seeing it as an invited unit is not overseeing it: the live room treats them as the audience.
    expect(overseesSession(branchOrganiser, province)).toBe(false);
    expect(overseesSession(districtOrganiser, province)).toBe(true);
    expect(overseesSession(organiser, { ...province, invitedUnitPaths: [B3] })).toBe(true);
  });
});
