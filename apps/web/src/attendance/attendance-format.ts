import type { AttendanceStatusCode } from '@hallbridge/contracts';
import { formatNumber } from '../i18n/format';

/** 0.9473 → "94,7 %" (or "94.7%"), '—' when there is nobody to count. */
export const formatRate = (rate: number | null) =>
  rate === null ? '—' : formatNumber(rate, { style: 'percent', maximumFractionDigits: 1 });

/** 5025000 ms → "1:23:45". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const SO_FAR = ['present_online', 'present_site', 'absent'] as const;
type SoFar = (typeof SO_FAR)[number];
const readsSoFar = (status: AttendanceStatusCode): status is SoFar =>
  (SO_FAR as readonly string[]).includes(status);

/** The catalogue key of a status: while the session runs, present reads "so far" and absent "too late". */
export const statusKey = (
  status: AttendanceStatusCode,
  provisional: boolean,
): `attendance.status.${AttendanceStatusCode}` | `attendance.statusLive.${SoFar}` =>
  provisional && readsSoFar(status) ? `attendance.statusLive.${status}` : `attendance.status.${status}`;
