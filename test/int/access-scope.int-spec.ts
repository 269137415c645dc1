import type { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';

/** Scope holes found by trying the product: each case here was a 2xx (or a 500) before. */
describe.each(databases)('scope of accounts, attendance marks and sessions on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let organiser: ApiClient;
  let districtOrganiser: ApiClient;
  let secretary: ApiClient;
  let sessionId: string;
  const sites: Record<'B1' | 'B2' | 'D1', string> = { B1: '', B2: '', D1: '' };

  beforeAll(async () => {
    app = await startTestApp(kind);
    org = await organisationFactory(app.prisma);
    const session = await invitedSession(app.url, org, 'Hội nghị của tỉnh');
    sessionId = session.sessionId;
    organiser = session.organiser;
    districtOrganiser = await session.api.login('huyen', TEST_PASSWORD);
    secretary = await session.api.login('bithu1', TEST_PASSWORD);
    for (const unit of ['B1', 'B2', 'D1'] as const)
      sites[unit] = (
        await organiser.post('/sites', { unitId: org.units[unit].id, name: `Phòng ${unit}` })
      ).body.id;
  });
  afterAll(() => app?.close());

  const account = (unitId: string, memberId: string, username: string) => ({
    username,
    password: TEST_PASSWORD,
    displayName: username,
    role: 'secretary',
    unitId,
    memberId,
  });

  it('links an account only to a member of its own unit; an unknown member is a 404, not a 500', async () => {
    const foreign = await districtOrganiser.post(
      '/users',
      account(org.units.B1.id, org.members.cuong.id, 'muon-ten'),
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toEqual({ memberId: org.members.cuong.id });
    const outside = await districtOrganiser.post(
      '/users',
      account(org.units.B1.id, org.members.dung.id, 'ngoai'),
    );
    expect(outside.status).toBe(404);
    const unknown = await districtOrganiser.post(
      '/users',
      account(org.units.B1.id, 'khong-co-ai', 'khong-co'),
    );
    expect(unknown.status).toBe(404);
    const own = await districtOrganiser.post(
      '/users',
      account(org.units.B1.id, org.members.an.id, 'an-bithu'),
    );
    expect(own.status).toBe(201);
    expect(own.body.memberId).toBe(org.members.an.id);
  });

  it('lets a secretary count guests only in rooms of their own branch', async () => {
    const other = await secretary.request('PUT', `/sessions/${sessionId}/attendance/guests/${sites.B2}`, {
      count: 40,
    });
    expect(other.status).toBe(404);
    const district = await secretary.request('PUT', `/sessions/${sessionId}/attendance/guests/${sites.D1}`, {
      count: 40,
    });
    expect(district.status).toBe(404);
    const own = await secretary.request('PUT', `/sessions/${sessionId}/attendance/guests/${sites.B1}`, {
      count: 3,
    });
    expect(own.status).toBe(200);
    // The organiser running the session counts any room that takes part.
    expect(
      (await organiser.request('PUT', `/sessions/${sessionId}/attendance/guests/${sites.B2}`, { count: 7 }))
        .status,
    ).toBe(200);
  });

  it('lets a secretary tick members into their own room or the district hall above, not another branch’s', async () => {
    const tick = (siteId: string, at?: string) =>
      secretary.post(`/sessions/${sessionId}/attendance/check-ins`, {
        memberId: org.members.an.id,
        siteId,
        at,
      });
    expect((await tick(sites.B2)).status).toBe(404);
    expect((await tick(sites.D1)).status).toBe(201);
    expect((await tick(sites.B1)).status).toBe(201);
  });

  it('refuses ticks dated outside the session (2020, 2099), naming the field', async () => {
    const tick = (at: string) =>
      secretary.post(`/sessions/${sessionId}/attendance/check-ins`, {
        memberId: org.members.binh.id,
        siteId: sites.B1,
        at,
      });
    for (const at of ['2020-01-01T08:00:00Z', '2099-01-01T08:00:00Z']) {
      const res = await tick(at);
      expect({ at, status: res.status }).toEqual({ at, status: 400 });
      expect(res.body.issues).toEqual([expect.objectContaining({ path: 'at' })]);
    }
    const inside = await tick(new Date(Date.now() - 30 * 60_000).toISOString());
    expect(inside.status).toBe(201);
    const out = await secretary.post(
      `/sessions/${sessionId}/attendance/check-ins/${inside.body.id}/check-out`,
      {
        at: '2099-06-01T00:00:00Z',
      },
    );
    expect(out.status).toBe(400);
    const beforeArrival = await secretary.post(
      `/sessions/${sessionId}/attendance/check-ins/${inside.body.id}/check-out`,
      { at: new Date(Date.now() - 45 * 60_000).toISOString() },
    );
    expect(beforeArrival.status).toBe(400);
  });

  it('shows a province session to the organiser of a branch it invites, as its secretary sees it', async () => {
    const created = await organiser.post('/users', {
      username: 'tochuc-thon1',
      password: TEST_PASSWORD,
      displayName: 'Tổ chức Thôn 1',
      role: 'organiser',
      unitId: org.units.B1.id,
    });
    expect(created.status).toBe(201);
    const branchOrganiser = await organiser.as(null).login('tochuc-thon1', TEST_PASSWORD);
    expect((await branchOrganiser.get(`/sessions/${sessionId}`)).status).toBe(200);
    expect((await branchOrganiser.get('/sessions')).body.map((s: { id: string }) => s.id)).toContain(
      sessionId,
    );
    const report = await branchOrganiser.get(`/sessions/${sessionId}/attendance`);
    expect(report.status).toBe(200);
    expect(report.body.wholeSession).toBe(false);
    expect(new Set(report.body.members.map((m: { unitId: string }) => m.unitId))).toEqual(
      new Set([org.units.B1.id]),
    );
    // Seeing is not running: the session's transitions stay with the host's organisers.
    expect(
      (await branchOrganiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' })).status,
    ).toBe(403);
  });
});
