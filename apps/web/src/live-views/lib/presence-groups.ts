import type { Participant } from '@hallbridge/contracts';

export interface BranchPresence {
  unitId: string;
  unitName: string;
  /** Members connected from their own devices. */
  members: Participant[];
  /** District room screens of the branch. */
  sites: Participant[];
}

export interface PresenceSummary {
  branches: BranchPresence[];
  /** Organisers, presenters and secretaries in the room. */
  staff: Participant[];
  memberCount: number;
  siteCount: number;
}

/** Who is in the room, by branch (Vietnamese collation for names), members and sites apart. */
export function groupPresence(participants: readonly Participant[], locale = 'vi'): PresenceSummary {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const byName = (a: Participant, b: Participant) => collator.compare(a.name, b.name);
  const branches = new Map<string, BranchPresence>();
  const staff: Participant[] = [];
  for (const p of participants) {
    if (p.role !== 'member' && p.role !== 'site') {
      staff.push(p);
      continue;
    }
    let branch = branches.get(p.unitId);
    if (!branch) {
      branch = { unitId: p.unitId, unitName: p.unitName, members: [], sites: [] };
      branches.set(p.unitId, branch);
    }
    (p.role === 'site' ? branch.sites : branch.members).push(p);
  }
  const list = [...branches.values()];
  for (const b of list) {
    b.members.sort(byName);
    b.sites.sort(byName);
  }
  list.sort((a, b) => collator.compare(a.unitName, b.unitName));
  return {
    branches: list,
    staff: staff.sort(byName),
    memberCount: list.reduce((n, b) => n + b.members.length, 0),
    siteCount: list.reduce((n, b) => n + b.sites.length, 0),
  };
}
