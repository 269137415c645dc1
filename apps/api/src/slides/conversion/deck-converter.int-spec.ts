import { DomainError } from '@hallbridge/domain';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { asPowerPointNotes, officeFixture, sampleSlides } from '../testing/deck-fixtures';
import { DeckConverter, deckPagePath, deckThumbPath, type DeckProgress } from './deck-converter';

// Real LibreOffice and poppler (infra/ensure-tools.sh libreoffice poppler); no database.
const root = mkdtempSync(join(tmpdir(), 'hallbridge-slides-'));
const fixtures = join(root, 'fixtures');
const profileDir = join(root, 'fixture-profile');
const converter = new DeckConverter({ officeProfileTemplate: join(root, 'warm-profile') });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, params: e.params };
    throw e;
  }
  throw new Error('expected the conversion to fail');
}

const size = async (path: string) => {
  const { width, height, format } = await sharp(path).metadata();
  return { width, height, format };
};

let pdf: string;
let pptx: string;
let odp: string;
let encryptedPdf: string;

beforeAll(async () => {
  const notes = sampleSlides(4, { notes: true });
  notes[1]!.hidden = true; // left out of the PDF, and its notes with it
  notes[3]!.notes = undefined;
  pdf = await officeFixture(fixtures, 'plain', sampleSlides(6), 'pdf', { profileDir });
  pptx = await officeFixture(fixtures, 'with-notes', notes, 'pptx', { profileDir });
  await asPowerPointNotes(pptx);
  odp = await officeFixture(fixtures, 'with-notes', notes, 'odp', { profileDir });
  encryptedPdf = await officeFixture(fixtures, 'secret', sampleSlides(2), 'pdf', {
    profileDir,
    password: 'mật-khẩu',
  });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('DeckConverter', () => {
  it('renders every PDF page to a WebP display image and thumbnail, reporting progress', async () => {
    const out = join(root, 'pdf-deck');
    const progress: DeckProgress[] = [];
    const deck = await converter.convert({ path: pdf, kind: 'pdf' }, out, (p) => progress.push(p));

    expect(deck).toMatchObject({ pageCount: 6, pageWidth: 1920, pageHeight: 1080, notes: null });
    expect(await size(deckPagePath(out, 1))).toEqual({ width: 1920, height: 1080, format: 'webp' });
    expect(await size(deckPagePath(out, 6))).toEqual({ width: 1920, height: 1080, format: 'webp' });
    expect(await size(deckThumbPath(out, 6))).toEqual({ width: 320, height: 180, format: 'webp' });
    expect((await readdir(join(out, 'pages'))).sort()).toEqual([
      '1.webp',
      '2.webp',
      '3.webp',
      '4.webp',
      '5.webp',
      '6.webp',
    ]);
    expect(existsSync(join(out, 'work'))).toBe(false);

    const values = progress.map((p) => p.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBe(1);
    expect(progress.at(-1)).toMatchObject({
      stage: 'pages',
      pagesReady: 6,
      pageCount: 6,
      pageSize: { width: 1920, height: 1080 },
    });
    // Pages become ready from page 1 on (two at once may finish together), the page count known before the first.
    const ready = progress.filter((p) => p.stage === 'pages').map((p) => p.pagesReady);
    expect(ready[0]).toBe(0);
    expect(ready).toEqual([...new Set(ready)].sort((a, b) => a - b));
    expect(ready.at(-1)).toBe(6);
    expect(progress.find((p) => p.pagesReady >= 1)).toMatchObject({ pageCount: 6 });
  });

  it('converts a PPTX through LibreOffice, with its speaker notes per shown slide', async () => {
    const out = join(root, 'pptx-deck');
    const deck = await converter.convert({ path: pptx, kind: 'pptx' }, out);

    expect(deck.pageCount).toBe(3);
    expect(deck.notes).toEqual([
      'Ghi chú trang 1: nhấn mạnh tiến độ thực hiện.\nDòng hai — “trích dẫn” & <đủ dấu>',
      'Ghi chú trang 3: nhấn mạnh tiến độ thực hiện.\nDòng hai — “trích dẫn” & <đủ dấu>',
      null,
    ]);
    // PPTX stores the slide size in EMU; LibreOffice's rounding can add a pixel row.
    const page = await size(deckPagePath(out, 3));
    expect(page).toMatchObject({ width: 1920, format: 'webp' });
    expect(Math.abs(page.height! - 1080)).toBeLessThanOrEqual(1);
    expect(await size(deckThumbPath(out, 1))).toEqual({ width: 320, height: 180, format: 'webp' });
    // The first good LibreOffice profile is kept warm for the next runs.
    expect(existsSync(join(root, 'warm-profile', 'user'))).toBe(true);
  });

  it('converts an ODP with its notes', async () => {
    const deck = await converter.convert({ path: odp, kind: 'odp' }, join(root, 'odp-deck'));
    expect(deck.pageCount).toBe(3);
    expect(deck.notes?.[1]).toBe(
      'Ghi chú trang 3: nhấn mạnh tiến độ thực hiện.\nDòng hai — “trích dẫn” & <đủ dấu>',
    );
  });

  it('refuses a PDF that needs a password', async () => {
    const out = join(root, 'encrypted');
    expect(await failure(converter.convert({ path: encryptedPdf, kind: 'pdf' }, out))).toEqual({
      code: 'DECK_ENCRYPTED',
      params: {},
    });
    expect(existsSync(join(out, 'pages'))).toBe(false);
  });

  it('refuses broken and mislabelled files', async () => {
    const truncated = join(fixtures, 'truncated.pdf');
    await writeFile(truncated, (await readFile(pdf)).subarray(0, 600));
    const text = join(fixtures, 'notes.odp');
    await writeFile(text, 'Đây không phải bản trình chiếu');
    const renamedPdf = join(fixtures, 'renamed.pptx');
    await writeFile(renamedPdf, await readFile(pdf));

    const unreadable = { code: 'DECK_UNREADABLE', params: {} };
    expect(
      await failure(converter.convert({ path: truncated, kind: 'pdf' }, join(root, 'truncated'))),
    ).toEqual(unreadable);
    expect(await failure(converter.convert({ path: text, kind: 'odp' }, join(root, 'text')))).toEqual(
      unreadable,
    );
    expect(
      await failure(converter.convert({ path: renamedPdf, kind: 'pptx' }, join(root, 'renamed'))),
    ).toEqual(unreadable);
  });

  it('refuses a deck over the page limit, a presentation before LibreOffice even starts', async () => {
    const small = new DeckConverter({ maxPages: 2, soffice: join(root, 'no-such-soffice') });
    expect(await failure(small.convert({ path: pdf, kind: 'pdf' }, join(root, 'too-many')))).toEqual({
      code: 'DECK_TOO_MANY_PAGES',
      params: { pages: 6, max: 2 },
    });
    expect(await failure(small.convert({ path: pptx, kind: 'pptx' }, join(root, 'too-many')))).toEqual({
      code: 'DECK_TOO_MANY_PAGES',
      params: { pages: 3, max: 2 },
    });
  });

  it('stops at the time limit and kills LibreOffice', async () => {
    const out = join(root, 'slow');
    const hasty = new DeckConverter({ timeLimitMs: 400 });
    expect(await failure(hasty.convert({ path: pptx, kind: 'pptx' }, out))).toEqual({
      code: 'DECK_TIMEOUT',
      params: { minutes: 1 },
    });
    expect(existsSync(join(out, 'work'))).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    const leftovers = execFileSync('ps', ['-eo', 'args'])
      .toString()
      .split('\n')
      .filter((l) => l.includes(out));
    expect(leftovers).toEqual([]);
  });

  it('says LibreOffice is missing for PPTX and ODP', async () => {
    const without = new DeckConverter({ soffice: join(root, 'no-such-soffice') });
    expect(await without.officeAvailable()).toBe(false);
    expect(await converter.officeAvailable()).toBe(true);
    expect(await failure(without.convert({ path: odp, kind: 'odp' }, join(root, 'no-office')))).toEqual({
      code: 'OFFICE_CONVERTER_MISSING',
      params: {},
    });
  });
});
