import { participantIds, participantKey } from './live-actor';

describe('participant keys', () => {
  it('name one person or room, and give their ids back', () => {
    expect(participantKey({ memberId: 'mem1', userId: 'usr1' })).toBe('m:mem1');
    expect(participantKey({ siteId: 'site1', userId: 'usr1' })).toBe('s:site1');
    expect(participantIds(participantKey({ memberId: 'mem1' }))).toEqual({
      memberId: 'mem1',
      userId: null,
      siteId: null,
    });
    expect(participantIds(participantKey({ userId: 'usr1' }))).toEqual({
      memberId: null,
      userId: 'usr1',
      siteId: null,
    });
    expect(participantIds('s:site1').siteId).toBe('site1');
    expect(() => participantKey({})).toThrow();
  });
});
