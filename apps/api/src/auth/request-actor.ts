import type { Principal } from '@hallbridge/contracts';
import type { Actor } from '@hallbridge/domain';

/** Who is calling, resolved from the token against the database on every request. */
export interface RequestActor extends Actor {
  principal: Principal;
  /** Materialised path of the actor's unit, for scope checks. */
  unitPath: string;
  memberId: string | null;
  siteId: string | null;
}
