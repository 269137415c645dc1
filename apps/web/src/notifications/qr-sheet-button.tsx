import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/errors';

/** Opens a unit's printable sheet of personal QR codes (A4, one slip per member). */
export function QrSheetButton({
  unitId,
  paperOnly = false,
  label,
  small = false,
}: {
  unitId: string;
  paperOnly?: boolean;
  label?: string;
  small?: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  if (!unitId) return null;
  return (
    <>
      <button
        type="button"
        className={small ? 'button button--small' : 'button'}
        data-testid="qr-sheet-open"
        onClick={() => {
          setError(null);
          const tab = window.open('', '_blank');
          // The sheet needs the bearer token, so it is fetched and opened as a page of its own.
          const path = `/units/${unitId}/personal-links.html${paperOnly ? '?paperOnly=true' : ''}`;
          void import('../attendance/print-report')
            .then(({ openPrintable }) => openPrintable(path, tab))
            .catch((e: unknown) => {
              tab?.close();
              setError(e);
            });
        }}
      >
        {label ?? t('notifications.panel.printSheet')}
      </button>
      {error ? (
        <span className="alert alert--error" role="alert">
          {errorText(error)}
        </span>
      ) : null}
    </>
  );
}
