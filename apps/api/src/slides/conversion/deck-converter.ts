import { DECK_MAX_PAGES, type DeckSourceKind } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { readPresentationPackage } from '../notes/presentation-package';
import { alignNotes } from '../notes/speaker-notes';
import { assertPageCount, checkDeckSignature } from './deck-file';
import { LibreOffice } from './libreoffice';
import { runPagePool } from './page-pool';
import {
  pdfPageCount,
  renderPdfPage,
  writePageImages,
  type PageImageSizes,
  type PopplerTools,
} from './pdf-pages';

export interface DeckConverterOptions {
  soffice?: string;
  pdfinfo?: string;
  pdftoppm?: string;
  /** Warm LibreOffice profile kept between runs; see LibreOfficeOptions. */
  officeProfileTemplate?: string | null;
  timeLimitMs?: number;
  maxPages?: number;
  sizes?: PageImageSizes;
  /** Pages rendered at once, each by its own pdftoppm and libvips thread: one per core. */
  pageWorkers?: number;
}

export interface DeckInput {
  path: string;
  kind: DeckSourceKind;
}

export interface DeckProgress {
  /** 0..1 over the whole conversion. */
  progress: number;
  stage: 'checking' | 'office' | 'pages';
  /** Pages stored from page 1 on without a gap: these can be shown while the rest convert. */
  pagesReady: number;
  pageCount: number | null;
  /** Pixel size of page 1's display image, once it is stored. */
  pageSize: PageSize | null;
}

type PageSize = { width: number; height: number };

export interface ConvertedDeck {
  pageCount: number;
  /** Pixel size of the first page's display image. */
  pageWidth: number;
  pageHeight: number;
  /** Speaker notes per page, or null when the deck has none. */
  notes: (string | null)[] | null;
  timings: { officeMs: number; pagesMs: number; totalMs: number };
}

export const DECK_TIME_LIMIT_MS = 5 * 60_000;
/** Share of the progress bar given to LibreOffice, which reports none of its own. */
const OFFICE_SHARE = 0.3;

export const deckPagePath = (outDir: string, page: number) => join(outDir, 'pages', `${page}.webp`);
export const deckThumbPath = (outDir: string, page: number) => join(outDir, 'thumbs', `${page}.webp`);

/**
 * Turns an uploaded deck into page images: PPTX/ODP → PDF with LibreOffice, then each PDF page →
 * WebP display image and thumbnail with poppler and libvips. A plain class taking paths, so tests
 * and benchmarks call it without Nest or a database.
 *
 * Writes `<outDir>/pages/<n>.webp` and `<outDir>/thumbs/<n>.webp` (n from 1) and uses
 * `<outDir>/work` as scratch space, removed afterwards.
 */
export class DeckConverter {
  private readonly office: LibreOffice;
  private readonly poppler: PopplerTools;
  private readonly timeLimitMs: number;
  private readonly maxPages: number;
  private readonly sizes: PageImageSizes;
  private readonly pageWorkers: number;

  constructor(options: DeckConverterOptions = {}) {
    this.office = new LibreOffice({
      command: options.soffice ?? 'soffice',
      profileTemplate: options.officeProfileTemplate ?? null,
    });
    this.poppler = { pdfinfo: options.pdfinfo ?? 'pdfinfo', pdftoppm: options.pdftoppm ?? 'pdftoppm' };
    this.timeLimitMs = options.timeLimitMs ?? DECK_TIME_LIMIT_MS;
    this.maxPages = options.maxPages ?? DECK_MAX_PAGES;
    this.sizes = options.sizes ?? { display: 1920, thumb: 320 };
    this.pageWorkers = options.pageWorkers ?? Math.max(1, Math.min(2, availableParallelism()));
  }

  /** Whether PPTX and ODP can be converted here (LibreOffice installed). */
  officeAvailable(): Promise<boolean> {
    return this.office.available();
  }

