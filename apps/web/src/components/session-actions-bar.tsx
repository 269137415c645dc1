import type { SessionAction } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionActions, useTransition } from '../api/sessions';
import { ConfirmDialog } from './confirm-dialog';

/** Cancelling and reopening attendance are recorded with a reason. */
const needsReason: ReadonlySet<SessionAction> = new Set(['cancel', 'reopen_attendance']);

/** The state changes the caller may make now, as the server lists them. */
export function SessionActionsBar({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const actions = useSessionActions(sessionId);
  const transition = useTransition();
  const [pending, setPending] = useState<SessionAction | null>(null);
  const close = () => {
    transition.reset();
    setPending(null);
  };
  if (!actions.data?.length) return null;
  return (
    <>
      <div
        className="action-bar"
        role="group"
        aria-label={t('sessions.actions.label')}
        data-testid="session-actions"
      >
        {actions.data.map((a) => (
          <button
            key={a}
            type="button"
            className={`button ${a === 'cancel' ? 'button--danger-outline' : a === 'start' ? 'button--primary' : ''}`}
            onClick={() => setPending(a)}
            data-testid={`action-${a}`}
          >
            {t(`sessions.actions.${a}`)}
          </button>
        ))}
      </div>
      {pending && (
        <ConfirmDialog
          title={t(`sessions.actions.${pending}`)}
          message={t(`sessions.actions.confirm.${pending}`)}
          confirmLabel={t(`sessions.actions.${pending}`)}
          danger={pending === 'cancel'}
          askReason={needsReason.has(pending)}
          reasonRequired={needsReason.has(pending)}
          pending={transition.isPending}
          error={transition.error}
          onConfirm={(reason) =>
            transition.mutate(
              { id: sessionId, body: { action: pending, reason: reason || undefined } },
              { onSuccess: close },
            )
          }
          onClose={close}
        />
      )}
    </>
  );
}
