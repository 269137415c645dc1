import { foldDiacritics } from '@hallbridge/domain';

/** Attachment header that keeps Vietnamese file names (RFC 6266 filename*), with an ASCII fallback. */
export function attachment(fileName: string): string {
  const ascii = foldDiacritics(fileName).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
