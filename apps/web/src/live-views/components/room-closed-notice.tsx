import type { ErrorCode } from '@hallbridge/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { needsSignIn } from '../../live/live-connection';
import { ackErrorText } from '../lib/ack-text';

/** Shown instead of the room when the server refused it (no access, session cancelled, signed out). */
export function RoomClosedNotice({
  error,
  children,
}: {
  error: { code: ErrorCode; message: string };
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="live-closed" role="alert" data-testid="room-closed" data-code={error.code}>
      <h1>{t('live.closed.title')}</h1>
      <p>{ackErrorText(t, error)}</p>
      <p className="muted">
        {needsSignIn(error.code) ? t('live.closed.signInAgain') : t('live.closed.advice')}
      </p>
      {children}
    </div>
  );
}
