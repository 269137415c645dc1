import { DomainError } from '@hallbridge/domain';
import { unzipSync } from 'fflate';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  isHiddenPptxSlide,
  odpNotes,
  pptxNotesText,
  pptxSlideParts,
  relationships,
  resolvePart,
} from './speaker-notes';

/** XML parts larger than this are not speaker notes; refusing them keeps a zip bomb from filling memory. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export interface PresentationPackage {
  /** Slides that will become PDF pages (hidden ones excluded). */
  shownSlides: number;
  /** Speaker notes per shown slide. */
  notes: (string | null)[];
}

class ZipParts {
  private readonly sizes = new Map<string, number>();

  constructor(private readonly data: Uint8Array) {
    try {
      unzipSync(data, {
        filter: (f) => {
          this.sizes.set(f.name, f.originalSize);
          return false;
        },
      });
    } catch {
      throw new DomainError('DECK_UNREADABLE');
    }
  }

  has(name: string): boolean {
    return this.sizes.has(name);
  }

  /** Reads one part as text (undefined when absent); yields first so large decks do not stall the server. */
  async text(name: string): Promise<string | undefined> {
    const size = this.sizes.get(name);
    if (size === undefined) return undefined;
    if (size > MAX_PART_BYTES) throw new DomainError('DECK_UNREADABLE');
    await yieldToEventLoop();
    try {
      const bytes = unzipSync(this.data, { filter: (f) => f.name === name })[name];
      return bytes ? new TextDecoder().decode(bytes) : undefined;
    } catch {
      throw new DomainError('DECK_UNREADABLE');
    }
  }
}

/**
 * Checks that a PPTX or ODP is a presentation we can convert (not encrypted, not a renamed text
 * file, which LibreOffice would happily turn into a one-page PDF) and reads its speaker notes.
 */
export async function readPresentationPackage(
  data: Uint8Array,
  kind: 'pptx' | 'odp',
): Promise<PresentationPackage> {
  const zip = new ZipParts(data);
  return kind === 'pptx' ? readPptx(zip) : readOdp(zip);
}

async function readPptx(zip: ZipParts): Promise<PresentationPackage> {
  const presentation = await zip.text('ppt/presentation.xml');
  const rels = await zip.text('ppt/_rels/presentation.xml.rels');
  if (!presentation || !rels) throw new DomainError('DECK_UNREADABLE');
  const notes: (string | null)[] = [];
  for (const part of pptxSlideParts(presentation, rels)) {
    const slide = await zip.text(part);
    if (slide === undefined || isHiddenPptxSlide(slide)) continue;
    const folder = part.slice(0, part.lastIndexOf('/'));
    const slideRels = await zip.text(`${folder}/_rels/${part.slice(folder.length + 1)}.rels`);
    const target = slideRels ? [...relationships(slideRels, '/notesSlide').values()][0] : undefined;
    const notesXml = target ? await zip.text(resolvePart(folder, target)) : undefined;
    notes.push(notesXml ? pptxNotesText(notesXml) : null);
  }
  return { shownSlides: notes.length, notes };
}

async function readOdp(zip: ZipParts): Promise<PresentationPackage> {
  const mimetype = (await zip.text('mimetype'))?.trim();
  if (mimetype && !mimetype.startsWith('application/vnd.oasis.opendocument.presentation'))
    throw new DomainError('DECK_UNREADABLE');
  const manifest = await zip.text('META-INF/manifest.xml');
  if (manifest?.includes('encryption-data')) throw new DomainError('DECK_ENCRYPTED');
  const content = await zip.text('content.xml');
  if (!content || !content.includes('<office:presentation')) throw new DomainError('DECK_UNREADABLE');
  const notes = odpNotes(content);
  return { shownSlides: notes.length, notes };
}
