import { Inject, Injectable } from '@nestjs/common';
import type { PeriodQuery, PresenceIntervalRecord, SessionAttendance } from '@hallbridge/contracts';
import type { Writable } from 'node:stream';
import type { RequestActor } from '../auth/request-actor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';
import { AttendanceHistory } from './attendance-history.service';
import { AttendanceReports } from './attendance-reports.service';
import { writePeriodCsv, writeSessionCsv, type PeriodRow } from './export/attendance-csv';
import { renderPeriodPrint, renderSessionPrint } from './export/attendance-print';
import { markKey, type ReflectionLookup, type ReflectionMark } from './export/reflection-columns';
import { writePeriodWorkbook, writeSessionWorkbook, type RawIntervalRow } from './export/attendance-xlsx';
import { reportFormat, type ReportFormat } from './export/report-format';

/** Files of one session's attendance, or of a unit's period: the same figures the panel shows. */
@Injectable()
export class AttendanceExports {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly reports: AttendanceReports,
    private readonly history: AttendanceHistory,
  ) {}

  format(language: string | undefined): ReportFormat {
    return reportFormat(language, this.config.attendance.timeZone);
  }

  async sessionCsv(actor: RequestActor, sessionId: string, language?: string) {
    const f = this.format(language);
    const report = await this.reports.view(actor, sessionId);
    const lookup = await this.reflections(actor, [sessionId], report.members);
    return {
      fileName: this.fileName(f, report.title, 'csv'),
      write: (stream: Writable) =>
        writeSessionCsv(
          stream,
          f,
          report.members,
          lookup?.asked.has(sessionId) ? { sessionId, lookup } : null,
        ),
    };
  }

  async sessionXlsx(actor: RequestActor, sessionId: string, language: string | undefined) {
    const f = this.format(language);
    const report = await this.reports.view(actor, sessionId);
    const intervals = await this.rawIntervals(report, f);
    const lookup = await this.reflections(actor, [sessionId], report.members);
    return {
      fileName: this.fileName(f, report.title, 'xlsx'),
      write: (stream: Writable) => writeSessionWorkbook(stream, f, report, intervals, lookup),
    };
  }

  async sessionPrint(actor: RequestActor, sessionId: string, language?: string): Promise<string> {
    return renderSessionPrint(this.format(language), await this.reports.view(actor, sessionId));
  }

  async unitCsv(actor: RequestActor, unitId: string, query: PeriodQuery, language?: string) {
    const f = this.format(language);
    const { period, rows } = await this.history.unit(actor, unitId, query);
    const lookup = await this.periodReflections(actor, rows);
    return {
      fileName: this.fileName(f, period.unitName, 'csv'),
      write: (stream: Writable) => writePeriodCsv(stream, f, rows, lookup),
    };
  }

  async unitXlsx(actor: RequestActor, unitId: string, query: PeriodQuery, language?: string) {
    const f = this.format(language);
    const { period, rows, organisationName } = await this.history.unit(actor, unitId, query);
    const lookup = await this.periodReflections(actor, rows);
    return {
      fileName: this.fileName(f, period.unitName, 'xlsx'),
      write: (stream: Writable) => writePeriodWorkbook(stream, f, period, organisationName, rows, lookup),
    };
  }

  async unitPrint(actor: RequestActor, unitId: string, query: PeriodQuery, language?: string) {
    const { period, organisationName } = await this.history.unit(actor, unitId, query);
    return renderPeriodPrint(this.format(language), period, organisationName);
  }

  private periodReflections(actor: RequestActor, rows: readonly PeriodRow[]) {
    return this.reflections(
      actor,
      [...new Set(rows.map((r) => r.sessionId))],
      rows.map((r) => r.member),
    );
  }

  /**
   * The reflections of the members the report shows, for the columns beside attendance. Only for
   * those who review reflections (organisers, secretaries: the same scope as the report); a room
   * screen's or anyone else's export leaves them out. Null when no session asked for reflections.
   */
  private async reflections(
    actor: RequestActor,
    sessionIds: string[],
    members: readonly { memberId: string }[],
  ): Promise<ReflectionLookup | null> {
    if (actor.role !== 'organiser' && actor.role !== 'secretary') return null;
    const settings = await this.prisma.reflectionSettings.findMany({
      where: { sessionId: { in: sessionIds }, enabled: true },
      select: { sessionId: true },
    });
    if (settings.length === 0) return null;
    const asked = new Set(settings.map((s) => s.sessionId));
    const rows = await this.prisma.reflection.findMany({
      where: {
        sessionId: { in: [...asked] },
        memberId: { in: [...new Set(members.map((m) => m.memberId))] },
      },
      select: { sessionId: true, memberId: true, state: true, gradeLabel: true, gradePassing: true },
    });
    const marks = new Map<string, ReflectionMark>(
      rows.map((r) => [
        markKey(r.sessionId, r.memberId),
        { state: r.state, gradeLabel: r.gradeLabel, passing: r.gradePassing },
      ]),
    );
    return { asked, marks };
  }

  /** Every captured connection of the members (and rooms) the caller may see. */
  async intervals(actor: RequestActor, sessionId: string): Promise<PresenceIntervalRecord[]> {
    return this.intervalsOf(await this.reports.view(actor, sessionId));
  }

  /** The connections of the members and rooms a report covers (all of them for the whole session). */
  private async intervalsOf(report: SessionAttendance): Promise<PresenceIntervalRecord[]> {
    const rows = await this.prisma.presenceInterval.findMany({
      where: { sessionId: report.sessionId },
      orderBy: { startedAt: 'asc' },
    });
    const members = new Set(report.members.map((m) => m.memberId));
    const sites = new Set(report.sites.map((s) => s.siteId));
    return rows
      .filter((r) =>
        report.wholeSession ? true : r.memberId ? members.has(r.memberId) : !!r.siteId && sites.has(r.siteId),
      )
      .map((r) => ({
        id: r.id,
        participantKey: r.participantKey,
        memberId: r.memberId,
        siteId: r.siteId,
        name: r.name,
        source: r.source,
        connectionId: r.connectionId,
        startedAt: r.startedAt.toISOString(),
        endedAt: r.endedAt?.toISOString() ?? null,
        lastSeenAt: r.lastSeenAt.toISOString(),
        endReason: r.endReason,
      }));
  }

  /** The caller's connections and room stays, for the workbook's raw sheet (the report already read). */
  private async rawIntervals(report: SessionAttendance, f: ReportFormat): Promise<RawIntervalRow[]> {
    const { sessionId } = report;
    const intervals = await this.intervalsOf(report);
    const members = new Map(report.members.map((m) => [m.memberId, m]));
    const siteNames = new Map(report.sites.map((s) => [s.siteId, s.siteName]));
    const checkIns = await this.prisma.siteCheckIn.findMany({
      where: { sessionId, memberId: { in: [...members.keys()] } },
      orderBy: { at: 'asc' },
    });
    const names = new Map(
      (
        await this.prisma.site.findMany({
          where: { id: { in: [...new Set(checkIns.map((c) => c.siteId))] } },
          select: { id: true, name: true },
        })
      ).map((s) => [s.id, s.name]),
    );
    const rows: RawIntervalRow[] = intervals.map((i) => {
      const member = i.memberId ? members.get(i.memberId) : undefined;
      return {
        name: member?.fullName ?? i.name ?? i.participantKey,
        unitName: member?.unitName ?? '',
        source: f.t(`sources.${i.siteId ? 'site_screen' : i.source}`),
        siteName: i.siteId ? (siteNames.get(i.siteId) ?? '') : '',
        startedAt: i.startedAt,
        endedAt: i.endedAt,
        endReason: i.endReason ? f.t(`endReasons.${i.endReason}`) : '',
        connectionId: i.connectionId,
      };
    });
    for (const c of checkIns) {
      const member = members.get(c.memberId)!;
      rows.push({
        name: member.fullName,
        unitName: member.unitName,
        source: f.t(`sources.check_in_${c.method}`),
        siteName: names.get(c.siteId) ?? '',
        startedAt: c.at.toISOString(),
        endedAt: c.leftAt?.toISOString() ?? null,
        endReason: c.recordedBy,
        connectionId: c.id,
      });
    }
    return rows.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }

  private fileName(f: ReportFormat, subject: string, ext: string): string {
    return `${f.t('export.fileName')} - ${subject
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .trim()
      .slice(0, 80)}.${ext}`;
  }
}
