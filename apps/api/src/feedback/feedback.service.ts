import { Injectable } from '@nestjs/common';
import type {
  FeedbackAnswersBody,
  FeedbackQuestion,
  FeedbackResults,
  FeedbackSurvey,
  FeedbackTemplate,
  FeedbackTemplateBody,
  OpenFeedbackBody,
  PresenterFeedback,
  SessionFeedback,
  UpdateFeedbackTemplateBody,
} from '@hallbridge/contracts';
import {
  answersProblem,
  canManageSession,
  DomainError,
  feedbackOpen,
  isWithin,
  MIN_FEEDBACK_RESPONSES,
  tallyFeedback,
  type FeedbackAnswers,
} from '@hallbridge/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { type Prisma, PrismaService } from '../database/prisma.service';
import { SessionsService } from '../sessions/sessions.service';

type TemplateRow = Prisma.FeedbackTemplateGetPayload<object>;
type SurveyRow = Prisma.FeedbackSurveyGetPayload<object>;
type Presenter = { userId: string; displayName: string };

const toTemplate = (t: TemplateRow): FeedbackTemplate => ({
  id: t.id,
  unitId: t.unitId,
  name: t.name,
  questions: t.questions as unknown as FeedbackQuestion[],
  archived: t.archived,
  updatedAt: t.updatedAt.toISOString(),
});

const ancestorIds = (path: string) => path.split('/').filter(Boolean);

