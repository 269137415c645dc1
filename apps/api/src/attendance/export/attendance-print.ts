import type {
  AttendanceTotals,
  BranchAttendance,
  MemberAttendanceRow,
  SessionAttendance,
  UnitAttendancePeriod,
} from '@hallbridge/contracts';
import { hms, percent, type ReportFormat } from './report-format';

export const escape = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "Times New Roman", Times, serif; font-size: 13pt; color: #000; margin: 0 auto; max-width: 190mm; }
  .heading { display: grid; grid-template-columns: 1fr 1fr; text-align: center; margin-bottom: 8mm; }
  .heading p { margin: 0; }
  .heading .org { font-weight: bold; text-transform: uppercase; }
  .heading .motto { font-weight: bold; text-decoration: underline; }
  .heading .place { font-style: italic; margin-top: 2mm; }
  h1 { text-align: center; font-size: 15pt; margin: 4mm 0 1mm; text-transform: uppercase; }
  .subtitle { text-align: center; margin: 0 0 5mm; font-weight: bold; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 4mm; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  h2 { font-size: 13pt; margin: 6mm 0 2mm; }
  table { width: 100%; border-collapse: collapse; font-size: 11pt; page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.num, th.num { text-align: right; }
  tfoot td { font-weight: bold; }
  .signatures { display: grid; grid-template-columns: 1fr 1fr; text-align: center; margin-top: 10mm; page-break-inside: avoid; }
  .signatures p { margin: 0 0 22mm; font-weight: bold; }
  .muted { color: #444; font-size: 10pt; }
  @media screen { body { padding: 12mm; background: #fff; } }
`;

/** The A4 page of every printable report (the year's evaluation uses it too). */
export function page(f: ReportFormat, title: string, body: string): string {
  return `<!doctype html><html lang="${f.locale}"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function heading(f: ReportFormat, organisation: string, unit: string, at: string): string {
  const when = f.date(at).split('/');
  const upper = (name: string) => escape(name.toLocaleUpperCase(f.locale));
  const units = organisation === unit ? [organisation] : [organisation, unit];
  return `<header class="heading">
    <div>${units.map((u) => `<p class="org">${upper(u)}</p>`).join('')}<p>*</p></div>
    <div><p class="motto">${escape(f.t('print.motto'))}</p>
      <p class="place">${escape(f.t('print.dateLine', { day: when[0], month: when[1], year: when[2] }))}</p></div>
  </header>`;
}

export const signatures = (f: ReportFormat) =>
  `<section class="signatures"><div><p>${escape(f.t('print.preparedBy'))}</p></div><div><p>${escape(
    f.t('print.approvedBy'),
  )}</p></div></section>`;

function branchTable(
  f: ReportFormat,
  branches: readonly BranchAttendance[],
  total: AttendanceTotals,
): string {
  const cells = (b: AttendanceTotals & { unitName: string }) =>
    `<td>${escape(b.unitName)}</td><td class="num">${b.required}</td><td class="num">${b.attending}</td>` +
    `<td class="num">${b.excused}</td><td class="num">${b.absent}</td><td class="num">${b.voluntary}</td>` +
    `<td class="num">${percent(b.rate)}</td><td class="num">${b.targetPercent ?? ''}</td>` +
    `<td>${b.meetsTarget === null ? '' : escape(f.t(b.meetsTarget ? 'export.yes' : 'export.no'))}</td>`;
  const head = [
    'unit',
    'required',
    'attending',
    'excused',
    'absent',
    'voluntary',
    'rate',
    'target',
    'meetsTarget',
  ]
    .map(
      (c) =>
        `<th${c === 'unit' || c === 'meetsTarget' ? '' : ' class="num"'}>${escape(f.t(`export.branchColumns.${c}`))}</th>`,
    )
    .join('');
  return `<table data-testid="print-branches"><thead><tr>${head}</tr></thead><tbody>${branches
    .map((b) => `<tr>${cells(b)}</tr>`)
    .join('')}</tbody><tfoot><tr>${cells({ ...total, unitName: f.t('export.total') })}</tr></tfoot></table>`;
}

function memberTable(f: ReportFormat, members: readonly MemberAttendanceRow[]): string {
  const head = ['no', 'fullName', 'status', 'site', 'attended', 'excuseReason']
    .map((c) => `<th>${escape(f.t(`export.columns.${c}`))}</th>`)
    .join('');
  const rows = members
    .map(
      (m, i) =>
        `<tr><td class="num">${i + 1}</td><td>${escape(m.fullName)}</td><td>${escape(f.t(`status.${m.status}`))}${
          m.required ? '' : ` <span class="muted">(${escape(f.t('memberKind.voluntary'))})</span>`
        }</td><td>${escape(m.siteName ?? (m.where ? f.t(`where.${m.where}`) : ''))}</td><td class="num">${hms(
          m.attendedMs,
        )}</td><td>${m.excuse ? escape(`${f.t(`reasons.${m.excuse.reason}`)}${m.excuse.note ? `: ${m.excuse.note}` : ''}`) : ''}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** A session's attendance report, ready to print and file (A4, the organisation's heading). */
export function renderSessionPrint(f: ReportFormat, report: SessionAttendance): string {
  const byBranch = report.branches
    .map((b) => {
      const members = report.members.filter((m) => m.unitId === b.unitId);
      return `<h2>${escape(b.unitName)} — ${escape(f.t('print.branchLine', { attending: b.attending, required: b.required, rate: percent(b.rate) }))}</h2>${memberTable(f, members)}`;
    })
    .join('');
  const guests = report.guests.length
    ? `<h2>${escape(f.t('export.guestsTitle'))}</h2><table><thead><tr><th>${escape(f.t('export.guestColumns.site'))}</th><th class="num">${escape(
        f.t('export.guestColumns.count'),
      )}</th><th>${escape(f.t('export.guestColumns.note'))}</th></tr></thead><tbody>${report.guests
        .map(
          (g) =>
            `<tr><td>${escape(g.siteName)}</td><td class="num">${g.count}</td><td>${escape(g.note)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const body = `${heading(f, report.organisationName, report.hostUnitName, report.window.end)}
    <h1>${escape(f.t('export.title'))}</h1>
    <p class="subtitle">${escape(report.title)}</p>
    <dl>
      <dt>${escape(f.t('export.scope'))}</dt><dd>${escape(report.scopeUnitName)}</dd>
      <dt>${escape(f.t('export.window'))}</dt><dd>${escape(`${f.clock(report.window.start)} – ${f.clock(report.window.end)}`)}</dd>
      <dt>${escape(f.t('export.rules'))}</dt><dd>${escape(
        f.t('rulesSummary', {
          share: Math.round(report.rules.presentShare * 100),
          late: report.rules.lateGraceMinutes,
          early: report.rules.leftEarlyToleranceMinutes,
        }),
      )}</dd>
      <dt>${escape(f.t('export.state'))}</dt><dd>${escape(
        report.locked ? f.t('export.locked', { at: f.clock(report.lockedAt) }) : f.t('export.notLocked'),
      )}</dd>
      <dt>${escape(f.t('export.guestTotal'))}</dt><dd>${report.guestTotal}</dd>
    </dl>
    ${branchTable(f, report.branches, report.total)}
    ${guests}
    ${byBranch}
    ${signatures(f)}`;
  return page(f, `${f.t('export.title')} — ${report.title}`, body);
}

/** A unit's attendance over a period (a year for the annual evaluation), per branch and per member. */
export function renderPeriodPrint(
  f: ReportFormat,
  period: UnitAttendancePeriod,
  organisation: string,
): string {
  const sessions = period.sessions
    .map(
      (s) =>
        `<tr><td>${escape(f.date(s.startsAt))}</td><td>${escape(s.title)}</td><td class="num">${s.total.required}</td><td class="num">${s.total.attending}</td><td class="num">${percent(s.total.rate)}</td></tr>`,
    )
    .join('');
  const members = period.members
    .map(
      (m, i) =>
        `<tr><td class="num">${i + 1}</td><td>${escape(m.fullName)}</td><td>${escape(m.unitName)}</td><td class="num">${m.total.required}</td><td class="num">${m.total.attending}</td><td class="num">${m.total.excused}</td><td class="num">${m.total.absent}</td><td class="num">${percent(m.total.rate)}</td></tr>`,
    )
    .join('');
  const th = (key: string, num = false) => `<th${num ? ' class="num"' : ''}>${escape(f.t(key))}</th>`;
  const body = `${heading(f, organisation, period.unitName, period.to)}
    <h1>${escape(f.t('export.periodTitle'))}</h1>
    <p class="subtitle">${escape(period.unitName)} — ${escape(`${f.date(period.from)} – ${f.date(period.to)}`)}</p>
    ${branchTable(f, period.branches, period.total)}
    <h2>${escape(f.t('export.sessionsTitle'))}</h2>
    <table><thead><tr>${th('export.sessionColumns.sessionDate')}${th('export.sessionColumns.session')}${th('export.sessionColumns.required', true)}${th('export.sessionColumns.attending', true)}${th('export.sessionColumns.rate', true)}</tr></thead><tbody>${sessions}</tbody></table>
    <h2>${escape(f.t('export.membersSheet'))}</h2>
    <table><thead><tr>${th('export.columns.no')}${th('export.memberTotalsColumns.fullName')}${th('export.memberTotalsColumns.unit')}${th('export.memberTotalsColumns.required', true)}${th('export.memberTotalsColumns.attending', true)}${th('export.memberTotalsColumns.excused', true)}${th('export.memberTotalsColumns.absent', true)}${th('export.memberTotalsColumns.rate', true)}</tr></thead><tbody>${members}</tbody></table>
    ${signatures(f)}`;
  return page(f, `${f.t('export.periodTitle')} — ${period.unitName}`, body);
}
