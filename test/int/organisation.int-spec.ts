import { ApiClient } from '../support/api-client';
import { organisationFactory } from '../support/factories';
import { databases, startTestApp, type TestApp } from '../support/test-app';

describe.each(databases)('units, accounts and sites with scope checks on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let organiser: ApiClient;
  let districtOrganiser: ApiClient;
  let secretary: ApiClient;
  let presenter: ApiClient;

  beforeAll(async () => {
    app = await startTestApp(kind);
    org = await organisationFactory(app.prisma);
    const api = new ApiClient(app.url);
    const login = (username: string) => api.login(username, 'mat-khau-thu-nghiem');
    [organiser, districtOrganiser, secretary, presenter] = await Promise.all([
      login('tochuc'),
      login('huyen'),
      login('bithu1'),
      login('baocao'),
    ]);
  });
  afterAll(() => app?.close());

  it('shows each organiser the tree from their own unit down', async () => {
    const all = await organiser.get('/units');
    expect(all.body).toHaveLength(5);
    const district = await districtOrganiser.get('/units');
    expect(district.body.map((u: { code: string }) => u.code).sort()).toEqual(['CB1', 'CB2', 'HU-DONG']);
    const b1 = district.body.find((u: { code: string }) => u.code === 'CB1');
    expect(b1).toMatchObject({
      parentId: org.units.D1.id,
      kind: 'branch',
      memberCount: 2,
      participationTarget: 95,
    });
  });

  it('creates, renames, moves and deletes units, auditing each change', async () => {
    const created = await districtOrganiser.post('/units', {
      parentId: org.units.D1.id,
      name: 'Chi bộ Thôn 3',
      code: 'CB-T3',
      kind: 'branch',
    });
    expect(created.status).toBe(201);
    const renamed = await districtOrganiser.patch(`/units/${created.body.id}`, { name: 'Chi bộ Thôn Ba' });
    expect(renamed.body.name).toBe('Chi bộ Thôn Ba');

    // The district organiser cannot move it outside their subtree; the provincial one can.
    expect(
      (await districtOrganiser.patch(`/units/${created.body.id}`, { parentId: org.units.P.id })).status,
    ).toBe(404);
    const moved = await organiser.patch(`/units/${created.body.id}`, { parentId: org.units.P.id });
    expect(moved.status).toBe(200);
    expect((await districtOrganiser.get('/units')).body.map((u: { code: string }) => u.code)).not.toContain(
      'CB-T3',
    );

    expect((await organiser.delete(`/units/${created.body.id}`)).status).toBe(204);
    const audit = await organiser.get(`/audit?entityType=unit&entityId=${created.body.id}`);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual([
      'unit.deleted',
      'unit.moved',
      'unit.updated',
      'unit.created',
    ]);
    expect(audit.body[2]).toMatchObject({
      before: { name: 'Chi bộ Thôn 3' },
      after: { name: 'Chi bộ Thôn Ba' },
    });
  });

  it('moves a whole subtree and keeps scope right below it', async () => {
    const committee = await organiser.post('/units', {
      parentId: org.units.P.id,
      name: 'Đảng ủy Khối',
      code: 'DUK',
      kind: 'committee',
    });
    const branch = await organiser.post('/units', {
      parentId: committee.body.id,
      name: 'Chi bộ Khối 1',
      code: 'CBK1',
      kind: 'branch',
    });
    await organiser.patch(`/units/${committee.body.id}`, { parentId: org.units.D1.id });
    const seen = (await districtOrganiser.get('/units')).body.map((u: { code: string }) => u.code);
    expect(seen).toEqual(expect.arrayContaining(['DUK', 'CBK1']));
    expect((await organiser.patch(`/units/${committee.body.id}`, { parentId: branch.body.id })).status).toBe(
      409,
    );
  });

  it('refuses to delete a unit that still has members, and a duplicate code', async () => {
    const res = await organiser.delete(`/units/${org.units.B1.id}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONFLICT');
    const dup = await organiser.post('/units', {
      parentId: org.units.P.id,
      name: 'Trùng',
      code: 'cb1',
      kind: 'branch',
    });
    expect(dup.status).toBe(409);
  });

  it('keeps units and accounts away from secretaries and presenters', async () => {
    expect(
      (await secretary.post('/units', { parentId: org.units.B1.id, name: 'X', code: 'XX', kind: 'branch' }))
        .status,
    ).toBe(403);
    expect((await presenter.patch(`/units/${org.units.P.id}`, { name: 'X' })).status).toBe(403);
    expect((await secretary.get('/users')).status).toBe(403);
    expect((await secretary.get('/audit')).status).toBe(403);
  });

  it('creates staff accounts in scope, which can sign in, and deactivation locks them out at once', async () => {
    const created = await districtOrganiser.post('/users', {
      username: 'bithu2',
      password: 'mat-khau-moi-dai',
      displayName: 'Vũ Thị Hai',
      role: 'secretary',
      unitId: org.units.B2.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    const outside = await districtOrganiser.post('/users', {
      username: 'ngoai',
      password: 'mat-khau-moi-dai',
      displayName: 'Ngoài',
      role: 'secretary',
      unitId: org.units.B3.id,
    });
    expect(outside.status).toBe(404);

    const second = await new ApiClient(app.url).login('bithu2', 'mat-khau-moi-dai');
    expect((await second.get('/auth/me')).body.role).toBe('secretary');
    await districtOrganiser.patch(`/users/${created.body.id}`, { active: false });
    expect((await second.get('/auth/me')).status).toBe(401);
    expect(
      (await districtOrganiser.get('/users/presenters')).body.map((u: { username: string }) => u.username),
    ).toEqual(['baocao']);
  });

  it('pairs a district room screen once with its code', async () => {
    const site = await secretary.post('/sites', {
      unitId: org.units.B1.id,
      name: 'Hội trường xã',
      location: 'UBND xã',
    });
    expect(site.status).toBe(201);
    expect(site.body.pairingCode).toMatch(/^\d{8}$/);
    expect((await secretary.post('/sites', { unitId: org.units.B2.id, name: 'Không được' })).status).toBe(
      404,
    );

    const screen = new ApiClient(app.url);
    const paired = await screen.post('/auth/pair', { code: site.body.pairingCode });
    expect(paired.status).toBe(200);
    expect(paired.body.principal).toMatchObject({
      role: 'site',
      siteId: site.body.id,
      displayName: 'Hội trường xã',
    });
    expect((await screen.post('/auth/pair', { code: site.body.pairingCode })).body.code).toBe(
      'PAIRING_CODE_INVALID',
    );
    expect((await screen.post('/auth/pair', { code: '12' })).status).toBe(400);

    // Re-pairing another screen retires the first one's token.
    const fresh = await secretary.post(`/sites/${site.body.id}/pairing-code`);
    await screen.post('/auth/pair', { code: fresh.body.pairingCode });
    expect((await screen.as(paired.body.token).get('/auth/me')).status).toBe(401);
    expect((await secretary.get('/sites')).body[0]).toMatchObject({ paired: true, pairingCode: null });
  });
});
