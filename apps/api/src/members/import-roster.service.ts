import { Injectable } from '@nestjs/common';
import type { ImportIssue, ImportQuery, ImportReport } from '@hallbridge/contracts';
import { canManageRoster, DomainError, matchKey, validateRoster } from '@hallbridge/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { translate } from '../common/i18n/translate';
import { PrismaService } from '../database/prisma.service';
import { MembersService } from './members.service';
import { readRosterFile, type RosterFileIssue } from './roster-file';

export interface UploadedRoster {
  originalname: string;
  buffer: Buffer;
}

/**
 * Imports a roster file all or nothing: every row is checked first, and only a file without
 * errors is written, in one transaction. Rows that match a member already on the roster are
 * reported as likely duplicates and left out, so importing the same file twice adds nobody twice.
 */
@Injectable()
export class ImportRosterService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly members: MembersService,
  ) {}

  async run(
    actor: RequestActor,
    file: UploadedRoster | undefined,
    query: ImportQuery,
    lang?: string,
  ): Promise<ImportReport> {
    await this.assertMayImport(actor, query);
    if (!file)
      throw new DomainError('VALIDATION_FAILED', { summary: 'file: attach the roster as the "file" field' });

    const sheet = await readRosterFile(file.originalname, file.buffer);
    if (!('headers' in sheet)) throw this.invalid(file.originalname, query, [sheet], lang);
    const units = await this.prisma.unit.findMany({
      where: { path: { startsWith: actor.unitPath } },
      select: { id: true, code: true, name: true, kind: true, path: true },
    });
    const existing = await this.prisma.member.findMany({
      where: { unitId: { in: units.map((u) => u.id) } },
      select: { id: true, fullName: true, unitId: true, phone: true, email: true },
    });
    const result = validateRoster(sheet.headers, sheet.rows, {
      units,
      existing,
      defaultUnitId: query.unitId,
    });

    const report: ImportReport = {
      fileName: file.originalname,
      rows: sheet.rows.filter((r) => r.cells.some((c) => c !== '')).length,
      valid: result.issues.length === 0,
      imported: 0,
      dryRun: query.dryRun,
      errors: result.issues.map((i) => issueOf(i, lang)),
      duplicates: result.duplicates.map((d) => {
        const match = d.matchesMemberId ? existing.find((m) => m.id === d.matchesMemberId) : undefined;
        return {
          ...d,
          matchesMemberName: match?.fullName ?? null,
          matchesUnitName: match ? (units.find((u) => u.id === match.unitId)?.name ?? null) : null,
        };
      }),
    };
    if (!report.valid) throw new DomainError('IMPORT_INVALID', { count: report.errors.length }, report);
    if (query.dryRun) return report;

    const skip = new Set(result.duplicates.filter((d) => d.matchesMemberId).map((d) => d.row));
    const toCreate = result.members.filter((m) => !skip.has(m.row));
    await this.prisma.$transaction(
      async (tx) => {
        await tx.member.createMany({
          data: toCreate.map(({ row: _row, ...m }) => ({ ...m, nameKey: matchKey(m.fullName) })),
        });
        await this.audit.record(tx, actor, {
          action: 'roster.imported',
          entityType: 'unit',
          entityId: query.unitId ?? actor.unitId,
          unitPath: units.find((u) => u.id === (query.unitId ?? actor.unitId))?.path ?? actor.unitPath,
          after: { fileName: file.originalname, imported: toCreate.length, skippedDuplicates: skip.size },
        });
      },
      { timeout: 60_000 },
    );
    return { ...report, imported: toCreate.length };
  }

  /** Asked before the upload is read, and again when it is handled. */
  async assertMayImport(actor: RequestActor, query: ImportQuery): Promise<void> {
    if (!canManageRoster(actor, actor.unitPath)) throw new DomainError('FORBIDDEN');
    if (query.unitId) await this.members.rosterUnit(actor, query.unitId, true);
  }

  /** A file that could not be read to the end: the report names where reading stopped and why. */
  private invalid(fileName: string, query: ImportQuery, issues: RosterFileIssue[], lang?: string) {
    const report: ImportReport = {
      fileName,
      rows: 0,
      valid: false,
      imported: 0,
      dryRun: query.dryRun,
      errors: issues.map((i) => issueOf({ ...i, column: null }, lang)),
      duplicates: [],
    };
    return new DomainError('IMPORT_INVALID', { count: issues.length }, report);
  }
}

const issueOf = (i: Omit<ImportIssue, 'message'>, lang?: string): ImportIssue => ({
  ...i,
  message: translate(lang, `importIssues.${i.code}`, { value: i.value ?? '' }),
});
