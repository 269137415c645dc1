import type { Unit } from '@hallbridge/contracts';
import { branchOrEmpty, buildUnitTree, findNode, flattenTree, invitedTree, subtreeIds } from './unit-tree';

const unit = (
  id: string,
  parentId: string | null,
  name: string,
  kind: Unit['kind'],
  memberCount = 0,
): Unit => ({
  id,
  parentId,
  name,
  code: id.toUpperCase(),
  kind,
  address: null,
  participationTarget: 95,
  memberCount,
});

const units = [
  unit('b2', 'd', 'Chi bộ Yên Bắc', 'branch', 4),
  unit('root', null, 'Đảng bộ tỉnh', 'committee'),
  unit('b1', 'root', 'Chi bộ Khối Kinh tế', 'branch', 3),
  unit('d', 'root', 'Đảng bộ huyện Duy Tiên', 'committee'),
  unit('b3', 'd', 'Chi bộ Đồng Văn', 'branch', 5),
];

describe('buildUnitTree', () => {
  const tree = buildUnitTree(units, 'vi');

  it('nests units under their parents, committees first, then by Vietnamese name', () => {
    expect(flattenTree(tree).map((n) => [n.unit.id, n.depth])).toEqual([
      ['root', 0],
      ['d', 1],
      ['b3', 2],
      ['b2', 2],
      ['b1', 1],
    ]);
  });

  it('adds up members through the subtree', () => {
    expect(tree[0]!.totalMembers).toBe(12);
    expect(findNode(tree, 'd')!.totalMembers).toBe(9);
  });

  it('treats a unit whose parent is out of scope as a root', () => {
    const scoped = buildUnitTree(
      units.filter((u) => u.id !== 'root'),
      'vi',
    );
    expect(scoped.map((n) => n.unit.id)).toEqual(['d', 'b1']);
  });

  it('lists a subtree and recognises branches', () => {
    expect(subtreeIds(findNode(tree, 'd')!).sort()).toEqual(['b2', 'b3', 'd']);
    expect(branchOrEmpty(tree, 'b1')).toBe('b1');
    expect(branchOrEmpty(tree, 'd')).toBe('');
    expect(branchOrEmpty(tree, undefined)).toBe('');
  });
});

describe('invitedTree', () => {
  const tree = buildUnitTree(units, 'vi');

  it('keeps only the invited units and what lies below them, as roots', () => {
    expect(flattenTree(invitedTree(tree, ['d', 'b1'])).map((n) => [n.unit.id, n.depth])).toEqual([
      ['d', 0],
      ['b3', 1],
      ['b2', 1],
      ['b1', 0],
    ]);
    expect(invitedTree(tree, [])).toEqual([]);
  });

  it('lists a unit invited both itself and through its district once', () => {
    expect(flattenTree(invitedTree(tree, ['b2', 'd'])).map((n) => n.unit.id)).toEqual(['d', 'b3', 'b2']);
  });
});
