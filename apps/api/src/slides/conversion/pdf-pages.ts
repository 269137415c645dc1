import { DomainError } from '@hallbridge/domain';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { parsePdfInfo, parsePnm, pdfOpenError, type RawImage } from './deck-file';
import { runTool, ToolMissingError, type ToolOptions } from './run-tool';

// One libvips thread per image: a deck's pages are made in parallel instead (DeckConverter's pageWorkers).
sharp.concurrency(1);

export interface PopplerTools {
  pdfinfo: string;
  pdftoppm: string;
}

export interface PageImageSizes {
  /** Longest side of the display image, in pixels. */
  display: number;
  /** Longest side of the thumbnail. */
  thumb: number;
}

async function poppler(tool: string, args: string[], options: ToolOptions) {
  try {
    return await runTool(tool, args, options);
  } catch (e) {
    if (e instanceof ToolMissingError) throw new DomainError('PDF_RENDERER_MISSING');
    throw e;
  }
}

/** Page count of a PDF, refusing one that needs a password or that poppler cannot open. */
export async function pdfPageCount(
  tools: PopplerTools,
  pdfPath: string,
  options: ToolOptions,
): Promise<number> {
  const result = await poppler(tools.pdfinfo, [pdfPath], options);
  if (result.code !== 0) throw pdfOpenError(result.stderr);
  return parsePdfInfo(result.stdout.toString('utf8')).pages;
}

/**
 * Renders one page, its longest side scaled to `size`, as raw pixels. One pdftoppm per page keeps
 * memory flat, gives progress and abort points, and lets pages render side by side. The pixels go
 * through a scratch file (`<scratch>.ppm`, removed again): read in one piece off the event loop,
 * they cost the API process far less than the same 6 MB read from a pipe in 64 KB chunks.
 */
export async function renderPdfPage(
  tools: PopplerTools,
  pdfPath: string,
  page: number,
  size: number,
  scratch: string,
  options: ToolOptions,
): Promise<RawImage> {
  const args = [
    '-f',
    String(page),
    '-l',
    String(page),
    '-scale-to',
    String(size),
    '-singlefile',
    pdfPath,
    scratch,
  ];
  const file = `${scratch}.ppm`;
  try {
    const result = await poppler(tools.pdftoppm, args, options);
    const pixels = result.code === 0 ? await readFile(file).catch(() => null) : null;
    if (!pixels?.length) throw pdfOpenError(result.stderr);
    return parsePnm(pixels);
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Writes the display image and the thumbnail as WebP: every current browser shows it, and for
 * slides it is about a third of PNG's size and half of JPEG's at the same look.
 */
export async function writePageImages(
  raw: RawImage,
  sizes: PageImageSizes,
  pagePath: string,
  thumbPath: string,
): Promise<{ width: number; height: number }> {
  const image = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
  const fit = (size: number) => ({
    width: size,
    height: size,
    fit: 'inside' as const,
    withoutEnlargement: true,
  });
  const [display, thumb] = await Promise.all([
    image
      .clone()
      .resize(fit(sizes.display))
      .webp({ quality: 82, effort: 2 })
      .toBuffer({ resolveWithObject: true }),
    image.clone().resize(fit(sizes.thumb)).webp({ quality: 70, effort: 2 }).toBuffer(),
  ]);
  await mkdir(dirname(pagePath), { recursive: true });
  await mkdir(dirname(thumbPath), { recursive: true });
  await Promise.all([writeFile(pagePath, display.data), writeFile(thumbPath, thumb)]);
  return { width: display.info.width, height: display.info.height };
}