/**
 * The anonymous survey after a session, from reusable templates. An answer is stored with no member
 * and no time under a random id; a separate receipt says who answered, so nobody answers twice and
 * nobody (organisers included) can tell who answered what. Results show from a few answers on.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  /** Templates an organiser may use: their units' above them and those within their scope. */
  async templates(actor: RequestActor): Promise<FeedbackTemplate[]> {
    if (actor.role !== 'organiser') throw new DomainError('FORBIDDEN');
    const rows = await this.prisma.feedbackTemplate.findMany({
      where: {
        OR: [
          { unitId: { in: ancestorIds(actor.unitPath) } },
          { unit: { path: { startsWith: actor.unitPath } } },
        ],
      },
      orderBy: { name: 'asc' },
    });
    return rows.map(toTemplate);
  }

  async createTemplate(actor: RequestActor, body: FeedbackTemplateBody): Promise<FeedbackTemplate> {
    const unit = await this.prisma.unit.findUnique({ where: { id: body.unitId ?? actor.unitId } });
    if (!unit || !isWithin(unit.path, actor.unitId)) throw new DomainError('NOT_FOUND', { entity: 'unit' });
    if (actor.role !== 'organiser') throw new DomainError('FORBIDDEN');
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.feedbackTemplate.create({
        data: { unitId: unit.id, name: body.name, questions: body.questions },
      });
      await this.audit.record(tx, actor, {
        action: 'feedback_template.created',
        entityType: 'feedback_template',
        entityId: row.id,
        unitPath: unit.path,
        after: toTemplate(row),
      });
      return toTemplate(row);
    });
  }

  async updateTemplate(
    actor: RequestActor,
    id: string,
    body: UpdateFeedbackTemplateBody,
  ): Promise<FeedbackTemplate> {
    const existing = await this.prisma.feedbackTemplate.findUnique({
      where: { id },
      include: { unit: true },
    });
    if (!existing || !isWithin(existing.unit.path, actor.unitId))
      throw new DomainError('NOT_FOUND', { entity: 'feedbackTemplate' });
    if (actor.role !== 'organiser') throw new DomainError('FORBIDDEN');
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.feedbackTemplate.update({ where: { id }, data: body });
      await this.audit.record(tx, actor, {
        action: 'feedback_template.updated',
        entityType: 'feedback_template',
        entityId: id,
        unitPath: existing.unit.path,
        before: toTemplate(existing),
        after: toTemplate(row),
      });
      return toTemplate(row);
    });
  }

  /** Opens (or reopens with another closing time) the session's survey from a template, copied as it is now. */
  async open(actor: RequestActor, sessionId: string, body: OpenFeedbackBody): Promise<FeedbackSurvey> {
    const session = await this.sessions.findManaged(actor, sessionId);
    const template = await this.prisma.feedbackTemplate.findUnique({
      where: { id: body.templateId },
      include: { unit: true },
    });
    const usable =
      template &&
      (ancestorIds(actor.unitPath).includes(template.unitId) || isWithin(template.unit.path, actor.unitId));
    if (!template || !usable || template.archived)
      throw new DomainError('NOT_FOUND', { entity: 'feedbackTemplate' });
    const presenters: Presenter[] = session.presenters.map((p) => ({
      userId: p.user.id,
      displayName: p.user.displayName,
    }));
    const answered = await this.prisma.feedbackReceipt.count({ where: { sessionId } });
    const existing = await this.prisma.feedbackSurvey.findUnique({ where: { sessionId } });
    const fresh = {
      templateId: template.id,
      templateName: template.name,
      questions: template.questions as Prisma.InputJsonValue,
      presenters,
      opensAt: existing?.opensAt ?? new Date(),
      closesAt: new Date(body.closesAt),
    };
    const row = await this.prisma.$transaction(async (tx) => {
      const saved = await tx.feedbackSurvey.upsert({
        where: { sessionId },
        create: { sessionId, ...fresh },
        // Once people answered, the questions stay: only the closing time may move.
        update: answered > 0 ? { closesAt: fresh.closesAt } : fresh,
      });
      await this.audit.record(tx, actor, {
        action: existing ? 'feedback.changed' : 'feedback.opened',
        entityType: 'feedback_survey',
        entityId: sessionId,
        sessionId,
        unitPath: session.hostUnit.path,
        after: { templateId: saved.templateId, closesAt: saved.closesAt },
      });
      return saved;
    });
    return this.toSurvey(row);
  }

  /** The survey as anyone who sees the session reads it, and whether the caller (a member) answered. */
  async get(actor: RequestActor, sessionId: string): Promise<SessionFeedback> {
    await this.sessions.findVisible(actor, sessionId);
    const row = await this.prisma.feedbackSurvey.findUnique({ where: { sessionId } });
    const answered = actor.memberId
      ? !!(await this.prisma.feedbackReceipt.findUnique({
          where: { sessionId_memberId: { sessionId, memberId: actor.memberId } },
        }))
      : false;
    return { survey: row ? this.toSurvey(row) : null, answered };
  }

  /** One answer per invited member: the receipt and the anonymous answer in one transaction. */
  async answer(actor: RequestActor, sessionId: string, body: FeedbackAnswersBody): Promise<SessionFeedback> {
    if (actor.role !== 'member' || !actor.memberId) throw new DomainError('FORBIDDEN');
    await this.sessions.findVisible(actor, sessionId);
    const row = await this.prisma.feedbackSurvey.findUnique({ where: { sessionId } });
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'feedbackSurvey' });
    if (!feedbackOpen(row.opensAt, row.closesAt, new Date()))
      throw new DomainError('CONFLICT', { reason: 'feedback_closed' });
    const questions = row.questions as unknown as FeedbackQuestion[];
    const presenters = row.presenters as unknown as Presenter[];
    const answers = body.answers as FeedbackAnswers;
    const problem = answersProblem(
      questions,
      presenters.map((p) => p.userId),
      answers,
    );
    if (problem) throw new DomainError('VALIDATION_FAILED', { summary: `answers.${problem}` });
    const memberId = actor.memberId;
    try {
      await this.prisma.$transaction(async (tx) => {
        await tx.feedbackReceipt.create({ data: { sessionId, memberId } });
        await tx.feedbackResponse.create({ data: { id: randomUUID(), sessionId, answers } });
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002')
        throw new DomainError('CONFLICT', { reason: 'feedback_already_sent' });
      throw e;
    }
    return { survey: this.toSurvey(row), answered: true };
  }

  /** Results for the organisers who run the session and for its presenters. */
  async results(actor: RequestActor, sessionId: string): Promise<FeedbackResults> {
    const session = await this.sessions.findVisible(actor, sessionId);
    const presents = actor.userId !== null && session.presenters.some((p) => p.userId === actor.userId);
    if (!canManageSession(actor, session.hostUnit.path) && !presents) throw new DomainError('FORBIDDEN');
    const row = await this.prisma.feedbackSurvey.findUnique({ where: { sessionId } });
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'feedbackSurvey' });
    const responses = await this.prisma.feedbackResponse.findMany({
      where: { sessionId },
      select: { answers: true },
    });
    const hidden = responses.length < MIN_FEEDBACK_RESPONSES;
    return {
      sessionId,
      title: session.title,
      responses: responses.length,
      minimumShown: MIN_FEEDBACK_RESPONSES,
      hidden,
      questions: hidden
        ? []
        : this.tally(
            row,
            responses.map((r) => r.answers as FeedbackAnswers),
          ),
    };
  }

  /** A presenter's results across the sessions in the organiser's scope that had enough answers. */
  async presenter(actor: RequestActor, userId: string): Promise<PresenterFeedback> {
    if (actor.role !== 'organiser') throw new DomainError('FORBIDDEN');
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user || user.role !== 'presenter') throw new DomainError('NOT_FOUND', { entity: 'user' });
    const surveys = await this.prisma.feedbackSurvey.findMany({
      where: {
        session: { hostUnit: { path: { startsWith: actor.unitPath } }, presenters: { some: { userId } } },
      },
      include: { session: { select: { title: true, startsAt: true } } },
      orderBy: { session: { startsAt: 'asc' } },
    });
    const sessions = [];
    for (const s of surveys) {
      const responses = await this.prisma.feedbackResponse.findMany({
        where: { sessionId: s.sessionId },
        select: { answers: true },
      });
      if (responses.length < MIN_FEEDBACK_RESPONSES) continue;
      sessions.push({
        sessionId: s.sessionId,
        title: s.session.title,
        startsAt: s.session.startsAt.toISOString(),
        responses: responses.length,
        questions: this.tally(
          s,
          responses.map((r) => r.answers as FeedbackAnswers),
        ).filter((q) => q.presenterId === userId),
      });
    }
    return { userId, displayName: user.displayName, sessions };
  }

  private tally(row: SurveyRow, responses: FeedbackAnswers[]) {
    const questions = row.questions as unknown as FeedbackQuestion[];
    const presenters = row.presenters as unknown as Presenter[];
    const names = new Map(presenters.map((p) => [p.userId, p.displayName]));
    const texts = new Map(questions.map((q) => [q.id, q]));
    return tallyFeedback(
      questions,
      presenters.map((p) => p.userId),
      responses,
    ).map((r) => ({
      ...r,
      text: texts.get(r.questionId)!.text,
      kind: texts.get(r.questionId)!.kind,
      presenterName: r.presenterId ? (names.get(r.presenterId) ?? null) : null,
    }));
  }

  private toSurvey(row: SurveyRow): FeedbackSurvey {
    return {
      sessionId: row.sessionId,
      templateName: row.templateName,
      questions: row.questions as unknown as FeedbackQuestion[],
      presenters: row.presenters as unknown as Presenter[],
      opensAt: row.opensAt.toISOString(),
      closesAt: row.closesAt.toISOString(),
      open: feedbackOpen(row.opensAt, row.closesAt, new Date()),
    };
  }
}
