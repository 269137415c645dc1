import { Inject, Injectable } from '@nestjs/common';
import type { GradeLevel, YearBranch, YearEvaluation, YearFigures } from '@hallbridge/contracts';
import { compareNames, evaluateYear, type YearEntry } from '@hallbridge/domain';
import { AttendanceHistory } from '../attendance/attendance-history.service';
import type { RequestActor } from '../auth/request-actor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';

function figuresOf(y: ReturnType<typeof evaluateYear>): YearFigures {
  return {
    required: y.attendance.required,
    attended: y.attendance.attending,
    excused: y.attendance.excused,
    absent: y.attendance.absent,
    attendanceRate: y.attendance.rate,
    reflectionsAsked: y.reflections.required,
    reflectionsSubmitted: y.reflections.submitted,
    reflectionsGraded: y.reflections.graded,
    reflectionsPassing: y.reflections.passing,
    byGrade: y.reflections.byGrade,
    submissionRate: y.reflections.submissionRate,
    passRate: y.reflections.passRate,
  };
}

/**
 * The year's record for a unit: each member's sessions (attendance as its own rules computed it,
 * frozen where attendance was closed) and reflections (asked, handed in, graded), and each branch
 * against its target. Read by the annual evaluation of branches and members.
 */
@Injectable()
export class EvaluationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly attendance: AttendanceHistory,
  ) {}

  async year(actor: RequestActor, unitId: string, year?: number): Promise<YearEvaluation> {
    const zone = this.config.attendance.timeZone;
    const y = year ?? Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format());
    // Scope and the attendance figures come from the attendance history, unchanged.
    const { period, rows, organisationName } = await this.attendance.unit(actor, unitId, { year: y });
    const sessionIds = period.sessions.map((s) => s.sessionId);
    const [settings, reflections, units] = await Promise.all([
      this.prisma.reflectionSettings.findMany({ where: { sessionId: { in: sessionIds }, enabled: true } }),
      this.prisma.reflection.findMany({
        where: { sessionId: { in: sessionIds } },
        select: { sessionId: true, memberId: true, state: true, gradeLabel: true, gradePassing: true },
      }),
      this.prisma.unit.findMany({
        where: { id: { in: [...new Set([unitId, ...rows.map((r) => r.member.unitId)])] } },
        select: { id: true, name: true, participationTarget: true },
      }),
    ]);
    const asked = new Set(settings.map((s) => s.sessionId));
    const reflectionOf = new Map(reflections.map((r) => [`${r.sessionId}/${r.memberId}`, r]));
    const grades: string[] = [];
    for (const s of settings)
      for (const g of s.gradeScale as unknown as GradeLevel[])
        if (!grades.includes(g.label)) grades.push(g.label);

    const entries = rows.map((r) => {
      const refl = reflectionOf.get(`${r.sessionId}/${r.member.memberId}`);
      const entry: YearEntry = {
        attendance: { status: r.member.status, required: r.member.required },
        reflectionsOn: asked.has(r.sessionId),
        reflection: refl
          ? {
              state: refl.state,
              gradeKey: refl.state === 'graded' ? refl.gradeLabel : null,
              passing: refl.gradePassing,
            }
          : null,
      };
      return { member: r.member, entry };
    });

    const group = <K>(key: (e: (typeof entries)[number]) => K) => {
      const out = new Map<K, typeof entries>();
      for (const e of entries) {
        const k = key(e);
        const list = out.get(k);
        if (list) list.push(e);
        else out.set(k, [e]);
      }
      return out;
    };
    const target = new Map(units.map((u) => [u.id, Number(u.participationTarget)]));
    const branchOf = (id: string, name: string, list: typeof entries): YearBranch => {
      const t = target.get(id) ?? null;
      const figures = evaluateYear(
        list.map((e) => e.entry),
        t,
      );
      return {
        unitId: id,
        unitName: name,
        targetPercent: t,
        figures: figuresOf(figures),
        attendanceMeetsTarget: figures.attendance.meetsTarget,
        reflectionsMeetTarget: figures.reflectionsMeetTarget,
      };
    };
    const members = [...group((e) => e.member.memberId).values()]
      .map((list) => {
        const last = list.at(-1)!.member;
        return {
          memberId: last.memberId,
          fullName: last.fullName,
          unitId: last.unitId,
          unitName: last.unitName,
          memberStatus: last.memberStatus,
          figures: figuresOf(evaluateYear(list.map((e) => e.entry))),
        };
      })
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || compareNames(a.fullName, b.fullName));
    const branches = period.branches.map((b) =>
      branchOf(
        b.unitId,
        b.unitName,
        entries.filter((e) => e.member.unitId === b.unitId),
      ),
    );
    return {
      unitId,
      unitName: period.unitName,
      organisationName,
      year: y,
      from: period.from,
      to: period.to,
      sessions: period.sessions.map((s) => ({
        sessionId: s.sessionId,
        title: s.title,
        startsAt: s.startsAt,
        reflectionsOn: asked.has(s.sessionId),
      })),
      grades,
      branches,
      members,
      total: branchOf(unitId, period.unitName, entries),
    };
  }
}
