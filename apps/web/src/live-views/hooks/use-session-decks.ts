import type { Deck } from '@hallbridge/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { http } from '../../api/http';

const REFETCH_AT_MOST_EVERY_MS = 500;

export const decksKey = (sessionId: string) => ['session', sessionId, 'decks'] as const;

/**
 * The session's decks, refetched when the room says one changed (added, converted further,
 * renamed, removed) — at most twice a second while a conversion reports its progress.
 */
export function useSessionDecks(sessionId: string, deckVersion: number) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: decksKey(sessionId),
    queryFn: () => http.get<Deck[]>(`/sessions/${sessionId}/decks`),
    enabled: !!sessionId,
  });
  const lastRefetch = useRef(0);
  useEffect(() => {
    if (!deckVersion) return;
    const wait = Math.max(0, lastRefetch.current + REFETCH_AT_MOST_EVERY_MS - Date.now());
    const timer = setTimeout(() => {
      lastRefetch.current = Date.now();
      void queryClient.invalidateQueries({ queryKey: decksKey(sessionId) });
    }, wait);
    return () => clearTimeout(timer);
  }, [deckVersion, queryClient, sessionId]);
  return query;
}
