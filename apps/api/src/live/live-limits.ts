import { Injectable } from '@nestjs/common';
import type { LiveCommandName } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import { RateLimits, type Limit, type LimitPolicy } from '../cluster/rate-limits';

/**
 * The live rooms' rate limits (docs/security.md, "Limits"). Counted per person (a participant key:
 * one per member, account or room screen, whatever the number of sockets, tabs, tokens or app
 * instances), per client address and, for what everyone in a room sees, per room; in Redis when
 * there is one, so a member's sockets on two instances share one count.
 */
export const LIVE_LIMITS = {
  /** Every command and join of one person. */
  person: { name: 'live-person', points: 40, perSeconds: 2 },
  /** Every command of one address: a district hall's phones may share one address behind NAT. */
  address: { name: 'live-address', points: 1000, perSeconds: 2 },
  /** Chat messages and questions of one person (each also capped in the room's state). */
  posts: { name: 'live-posts', points: 20, perSeconds: 10 },
  /** Chat messages and questions of a whole room: each goes out to everyone in it. */
  roomPosts: { name: 'live-room-posts', points: 20, perSeconds: 2 },
  /** Presenter pointer moves of one socket (volatile, never stored; counted in this process only). */
  pointer: { name: 'live-pointer', points: 60, perSeconds: 1 },
} as const satisfies Record<string, LimitPolicy>;

const POSTS: ReadonlySet<LiveCommandName> = new Set(['chat:send', 'question:ask']);

export interface LiveCaller {
  personKey: string;
  address: string;
}

/** Refusal of a command over a limit: RATE_LIMITED with how long to wait (retryAfterMs on the ack). */
export const rateLimited = (retryAfterMs: number) =>
  new DomainError('RATE_LIMITED', {
    retryAfterMs: Math.max(1, Math.ceil(retryAfterMs)),
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });

@Injectable()
export class LiveLimits {
  private readonly person: Limit;
  private readonly address: Limit;
  private readonly posts: Limit;
  private readonly roomPosts: Limit;
  private readonly pointer: Limit;

  constructor(limits: RateLimits) {
    this.person = limits.limit(LIVE_LIMITS.person);
    this.address = limits.limit(LIVE_LIMITS.address);
    this.posts = limits.limit(LIVE_LIMITS.posts);
    this.roomPosts = limits.limit(LIVE_LIMITS.roomPosts);
    this.pointer = limits.local(LIVE_LIMITS.pointer);
  }

  /**
   * Counts one command (before it is parsed: a malformed flood costs its sender too) and throws
   * RATE_LIMITED when the person or the address is over its limit. Posts are counted again when
   * they name their room (`admitPost`).
   */
  async admit(caller: LiveCaller): Promise<void> {
    const [person, address] = await Promise.all([
      this.person.take(caller.personKey),
      this.address.take(caller.address),
    ]);
    refuseIfOver(person, address);
  }

  /** A chat message or question, once its room is known: the person's and the room's post limits. */
  async admitPost(name: LiveCommandName, caller: LiveCaller, sessionId: string): Promise<void> {
    if (!POSTS.has(name)) return;
    const posts = await this.posts.take(caller.personKey);
    refuseIfOver(posts);
    refuseIfOver(await this.roomPosts.take(sessionId));
  }

  /** A presenter's pointer move: dropped (false) past the limit, as pointer moves are anyway. */
  async pointerMove(socketId: string): Promise<boolean> {
    return (await this.pointer.take(socketId)).allowed;
  }
}

function refuseIfOver(...results: Awaited<ReturnType<Limit['take']>>[]): void {
  const waits = results.flatMap((r) => (r.allowed ? [] : [r.retryAfterMs]));
  if (waits.length) throw rateLimited(Math.max(...waits));
}