  /**
   * Converts within the time limit (DECK_TIMEOUT past it, with every child process killed). An
   * abort through `signal` rejects with the signal's reason and leaves no output behind.
   */
  async convert(
    input: DeckInput,
    outDir: string,
    onProgress?: (p: DeckProgress) => void,
    signal?: AbortSignal,
  ): Promise<ConvertedDeck> {
    const deadline = AbortSignal.timeout(this.timeLimitMs);
    const abort = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const workDir = join(outDir, 'work');
    await this.clear(outDir);
    try {
      return await this.run(input, outDir, workDir, abort, onProgress ?? (() => undefined));
    } catch (e) {
      await this.clear(outDir);
      if (deadline.aborted && !signal?.aborted)
        throw new DomainError('DECK_TIMEOUT', { minutes: Math.ceil(this.timeLimitMs / 60_000) });
      throw e;
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  private async run(
    input: DeckInput,
    outDir: string,
    workDir: string,
    signal: AbortSignal,
    report: (p: DeckProgress) => void,
  ): Promise<ConvertedDeck> {
    const started = Date.now();
    const status = { pagesReady: 0, pageCount: null as number | null, pageSize: null as PageSize | null };
    const tell = (progress: number, stage: DeckProgress['stage']) => report({ progress, stage, ...status });
    tell(0, 'checking');
    checkDeckSignature(await readHead(input.path), input.kind);

    let pdfPath = input.path;
    let notes: (string | null)[] = [];
    let pagesFrom = 0;
    if (input.kind !== 'pdf') {
      const pkg = await readPresentationPackage(await readFile(input.path), input.kind);
      assertPageCount(pkg.shownSlides, this.maxPages);
      notes = pkg.notes;
      status.pageCount = pkg.shownSlides;
      tell(0.02, 'office');
      pdfPath = await this.office.toPdf(input.path, input.kind, workDir, signal);
      pagesFrom = OFFICE_SHARE;
    }
    const officeMs = Date.now() - started;

    const pageCount = await pdfPageCount(this.poppler, pdfPath, { signal });
    assertPageCount(pageCount, this.maxPages);
    status.pageCount = pageCount;
    tell(pagesFrom, 'pages');
    const sizes: PageSize[] = [];
    await mkdir(workDir, { recursive: true });
    await runPagePool({
      pageCount,
      workers: this.pageWorkers,
      signal,
      work: async (page, stop) => {
        const scratch = join(workDir, `page-${page}`);
        const raw = await renderPdfPage(this.poppler, pdfPath, page, this.sizes.display, scratch, {
          signal: stop,
        });
        stop.throwIfAborted();
        sizes[page] = await writePageImages(
          raw,
          this.sizes,
          deckPagePath(outDir, page),
          deckThumbPath(outDir, page),
        );
      },
      onReady: (pagesReady) => {
        status.pagesReady = pagesReady;
        status.pageSize ??= sizes[1] ?? null;
        tell(pagesFrom + ((1 - pagesFrom) * pagesReady) / pageCount, 'pages');
      },
    });
    const totalMs = Date.now() - started;
    return {
      pageCount,
      pageWidth: sizes[1]?.width ?? 0,
      pageHeight: sizes[1]?.height ?? 0,
      notes: alignNotes(notes, pageCount),
      timings: { officeMs, pagesMs: totalMs - officeMs, totalMs },
    };
  }

  private async clear(outDir: string): Promise<void> {
    await Promise.all(
      ['pages', 'thumbs', 'work'].map((d) => rm(join(outDir, d), { recursive: true, force: true })),
    );
  }
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** For scripts and benchmarks: one conversion with default options. */
export function convertDeck(
  input: DeckInput,
  outDir: string,
  onProgress?: (p: DeckProgress) => void,
  options?: DeckConverterOptions,
): Promise<ConvertedDeck> {
  return new DeckConverter(options).convert(input, outDir, onProgress);
}
