import { Injectable } from '@nestjs/common';
import type { CheckInCode, CheckInResult } from '@hallbridge/contracts';
import {
  canManageRoster,
  DomainError,
  LoginThrottle,
  OPEN_ROOM_STATES,
  roomIsOpen,
  tooManyAttempts,
  parseCheckInCode,
  participantKey,
} from '@hallbridge/domain';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';
import { SessionsService } from '../sessions/sessions.service';
import { AttendanceReports } from './attendance-reports.service';
import { CheckInCodes } from './check-in-codes';

/**
 * District-room check-in. The room's screen shows a code that changes every minute; a member in the
 * room scans it (or types the digits) on their own phone, signed in through their join link, and is
 * present at that room for as long as the room's screen is connected. Guessing is bounded: ten wrong
 * codes per member are free, then each try waits longer.
 */
@Injectable()
export class CheckInService {
  /** Like wrong passwords: ten wrong codes are free, then each try waits longer (5 s doubling to 10 min). */
  private readonly wrongCodes = new LoginThrottle({
    freeFailures: 10,
    baseDelayMs: 5_000,
    maxDelayMs: 10 * 60_000,
    forgetAfterMs: 10 * 60_000,
  });

  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly codes: CheckInCodes,
    private readonly reports: AttendanceReports,
  ) {}

  /** The code a room shows for a session: the room's own screen, or staff who keep that room. */
  async code(actor: RequestActor, sessionId: string, siteId?: string): Promise<CheckInCode> {
    const session = await this.sessions.findVisible(actor, sessionId);
    const id = actor.role === 'site' ? actor.siteId! : siteId;
    if (!id) throw new DomainError('VALIDATION_FAILED', { summary: 'siteId: which room' });
    const site = await this.prisma.site.findUnique({ where: { id }, include: { unit: true } });
    if (!site || (actor.role !== 'site' && !canManageRoster(actor, site.unit.path)))
      throw new DomainError('NOT_FOUND', { entity: 'site' });
    // A room shows its code while the live room is open: before the start too, as people arrive.
    if (!roomIsOpen(session.state)) throw new DomainError('CONFLICT', { reason: 'check_in_closed' });
    const now = Date.now();
    const current = this.codes.current(session.id, site.id, now);
    return {
      sessionId: session.id,
      siteId: site.id,
      siteName: site.name,
      digits: current.digits,
      url: current.url,
      expiresAt: new Date(current.expiresAt).toISOString(),
      periodMs: this.codes.timing.periodMs,
      serverTime: new Date(now).toISOString(),
    };
  }

  /** A member scanned (or typed) a room's code. */
  async scan(actor: RequestActor, input: string): Promise<CheckInResult> {
    if (!actor.memberId) throw new DomainError('FORBIDDEN');
    const wait = this.wrongCodes.retryAfterMs(actor.memberId);
    if (wait > 0) throw tooManyAttempts(wait);
    const now = Date.now();
    const match = await this.resolve(actor, input, now);
    if (!match) {
      this.wrongCodes.recordFailure(actor.memberId);
      throw new DomainError('CHECKIN_CODE_INVALID');
    }
    const { session, site } = match;
    const at = new Date(now);
    const result = await this.prisma.$transaction(async (tx) => {
      const open = await tx.siteCheckIn.findMany({
        where: { sessionId: session.id, memberId: actor.memberId!, leftAt: null },
      });
      const here = open.find((c) => c.siteId === site.id);
      if (here) return { at: here.at, already: true };
      if (open.length)
        await tx.siteCheckIn.updateMany({
          where: { id: { in: open.map((c) => c.id) } },
          data: { leftAt: at },
        });
      await tx.siteCheckIn.create({
        data: {
          sessionId: session.id,
          memberId: actor.memberId!,
          siteId: site.id,
          at,
          method: 'code',
          recordedById: participantKey(actor),
          recordedBy: actor.principal.displayName,
        },
      });
      return { at, already: false };
    });
    this.reports.invalidate(session.id);
    return {
      sessionId: session.id,
      sessionTitle: session.title,
      siteId: site.id,
      siteName: site.name,
      at: result.at.toISOString(),
      already: result.already,
    };
  }

  /** The member says they are leaving the room (before the session ends). */
  async leave(actor: RequestActor, sessionId: string): Promise<void> {
    if (!actor.memberId) throw new DomainError('FORBIDDEN');
    await this.sessions.findVisible(actor, sessionId);
    await this.prisma.siteCheckIn.updateMany({
      where: { sessionId, memberId: actor.memberId, leftAt: null },
      data: { leftAt: new Date() },
    });
    this.reports.invalidate(sessionId);
  }

  /**
   * Which room and session a code belongs to. A scanned token names them; six typed digits are
   * matched against the rooms connected to the sessions the member is invited to right now.
   */
  private async resolve(actor: RequestActor, input: string, now: number) {
    const parsed = parseCheckInCode(input);
    if (!parsed) return null;
    let candidates: { sessionId: string; siteId: string }[];
    if (parsed.kind === 'token') {
      candidates = [{ sessionId: parsed.sessionId, siteId: parsed.siteId }];
    } else {
      const sessions = (
        await Promise.all(OPEN_ROOM_STATES.map((state) => this.sessions.list(actor, { state })))
      ).flat();
      if (sessions.length === 0) return null;
      const rooms = await this.prisma.presenceInterval.findMany({
        where: { sessionId: { in: sessions.map((s) => s.id) }, siteId: { not: null }, endedAt: null },
        select: { sessionId: true, siteId: true },
        distinct: ['sessionId', 'siteId'],
      });
      candidates = rooms.map((r) => ({ sessionId: r.sessionId, siteId: r.siteId! }));
    }
    const hits = candidates.filter((c) => this.codes.accepts(c.sessionId, c.siteId, parsed.digits, now));
    // Two rooms showing the same six digits at once: the member scans the QR code instead.
    if (hits.length !== 1) return null;
    const [hit] = hits;
    const session = await this.sessions.findVisible(actor, hit!.sessionId).catch(() => null);
    if (!session || !roomIsOpen(session.state)) return null;
    const site = await this.prisma.site.findUnique({ where: { id: hit!.siteId } });
    return site ? { session, site } : null;
  }
}
