import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { authStore } from '../auth/auth-store';
import { LiveConnection, type LiveRoomView } from './live-connection';

const idle: LiveRoomView = { status: 'closed', snapshot: null, pointer: null, error: null, deckVersion: 0 };
const noopSubscribe = () => () => {};
const idleView = () => idle;

/** The live room of a session while the component is mounted (the connection opens on subscribe). */
export function useLiveRoom(sessionId: string | undefined): {
  view: LiveRoomView;
  connection: LiveConnection | null;
} {
  const { i18n } = useTranslation();
  const token = authStore.token();
  const connection = useMemo(
    () => (sessionId && token ? new LiveConnection(sessionId, token, i18n.language) : null),
    [sessionId, token, i18n.language],
  );
  const view = useSyncExternalStore(connection?.subscribe ?? noopSubscribe, connection?.getView ?? idleView);
  return { view, connection };
}
