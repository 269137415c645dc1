import { Injectable } from '@nestjs/common';
import type {
  ReflectionForReview,
  ReflectionRow as ReflectionListRow,
  ReviewReflectionBody,
  SessionReflections,
} from '@hallbridge/contracts';
import {
  canReviewReflections,
  DomainError,
  findGrade,
  isHandedIn,
  reviewRefusal,
  stateAfterReview,
  summarizeReflections,
  summarizeReflectionsByUnit,
  type GradeLevel,
} from '@hallbridge/domain';
import { AttendanceReports } from '../attendance/attendance-reports.service';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { FileStorage } from '../files/file-storage.service';
import { attachmentOf, reviewOf, scaleOf, toSettings, type ReflectionRow } from './reflection-view';

/**
 * The branch secretary (or an organiser above the branch) reads handed-in reflections and grades
 * them or asks for a revision. Drafts stay private to their writer; every review is audited.
 */
@Injectable()
export class ReflectionReviewsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly files: FileStorage,
    private readonly attendance: AttendanceReports,
  ) {}

  /** Every invited member in the caller's scope, with their reflection's state and attendance. */
  async list(actor: RequestActor, sessionId: string): Promise<SessionReflections> {
    // Reviewing is the secretaries' and organisers' business: a room screen may read the session's
    // roster (for check-in), never who handed in what and how it was graded.
    if (actor.role !== 'secretary' && actor.role !== 'organiser') {
      await this.attendance.view(actor, sessionId); // outside the session's scope stays a 404
      throw new DomainError('FORBIDDEN');
    }
    // The attendance report is the roster of the session as the caller may see it (and checks that).
    const report = await this.attendance.view(actor, sessionId);
    const settingsRow = await this.prisma.reflectionSettings.findUnique({ where: { sessionId } });
    const rows = await this.prisma.reflection.findMany({
      where: { sessionId, memberId: { in: report.members.map((m) => m.memberId) } },
    });
    const byMember = new Map(rows.map((r) => [r.memberId, r]));
    const held = report.state !== 'scheduled';
    const members: ReflectionListRow[] = report.members.map((m) => {
      const r = byMember.get(m.memberId);
      const visible = !!r && isHandedIn(r.state);
      return {
        memberId: m.memberId,
        fullName: m.fullName,
        unitId: m.unitId,
        unitName: m.unitName,
        memberStatus: m.memberStatus,
        required: m.required,
        attendance: held ? m.status : null,
        reflectionId: visible ? r.id : null,
        state: r?.state ?? null,
        submittedAt: r?.submittedAt?.toISOString() ?? null,
        words: visible ? r.submittedWords : null,
        hasAttachment: visible && !!r.attachmentKey,
        review: r ? reviewOf(r) : null,
      };
    });
    const outcome = (m: ReflectionListRow) => ({
      required: m.required,
      state: m.state,
      gradeKey: m.state === 'graded' ? (m.review?.gradeKey ?? null) : null,
      passing: m.state === 'graded' ? (m.review?.passing ?? null) : null,
    });
    const names = new Map(report.branches.map((b) => [b.unitId, b.unitName]));
    return {
      sessionId,
      title: report.title,
      settings: settingsRow ? toSettings(settingsRow) : null,
      scopeUnitName: report.scopeUnitName,
      canReview: actor.role === 'secretary' || actor.role === 'organiser',
      total: summarizeReflections(members.map(outcome)),
      branches: summarizeReflectionsByUnit(
        members.map((m) => ({ unitId: m.unitId, outcome: outcome(m) })),
        report.branches.map((b) => b.unitId),
      ).map((b) => ({
        ...b,
        unitName: names.get(b.unitId) ?? members.find((m) => m.unitId === b.unitId)?.unitName ?? '',
      })),
      members,
    };
  }

  async read(actor: RequestActor, reflectionId: string): Promise<ReflectionForReview> {
    const { row, settings, member, session } = await this.reviewable(actor, reflectionId);
    return {
      id: row.id,
      sessionId: row.sessionId,
      sessionTitle: session.title,
      memberId: row.memberId,
      fullName: member.fullName,
      unitName: member.unit.name,
      state: row.state,
      body: row.submittedBody ?? '',
      words: row.submittedWords ?? 0,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      attachment: attachmentOf(row),
      review: reviewOf(row),
      gradeScale: scaleOf(settings),
      questions: settings.questions as string[],
    };
  }

  /** A grade (first or corrected) or a request to revise, with an optional comment; audited. */
  async review(
    actor: RequestActor,
    reflectionId: string,
    body: ReviewReflectionBody,
  ): Promise<ReflectionForReview> {
    const { row, settings, member } = await this.reviewable(actor, reflectionId);
    const refusal = reviewRefusal(row.state);
    if (refusal) throw new DomainError('CONFLICT', { reason: refusal });
    let grade: GradeLevel | null = null;
    if (body.decision === 'grade') {
      grade = findGrade(scaleOf(settings), body.gradeKey ?? '');
      if (!grade)
        throw new DomainError('VALIDATION_FAILED', {
          summary: `gradeKey: not on this session's scale (${body.gradeKey})`,
        });
    }
    const now = new Date();
    await this.prisma.$transaction(async (tx) => {
      const moved = await tx.reflection.updateMany({
        where: { id: row.id, state: row.state, submittedVersion: row.submittedVersion },
        data: {
          state: stateAfterReview(body.decision),
          gradeKey: grade?.key ?? null,
          gradeLabel: grade?.label ?? null,
          gradePassing: grade?.passing ?? null,
          reviewComment: body.comment ?? null,
          reviewedAt: now,
          reviewedById: actor.userId,
          reviewedBy: actor.principal.displayName,
        },
      });
      if (moved.count !== 1) throw new DomainError('CONFLICT', { reason: 'reflection_changed' });
      await this.audit.record(tx, actor, {
        action:
          body.decision === 'grade'
            ? row.state === 'graded'
              ? 'reflection.regraded'
              : 'reflection.graded'
            : 'reflection.revision_requested',
        entityType: 'reflection',
        entityId: row.id,
        sessionId: row.sessionId,
        unitPath: member.unit.path,
        before: { state: row.state, grade: row.gradeKey, comment: row.reviewComment },
        after: {
          state: stateAfterReview(body.decision),
          grade: grade?.key ?? null,
          comment: body.comment ?? null,
        },
      });
    });
    return this.read(actor, reflectionId);
  }

  /** The attachment, for its writer or a reviewer of a handed-in reflection. */
  async openAttachment(actor: RequestActor, reflectionId: string) {
    const row = await this.prisma.reflection.findUnique({ where: { id: reflectionId } });
    const own = !!row && actor.memberId === row.memberId;
    const found = own ? row : (await this.reviewable(actor, reflectionId)).row;
    if (!found?.attachmentKey) throw new DomainError('NOT_FOUND', { entity: 'attachment' });
    return {
      fileName: found.attachmentName ?? 'attachment',
      mimeType: found.attachmentType ?? 'application/octet-stream',
      size: found.attachmentSize ?? 0,
      stream: this.files.open(found.attachmentKey),
    };
  }

  /** A handed-in reflection of a member under the caller's unit; anything else is "not found". */
  private async reviewable(actor: RequestActor, reflectionId: string) {
    const row: ReflectionRow | null = await this.prisma.reflection.findUnique({
      where: { id: reflectionId },
    });
    const member = row
      ? await this.prisma.member.findUnique({ where: { id: row.memberId }, include: { unit: true } })
      : null;
    if (!row || !member || !isHandedIn(row.state) || !canReviewReflections(actor, member.unit.path))
      throw new DomainError('NOT_FOUND', { entity: 'reflection' });
    const [settings, session] = await Promise.all([
      this.prisma.reflectionSettings.findUniqueOrThrow({ where: { sessionId: row.sessionId } }),
      this.prisma.studySession.findUniqueOrThrow({ where: { id: row.sessionId } }),
    ]);
    return { row, settings, member, session };
  }
}
