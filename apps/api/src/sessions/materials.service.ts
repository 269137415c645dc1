import { Injectable } from '@nestjs/common';
import type { Material } from '@hallbridge/contracts';
import { canManageSession, DomainError } from '@hallbridge/domain';
import { extname } from 'node:path';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { FileStorage } from '../files/file-storage.service';
import { materialMatchesName, MATERIAL_TYPES } from './material-type';
import { SessionsService } from './sessions.service';

export const MATERIAL_MAX_BYTES = 50 * 1024 * 1024;

export interface UploadedMaterial {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** Reading materials (the resolution text, guides) that members download before the session. */
@Injectable()
export class MaterialsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly files: FileStorage,
    private readonly sessions: SessionsService,
  ) {}

  async upload(
    actor: RequestActor,
    sessionId: string,
    file: UploadedMaterial | undefined,
  ): Promise<Material> {
    const session = await this.sessionForUpload(actor, sessionId);
    if (!file)
      throw new DomainError('VALIDATION_FAILED', {
        summary: 'file: attach the document as the "file" field',
      });
    // multer decodes multipart file names as latin1; browsers send UTF-8.
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC');
    const extension = extname(fileName).toLowerCase();
    const mimeType = MATERIAL_TYPES[extension];
    const expected = Object.keys(MATERIAL_TYPES).join(', ');
    if (!mimeType) throw new DomainError('UNSUPPORTED_FILE', { expected });
    if (!materialMatchesName(extension, file.buffer)) throw new DomainError('UNSUPPORTED_FILE', { expected });
    const storageKey = await this.files.save('materials', file.buffer);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const m = await tx.material.create({
          data: { sessionId, fileName, mimeType, size: file.size, storageKey, uploadedById: actor.userId },
        });
        const material = {
          id: m.id,
          sessionId,
          fileName,
          mimeType,
          size: m.size,
          createdAt: m.createdAt.toISOString(),
        };
        await this.audit.record(tx, actor, {
          action: 'material.uploaded',
          entityType: 'material',
          entityId: m.id,
          sessionId,
          unitPath: session.hostUnit.path,
          after: material,
        });
        return material;
      });
    } catch (e) {
      await this.files.remove(storageKey);
      throw e;
    }
  }

  /** The session, if the caller may add materials to it (its organisers and presenters). */
  async sessionForUpload(actor: RequestActor, sessionId: string) {
    const session = await this.sessions.findVisible(actor, sessionId);
    const presents = actor.userId !== null && session.presenters.some((p) => p.userId === actor.userId);
    if (!canManageSession(actor, session.hostUnit.path) && !presents) throw new DomainError('FORBIDDEN');
    return session;
  }

  /** Anyone who may see the session may read its materials. */
  async open(actor: RequestActor, id: string) {
    const material = await this.prisma.material.findUnique({ where: { id } });
    if (!material) throw new DomainError('NOT_FOUND', { entity: 'material' });
    await this.sessions.findVisible(actor, material.sessionId);
    return { material, stream: this.files.open(material.storageKey) };
  }

  async remove(actor: RequestActor, id: string): Promise<void> {
    const material = await this.prisma.material.findUnique({ where: { id } });
    if (!material) throw new DomainError('NOT_FOUND', { entity: 'material' });
    const session = await this.sessions.findManaged(actor, material.sessionId);
    await this.prisma.$transaction(async (tx) => {
      await tx.material.delete({ where: { id } });
      await this.audit.record(tx, actor, {
        action: 'material.deleted',
        entityType: 'material',
        entityId: id,
        sessionId: session.id,
        unitPath: session.hostUnit.path,
        before: { fileName: material.fileName, size: material.size },
      });
    });
    await this.files.remove(material.storageKey);
  }
}
