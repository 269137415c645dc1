import type { CheckInCode } from '@hallbridge/contracts';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Seconds until the code changes, counted on the server's clock (the screen's may be wrong). */
function useSecondsLeft(code: CheckInCode | undefined, receivedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!code) return 0;
  const left = Date.parse(code.expiresAt) - Date.parse(code.serverTime) - (now - receivedAt);
  return Math.max(0, Math.ceil(left / 1000));
}

/** The room's rotating check-in code: a QR code of the check-in link, and the six digits to type. */
export function CheckInCodeCard({
  code,
  receivedAt,
  compact = false,
}: {
  code: CheckInCode;
  receivedAt: number;
  compact?: boolean;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.code' });
  const [qr, setQr] = useState<string | null>(null);
  const seconds = useSecondsLeft(code, receivedAt);
  useEffect(() => {
    let live = true;
    void toDataURL(code.url, { margin: 1, width: 480, errorCorrectionLevel: 'M' }).then(
      (url) => live && setQr(url),
    );
    return () => {
      live = false;
    };
  }, [code.url]);
  return (
    <div className="check-in-code" data-testid="check-in-code" data-url={code.url} data-digits={code.digits}>
      {!compact && <p>{t('instruction')}</p>}
      {qr && (
        <img
          className={`check-in-code__qr${compact ? ' check-in-code__qr--compact' : ''}`}
          src={qr}
          alt={t('qrAlt', { site: code.siteName })}
        />
      )}
      <p
        className={`check-in-code__digits${compact ? ' check-in-code__digits--compact' : ''}`}
        aria-label={t('digitsLabel', { digits: code.digits })}
        data-testid="check-in-digits-shown"
      >
        {code.digits}
      </p>
      <p className="muted" aria-live="off">
        {t('changesIn', { seconds })}
      </p>
    </div>
  );
}
