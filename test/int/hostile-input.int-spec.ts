import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { type ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';

/**
 * Sends the head of a request (and `firstBytes` of its body) over a plain socket, and resolves with
 * the response the server gives without waiting for the rest: proof it refused before reading.
 */
function refusedBeforeBody(
  url: string,
  path: string,
  headers: Record<string, string>,
  firstBytes = '',
): Promise<{ status: number; body: any; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let raw = '';
    socket.on('connect', () => {
      const head = Object.entries({ Host: `${hostname}:${port}`, ...headers })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n');
      socket.write(`POST /api${path} HTTP/1.1\r\n${head}\r\n\r\n${firstBytes}`);
    });
    socket.on('data', (chunk) => (raw += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]);
      resolve({ status, body: body ? JSON.parse(body) : null, closed: /connection: close/i.test(head) });
    });
  });
}

describe.each(databases)('hostile input over REST on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let organiser: ApiClient;
  let secretary: ApiClient;
  let member: ApiClient;
  let sessionId: string;

  const issuePaths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path);

  beforeAll(async () => {
    app = await startTestApp(kind);
    org = await organisationFactory(app.prisma);
    const session = await invitedSession(app.url, org, 'Học tập Nghị quyết');
    sessionId = session.sessionId;
    organiser = session.organiser;
    member = session.api.as(session.tokens.an!);
    secretary = await session.api.login('bithu1', TEST_PASSWORD);
  });
  afterAll(() => app?.close());

  it('answers NUL bytes, lone surrogates and invisible names with a 400 naming the field', async () => {
    const base = { parentId: org.units.D1.id, code: 'CB9', kind: 'branch' };
    const nul = await organiser.post('/units', { ...base, name: 'Chi bộ\u0000 9' });
    expect(nul.status).toBe(400);
    expect(issuePaths(nul.body)).toEqual(['name']);
    const surrogate = await organiser.post('/units', { ...base, name: 'Chi bộ \ud800' });
    expect(surrogate.status).toBe(400);
    expect(issuePaths(surrogate.body)).toEqual(['name']);
    const invisible = await organiser.post('/members', { unitId: org.units.B1.id, fullName: '\u202E\u200B' });
    expect(invisible.status).toBe(400);
    expect(issuePaths(invisible.body)).toEqual(['fullName']);
    const search = await organiser.get('/members?q=%00');
    expect(search.status).toBe(400);
    expect(issuePaths(search.body)).toEqual(['q']);
  });

  it('refuses a %00 or otherwise broken id in the path with a 400 naming it', async () => {
    for (const path of ['/members/%00', `/sessions/a%00b`, '/decks/..%2F..%2Fetc/notes']) {
      const res = await organiser.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(issuePaths(res.body)).toEqual(['id']);
    }
    const undecodable = await organiser.get('/members/%E0%A4%A');
    expect(undecodable.status).toBe(400);
  });

  it('refuses a year-0000 date in a body and in a query with a 400 naming it', async () => {
    const res = await organiser.post('/sessions', {
      title: 'Năm không',
      hostUnitId: org.units.P.id,
      startsAt: '0000-01-01T00:00:00Z',
      endsAt: '0000-01-01T01:00:00Z',
    });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body).sort()).toEqual(['endsAt', 'startsAt']);
    const query = await organiser.get('/sessions?from=0000-01-01T00:00:00Z');
    expect(query.status).toBe(400);
    expect(issuePaths(query.body)).toEqual(['from']);
  });

  it('reports a CSV roster with a stray quote by its line, as a 400', async () => {
    const csv = 'Họ và tên,Chi bộ\nNguyễn Văn Một,CB1\n"Trần Văn Hai,CB1\n';
    const res = await organiser.upload('/members/import?dryRun=true', 'ds.csv', csv, 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details.errors).toEqual([
      expect.objectContaining({
        code: 'csv_malformed',
        row: expect.any(Number),
        message: expect.stringContaining('"'),
      }),
    ]);
  });

  it('answers a body the parser cannot read with a 4xx, never a 500', async () => {
    const koi8 = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=koi8-r' },
      body: '{}',
    });
    expect(koi8.status).toBe(415);
    const notBrotli = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'br' },
      body: '{}',
    });
    expect(notBrotli.status).toBe(400);
    const unknownEncoding = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'x-squash' },
      body: '{}',
    });
    expect(unknownEncoding.status).toBe(415);
    const brokenForm = await fetch(`${app.url}/api/members/import`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${organiser.token}`,
        'Content-Type': 'multipart/form-data; boundary=x',
      },
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nHọ và tên',
    });
    expect(brokenForm.status).toBe(400);
    const twoFiles = new FormData();
    twoFiles.append('file', new Blob(['a']), 'a.csv');
    twoFiles.append('file', new Blob(['b']), 'b.csv');
    const two = await organiser.request('POST', '/members/import', twoFiles);
    expect(two.status).toBeGreaterThanOrEqual(400);
    expect(two.status).toBeLessThan(500);
  });

  it('refuses a member’s 95 MB deck upload before reading it', async () => {
    const declared = String(95 * 1024 * 1024);
    const res = await refusedBeforeBody(app.url, `/sessions/${sessionId}/decks`, {
      Authorization: `Bearer ${member.token}`,
      'Content-Type': 'multipart/form-data; boundary=x',
      'Content-Length': declared,
    });
    expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' }, closed: true });
    // The same for reading materials, and for a roster import by someone who keeps no roster.
    const material = await refusedBeforeBody(app.url, `/sessions/${sessionId}/materials`, {
      Authorization: `Bearer ${secretary.token}`,
      'Content-Type': 'multipart/form-data; boundary=x',
      'Content-Length': declared,
    });
    expect(material).toMatchObject({ status: 403, closed: true });
    const roster = await refusedBeforeBody(app.url, '/members/import', {
      Authorization: `Bearer ${member.token}`,
      'Content-Type': 'multipart/form-data; boundary=x',
      'Content-Length': declared,
    });
    expect(roster).toMatchObject({ status: 403, closed: true });
  });

  it('refuses an upload by its declared size before reading it, and by counting when undeclared', async () => {
    const tooLarge = await refusedBeforeBody(app.url, '/members/import', {
      Authorization: `Bearer ${organiser.token}`,
      'Content-Type': 'multipart/form-data; boundary=x',
      'Content-Length': String(11 * 1024 * 1024),
    });
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' }, closed: true });
    expect(tooLarge.body.message).toContain('10 MB');

    // Chunked, no length: the byte counter stops it at the limit.
    const head = '--x\r\nContent-Disposition: form-data; name="file"; filename="ds.csv"\r\n\r\n';
    const chunks = async function* () {
      yield Buffer.from(head);
      for (let i = 0; i < 12; i++) yield Buffer.alloc(1024 * 1024, 0x61);
      yield Buffer.from('\r\n--x--\r\n');
    };
    const res = await fetch(`${app.url}/api/members/import?dryRun=true`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${organiser.token}`,
        'Content-Type': 'multipart/form-data; boundary=x',
      },
      body: Readable.toWeb(Readable.from(chunks())),
      duplex: 'half',
    } as RequestInit).catch((e: Error) => e);
    // The server answers 413 and closes; a client still sending may see the close first.
    if (res instanceof Response) expect(res.status).toBe(413);
    expect((await organiser.get('/auth/me')).status).toBe(200);
  });

  it('neutralises formulas in every CSV it writes (join links, attendance)', async () => {
    const name = '=HYPERLINK("http://lua-dao.example","Bấm vào đây")';
    expect((await organiser.post('/members', { unitId: org.units.B1.id, fullName: name })).status).toBe(201);
    for (const path of [`/sessions/${sessionId}/join-links.csv`, `/sessions/${sessionId}/attendance.csv`]) {
      const csv = (await organiser.get(path)).raw.toString('utf8');
      const cell = csv
        .split('\r\n')
        .flatMap((line) => line.split(','))
        .find((c) => c.includes('HYPERLINK'));
      expect({ path, cell: cell?.slice(0, 12) }).toEqual({ path, cell: `"'=HYPERLINK` });
    }
  });
});
