import { useSession } from '../../api/sessions';
import { useLiveRoom } from '../../live/use-live-room';
import { featuredPoll } from '../lib/featured-poll';
import { useRoomRole } from './use-room-role';
import { useSessionDecks } from './use-session-decks';

/** What a member's phone and a room's screen both show from: the session, the room, the slide's deck, the featured poll. */
export function useAudienceRoom(sessionId: string) {
  const session = useSession(sessionId);
  const { view, connection } = useLiveRoom(sessionId);
  const role = useRoomRole(session.data);
  const decks = useSessionDecks(sessionId, view.deckVersion);
  const snapshot = view.snapshot;
  const deck = decks.data?.find((d) => d.id === snapshot?.slide.deckId) ?? null;
  const poll = snapshot ? featuredPoll(snapshot.polls) : null;
  return { session: session.data, view, connection, role, snapshot, deck, poll };
}
