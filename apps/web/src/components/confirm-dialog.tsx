import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';
import { FormField } from './form-field';
import { Modal } from './modal';

interface ConfirmDialogProps {
  title: ReactNode;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Ask for a reason (cancelling a session, reopening attendance); it is sent with the action. */
  askReason?: boolean;
  reasonRequired?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const blocked = props.pending || (props.reasonRequired && !reason.trim());
  return (
    <Modal title={props.title} onClose={props.onClose} testId="confirm-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked) props.onConfirm(reason.trim());
        }}
      >
        <div>{props.message}</div>
        {props.askReason && (
          <FormField label={t('common.reason')} required={props.reasonRequired}>
            {(a11y) => (
              <textarea
                {...a11y}
                rows={3}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="confirm-reason"
              />
            )}
          </FormField>
        )}
        <ErrorAlert error={props.error} />
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={props.onClose}>
            {t('common.back')}
          </button>
          <button
            type="submit"
            className={`button ${props.danger ? 'button--danger' : 'button--primary'}`}
            disabled={blocked}
            data-testid="confirm-submit"
          >
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
