import { useState, useSyncExternalStore } from 'react';
import { fetchMediaJoin } from './media-api';
import { MediaConnection, type MediaView } from './media-connection';

/** The session's media connection while the component is mounted (it closes when nobody watches). */
export function useMediaConnection(sessionId: string): { connection: MediaConnection; view: MediaView } {
  const [connection, setConnection] = useState(() => new MediaConnection(sessionId, fetchMediaJoin));
  if (connection.sessionId !== sessionId) setConnection(new MediaConnection(sessionId, fetchMediaJoin));
  const view = useSyncExternalStore(connection.subscribe, connection.getView);
  return { connection, view };
}
