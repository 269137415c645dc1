import type { Participant } from '@hallbridge/contracts';
import { groupPresence } from './presence-groups';

const p = (key: string, role: Participant['role'], name: string, unitId: string, unitName: string) =>
  ({ key, role, name, unitId, unitName, connections: 1, joinedAt: 0 }) as Participant;

describe('groupPresence', () => {
  it('groups members and sites by branch, staff apart, in Vietnamese order', () => {
    const summary = groupPresence([
      p('m:1', 'member', 'Trần Văn Bình', 'b2', 'Chi bộ Đông'),
      p('m:2', 'member', 'Lê Thị An', 'b2', 'Chi bộ Đông'),
      p('s:1', 'site', 'Hội trường xã', 'b2', 'Chi bộ Đông'),
      p('m:3', 'member', 'Đỗ Minh', 'b1', 'Chi bộ Bắc'),
      p('u:1', 'presenter', 'Báo cáo viên', 'p', 'Tỉnh ủy'),
    ]);
    expect(summary.branches.map((b) => b.unitName)).toEqual(['Chi bộ Bắc', 'Chi bộ Đông']);
    expect(summary.branches[1]!.members.map((m) => m.name)).toEqual(['Lê Thị An', 'Trần Văn Bình']);
    expect(summary.branches[1]!.sites.map((s) => s.key)).toEqual(['s:1']);
    expect(summary.staff.map((s) => s.key)).toEqual(['u:1']);
    expect(summary.memberCount).toBe(3);
    expect(summary.siteCount).toBe(1);
  });
});
