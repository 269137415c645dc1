import type { DeckNotes } from '@hallbridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../api/http';

/** Speaker notes of a deck (presenters and the organisers running the room only). */
export function useDeckNotes(deckId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['deck', deckId, 'notes'],
    queryFn: () => http.get<DeckNotes>(`/decks/${deckId}/notes`),
    enabled: !!deckId && enabled,
    staleTime: Infinity,
  });
}
