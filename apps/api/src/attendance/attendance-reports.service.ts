import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { SessionAttendance } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import type { RequestActor } from '../auth/request-actor';
import { ClusterBus, type BusChannel } from '../cluster/cluster-bus';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';
import { SessionLifecycle } from '../live/session-lifecycle';
import { sessionInclude, type SessionRow } from '../sessions/session-view';
import { AttendanceAccess, type AttendanceScope } from './attendance-access';
import { AttendanceInputsReader } from './attendance-inputs';
import { buildReport, isFinalState, scopeReport, type FullReport } from './attendance-report';
import { AttendanceSnapshots } from './attendance-snapshots';

/** A final reading changes only when someone marks something (which clears it), or the roster moves. */
const FINAL_CACHE_MS = 30_000;

/**
 * Computes a session's attendance from what was captured, or reads the frozen record once attendance
 * is closed. Every viewer of a live panel polls, so a computation is shared for a couple of seconds.
 * Each instance keeps its own computations; a change made on one (a mark, a check-in, a state)
 * clears the session's on every instance through the cluster bus, so none serves a stale reading.
 * Closing attendance freezes the record; reopening makes it computed again (both are audited by the
 * session's state machine).
 */
@Injectable()
export class AttendanceReports implements OnModuleInit {
  private readonly logger = new Logger('Attendance');
  private readonly cache = new Map<string, { expires: number; report: Promise<FullReport> }>();
  private readonly freezing = new Map<string, Promise<void>>();
  private readonly changed: BusChannel<{ sessionId: string }>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly access: AttendanceAccess,
    private readonly inputs: AttendanceInputsReader,
    private readonly snapshots: AttendanceSnapshots,
    private readonly lifecycle: SessionLifecycle,
    bus: ClusterBus,
  ) {
    this.changed = bus.channel('attendance:changed');
  }

  onModuleInit(): void {
    this.changed.subscribe(({ sessionId }) => this.cache.delete(sessionId));
    this.lifecycle.on('state', ({ sessionId, state }) => {
      this.invalidate(sessionId);
      if (state === 'attendance_closed')
        this.freeze(sessionId).catch((e) =>
          this.logger.error(`freezing attendance of ${sessionId}`, (e as Error).stack),
        );
    });
  }

  /** The caller's part of a session's attendance. */
  async view(actor: RequestActor, sessionId: string): Promise<SessionAttendance> {
    const scope = await this.access.scope(actor, sessionId);
    return this.scoped(scope, await this.full(scope.session));
  }

  async scoped(scope: AttendanceScope, report: FullReport): Promise<SessionAttendance> {
    let target: number | null = report.hostTarget;
    if (scope.unitPath !== null) {
      const branch = report.branches.find((b) => b.unitId === scope.unitId);
      target =
        branch?.targetPercent ??
        Number(
          (await this.prisma.unit.findUnique({ where: { id: scope.unitId } }))?.participationTarget ?? 95,
        );
    }
    return scopeReport(report, { unitPath: scope.unitPath, unitName: scope.unitName, targetPercent: target });
  }

  /** The whole session: the frozen record when attendance is closed, else computed now. */
  async full(session: SessionRow): Promise<FullReport> {
    if (session.state === 'cancelled') throw new DomainError('CONFLICT', { reason: 'session_cancelled' });
    if (session.state === 'attendance_closed') {
      const frozen = await this.snapshots.load(session);
      if (frozen) return frozen;
      // Closed, but the freeze that follows the closing has not landed (or failed): do it now.
      await this.freeze(session.id);
      const again = await this.snapshots.load(session);
      if (again) return again;
    }
    const now = Date.now();
    const cached = this.cache.get(session.id);
    if (cached && cached.expires > now) return cached.report;
    const report = this.compute(session, now);
    const ttl = isFinalState(session.state) ? FINAL_CACHE_MS : this.config.attendance.reportCacheMs;
    this.cache.set(session.id, { expires: now + ttl, report });
    report.catch(() => this.cache.delete(session.id));
    return report;
  }

  /** Forgets the session's computed reading here and on the other instances. */
  invalidate(sessionId: string): void {
    this.cache.delete(sessionId);
    this.changed.publish({ sessionId });
  }

  /** Freezes a closed session's attendance once per closing (concurrent calls share the work). */
  freeze(sessionId: string): Promise<void> {
    const running = this.freezing.get(sessionId);
    if (running) return running;
    const work = (async () => {
      const session = await this.prisma.studySession.findUniqueOrThrow({
        where: { id: sessionId },
        include: sessionInclude,
      });
      if (session.state !== 'attendance_closed' || !session.attendanceClosedAt) return;
      if (await this.snapshots.exists(session)) return;
      const report = await this.compute(session, Date.now());
      await this.snapshots.save(session.attendanceClosedAt, report).catch((error) => {
        // Another instance froze it first (the unique closing time): theirs is the record.
        if ((error as { code?: string }).code !== 'P2002') throw error;
      });
      this.invalidate(sessionId);
    })().finally(() => this.freezing.delete(sessionId));
    this.freezing.set(sessionId, work);
    return work;
  }

  private async compute(session: SessionRow, now: number): Promise<FullReport> {
    const inputs = await this.inputs.read(session);
    const { staleAfterMs, heartbeatMs } = this.config.attendance;
    return buildReport(session, inputs, now, { timeoutMs: staleAfterMs, graceMs: heartbeatMs });
  }
}
