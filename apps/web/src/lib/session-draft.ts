import type {
  CreateSessionBody,
  SessionMode,
  SessionState,
  StudySession,
  UpdateSessionBody,
} from '@hallbridge/contracts';
import { addDays, fromLocalInput, toLocalInput } from './datetime';

/** What the session editor holds while the user types: inputs as text, sets as arrays. */
export interface SessionDraft {
  title: string;
  topic: string;
  description: string;
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  hostUnitId: string;
  invitedUnitIds: string[];
  presenterIds: string[];
  presentSharePercent: string;
  lateGraceMinutes: string;
  leftEarlyToleranceMinutes: string;
  reason: string;
}

/** The contract's defaults, shown in the form so nobody has to guess them. */
export const defaultRules = {
  presentSharePercent: '75',
  lateGraceMinutes: '10',
  leftEarlyToleranceMinutes: '5',
};

export function emptyDraft(hostUnitId: string, now = new Date()): SessionDraft {
  const day = addDays(now, 1);
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 8, 0);
  const end = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 11, 0);
  return {
    title: '',
    topic: '',
    description: '',
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(end),
    mode: 'hybrid',
    hostUnitId,
    invitedUnitIds: [],
    presenterIds: [],
    ...defaultRules,
    reason: '',
  };
}

export function draftOf(s: StudySession): SessionDraft {
  return {
    title: s.title,
    topic: s.topic ?? '',
    description: s.description ?? '',
    startsAt: toLocalInput(s.startsAt),
    endsAt: toLocalInput(s.endsAt),
    mode: s.mode,
    hostUnitId: s.hostUnitId,
    invitedUnitIds: s.invitedUnits.map((u) => u.unitId),
    presenterIds: s.presenters.map((p) => p.userId),
    presentSharePercent: String(Math.round(s.attendanceRules.presentShare * 100)),
    lateGraceMinutes: String(s.attendanceRules.lateGraceMinutes),
    leftEarlyToleranceMinutes: String(s.attendanceRules.leftEarlyToleranceMinutes),
    reason: '',
  };
}

const num = (text: string, fallback: string) => Number(text === '' ? fallback : text);

function rulesOf(d: SessionDraft) {
  return {
    presentShare: num(d.presentSharePercent, defaultRules.presentSharePercent) / 100,
    lateGraceMinutes: num(d.lateGraceMinutes, defaultRules.lateGraceMinutes),
    leftEarlyToleranceMinutes: num(d.leftEarlyToleranceMinutes, defaultRules.leftEarlyToleranceMinutes),
  };
}

export function toCreateBody(d: SessionDraft): CreateSessionBody {
  return {
    title: d.title,
    topic: d.topic,
    description: d.description,
    startsAt: fromLocalInput(d.startsAt) ?? d.startsAt,
    endsAt: fromLocalInput(d.endsAt) ?? d.endsAt,
    mode: d.mode,
    hostUnitId: d.hostUnitId,
    invitedUnitIds: d.invitedUnitIds,
    presenterIds: d.presenterIds,
    attendanceRules: rulesOf(d),
  };
}

/** Times, mode and invitations are fixed once a session has started; the server refuses them after. */
export const scheduleLocked = (state: SessionState | undefined) => !!state && state !== 'scheduled';
export const fullyLocked = (state: SessionState | undefined) =>
  state === 'attendance_closed' || state === 'cancelled';

export function toUpdateBody(d: SessionDraft, state: SessionState): UpdateSessionBody {
  const { hostUnitId: _host, ...all } = toCreateBody(d);
  const body: UpdateSessionBody = { ...all, reason: d.reason };
  if (scheduleLocked(state)) {
    delete body.startsAt;
    delete body.endsAt;
    delete body.mode;
    delete body.invitedUnitIds;
  }
  return body;
}
