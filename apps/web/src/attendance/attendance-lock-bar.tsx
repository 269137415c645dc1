import type { SessionAction } from '@hallbridge/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionActions, useTransition } from '../api/sessions';
import { ConfirmDialog } from '../components/confirm-dialog';

const LOCK_ACTIONS: readonly SessionAction[] = ['close_attendance', 'reopen_attendance'];

/** Closing attendance (locks the record) and reopening it (with a reason), when the caller may. */
export function AttendanceLockBar({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const actions = useSessionActions(sessionId);
  const transition = useTransition();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<SessionAction | null>(null);
  const allowed = (actions.data ?? []).filter((a) => LOCK_ACTIONS.includes(a));
  const close = () => {
    transition.reset();
    setPending(null);
  };
  if (allowed.length === 0) return null;
  return (
    <>
      {allowed.map((a) => (
        <button
          key={a}
          type="button"
          className={`button${a === 'close_attendance' ? ' button--primary' : ''}`}
          onClick={() => setPending(a)}
          data-testid={`attendance-${a}`}
        >
          {t(`sessions.actions.${a}`)}
        </button>
      ))}
      {pending && (
        <ConfirmDialog
          title={t(`sessions.actions.${pending}`)}
          message={t(`sessions.actions.confirm.${pending}`)}
          confirmLabel={t(`sessions.actions.${pending}`)}
          askReason={pending === 'reopen_attendance'}
          reasonRequired={pending === 'reopen_attendance'}
          pending={transition.isPending}
          error={transition.error}
          onConfirm={(reason) =>
            transition.mutate(
              { id: sessionId, body: { action: pending, reason: reason || undefined } },
              {
                onSuccess: async () => {
                  close();
                  await queryClient.invalidateQueries({ queryKey: ['attendance', sessionId] });
                },
              },
            )
          }
          onClose={close}
        />
      )}
    </>
  );
}
