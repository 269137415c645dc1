import { type Deck, ErrorCode } from '@hallbridge/contracts';
import { translate } from '../common/i18n/translate';
import type { Deck as DeckRow } from '../generated/prisma/client';

export type { DeckRow };

/** Notes as stored: one entry per page, null where a page has none. */
export function notesOf(row: Pick<DeckRow, 'notes'>): (string | null)[] {
  return Array.isArray(row.notes) ? row.notes.map((n) => (typeof n === 'string' ? n : null)) : [];
}

/** The API shape of a deck; a failure's message follows `lang` (Accept-Language), Vietnamese by default. */
export function toDeck(row: DeckRow, lang?: string): Deck {
  const code = row.errorCode ? ErrorCode.catch('INTERNAL').parse(row.errorCode) : null;
  const params = (row.errorParams ?? {}) as Record<string, unknown>;
  return {
    id: row.id,
    sessionId: row.sessionId,
    position: row.position,
    title: row.title,
    fileName: row.fileName,
    sourceKind: row.sourceKind,
    size: row.size,
    status: row.status,
    progress: Math.min(1, Math.max(0, row.progress)),
    pageCount: row.pageCount,
    pageWidth: row.pageWidth,
    pageHeight: row.pageHeight,
    hasNotes: notesOf(row).some((n) => n !== null),
    error: code ? { code, message: translate(lang, `errors.${code}`, params) } : null,
    uploadedById: row.uploadedById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
