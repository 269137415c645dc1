import { Injectable } from '@nestjs/common';
import type {
  Deck,
  DeckNotes,
  ReorderDecksBody,
  UpdateDeckBody,
  UploadDeckBody,
} from '@hallbridge/contracts';
import { canManageSession, canViewSession, DomainError } from '@hallbridge/domain';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { FileStorage } from '../files/file-storage.service';
import { SessionsService } from '../sessions/sessions.service';
import { DeckConverter, deckPagePath, deckThumbPath } from './conversion/deck-converter';
import { checkDeckSignature, DECK_EXPECTED, deckKindOf } from './conversion/deck-file';
import { DeckEvents } from './deck-events';
import { DeckJobs } from './deck-jobs.service';
import { notesOf, toDeck } from './deck-view';

export interface UploadedDeck {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** What the deck's session lets the caller do, loaded in one query (page images are fetched often). */
const deckScope = {
  session: {
    select: {
      hostUnit: { select: { path: true } },
      invitations: { select: { unit: { select: { path: true } } } },
      presenters: { select: { userId: true } },
    },
  },
} as const;

interface SessionAccess {
  hostUnit: { path: string };
  presenters: { userId: string }[];
}

/** Organisers of the host unit and the session's presenters look after its decks. */
function presents(actor: RequestActor, session: SessionAccess): boolean {
  return (
    canManageSession(actor, session.hostUnit.path) ||
    (actor.userId !== null && session.presenters.some((p) => p.userId === actor.userId))
  );
}

/** Slide decks of a session: upload, list, rename, reorder, delete, and the converted pages. */
@Injectable()
export class DecksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly files: FileStorage,
    private readonly sessions: SessionsService,
    private readonly converter: DeckConverter,
    private readonly jobs: DeckJobs,
    private readonly events: DeckEvents,
  ) {}

  /** The session, if the caller may add decks to it; asked before an upload's body is read. */
  async sessionForUpload(actor: RequestActor, sessionId: string) {
    const session = await this.sessions.findVisible(actor, sessionId);
    if (!presents(actor, session)) throw new DomainError('FORBIDDEN');
    return session;
  }

  /** Stores the file and queues its conversion; the deck comes back "queued" at once. */
  async upload(
    actor: RequestActor,
    sessionId: string,
    file: UploadedDeck | undefined,
    body: UploadDeckBody,
    lang?: string,
  ): Promise<Deck> {
    const session = await this.sessionForUpload(actor, sessionId);
    if (!file)
      throw new DomainError('VALIDATION_FAILED', { summary: 'file: attach the deck as the "file" field' });
    // multer decodes multipart file names as latin1; browsers send UTF-8.
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC');
    const kind = deckKindOf(fileName);
    if (!kind) throw new DomainError('UNSUPPORTED_FILE', { expected: DECK_EXPECTED });
    checkDeckSignature(file.buffer.subarray(0, 64 * 1024), kind);
    if (kind !== 'pdf' && !(await this.converter.officeAvailable()))
      throw new DomainError('OFFICE_CONVERTER_MISSING');

    const storagePrefix = `decks/${randomUUID()}`;
    const title = (body.title ?? basename(fileName, extname(fileName)).trim()).slice(0, 200) || fileName;
    let row;
    try {
      const dir = this.files.pathOf(storagePrefix);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'source'), file.buffer);
      row = await this.prisma.$transaction(async (tx) => {
        const last = await tx.deck.aggregate({ where: { sessionId }, _max: { position: true } });
        const created = await tx.deck.create({
          data: {
            sessionId,
            position: (last._max.position ?? -1) + 1,
            title,
            fileName,
            sourceKind: kind,
            size: file.size,
            storagePrefix,
            uploadedById: actor.userId,
          },
        });
        await this.audit.record(tx, actor, {
          action: 'deck.uploaded',
          entityType: 'deck',
          entityId: created.id,
          sessionId,
          unitPath: session.hostUnit.path,
          after: { title, fileName, sourceKind: kind, size: file.size },
        });
        return created;
      });
    } catch (e) {
      await this.files.remove(storagePrefix);
      throw e;
    }
    this.jobs.enqueue(row.id);
    this.events.emit('changed', toDeck(row));
    return toDeck(row, lang);
  }

  /** Anyone who may see the session sees its decks, in the presenters' order. */
  async list(actor: RequestActor, sessionId: string, lang?: string): Promise<Deck[]> {
    await this.sessions.findVisible(actor, sessionId);
    const rows = await this.prisma.deck.findMany({
      where: { sessionId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map((r) => toDeck(r, lang));
  }

  async get(actor: RequestActor, id: string, lang?: string): Promise<Deck> {
    const { deck } = await this.findVisible(actor, id);
    return toDeck(deck, lang);
  }

  /** Speaker notes are for the people presenting; members and sites never get them. */
  async notes(actor: RequestActor, id: string): Promise<DeckNotes> {
    const { deck, session } = await this.findVisible(actor, id);
    if (!presents(actor, session)) throw new DomainError('FORBIDDEN');
    const pages = notesOf(deck).flatMap((text, i) => (text ? [{ page: i + 1, text }] : []));
    return { deckId: deck.id, pageCount: deck.pageCount ?? 0, pages };
  }

  async rename(actor: RequestActor, id: string, body: UpdateDeckBody, lang?: string): Promise<Deck> {
    const { deck, session } = await this.findPresented(actor, id);
    const row = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.deck.update({ where: { id }, data: { title: body.title } });
      await this.audit.record(tx, actor, {
        action: 'deck.renamed',
        entityType: 'deck',
        entityId: id,
        sessionId: deck.sessionId,
        unitPath: session.hostUnit.path,
        before: { title: deck.title },
        after: { title: body.title },
      });
      return updated;
    });
    this.events.emit('changed', toDeck(row));
    return toDeck(row, lang);
  }

  /** Sets the order of the session's decks; the body must name each of them once. */
  async reorder(
    actor: RequestActor,
    sessionId: string,
    body: ReorderDecksBody,
    lang?: string,
  ): Promise<Deck[]> {
    const session = await this.sessions.findVisible(actor, sessionId);
    if (!presents(actor, session)) throw new DomainError('FORBIDDEN');
    const rows = await this.prisma.$transaction(async (tx) => {
      const existing = await tx.deck.findMany({
        where: { sessionId },
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      });
      const known = new Set(existing.map((d) => d.id));
      if (existing.length !== body.deckIds.length || body.deckIds.some((d) => !known.has(d))) {
        throw new DomainError('VALIDATION_FAILED', {
          summary: "deckIds: list every one of the session's decks once",
        });
      }
      for (const [position, id] of body.deckIds.entries())
        await tx.deck.update({ where: { id }, data: { position } });
      await this.audit.record(tx, actor, {
        action: 'deck.reordered',
        entityType: 'session',
        entityId: sessionId,
        sessionId,
        unitPath: session.hostUnit.path,
        before: { deckIds: existing.map((d) => d.id) },
        after: { deckIds: body.deckIds },
      });
      return tx.deck.findMany({ where: { sessionId }, orderBy: { position: 'asc' } });
    });
    for (const row of rows) this.events.emit('changed', toDeck(row));
    return rows.map((r) => toDeck(r, lang));
  }

  /** Stops a running conversion first, so no process writes into the folder being removed. */
  async remove(actor: RequestActor, id: string): Promise<void> {
    const { deck, session } = await this.findPresented(actor, id);
    await this.jobs.cancel(id);
    await this.prisma.$transaction(async (tx) => {
      await tx.deck.delete({ where: { id } });
      await this.audit.record(tx, actor, {
        action: 'deck.deleted',
        entityType: 'deck',
        entityId: id,
        sessionId: deck.sessionId,
        unitPath: session.hostUnit.path,
        before: { title: deck.title, fileName: deck.fileName, pageCount: deck.pageCount },
      });
    });
    await this.files.remove(deck.storagePrefix);
    this.events.emit('removed', { id, sessionId: deck.sessionId });
  }

  /** A page's display image or thumbnail (WebP). Pages never change once the deck is ready. */
  async image(actor: RequestActor, id: string, page: number, variant: 'page' | 'thumb'): Promise<Buffer> {
    const { deck } = await this.findVisible(actor, id);
    if (deck.status !== 'ready' || page > (deck.pageCount ?? 0))
      throw new DomainError('NOT_FOUND', { entity: 'page' });
    const dir = this.files.pathOf(deck.storagePrefix);
    try {
      return await readFile(variant === 'page' ? deckPagePath(dir, page) : deckThumbPath(dir, page));
    } catch {
      throw new DomainError('NOT_FOUND', { entity: 'page' });
    }
  }

  /** Loads a deck whose session the caller may see; others get "not found", never a hint that it exists. */
  private async findVisible(actor: RequestActor, id: string) {
    const row = await this.prisma.deck.findUnique({ where: { id }, include: deckScope });
    const scope = row && {
      hostUnitPath: row.session.hostUnit.path,
      invitedUnitPaths: row.session.invitations.map((i) => i.unit.path),
      presenterIds: row.session.presenters.map((p) => p.userId),
    };
    if (!row || !scope || !canViewSession(actor, actor.unitPath, scope))
      throw new DomainError('NOT_FOUND', { entity: 'deck' });
    const { session, ...deck } = row;
    return { deck, session };
  }

  private async findPresented(actor: RequestActor, id: string) {
    const found = await this.findVisible(actor, id);
    if (!presents(actor, found.session)) throw new DomainError('FORBIDDEN');
    return found;
  }
}
