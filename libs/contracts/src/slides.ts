import { z } from 'zod';
import { Id, OptionalText, Text } from './common';
import { ErrorCode } from './errors';

/** Decks are uploaded as PDF, or as PowerPoint / OpenDocument presentations converted to PDF on the server. */
export const DeckSourceKind = z.enum(['pdf', 'pptx', 'odp']);
export type DeckSourceKind = z.infer<typeof DeckSourceKind>;

export const DeckStatus = z.enum(['queued', 'converting', 'ready', 'failed']);
export type DeckStatus = z.infer<typeof DeckStatus>;

export const DECK_MAX_BYTES = 100 * 1024 * 1024;
export const DECK_MAX_PAGES = 300;

export const Deck = z
  .object({
    id: Id,
    sessionId: Id,
    /** 0-based place in the session's deck list. */
    position: z.number().int(),
    title: z.string(),
    fileName: z.string(),
    sourceKind: DeckSourceKind,
    size: z.number().int(),
    status: DeckStatus,
    /** 0..1 while converting; 1 when ready. */
    progress: z.number().min(0).max(1),
    pageCount: z.number().int().nullable(),
    /** Pixel size of the page images, so viewers can lay out a page before it loads. */
    pageWidth: z.number().int().nullable(),
    pageHeight: z.number().int().nullable(),
    /** Whether any page has speaker notes (the notes themselves are for presenters only). */
    hasNotes: z.boolean(),
    /** Why the conversion failed, in the caller's language; null unless status is "failed". */
    error: z.object({ code: ErrorCode, message: z.string() }).nullable(),
    uploadedById: Id.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Deck' });
export type Deck = z.infer<typeof Deck>;

/** Multipart fields sent with the file (field "file"). */
export const UploadDeckBody = z.object({ title: OptionalText(200) }).meta({ id: 'UploadDeckBody' });
export type UploadDeckBody = z.infer<typeof UploadDeckBody>;

export const UpdateDeckBody = z.object({ title: Text(200) }).meta({ id: 'UpdateDeckBody' });
export type UpdateDeckBody = z.infer<typeof UpdateDeckBody>;

/** Every deck of the session, each once, in the wanted order. */
export const ReorderDecksBody = z
  .object({ deckIds: z.array(Id).min(1).max(500) })
  .refine((v) => new Set(v.deckIds).size === v.deckIds.length, {
    message: 'each deck only once',
    path: ['deckIds'],
  })
  .meta({ id: 'ReorderDecksBody' });
export type ReorderDecksBody = z.infer<typeof ReorderDecksBody>;

/** Speaker notes, one entry per page (1-based `page`); pages without notes are left out. */
export const DeckNotes = z
  .object({
    deckId: Id,
    pageCount: z.number().int(),
    pages: z.array(z.object({ page: z.number().int().min(1), text: z.string() })),
  })
  .meta({ id: 'DeckNotes' });
export type DeckNotes = z.infer<typeof DeckNotes>;

/** `GET /api/decks/:id/pages/:page.webp` and `/thumbs/:page.webp`. */
export const DeckPageParams = z.object({ id: Id, page: z.coerce.number().int().min(1).max(DECK_MAX_PAGES) });
export type DeckPageParams = z.infer<typeof DeckPageParams>;
