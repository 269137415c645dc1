import type { IncomingMessage } from 'node:http';
import { DomainError } from '@hallbridge/domain';
import { RateLimits } from '../cluster/rate-limits';
import { clientAddress, compileTrust } from '../common/client-address';
import { LIVE_LIMITS, LiveLimits } from './live-limits';

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  return null;
};

describe('live limits', () => {
  it('refuses a person past their limit with how long to wait, and nobody else', async () => {
    const limits = new LiveLimits(new RateLimits(null));
    const an = { personKey: 'm:an', address: '198.51.100.1' };
    for (let i = 0; i < LIVE_LIMITS.person.points; i++) await limits.admit(an);
    const refused = await refusal(limits.admit(an));
    expect(refused?.code).toBe('RATE_LIMITED');
    expect(refused!.params.retryAfterMs).toBeGreaterThan(0);
    expect(refused!.params.retryAfterMs).toBeLessThanOrEqual(LIVE_LIMITS.person.perSeconds * 1000);
    expect(await refusal(limits.admit({ personKey: 'm:binh', address: '198.51.100.1' }))).toBeNull();
  });

  it('refuses an address past its limit whoever sends, and spares other addresses', async () => {
    const limits = new LiveLimits(new RateLimits(null));
    const perPerson = LIVE_LIMITS.person.points;
    const people = Math.ceil(LIVE_LIMITS.address.points / perPerson);
    for (let p = 0; p < people; p++)
      for (let i = 0; i < perPerson; i++) await limits.admit({ personKey: `m:${p}`, address: '203.0.113.9' });
    const refused = await refusal(limits.admit({ personKey: 'm:fresh', address: '203.0.113.9' }));
    expect(refused?.code).toBe('RATE_LIMITED');
    expect(await refusal(limits.admit({ personKey: 'm:fresh', address: '203.0.113.10' }))).toBeNull();
  });

  it('counts chat and questions per person and per room, other commands not', async () => {
    const limits = new LiveLimits(new RateLimits(null));
    const an = { personKey: 'm:an', address: 'a' };
    for (let i = 0; i < LIVE_LIMITS.posts.points; i++) await limits.admitPost('chat:send', an, 'room-1');
    expect((await refusal(limits.admitPost('question:ask', an, 'room-2')))?.code).toBe('RATE_LIMITED');
    expect(await refusal(limits.admitPost('hand:raise', an, 'room-1'))).toBeNull();
    const others = Array.from({ length: LIVE_LIMITS.roomPosts.points }, (_, i) => ({
      personKey: `m:${i}`,
      address: 'b',
    }));
    for (const who of others) await limits.admitPost('chat:send', who, 'room-3');
    const full = await refusal(limits.admitPost('chat:send', { personKey: 'm:new', address: 'c' }, 'room-3'));
    expect(full?.code).toBe('RATE_LIMITED');
  });
});

describe('client address of a socket handshake', () => {
  const request = (remote: string, forwarded?: string) =>
    ({
      socket: { remoteAddress: remote },
      connection: { remoteAddress: remote },
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    }) as unknown as IncomingMessage;

  it('believes X-Forwarded-For only from a proxy TRUST_PROXY names', () => {
    const viaFront = request('127.0.0.1', '203.0.113.5');
    expect(clientAddress(viaFront, compileTrust(false))).toBe('127.0.0.1');
    expect(clientAddress(viaFront, compileTrust('loopback'))).toBe('203.0.113.5');
    expect(clientAddress(request('198.51.100.7', '203.0.113.5'), compileTrust('loopback'))).toBe(
      '198.51.100.7',
    );
    // A client naming itself behind the trusted front gets the address the front saw.
    expect(clientAddress(request('127.0.0.1', '10.9.9.9, 203.0.113.5'), compileTrust('loopback'))).toBe(
      '203.0.113.5',
    );
    expect(clientAddress(request('127.0.0.1', '10.9.9.9, 203.0.113.5'), compileTrust(1))).toBe('203.0.113.5');
  });
});
