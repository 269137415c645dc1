/**
 * Test data for attendance: timelines are written as clock times on one fixed day (UTC, so the
 * machine's time zone does not matter), e.g. `online('08:00', '09:30')`.
 */
import type { MemberStatus } from '@hallbridge/contracts';
import type { AttendanceExcuse } from './attendance-status';
import { attendanceWindow, type AttendanceWindow } from './attendance-window';
import {
  evaluateMemberAttendance,
  type MemberAttendance,
  type MemberAttendanceInput,
} from './member-attendance';
import type { MemberPresenceInterval } from './site-presence';

const DAY = Date.UTC(2025, 2, 14);

/** 'HH:MM', 'HH:MM:SS' or 'HH:MM:SS.mmm' on the fixed day, in epoch milliseconds. */
export function at(clock: string): number {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/.exec(clock);
  if (!match) throw new Error(`bad clock time ${clock}`);
  const [, h, m, s = '0', ms = '0'] = match;
  return DAY + ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms);
}

export const minutes = (n: number): number => n * 60_000;

export function online(from: string, to: string | null, lastHeartbeat?: string): MemberPresenceInterval {
  return {
    source: 'online',
    start: at(from),
    end: to === null ? null : at(to),
    ...(lastHeartbeat ? { lastHeartbeatAt: at(lastHeartbeat) } : {}),
  };
}

export function inRoom(siteId: string, from: string, to: string | null): MemberPresenceInterval {
  return { source: 'site', siteId, start: at(from), end: to === null ? null : at(to) };
}

export interface WindowSpec {
  scheduled?: [string, string];
  started?: string | null;
  ended?: string | null;
  now?: string;
}

/** Scheduled 08:00–10:00 and run exactly to schedule unless told otherwise. */
export function windowFactory(spec: WindowSpec = {}): AttendanceWindow {
  const [from, to] = spec.scheduled ?? ['08:00', '10:00'];
  const started = spec.started === undefined ? from : spec.started;
  const ended = spec.ended === undefined ? (spec.now ? null : to) : spec.ended;
  return attendanceWindow(
    {
      scheduledStart: at(from),
      scheduledEnd: at(to),
      startedAt: started === null ? null : at(started),
      endedAt: ended === null ? null : at(ended),
    },
    spec.now ? at(spec.now) : undefined,
  );
}

export interface MemberSpec extends WindowSpec {
  memberStatus?: MemberStatus;
  excuse?: AttendanceExcuse | null;
  rules?: MemberAttendanceInput['rules'];
}

/** An active member of a session run to schedule (08:00–10:00), default rules. */
export function attendanceOf(presence: MemberPresenceInterval[], spec: MemberSpec = {}): MemberAttendance {
  return evaluateMemberAttendance({
    window: windowFactory(spec),
    presence,
    memberStatus: spec.memberStatus ?? 'active',
    excuse: spec.excuse,
    rules: spec.rules,
  });
}
