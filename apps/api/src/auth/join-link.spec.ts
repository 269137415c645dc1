import { joinLinkExpiry, signJoinLink, verifyJoinLink } from './join-link';

const secret = 'test-secret';
const claims = {
  memberId: 'cmember0000000000000000001',
  sessionId: 'csession000000000000000001',
  exp: 2_000_000_000,
};

describe('join links', () => {
  it('round-trips the member, session and expiry and stays short', () => {
    const token = signJoinLink(claims, secret);
    expect(token.length).toBeLessThan(100);
    expect(verifyJoinLink(token, secret, 1_900_000_000)).toEqual({ ok: true, claims });
  });

  it('rejects a tampered link or one signed with another key', () => {
    const token = signJoinLink(claims, secret);
    const otherMember = token.replace('cmember0000000000000000001', 'cmember0000000000000000002');
    expect(verifyJoinLink(otherMember, secret, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyJoinLink(token, 'other-secret', 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyJoinLink('garbage', secret, 0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('expires', () => {
    const token = signJoinLink(claims, secret);
    expect(verifyJoinLink(token, secret, 2_000_000_001)).toEqual({ ok: false, reason: 'expired' });
  });

  it('lasts a week past the end of the session', () => {
    expect(joinLinkExpiry(new Date('2026-01-01T10:00:00Z'))).toBe(Date.parse('2026-01-08T10:00:00Z') / 1000);
  });
});
