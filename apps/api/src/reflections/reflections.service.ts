import { Injectable } from '@nestjs/common';
import type { MyReflection, Reflection, SaveReflectionBody } from '@hallbridge/contracts';
import {
  acceptsSave,
  countWords,
  DomainError,
  htmlToText,
  reflectionClosedReason,
  stateAfterSubmit,
  submitRefusal,
} from '@hallbridge/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { FileStorage } from '../files/file-storage.service';
import { SessionsService } from '../sessions/sessions.service';
import { ATTACHMENT_TYPES, sniffAttachment } from './attachment-type';
import { sanitizeReflectionHtml } from './reflection-html';
import { toReflection, toSettings, type ReflectionRow, type SettingsRow } from './reflection-view';

export const REFLECTION_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface UploadedAttachment {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** A member writes, autosaves, attaches and submits their own reflection. */
@Injectable()
export class ReflectionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly files: FileStorage,
    private readonly sessions: SessionsService,
  ) {}

  async mine(actor: RequestActor, sessionId: string): Promise<MyReflection> {
    const { session, settings, row } = await this.load(actor, sessionId);
    return {
      settings: toSettings(settings),
      sessionTitle: session.title,
      reflection: row ? toReflection(row) : null,
      closedReason: this.closedReason(settings, row),
      serverTime: new Date().toISOString(),
    };
  }

  /** Autosave: the text replaces the working copy only if written on its current version. */
  async save(actor: RequestActor, sessionId: string, body: SaveReflectionBody): Promise<Reflection> {
    const { settings, row, memberId } = await this.load(actor, sessionId);
    this.assertOpen(settings, row);
    const html = sanitizeReflectionHtml(body.body);
    const words = countWords(htmlToText(html));
    const current = row?.version ?? 0;
    if (!acceptsSave(current, body.baseVersion)) throw stale(current);
    if (!row) {
      try {
        return toReflection(
          await this.prisma.reflection.create({ data: { sessionId, memberId, body: html, words } }),
        );
      } catch (e) {
        if ((e as { code?: string }).code === 'P2002') throw stale(1);
        throw e;
      }
    }
    if (row.body === html) return toReflection(row);
    const moved = await this.prisma.reflection.updateMany({
      where: { id: row.id, version: current },
      data: { body: html, words, version: current + 1 },
    });
    if (moved.count !== 1) throw stale(current + 1);
    return toReflection(await this.prisma.reflection.findUniqueOrThrow({ where: { id: row.id } }));
  }

  /** Hands in the working text at `version`; what the secretary reads from now on. */
  async submit(actor: RequestActor, sessionId: string, version: number): Promise<Reflection> {
    const { settings, row } = await this.load(actor, sessionId);
    if (!row) throw new DomainError('VALIDATION_FAILED', { summary: 'body: write your reflection first' });
    if (row.version !== version) throw stale(row.version);
    const refusal = submitRefusal({
      state: row.state,
      window: { enabled: settings.enabled, deadline: settings.deadline, now: new Date() },
      words: row.words,
      minWords: settings.minWords,
      changedSinceSubmit: row.submittedVersion !== row.version,
    });
    if (refusal === 'too_short')
      throw new DomainError('VALIDATION_FAILED', {
        summary: `body: at least ${settings.minWords} words (${row.words} so far)`,
      });
    if (refusal) throw new DomainError('CONFLICT', { reason: refusal });
    const now = new Date();
    return this.prisma.$transaction(async (tx) => {
      const moved = await tx.reflection.updateMany({
        where: { id: row.id, version },
        data: {
          state: stateAfterSubmit(),
          submittedBody: row.body,
          submittedWords: row.words,
          submittedVersion: row.version,
          submittedAt: now,
          firstSubmittedAt: row.firstSubmittedAt ?? now,
        },
      });
      if (moved.count !== 1) throw stale(version + 1);
      await this.audit.record(tx, actor, {
        action: row.firstSubmittedAt ? 'reflection.resubmitted' : 'reflection.submitted',
        entityType: 'reflection',
        entityId: row.id,
        sessionId,
        unitPath: actor.unitPath,
        before: { state: row.state },
        after: { state: 'submitted', version, words: row.words },
      });
      return toReflection(await tx.reflection.findUniqueOrThrow({ where: { id: row.id } }));
    });
  }

  /** One attachment (PDF, DOCX or an image, recognised by its content), replacing any before. */
  async attach(
    actor: RequestActor,
    sessionId: string,
    file: UploadedAttachment | undefined,
  ): Promise<Reflection> {
    const { row, memberId } = await this.mayAttach(actor, sessionId);
    if (!file)
      throw new DomainError('VALIDATION_FAILED', {
        summary: 'file: attach the document as the "file" field',
      });
    const kind = sniffAttachment(file.buffer);
    if (!kind) throw new DomainError('UNSUPPORTED_FILE', { expected: 'PDF, DOCX, JPEG, PNG, WebP' });
    const type = ATTACHMENT_TYPES[kind];
    // multer decodes multipart file names as latin1; browsers send UTF-8.
    const given = Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC');
    const stem =
      given
        .replace(/\.[^.]*$/, '')
        .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
        .trim()
        .slice(0, 120) || 'tep-dinh-kem';
    const key = await this.files.save('reflections', file.buffer);
    const data = {
      attachmentName: `${stem}.${type.extension}`,
      attachmentType: type.mimeType,
      attachmentSize: file.size,
      attachmentKey: key,
    };
    try {
      const saved = row
        ? await this.prisma.reflection.update({ where: { id: row.id }, data })
        : // Version 0: the text a member may be typing meanwhile (written on version 0) still saves.
          await this.prisma.reflection.create({
            data: { sessionId, memberId, body: '', words: 0, version: 0, ...data },
          });
      if (row?.attachmentKey) await this.files.remove(row.attachmentKey);
      return toReflection(saved);
    } catch (e) {
      await this.files.remove(key);
      throw e;
    }
  }

  async detach(actor: RequestActor, sessionId: string): Promise<Reflection> {
    const { settings, row } = await this.load(actor, sessionId);
    this.assertOpen(settings, row);
    if (!row?.attachmentKey) throw new DomainError('NOT_FOUND', { entity: 'attachment' });
    const saved = await this.prisma.reflection.update({
      where: { id: row.id },
      data: { attachmentName: null, attachmentType: null, attachmentSize: null, attachmentKey: null },
    });
    await this.files.remove(row.attachmentKey);
    return toReflection(saved);
  }

  private closedReason(settings: SettingsRow, row: ReflectionRow | null) {
    return reflectionClosedReason(row?.state ?? null, {
      enabled: settings.enabled,
      deadline: settings.deadline,
      now: new Date(),
    });
  }

  private assertOpen(settings: SettingsRow, row: ReflectionRow | null): void {
    const closed = this.closedReason(settings, row);
    if (closed)
      throw new DomainError('CONFLICT', { reason: closed === 'graded' ? 'reflection_graded' : closed });
  }

  /** The caller's own reflection in a session they are invited to, with the session's call. */
  /** Whether the caller may attach a file now; asked before the upload's body is read. */
  async mayAttach(actor: RequestActor, sessionId: string) {
    const loaded = await this.load(actor, sessionId);
    this.assertOpen(loaded.settings, loaded.row);
    return loaded;
  }

  private async load(actor: RequestActor, sessionId: string) {
    if (!actor.memberId) throw new DomainError('NOT_FOUND', { entity: 'member' });
    const session = await this.sessions.findVisible(actor, sessionId);
    const settings = await this.prisma.reflectionSettings.findUnique({ where: { sessionId } });
    if (!settings) throw new DomainError('NOT_FOUND', { entity: 'reflection' });
    const row = await this.prisma.reflection.findUnique({
      where: { sessionId_memberId: { sessionId, memberId: actor.memberId } },
    });
    return { session, settings, row, memberId: actor.memberId };
  }
}

const stale = (version: number) =>
  new DomainError('CONFLICT', { reason: 'stale_version' }, { reason: 'stale_version', version });
