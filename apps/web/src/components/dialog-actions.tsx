import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A form dialog's buttons: cancel, and the submit button (disabled while saving or incomplete). */
export function DialogActions({
  onCancel,
  disabled,
  submitTestId,
  submitLabel,
}: {
  onCancel: () => void;
  disabled: boolean;
  submitTestId: string;
  submitLabel?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button--primary" disabled={disabled} data-testid={submitTestId}>
        {submitLabel ?? t('common.save')}
      </button>
    </div>
  );
}
