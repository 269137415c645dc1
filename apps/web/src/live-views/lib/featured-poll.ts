import type { Poll } from '@hallbridge/contracts';

/**
 * The poll the audience sees: the open one, or else the last one whose results the presenter
 * is showing (so results stay up after the poll closes).
 */
export function featuredPoll(polls: readonly Poll[]): Poll | null {
  const open = polls.find((p) => p.status === 'open');
  if (open) return open;
  const shown = polls.filter((p) => p.status === 'closed' && p.resultsVisible);
  shown.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  return shown[0] ?? null;
}
