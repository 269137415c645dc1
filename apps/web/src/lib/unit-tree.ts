import type { Unit } from '@hallbridge/contracts';

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
  /** Members of the unit and of every unit below it (active and exempt). */
  totalMembers: number;
}

/** Builds the tree from the flat list the API returns; units whose parent is out of scope become roots. */
export function buildUnitTree(units: Unit[], locale: string): UnitNode[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, Unit[]>();
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), u]);
  }
  const build = (parentId: string | null, depth: number): UnitNode[] =>
    (byParent.get(parentId) ?? [])
      // Committees first, as in an organisation chart; then by name.
      .sort((a, b) =>
        a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'committee' ? -1 : 1,
      )
      .map((unit) => {
        const children = build(unit.id, depth + 1);
        const totalMembers = unit.memberCount + children.reduce((sum, c) => sum + c.totalMembers, 0);
        return { unit, depth, children, totalMembers };
      });
  return build(null, 0);
}

/** Depth-first order, for selects that show the tree with indentation. */
export function flattenTree(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/**
 * The part of the tree a session reaches: each invited unit with everything below it, as roots
 * (an invited unit inside another invited one appears once, within it).
 */
export function invitedTree(nodes: UnitNode[], invitedUnitIds: readonly string[]): UnitNode[] {
  const invited = new Set(invitedUnitIds);
  const rebase = (n: UnitNode, by: number): UnitNode => ({
    ...n,
    depth: n.depth - by,
    children: n.children.map((c) => rebase(c, by)),
  });
  return nodes.flatMap((n) =>
    invited.has(n.unit.id) ? [rebase(n, n.depth)] : invitedTree(n.children, invitedUnitIds),
  );
}

/** The unit's id and the ids of every unit below it. */
export function subtreeIds(node: UnitNode): string[] {
  return [node.unit.id, ...node.children.flatMap(subtreeIds)];
}

export function findNode(nodes: UnitNode[], id: string): UnitNode | undefined {
  for (const n of nodes) {
    if (n.unit.id === id) return n;
    const hit = findNode(n.children, id);
    if (hit) return hit;
  }
  return undefined;
}

/** The id when it names a branch (members and rooms belong to branches), otherwise ''. */
export function branchOrEmpty(nodes: UnitNode[], id: string | undefined): string {
  return id && findNode(nodes, id)?.unit.kind === 'branch' ? id : '';
}
