import { Injectable } from '@nestjs/common';
import type { ReflectionCall, ReflectionSettings, ReflectionSettingsBody } from '@hallbridge/contracts';
import { DomainError, gradeScaleProblem } from '@hallbridge/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { SessionsService } from '../sessions/sessions.service';
import { toSettings } from './reflection-view';

/** The organiser turns reflections on for a session: deadline, guiding questions, minimum, grades. */
@Injectable()
export class ReflectionSettingsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  /** Anyone who sees the session sees whether reflections are asked for, and how. */
  async get(actor: RequestActor, sessionId: string): Promise<ReflectionCall> {
    await this.sessions.findVisible(actor, sessionId);
    const row = await this.prisma.reflectionSettings.findUnique({ where: { sessionId } });
    return { settings: row ? toSettings(row) : null };
  }

  /** Set or change (a later deadline, other questions); grades already given keep their label. */
  async put(
    actor: RequestActor,
    sessionId: string,
    body: ReflectionSettingsBody,
  ): Promise<ReflectionSettings> {
    const session = await this.sessions.findManaged(actor, sessionId);
    if (session.state === 'cancelled') throw new DomainError('CONFLICT', { reason: 'session_cancelled' });
    const problem = gradeScaleProblem(body.gradeScale);
    if (problem)
      throw new DomainError('VALIDATION_FAILED', { summary: `gradeScale: ${problem.replace('_', ' ')}` });
    const data = {
      enabled: body.enabled,
      deadline: new Date(body.deadline),
      questions: body.questions,
      minWords: body.minWords,
      gradeScale: body.gradeScale,
    };
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.reflectionSettings.findUnique({ where: { sessionId } });
      const row = await tx.reflectionSettings.upsert({
        where: { sessionId },
        create: { sessionId, ...data },
        // A new deadline gives members their reminders again.
        update: {
          ...data,
          ...(before && before.deadline.getTime() !== data.deadline.getTime() ? { remindersSent: [] } : {}),
        },
      });
      await this.audit.record(tx, actor, {
        action: before ? 'reflections.settings_changed' : 'reflections.enabled',
        entityType: 'reflection_settings',
        entityId: sessionId,
        sessionId,
        unitPath: session.hostUnit.path,
        before: before ? toSettings(before) : null,
        after: toSettings(row),
      });
      return toSettings(row);
    });
  }
}
