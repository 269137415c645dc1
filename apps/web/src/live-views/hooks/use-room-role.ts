import type { Principal, StudySession } from '@hallbridge/contracts';
import { participantKey } from '@hallbridge/domain';
import { useSessionActions } from '../../api/sessions';
import { usePrincipal } from '../../auth/auth-store';

export interface RoomRole {
  principal: Principal | null;
  /** The viewer's participant key in the room (m:, s: or u:). */
  myKey: string | null;
  /** One of the session's presenters. */
  presents: boolean;
  /**
   * Runs the room: a presenter of the session, or an organiser managing its host unit (the
   * server accepts their commands). Other staff watch.
   */
  runs: boolean;
  isOrganiser: boolean;
}

const keyOf = (p: Principal) => {
  try {
    return participantKey(p);
  } catch {
    return null;
  }
};

/**
 * Who the viewer is in this room, from the signed-in principal and the session. Whether an
 * organiser manages the host unit is what the session's actions say (the server's own check).
 */
export function useRoomRole(session: StudySession | undefined): RoomRole {
  const principal = usePrincipal();
  const isOrganiser = principal?.role === 'organiser';
  const actions = useSessionActions(session?.id ?? '', !!session && isOrganiser);
  const presents = !!principal?.userId && !!session?.presenters.some((p) => p.userId === principal.userId);
  const manages = isOrganiser && (actions.data?.length ?? 0) > 0;
  return {
    principal,
    myKey: principal ? keyOf(principal) : null,
    presents,
    runs: presents || manages,
    isOrganiser,
  };
}
