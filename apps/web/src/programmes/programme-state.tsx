import type { ProgrammeAction, ProgrammeProgress, ProgrammeState } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { dayKey } from '../lib/datetime';

const chip: Record<ProgrammeState | 'none', string> = {
  none: 'chip chip--muted',
  draft: 'chip',
  open: 'chip chip--branch',
  adopted: 'chip chip--ok',
};

/** The programme's state as a chip: not drafted, draft, open for comments, adopted. */
export function ProgrammeStateChip({ state }: { state: ProgrammeState | null }) {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes.state' });
  return (
    <span className={chip[state ?? 'none']} data-testid="programme-state" data-state={state ?? 'none'}>
      {t(state ?? 'none')}
    </span>
  );
}

/** "Done 3/5 · overdue 1": cancelled actions do not count, as in the export. */
export function ProgressText({ progress }: { progress: ProgrammeProgress }) {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes.edit' });
  return (
    <span data-testid="programme-progress" data-done={progress.done}>
      {t('progress', {
        done: progress.done,
        total: progress.total - progress.cancelled,
        overdue: progress.overdue,
      })}
    </span>
  );
}

/** Not done, not cancelled and due before today (the browser's day; the server counts in its zone). */
export const isOverdue = (a: ProgrammeAction, today = dayKey(new Date())) =>
  (a.status === 'planned' || a.status === 'in_progress') && a.dueDate !== null && a.dueDate < today;
