import type { MemberAttendanceRow } from '@hallbridge/contracts';
import { translatorFor } from '../../common/i18n/translate';
import { pickLocale } from '@hallbridge/i18n';

/**
 * Shared wording and formats of every attendance export (CSV, XLSX, print): the same columns in the
 * same order, labels in the caller's language, times in the report time zone.
 */
export interface ReportFormat {
  t: (key: string, params?: Record<string, unknown>) => string;
  locale: 'vi' | 'en';
  timeZone: string;
  /** dd/mm/yyyy hh:mm:ss in the report time zone, '' for none. */
  clock: (iso: string | null) => string;
  /** The same moment as a Date whose UTC fields are the wall-clock time (what Excel shows). */
  wallClock: (iso: string | null) => Date | null;
  date: (iso: string) => string;
}

export function reportFormat(language: string | null | undefined, timeZone: string): ReportFormat {
  const locale = pickLocale(language);
  const translate = translatorFor(locale);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  // Exports format tens of thousands of times and labels: both are cached. Time zones move clocks by
  // whole minutes, so one formatting per minute serves every second in it.
  const minutes = new Map<number, Record<string, string>>();
  const fields = (iso: string): Record<string, string> => {
    const ms = Date.parse(iso);
    const minute = Math.floor(ms / 60_000);
    let out = minutes.get(minute);
    if (!out) {
      out = {} as Record<string, string>;
      for (const p of parts.formatToParts(new Date(minute * 60_000))) out[p.type] = p.value;
      if (minutes.size > 100_000) minutes.clear();
      minutes.set(minute, out);
    }
    return { ...out, second: String(Math.floor((ms - minute * 60_000) / 1000)).padStart(2, '0') };
  };
  const labels = new Map<string, string>();
  return {
    t: (key, params) => {
      if (params && Object.keys(params).length > 0) return translate(`attendance.${key}`, params) as string;
      let label = labels.get(key);
      if (label === undefined) {
        label = translate(`attendance.${key}`) as string;
        labels.set(key, label);
      }
      return label;
    },
    locale,
    timeZone,
    clock: (iso) => {
      if (!iso) return '';
      const f = fields(iso);
      return `${f.day}/${f.month}/${f.year} ${f.hour}:${f.minute}:${f.second}`;
    },
    wallClock: (iso) => {
      if (!iso) return null;
      const f = fields(iso);
      return new Date(Date.UTC(+f.year!, +f.month! - 1, +f.day!, +f.hour!, +f.minute!, +f.second!));
    },
    date: (iso) => {
      const f = fields(iso);
      return `${f.day}/${f.month}/${f.year}`;
    },
  };
}

/** 5025000 ms → "1:23:45". */
export function hms(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export const MEMBER_COLUMNS = [
  'no',
  'fullName',
  'unit',
  'memberStatus',
  'status',
  'where',
  'site',
  'firstJoin',
  'lastLeave',
  'attended',
  'attendedSeconds',
  'share',
  'lateMinutes',
  'leftEarlyMinutes',
  'excuseReason',
  'excuseNote',
] as const;

export const PERIOD_COLUMNS = ['session', 'sessionDate', ...MEMBER_COLUMNS] as const;

export type Cell = string | number | Date | null;

export function memberHeader(f: ReportFormat, columns: readonly string[] = MEMBER_COLUMNS): string[] {
  return columns.map((c) => f.t(`export.columns.${c}`));
}

/** One member's row; `clock` decides how times are written (text for CSV, dates for XLSX). */
export function memberCells(
  f: ReportFormat,
  m: MemberAttendanceRow,
  index: number,
  clock: (iso: string | null) => Cell = f.clock,
): Cell[] {
  return [
    index + 1,
    m.fullName,
    m.unitName,
    f.t(`memberKind.${m.required ? 'required' : 'voluntary'}`),
    f.t(`status.${m.status}`),
    m.where ? f.t(`where.${m.where}`) : '',
    m.siteName ?? '',
    clock(m.firstJoinAt),
    clock(m.lastLeaveAt),
    hms(m.attendedMs),
    Math.round(m.attendedMs / 1000),
    Math.round(m.share * 1000) / 10,
    m.lateMinutes,
    m.leftEarlyMinutes,
    m.excuse ? f.t(`reasons.${m.excuse.reason}`) : '',
    m.excuse?.note ?? '',
  ];
}

export const percent = (rate: number | null) => (rate === null ? '' : Math.round(rate * 1000) / 10);
