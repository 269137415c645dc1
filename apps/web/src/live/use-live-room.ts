import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { authStore, usePrincipal } from '../auth/auth-store';
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
  // One connection per person and room: a renewed token of the same person is read at the next
  // (re)connection instead of replacing the connection (and losing what it was about to send).
  const principal = usePrincipal();
  const who = principal
    ? `${principal.role}:${principal.userId ?? principal.memberId ?? principal.siteId}`
    : null;
  const connection = useMemo(
    () => (sessionId && who ? new LiveConnection(sessionId, authStore.token, i18n.language) : null),
    [sessionId, who, i18n.language],
  );
  // Signed in again after the room closed for an expired or retired token: try the new one.
  const token = useSyncExternalStore(authStore.subscribe, authStore.token);
  useEffect(() => connection?.tokenChanged(), [connection, token]);
  const view = useSyncExternalStore(connection?.subscribe ?? noopSubscribe, connection?.getView ?? idleView);
  return { view, connection };
}
