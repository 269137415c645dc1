import { channelsFor, countReach, reachOf, type ReachInput } from './reach';

const base: ReachInput = {
  email: 'an@example.vn',
  phone: null,
  channels: ['email', 'gateway'],
  invitationsSent: true,
  messages: [],
};

describe('reach', () => {
  it('uses the channels the member has an address for and the server can send through', () => {
    expect(channelsFor({ email: 'a@b.vn', phone: '0912000001' }, ['email', 'gateway'])).toEqual([
      'email',
      'gateway',
    ]);
    expect(channelsFor({ email: null, phone: '0912000001' }, ['email'])).toEqual([]);
  });

  it('counts a member reached once the invitation or a reminder went out on any channel', () => {
    expect(reachOf({ ...base, messages: [{ kind: 'invitation', status: 'sent' }] }).reach).toBe('reached');
    expect(
      reachOf({
        ...base,
        messages: [
          { kind: 'invitation', status: 'failed' },
          { kind: 'reminder_hour', status: 'sent' },
        ],
      }).reach,
    ).toBe('reached');
    // A notice of a move does not count as being invited.
    expect(reachOf({ ...base, messages: [{ kind: 'rescheduled', status: 'sent' }] }).reach).toBe('not_sent');
    // Nor does a reminder to hand in a reflection.
    expect(
      reachOf({
        ...base,
        messages: [
          { kind: 'invitation', status: 'failed' },
          { kind: 'reflection_early', status: 'sent' },
        ],
      }).reach,
    ).toBe('failed');
  });

  it('shows the invitation that failed even when reminders still wait', () => {
    const messages = [
      { kind: 'invitation', status: 'failed' },
      { kind: 'reminder_start', status: 'queued' },
    ] as const;
    expect(reachOf({ ...base, messages }).reach).toBe('failed');
    expect(reachOf({ ...base, messages: [{ kind: 'invitation', status: 'sending' }] }).reach).toBe('pending');
  });

  it('lists members nobody can send to as needing paper, and says why', () => {
    expect(reachOf({ ...base, email: null })).toEqual({ reach: 'needs_paper', paperReason: 'no_address' });
    expect(reachOf({ ...base, email: null, phone: '0912000001', channels: ['email'] })).toEqual({
      reach: 'needs_paper',
      paperReason: 'no_channel',
    });
    expect(reachOf({ ...base, invitationsSent: false }).reach).toBe('not_sent');
  });

  it('adds up a branch', () => {
    expect(countReach(['reached', 'reached', 'failed', 'needs_paper', 'pending', 'not_sent'])).toEqual({
      invited: 6,
      reached: 2,
      pending: 1,
      failed: 1,
      needsPaper: 1,
      notSent: 1,
    });
  });
});
