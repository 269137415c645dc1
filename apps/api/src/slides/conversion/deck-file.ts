import { DECK_MAX_PAGES, type DeckSourceKind } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import { extname } from 'node:path';

export const DECK_EXTENSIONS: Record<string, DeckSourceKind> = {
  '.pdf': 'pdf',
  '.pptx': 'pptx',
  '.odp': 'odp',
};
export const DECK_EXPECTED = 'PDF, PPTX, ODP';

export function deckKindOf(fileName: string): DeckSourceKind | null {
  return DECK_EXTENSIONS[extname(fileName).toLowerCase()] ?? null;
}

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: legacy .ppt, or an OOXML file encrypted with a password. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/**
 * Checks the first bytes against the claimed kind, so a renamed or damaged file is refused before
 * any converter sees it. `head` should hold at least the first 64 KiB (an encrypted PPTX names its
 * EncryptionInfo stream in the compound file's directory, usually near the start).
 */
export function checkDeckSignature(head: Uint8Array, kind: DeckSourceKind): void {
  if (kind === 'pdf') {
    // Readers accept the header anywhere in the first kilobyte.
    if (!Buffer.from(head.subarray(0, 1024)).includes('%PDF-')) throw new DomainError('DECK_UNREADABLE');
    return;
  }
  if (startsWith(head, ZIP)) return;
  if (startsWith(head, COMPOUND_FILE) && Buffer.from(head).includes(ENCRYPTION_INFO))
    throw new DomainError('DECK_ENCRYPTED');
  throw new DomainError('DECK_UNREADABLE');
}

export function assertPageCount(pages: number, max = DECK_MAX_PAGES): void {
  if (!Number.isInteger(pages) || pages < 1) throw new DomainError('DECK_UNREADABLE');
  if (pages > max) throw new DomainError('DECK_TOO_MANY_PAGES', { pages, max });
}

/** `pdfinfo` output: "Pages:          50" and "Encrypted:      no" lines among others. */
export function parsePdfInfo(stdout: string): { pages: number; encrypted: boolean } {
  const field = (name: string) => stdout.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1]?.trim();
  return { pages: Number(field('Pages') ?? NaN), encrypted: (field('Encrypted') ?? 'no').startsWith('yes') };
}

/**
 * Why poppler could not open a PDF. A PDF that needs a password to open fails with "Incorrect
 * password"; one with only an owner password (print or copy restrictions) opens and renders fine.
 */
export function pdfOpenError(stderr: string): DomainError {
  return new DomainError(/incorrect password/i.test(stderr) ? 'DECK_ENCRYPTED' : 'DECK_UNREADABLE');
}

export interface RawImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Buffer;
}

/** Reads a binary PPM (P6) or PGM (P5) image, the uncompressed format pdftoppm writes fastest. */
export function parsePnm(buf: Buffer): RawImage {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4 && i < buf.length) {
    while (i < buf.length && /\s/.test(String.fromCharCode(buf[i]!))) i++;
    if (buf[i] === 0x23) {
      while (i < buf.length && buf[i] !== 0x0a) i++;
      continue;
    }
    const start = i;
    while (i < buf.length && !/\s/.test(String.fromCharCode(buf[i]!))) i++;
    fields.push(buf.toString('latin1', start, i));
  }
  const [magic, w, h, max] = fields;
  const channels = magic === 'P6' ? 3 : magic === 'P5' ? 1 : 0;
  const width = Number(w);
  const height = Number(h);
  const data = buf.subarray(i + 1);
  if (
    !channels ||
    max !== '255' ||
    !(width > 0) ||
    !(height > 0) ||
    data.length < width * height * channels
  ) {
    throw new Error(`not an 8-bit PPM/PGM image (${fields.join(' ')})`);
  }
  return { width, height, channels, data: data.subarray(0, width * height * channels) };
}
