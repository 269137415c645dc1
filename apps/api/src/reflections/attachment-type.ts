import { unzipSync } from 'fflate';

/**
 * What an uploaded attachment really is, from its bytes (never its name): a PDF, a Word document
 * (DOCX: a zip holding word/document.xml), or a JPEG, PNG or WebP image. Zip entries are listed,
 * never inflated, so a zip bomb costs nothing.
 */
export type AttachmentKind = 'pdf' | 'docx' | 'jpeg' | 'png' | 'webp';

export const ATTACHMENT_TYPES: Record<AttachmentKind, { mimeType: string; extension: string }> = {
  pdf: { mimeType: 'application/pdf', extension: 'pdf' },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg' },
  png: { mimeType: 'image/png', extension: 'png' },
  webp: { mimeType: 'image/webp', extension: 'webp' },
};

const startsWith = (data: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);

export function sniffAttachment(data: Uint8Array): AttachmentKind | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8))
    return 'webp';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && isWordDocument(data)) return 'docx';
  return null;
}

function isWordDocument(data: Uint8Array): boolean {
  const names = new Set<string>();
  try {
    unzipSync(data, {
      filter: (file) => {
        names.add(file.name);
        return false;
      },
    });
  } catch {
    return false;
  }
  return names.has('[Content_Types].xml') && names.has('word/document.xml');
}
