import type { Deck } from '@hallbridge/contracts';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ApiClient } from '../../../../test/support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../../../../test/support/factories';
import { databases, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { FileStorage } from '../files/file-storage.service';
import { DeckEvents } from './deck-events';
import { DeckJobs } from './deck-jobs.service';
import { asPowerPointNotes, officeFixture, sampleSlides } from './testing/deck-fixtures';

// The REST surface against the real app and database; conversion itself is covered in deck-converter.int-spec.ts.
const root = mkdtempSync(join(tmpdir(), 'hallbridge-decks-'));
const fixtures: Record<'pdf' | 'pptx' | 'encrypted', Buffer> = {} as never;
const hour = 3600_000;

beforeAll(async () => {
  const profileDir = join(root, 'profile');
  const dir = join(root, 'fixtures');
  fixtures.pdf = await readFile(await officeFixture(dir, 'plain', sampleSlides(3), 'pdf', { profileDir }));
  const pptx = await officeFixture(dir, 'notes', sampleSlides(2, { notes: true }), 'pptx', { profileDir });
  await asPowerPointNotes(pptx);
  fixtures.pptx = await readFile(pptx);
  fixtures.encrypted = await readFile(
    await officeFixture(dir, 'secret', sampleSlides(1), 'pdf', { profileDir, password: 'bí-mật' }),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(databases)('slide decks over REST on %s', (kind) => {
  let app: TestApp;
  let api: ApiClient;
  let organiser: ApiClient;
  let presenter: ApiClient;
  let member: ApiClient;
  let sessionId: string;
  const progress: Deck[] = [];

  const jobs = () => app.running.app.get(DeckJobs);
  const converted = async (id: string) => {
    await jobs().idle();
    return (await presenter.get<Deck>(`/decks/${id}`)).body;
  };

  beforeAll(async () => {
    app = await startTestApp(kind);
    const org = await organisationFactory(app.prisma);
    api = new ApiClient(app.url);
    organiser = await api.login('tochuc', TEST_PASSWORD);
    presenter = await api.login('baocao', TEST_PASSWORD);
    const session = await organiser.post('/sessions', {
      title: 'Quán triệt Nghị quyết',
      startsAt: new Date(Date.now() + hour).toISOString(),
      endsAt: new Date(Date.now() + 3 * hour).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.D1.id],
      presenterIds: [org.users.presenter.id],
    });
    sessionId = session.body.id;
    const links = (await organiser.get(`/sessions/${sessionId}/join-links`)).body as {
      fullName: string;
      url: string;
    }[];
    const link = links.find((l) => l.fullName === 'Nguyễn Văn An')!;
    member = api.as((await api.post('/auth/join', { token: link.url.split('/j/')[1] })).body.token);
    app.running.app.get(DeckEvents).on('progress', (deck) => progress.push(deck));
  });
  afterAll(() => app?.close());

  it('converts an uploaded PDF in the background and serves its pages to members, cached for good', async () => {
    const upload = await presenter.upload(
      `/sessions/${sessionId}/decks`,
      'Nghị quyết số 1.pdf',
      fixtures.pdf,
    );
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({
      title: 'Nghị quyết số 1',
      sourceKind: 'pdf',
      status: 'queued',
      position: 0,
    });

    const deck = await converted(upload.body.id);
    expect(deck).toMatchObject({
      status: 'ready',
      progress: 1,
      pageCount: 3,
      pageWidth: 1920,
      pageHeight: 1080,
      hasNotes: false,
      error: null,
    });
    const seen = progress.filter((d) => d.id === deck.id);
    expect(seen.map((d) => d.status)).toEqual(expect.arrayContaining(['converting', 'ready']));
    expect(seen.some((d) => d.progress > 0 && d.progress < 1)).toBe(true);

    const page = await member.get(`/decks/${deck.id}/pages/3.webp`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('image/webp');
    expect(page.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(await sharp(page.raw).metadata()).toMatchObject({ format: 'webp', width: 1920, height: 1080 });
    const thumb = await member.get(`/decks/${deck.id}/thumbs/1.webp`);
    expect(await sharp(thumb.raw).metadata()).toMatchObject({ format: 'webp', width: 320, height: 180 });
    expect((await member.get(`/decks/${deck.id}/pages/4.webp`)).body.code).toBe('NOT_FOUND');
    expect((await member.get(`/sessions/${sessionId}/decks`)).body.map((d: Deck) => d.id)).toEqual([deck.id]);
  });

  it('keeps speaker notes of a PPTX for presenters and organisers only', async () => {
    const upload = await presenter.upload(`/sessions/${sessionId}/decks`, 'bài giảng.pptx', fixtures.pptx);
    const deck = await converted(upload.body.id);
    expect(deck).toMatchObject({
      status: 'ready',
      pageCount: 2,
      hasNotes: true,
      fileName: 'bài giảng.pptx',
      position: 1,
    });

    const notes = await presenter.get(`/decks/${deck.id}/notes`);
    expect(notes.body).toEqual({
      deckId: deck.id,
      pageCount: 2,
      pages: [1, 2].map((page) => ({
        page,
        text: `Ghi chú trang ${page}: nhấn mạnh tiến độ thực hiện.\nDòng hai — “trích dẫn” & <đủ dấu>`,
      })),
    });
    expect((await organiser.get(`/decks/${deck.id}/notes`)).status).toBe(200);
    expect((await member.get(`/decks/${deck.id}/notes`)).body.code).toBe('FORBIDDEN');
  });

  it('lets only organisers and presenters change decks', async () => {
    expect((await member.upload(`/sessions/${sessionId}/decks`, 'x.pdf', fixtures.pdf)).body.code).toBe(
      'FORBIDDEN',
    );
    const [first, second] = (await presenter.get<[Deck, Deck]>(`/sessions/${sessionId}/decks`)).body;
    expect((await member.patch(`/decks/${first.id}`, { title: 'Đổi tên' })).body.code).toBe('FORBIDDEN');
    expect((await member.delete(`/decks/${first.id}`)).body.code).toBe('FORBIDDEN');

    const renamed = await presenter.patch(`/decks/${first.id}`, { title: 'Phần mở đầu' });
    expect(renamed.body.title).toBe('Phần mở đầu');
    const reordered = await organiser.request('PUT', `/sessions/${sessionId}/decks/order`, {
      deckIds: [second.id, first.id],
    });
    expect(reordered.body.map((d: Deck) => [d.id, d.position])).toEqual([
      [second.id, 0],
      [first.id, 1],
    ]);
    const incomplete = await organiser.request('PUT', `/sessions/${sessionId}/decks/order`, {
      deckIds: [second.id],
    });
    expect(incomplete.body.code).toBe('VALIDATION_FAILED');
    const audit = await organiser.get(`/audit?sessionId=${sessionId}&entityType=deck`);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['deck.uploaded', 'deck.renamed']),
    );
  });

  it('refuses wrong and unreadable files at upload, and reports an encrypted PDF on the deck', async () => {
    const wrongType = await presenter.upload(`/sessions/${sessionId}/decks`, 'notes.docx', 'xin chào');
    expect([wrongType.status, wrongType.body.code]).toEqual([415, 'UNSUPPORTED_FILE']);
    const broken = await presenter.upload(`/sessions/${sessionId}/decks`, 'hỏng.pdf', 'không phải PDF');
    expect([broken.status, broken.body.code]).toEqual([422, 'DECK_UNREADABLE']);

    const upload = await presenter
      .inLanguage('en')
      .upload(`/sessions/${sessionId}/decks`, 'secret.pdf', fixtures.encrypted);
    expect(upload.status).toBe(201);
    const deck = await converted(upload.body.id);
    expect(deck).toMatchObject({ status: 'failed', pageCount: null, error: { code: 'DECK_ENCRYPTED' } });
    expect((await member.get(`/decks/${deck.id}/pages/1.webp`)).body.code).toBe('NOT_FOUND');
  });

  it('deletes a deck with its files', async () => {
    const upload = await presenter.upload(`/sessions/${sessionId}/decks`, 'tạm.pdf', fixtures.pdf);
    const deck = await converted(upload.body.id);
    const row = await app.prisma.deck.findUniqueOrThrow({ where: { id: deck.id } });
    const dir = app.running.app.get(FileStorage).pathOf(row.storagePrefix);
    expect(existsSync(join(dir, 'pages', '1.webp'))).toBe(true);
    expect((await presenter.delete(`/decks/${deck.id}`)).status).toBe(204);
    expect(existsSync(dir)).toBe(false);
    expect((await presenter.get(`/decks/${deck.id}`)).body.code).toBe('NOT_FOUND');
  });

  async function deckLeftConverting(n: number, lastTouched: Date) {
    const storagePrefix = `decks/0f0e0d0c-0000-4000-8000-00000000000${n}`;
    const dir = app.running.app.get(FileStorage).pathOf(storagePrefix);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'source'), fixtures.pdf);
    return app.prisma.deck.create({
      data: {
        sessionId,
        position: 8 + n,
        title: `Dở dang ${n}`,
        fileName: 'do-dang.pdf',
        sourceKind: 'pdf',
        size: fixtures.pdf.length,
        status: 'converting',
        progress: 0.4,
        attempts: 1,
        storagePrefix,
        updatedAt: lastTouched,
      },
    });
  }

  it('picks up decks whose converter stopped (a restart), and leaves alone those another instance is converting', async () => {
    const abandoned = await deckLeftConverting(1, new Date(Date.now() - 5 * 60_000));
    const elsewhere = await deckLeftConverting(2, new Date());
    await jobs().onApplicationBootstrap();
    expect(await converted(abandoned.id)).toMatchObject({ status: 'ready', pageCount: 3 });
    await jobs().idle();
    expect(await app.prisma.deck.findUnique({ where: { id: elsewhere.id } })).toMatchObject({
      status: 'converting',
      attempts: 1,
    });
  });
});
