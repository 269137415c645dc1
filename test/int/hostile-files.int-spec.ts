import type { Deck } from '@hallbridge/contracts';
import { get, request } from 'node:http';
import { type ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import {
  malformedPdfs,
  manyPagesPdf,
  manyRowsXlsx,
  mismatchedFiles,
  zipBombPptx,
  zipBombXlsx,
} from '../support/hostile-files';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

/**
 * Sends a file as multipart form field "file" and reads the answer even when the server gives it
 * before the whole body is sent (a refusal by size or permission closes the connection early, which
 * fetch reports only as a reset).
 */
function postFile(
  baseUrl: string,
  token: string,
  path: string,
  fileName: string,
  data: Buffer,
): Promise<{ status: number; body: any }> {
  const boundary = `hb${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const body = Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/api${path}`, {
      method: 'POST',
      agent: false,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(body.length),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : text });
      });
    });
    // Writing may fail once the server has answered and closed; the answer is what counts.
    req.on('error', (e) => setTimeout(() => reject(e), 1000));
    req.end(body);
  });
}

/**
 * GET /api/health/live on a connection of its own: a kept-alive connection the server closed while
 * the machine was busy would fail with a reset that says nothing about the server.
 */
function health(baseUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${baseUrl}/api/health/live`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

/**
 * Files a hostile user uploads (issue 11): each is refused with a 4xx that says why, or becomes a
 * deck marked failed with a reason; the server keeps answering meanwhile and afterwards.
 */
describe.each(databases)('hostile files on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let organiser: ApiClient;
  let secretary: ApiClient;
  let sessionId: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    org = await organisationFactory(app.prisma);
    const session = await invitedSession(app.url, org, 'Tệp độc hại');
    sessionId = session.sessionId;
    organiser = session.organiser;
    secretary = await session.api.login('bithu1', TEST_PASSWORD);
  });
  afterAll(() => app?.close());

  const healthy = async () => expect(await health(app.url)).toBe(200);

  /** Uploads a deck and waits until its conversion has failed (or, wrongly, succeeded). */
  const deckOutcome = async (fileName: string, data: Buffer) => {
    const res = await postFile(app.url, organiser.token!, `/sessions/${sessionId}/decks`, fileName, data);
    if (res.status !== 201)
      return { status: res.status, code: res.body.code as string, message: res.body.message };
    const deck = await until(
      async () => (await organiser.get<Deck>(`/decks/${res.body.id}`)).body,
      (d) => d.status === 'failed' || d.status === 'ready',
      180_000,
    );
    return { status: 201, deck: deck.status, code: deck.error?.code, message: deck.error?.message };
  };

  it('refuses a 2,000,000-row workbook at the row limit while health keeps answering', async () => {
    const file = manyRowsXlsx(2_000_000);
    let importDone = false;
    const pending = postFile(
      app.url,
      secretary.token!,
      '/members/import?dryRun=true',
      'ds.xlsx',
      file,
    ).finally(() => (importDone = true));
    // Health is answered while the workbook is read (in a worker): it does not wait for the import.
    const status = await health(app.url);
    expect({ status, importDoneFirst: importDone }).toEqual({
      status: 200,
      importDoneFirst: false,
    });
    const res = await pending;
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details.errors).toEqual([
      expect.objectContaining({ code: 'too_many_rows', row: 20_002 }),
    ]);
    expect(await app.prisma.member.count({ where: { fullName: 'Nguyễn Văn Nhiều' } })).toBe(0);
    await healthy();
  });

  it('refuses zip-bomb workbooks, honest or lying about their size, as a 400', async () => {
    for (const [name, file] of [
      ['honest', zipBombXlsx(1024)],
      ['lying', zipBombXlsx(1024, 2048)],
    ] as const) {
      expect(file.length).toBeLessThan(2 * 1024 * 1024);
      const res = await secretary.upload('/members/import?dryRun=true', 'bom.xlsx', file);
      expect({ name, status: res.status, code: res.body.code }).toEqual({
        name,
        status: 400,
        code: 'IMPORT_INVALID',
      });
      expect(res.body.details.errors).toEqual([expect.objectContaining({ code: 'sheet_too_large' })]);
    }
    await healthy();
  });

  it('refuses roster files whose content is not what their name says', async () => {
    for (const [fileName, data] of [
      ['ds.csv', mismatchedFiles.pngAsCsv],
      ['ds.xlsx', mismatchedFiles.pdfAsXlsx],
      ['ds.xlsx', mismatchedFiles.zipAsXlsx],
    ] as const) {
      const res = await secretary.upload('/members/import?dryRun=true', fileName, data);
      expect({ fileName, status: res.status >= 400 && res.status < 500 }).toEqual({ fileName, status: true });
      expect(['UNSUPPORTED_FILE', 'IMPORT_INVALID']).toContain(res.body.code);
    }
    await healthy();
  });

  it('refuses a reading material whose content does not match its name', async () => {
    const exe = await organiser.upload(
      `/sessions/${sessionId}/materials`,
      'tai-lieu.pdf',
      mismatchedFiles.elfAsPdf,
    );
    expect(exe.status).toBe(415);
    expect(exe.body.code).toBe('UNSUPPORTED_FILE');
    const png = await organiser.upload(
      `/sessions/${sessionId}/materials`,
      'nghi-quyet.docx',
      mismatchedFiles.pngAsCsv,
    );
    expect(png.status).toBe(415);
    const binaryText = await organiser.upload(
      `/sessions/${sessionId}/materials`,
      'ghi-chu.txt',
      mismatchedFiles.elfAsPdf,
    );
    expect(binaryText.status).toBe(415);
    // The real thing still goes in.
    const pdf = await organiser.upload(`/sessions/${sessionId}/materials`, 'nghi-quyet.pdf', manyPagesPdf(2));
    expect(pdf.status).toBe(201);
    const text = await organiser.upload(`/sessions/${sessionId}/materials`, 'ghi-chu.txt', 'Nghị quyết số 1');
    expect(text.status).toBe(201);
    expect(
      (await app.prisma.material.findMany({ where: { sessionId } })).map((m) => m.fileName).sort(),
    ).toEqual(['ghi-chu.txt', 'nghi-quyet.pdf']);
  });

  it('refuses a deck whose content does not match its name before storing it', async () => {
    const exe = await organiser.upload(
      `/sessions/${sessionId}/decks`,
      'bai-giang.pdf',
      mismatchedFiles.elfAsPdf,
    );
    expect({ status: exe.status, code: exe.body.code }).toEqual({ status: 422, code: 'DECK_UNREADABLE' });
    const pdfAsPptx = await organiser.upload(
      `/sessions/${sessionId}/decks`,
      'bai-giang.pptx',
      manyPagesPdf(2),
    );
    expect({ status: pdfAsPptx.status, code: pdfAsPptx.body.code }).toEqual({
      status: 422,
      code: 'DECK_UNREADABLE',
    });
  });

  it('marks a 5,000-page PDF failed with the page limit as its reason', async () => {
    const outcome = await deckOutcome('5000-trang.pdf', manyPagesPdf(5000));
    expect(outcome).toMatchObject({ status: 201, deck: 'failed', code: 'DECK_TOO_MANY_PAGES' });
    expect(outcome.message).toContain('300');
    await healthy();
  });

  it('marks malformed PDFs failed with a reason', async () => {
    for (const [name, file] of Object.entries(malformedPdfs)) {
      const outcome = await deckOutcome(`${name}.pdf`, file);
      expect({ name, ...outcome, message: typeof outcome.message }).toEqual({
        name,
        status: 201,
        deck: 'failed',
        code: expect.stringMatching(/^DECK_(UNREADABLE|TOO_MANY_PAGES)$/),
        message: 'string',
      });
    }
    await healthy();
  });

  it('marks zip-bomb presentations failed, honest or lying about their size', async () => {
    for (const [name, file] of [
      ['honest', zipBombPptx(1024)],
      ['lying', zipBombPptx(1024, 4096)],
    ] as const) {
      expect(file.length).toBeLessThan(2 * 1024 * 1024);
      const outcome = await deckOutcome(`bom-${name}.pptx`, file);
      expect({ name, ...outcome, message: typeof outcome.message }).toEqual({
        name,
        status: 201,
        deck: 'failed',
        code: 'DECK_UNREADABLE',
        message: 'string',
      });
    }
    await healthy();
    // Nothing of them is kept: the session's room can still be opened and shows no broken deck as ready.
    const decks = (await organiser.get<Deck[]>(`/sessions/${sessionId}/decks`)).body;
    expect(decks.filter((d) => d.status === 'ready')).toEqual([]);
  });
});
