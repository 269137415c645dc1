import { createContext, useContext } from 'react';
import type { MediaConnection, MediaView } from './media-connection';

export interface MediaContextValue {
  connection: MediaConnection;
  view: MediaView;
  floorKeys: readonly string[];
}

export const MediaContext = createContext<MediaContextValue | null>(null);

/** The media session around this component (inside <MediaSession>). */
export function useMedia(): MediaContextValue {
  const value = useContext(MediaContext);
  if (!value) throw new Error('useMedia must be used inside <MediaSession>');
  return value;
}
