import { CreateSessionBody, UpdateSessionBody } from './sessions';
import { CreateMemberBody, UpdateMemberBody } from './members';

describe('session and member bodies', () => {
  const times = { startsAt: '2026-12-01T08:00:00+07:00', endsAt: '2026-12-01T11:00:00+07:00' };

  it('fills defaults when creating', () => {
    const body = CreateSessionBody.parse({ title: 'Học tập Nghị quyết', hostUnitId: 'u1', ...times });
    expect(body).toMatchObject({ mode: 'hybrid', invitedUnitIds: [], presenterIds: [] });
    expect(CreateMemberBody.parse({ unitId: 'u', fullName: 'A' }).status).toBe('active');
  });

  it('leaves out of an edit whatever the caller left out', () => {
    expect(UpdateSessionBody.parse({ title: 'Mới' })).toEqual({ title: 'Mới' });
    expect(UpdateMemberBody.parse({ position: 'Bí thư' })).toEqual({ position: 'Bí thư' });
  });

  it('requires the end after the start', () => {
    const res = CreateSessionBody.safeParse({
      title: 'x',
      hostUnitId: 'u1',
      startsAt: times.endsAt,
      endsAt: times.startsAt,
    });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.path).toEqual(['endsAt']);
  });
});
