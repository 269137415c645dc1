import { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { databases, startTestApp, type TestApp } from '../support/test-app';

/** Headers, the API's map, sign-in throttling and the trusted proxy: none of it depends on the database. */
const kind = databases[0]!;

const from = (address: string) => ({ 'X-Forwarded-For': address });

async function login(url: string, username: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe(`the HTTP edge behind a trusted proxy (TRUST_PROXY=loopback) on ${kind}`, () => {
  let app: TestApp;
  let organiser: ApiClient;
  let secretary: ApiClient;

  beforeAll(async () => {
    app = await startTestApp(kind, { TRUST_PROXY: 'loopback' });
    await organisationFactory(app.prisma);
    organiser = await new ApiClient(app.url).login('tochuc', TEST_PASSWORD);
    secretary = await new ApiClient(app.url).login('bithu1', TEST_PASSWORD);
  });
  afterAll(() => app?.close());

  it('sends the security headers on pages and calls, and HSTS only over HTTPS', async () => {
    const res = await fetch(`${app.url}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('blob:');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const tls = await fetch(`${app.url}/api/health`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('serves the OpenAPI document to the machine itself and to organisers only', async () => {
    expect((await fetch(`${app.url}/api/docs-json`)).status).toBe(200);
    const stranger = await fetch(`${app.url}/api/docs-json`, { headers: from('203.0.113.7') });
    expect(stranger.status).toBe(401);
    expect((await fetch(`${app.url}/api/docs`, { headers: from('203.0.113.7') })).status).toBe(401);
    const asSecretary = await fetch(`${app.url}/api/docs-json`, {
      headers: { ...from('203.0.113.7'), Authorization: `Bearer ${secretary.token}` },
    });
    expect(asSecretary.status).toBe(403);
    const asOrganiser = await fetch(`${app.url}/api/docs-json`, {
      headers: { ...from('203.0.113.7'), Authorization: `Bearer ${organiser.token}` },
    });
    expect(asOrganiser.status).toBe(200);
    expect(Object.keys((await asOrganiser.json()).paths)).toContain('/api/health');
  });

  it('slows down wrong passwords from one address while the owner signs in from another', async () => {
    const attacker = from('198.51.100.66');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await login(app.url, 'baocao', 'sai-mat-khau', attacker)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toContain(429);
    const refused = await login(app.url, 'baocao', TEST_PASSWORD, attacker);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The owner, elsewhere, is not held up at all.
    expect((await login(app.url, 'baocao', TEST_PASSWORD, from('192.0.2.10'))).status).toBe(200);
  });

  it('never keeps an account’s owner out, even when the account is hammered from many addresses', async () => {
    expect((await login(app.url, 'huyen', TEST_PASSWORD, from('192.0.2.20'))).status).toBe(200);
    for (let i = 0; i < 30; i++) await login(app.url, 'huyen', 'sai', from(`198.51.100.${i + 1}`));
    // A stranger's address now waits on the account-wide throttle; the owner's usual one does not.
    expect((await login(app.url, 'huyen', TEST_PASSWORD, from('198.51.100.200'))).status).toBe(429);
    expect((await login(app.url, 'huyen', TEST_PASSWORD, from('192.0.2.20'))).status).toBe(200);
  });
});
