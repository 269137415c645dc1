import { roomIsOpen } from '@hallbridge/domain';
import type { LiveSnapshot, Poll } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { LiveConnection } from '../../live/live-connection';
import { useLiveCommand } from '../hooks/use-live-command';
import { emptyPollForm, pollFormOf, type PollForm } from '../lib/poll-form';
import { PollControlRow } from './poll-control-row';
import { PollDraftForm } from './poll-draft-form';
import { PollExports } from './poll-exports';

interface PollLauncherPanelProps {
  snapshot: LiveSnapshot;
  connection: LiveConnection | null;
  canRun: boolean;
}

/** Polls and quizzes: prepare (also before the session starts), open, close, show results. */
export function PollLauncherPanel({ snapshot, connection, canRun }: PollLauncherPanelProps) {
  const { t } = useTranslation();
  const { run, pending, error } = useLiveCommand(connection);
  const [editing, setEditing] = useState<{ pollId: string | null; form: PollForm } | null>(null);
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Poll | null>(null);
  const openPoll = snapshot.polls.find((p) => p.status === 'open');
  const expanded = expandedId ?? openPoll?.id ?? null;
  const preparing = roomIsOpen(snapshot.state);
  return (
    <section className="panel stack" aria-labelledby="polls-title" data-testid="poll-launcher">
      <div className="panel__header">
        <h2 id="polls-title">{t('live.polls.title')}</h2>
        {canRun && preparing && !editing && (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => setEditing({ pollId: null, form: emptyPollForm() })}
            data-testid="poll-new"
          >
            {t('live.polls.new')}
          </button>
        )}
      </div>
      {snapshot.state === 'scheduled' && canRun && (
        <p className="muted small">{t('live.polls.prepareHint')}</p>
      )}
      {error && (
        <p className="alert alert--error" role="alert" data-testid="poll-error">
          {error}
        </p>
      )}
      {editing && (
        <PollDraftForm
          key={editing.pollId ?? 'new'}
          initial={editing.form}
          editing={editing.pollId !== null}
          pending={pending}
          onCancel={() => setEditing(null)}
          onSave={(poll) =>
            void run('poll:save', { pollId: editing.pollId, poll }).then((ok) => ok && setEditing(null))
          }
        />
      )}
      {snapshot.polls.length === 0 ? (
        <p className="muted">{t('live.polls.empty')}</p>
      ) : (
        <ol className="poll-list">
          {snapshot.polls.map((p) => (
            <PollControlRow
              key={p.id}
              poll={p}
              tally={snapshot.tallies.find((x) => x.pollId === p.id)}
              live={snapshot.state === 'live'}
              canRun={canRun}
              pending={pending}
              expanded={expanded === p.id}
              onToggle={() => setExpandedId(expanded === p.id ? '' : p.id)}
              onEdit={() => setEditing({ pollId: p.id, form: pollFormOf(p) })}
              onDelete={() => setDeleting(p)}
              run={run}
            />
          ))}
        </ol>
      )}
      {canRun && <PollExports sessionId={snapshot.sessionId} polls={snapshot.polls} />}
      {deleting && (
        <ConfirmDialog
          title={t('live.polls.deleteTitle')}
          message={deleting.question}
          confirmLabel={t('common.delete')}
          danger
          pending={pending}
          onConfirm={() => void run('poll:delete', { pollId: deleting.id }).then(() => setDeleting(null))}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
