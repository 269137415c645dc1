import { isLocalAddress, scrapeAccess } from './metrics-access';

describe('who may scrape /metrics', () => {
  it('knows the operator networks from public ones', () => {
    for (const a of [
      '127.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      '10.1.2.3',
      '172.16.0.9',
      '192.168.1.20',
      'fd00::5',
    ])
      expect(isLocalAddress(a)).toBe(true);
    for (const a of ['8.8.8.8', '172.32.0.1', '100.64.0.1', '2001:db8::1', '::ffff:8.8.8.8', '', 'nonsense'])
      expect(isLocalAddress(a)).toBe(false);
  });

  it('without a token: local clients only, including every address a proxy forwarded for', () => {
    expect(scrapeAccess({ ip: '10.0.0.7', headers: {} }, null)).toBe('ok');
    expect(scrapeAccess({ ip: '203.0.113.9', headers: {} }, null)).toBe('forbidden');
    // A load balancer on the LAN that passes a public client's address along.
    expect(
      scrapeAccess({ ip: '10.0.0.2', headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.2' } }, null),
    ).toBe('forbidden');
  });

  it('with METRICS_TOKEN: the bearer token from anywhere, nothing without it', () => {
    const token = 'prometheus-scrape-token';
    expect(scrapeAccess({ ip: '203.0.113.9', headers: { authorization: `Bearer ${token}` } }, token)).toBe(
      'ok',
    );
    expect(scrapeAccess({ ip: '127.0.0.1', headers: {} }, token)).toBe('unauthenticated');
    expect(scrapeAccess({ ip: '127.0.0.1', headers: { authorization: 'Bearer wrong' } }, token)).toBe(
      'unauthenticated',
    );
  });
});
