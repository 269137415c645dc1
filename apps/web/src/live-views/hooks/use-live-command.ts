import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveCommandInput, LiveConnection, LiveRoomCommandName } from '../../live/live-connection';
import { ackErrorText } from '../lib/ack-text';

export type RunCommand = <N extends LiveRoomCommandName>(
  name: N,
  payload: LiveCommandInput<N>,
) => Promise<boolean>;

/** Sends live commands for one panel and keeps its last refusal as a sentence to show. */
export function useLiveCommand(connection: LiveConnection | null) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const run: RunCommand = useCallback(
    async (name, payload) => {
      if (!connection) return false;
      setPending((n) => n + 1);
      setError(null);
      try {
        const ack = await connection.send(name, payload);
        if (!ack.ok) setError(ackErrorText(t, ack));
        return ack.ok;
      } catch {
        setError(t('live.status.noAnswer'));
        return false;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [connection, t],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending: pending > 0, error, clearError };
}
