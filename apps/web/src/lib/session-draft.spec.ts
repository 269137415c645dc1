import type { StudySession } from '@hallbridge/contracts';
import { draftOf, emptyDraft, toCreateBody, toUpdateBody } from './session-draft';

const session: StudySession = {
  id: 's1',
  title: 'Học tập Nghị quyết 57',
  topic: null,
  description: 'Nội dung',
  startsAt: '2025-03-01T01:00:00.000Z',
  endsAt: '2025-03-01T04:00:00.000Z',
  mode: 'hall',
  state: 'live',
  hostUnitId: 'root',
  hostUnitName: 'Đảng bộ tỉnh',
  invitedUnits: [{ unitId: 'd', name: 'Đảng bộ huyện', memberCount: 9 }],
  presenters: [{ userId: 'p1', displayName: 'Báo cáo viên' }],
  attendanceRules: { presentShare: 0.8, lateGraceMinutes: 15, leftEarlyToleranceMinutes: 5 },
  startedAt: null,
  endedAt: null,
  attendanceClosedAt: null,
  cancelledAt: null,
  cancelReason: null,
  materials: [],
  createdAt: '2025-02-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
};

describe('session draft', () => {
  it('starts a new session with the default attendance rules', () => {
    const body = toCreateBody({ ...emptyDraft('root'), title: 'x' });
    expect(body.attendanceRules).toEqual({
      presentShare: 0.75,
      lateGraceMinutes: 10,
      leftEarlyToleranceMinutes: 5,
    });
    expect(body.hostUnitId).toBe('root');
    expect(Date.parse(body.endsAt)).toBeGreaterThan(Date.parse(body.startsAt));
  });

  it('round-trips an existing session, share as a percentage', () => {
    const draft = draftOf(session);
    expect(draft.presentSharePercent).toBe('80');
    const body = toCreateBody(draft);
    expect(Date.parse(body.startsAt)).toBe(Date.parse(session.startsAt));
    expect(body.invitedUnitIds).toEqual(['d']);
    expect(body.attendanceRules?.presentShare).toBeCloseTo(0.8);
  });

  it('leaves out times, mode and invitations once the session has started', () => {
    const body = toUpdateBody(draftOf(session), 'live');
    expect(body).not.toHaveProperty('startsAt');
    expect(body).not.toHaveProperty('invitedUnitIds');
    expect(body).not.toHaveProperty('mode');
    expect(body).not.toHaveProperty('hostUnitId');
    expect(body.title).toBe(session.title);
    expect(toUpdateBody(draftOf(session), 'scheduled')).toHaveProperty('startsAt');
  });
});
