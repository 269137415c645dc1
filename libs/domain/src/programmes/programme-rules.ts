/**
 * A branch's action programme ("chương trình hành động") for a session.
 *
 * draft ──open(comments until T)──▶ open ──adopt──▶ adopted
 *
 * The secretary drafts the actions, opens the draft to the branch's members for comments until a
 * set moment (inclusive), then adopts it; adopting ends the comment period. Actions keep their
 * status up to date after adoption (that is the programme's progress), and every change of an
 * adopted programme is audited.
 */
export type ProgrammeState = 'draft' | 'open' | 'adopted';
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';

export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];

export type ProgrammeRefusal =
  'programme_not_draft' | 'programme_not_open' | 'programme_empty' | 'comments_closed';

const ms = (d: Date | number) => (typeof d === 'number' ? d : d.getTime());

/** Opening for comments: from a draft with at least one action, until a moment still to come. */
export function openRefusal(
  state: ProgrammeState,
  actionCount: number,
  closesAt: Date | number,
  now: Date | number,
): ProgrammeRefusal | 'closes_in_past' | null {
  if (state !== 'draft') return 'programme_not_draft';
  if (actionCount === 0) return 'programme_empty';
  if (ms(closesAt) <= ms(now)) return 'closes_in_past';
  return null;
}

export function adoptRefusal(state: ProgrammeState, actionCount: number): ProgrammeRefusal | null {
  if (state === 'adopted') return 'programme_not_open';
  if (actionCount === 0) return 'programme_empty';
  return null;
}

/** Members comment while the programme is open, up to and including the closing moment. */
export function commentRefusal(
  state: ProgrammeState,
  closesAt: Date | number | null,
  now: Date | number,
): ProgrammeRefusal | null {
  if (state !== 'open' || closesAt === null || ms(now) > ms(closesAt)) return 'comments_closed';
  return null;
}

export interface ProgrammeActionLike {
  status: ActionStatus;
  /** A calendar day, yyyy-mm-dd. */
  dueDate: string | null;
}

export interface ProgrammeProgress {
  total: number;
  planned: number;
  inProgress: number;
  done: number;
  cancelled: number;
  /** Not done, not cancelled, and due before today. */
  overdue: number;
  /** done / (total − cancelled); null when nothing is left to count. */
  doneShare: number | null;
}

/** Progress on `today` (yyyy-mm-dd in the organisation's time zone): an action due today is not late yet. */
export function programmeProgress(actions: readonly ProgrammeActionLike[], today: string): ProgrammeProgress {
  const p = { total: actions.length, planned: 0, inProgress: 0, done: 0, cancelled: 0, overdue: 0 };
  for (const a of actions) {
    if (a.status === 'planned') p.planned++;
    else if (a.status === 'in_progress') p.inProgress++;
    else if (a.status === 'done') p.done++;
    else p.cancelled++;
    if ((a.status === 'planned' || a.status === 'in_progress') && a.dueDate !== null && a.dueDate < today)
      p.overdue++;
  }
  const counted = p.total - p.cancelled;
  return { ...p, doneShare: counted > 0 ? p.done / counted : null };
}
