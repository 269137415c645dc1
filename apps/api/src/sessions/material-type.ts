import { unzipSync } from 'fflate';

/**
 * Reading materials are checked by their bytes against their name, so an executable or an image
 * named "nghi-quyet.pdf" is never handed to members as a PDF. Zip entries are listed, never
 * inflated, so a zip bomb costs nothing here.
 */
export const MATERIAL_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: the legacy .doc and .ppt formats. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function zipNames(data: Uint8Array): Set<string> | null {
  if (!startsWith(data, ZIP)) return null;
  const names = new Set<string>();
  try {
    unzipSync(data, {
      filter: (file) => {
        names.add(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

const zipHolding = (part: string) => (data: Uint8Array) => zipNames(data)?.has(part) ?? false;

/** Text is UTF-8 without NUL or other control characters than tab, line breaks and form feed. */
function isText(data: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

const checks: Record<string, (data: Uint8Array) => boolean> = {
  // Readers accept the header anywhere in the first kilobyte.
  '.pdf': (d) => Buffer.from(d.subarray(0, 1024)).includes('%PDF-'),
  '.doc': (d) => startsWith(d, COMPOUND_FILE),
  '.ppt': (d) => startsWith(d, COMPOUND_FILE),
  '.docx': zipHolding('word/document.xml'),
  '.pptx': zipHolding('ppt/presentation.xml'),
  '.xlsx': zipHolding('xl/workbook.xml'),
  '.odt': zipHolding('content.xml'),
  '.odp': zipHolding('content.xml'),
  '.txt': isText,
  '.jpg': (d) => startsWith(d, [0xff, 0xd8, 0xff]),
  '.jpeg': (d) => startsWith(d, [0xff, 0xd8, 0xff]),
  '.png': (d) => startsWith(d, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

/** Whether the bytes are what the extension (".pdf", lower case) says. */
export function materialMatchesName(extension: string, data: Uint8Array): boolean {
  return checks[extension]?.(data) ?? false;
}
