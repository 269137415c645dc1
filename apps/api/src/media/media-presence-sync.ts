import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { MediaParticipant } from '@hallbridge/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';
import { MEDIA_BACKEND, type MediaBackend } from './media-backend';
import { MediaPresenceEvents, type MediaPresence } from './media-presence-events';

/**
 * Webhooks say who joins and leaves the media room, but a webhook can be lost, and a restarted app
 * hears nothing about participants who stayed connected through the restart. So at start and then
 * periodically the media server's participant list of every live session is compared with what
 * the webhooks said: a participant the app did not know of is announced as joined (since the time
 * the media server says they joined), one the app thought present but the server no longer has is
 * announced as left. Attendance therefore keeps counting a member whose video outlived a restart.
 * With several instances a participant is announced only by the instance that heard the webhook,
 * or, when none did, by one that finds no open media interval for them in the database.
 */
/** What the app last heard of one participant, and when (local clock). */
interface Heard {
  presence: MediaPresence | null;
  at: number;
}

@Injectable()
export class MediaPresenceSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MediaPresence');
  /** session id → participant key → last news (present, or left when `presence` is null). */
  private readonly heard = new Map<string, Map<string, Heard>>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(MEDIA_BACKEND) private readonly backend: MediaBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly events: MediaPresenceEvents,
  ) {
    events.on('joined', (p) => this.room(p.sessionId).set(p.key, { presence: p, at: Date.now() }));
    events.on('left', (p) => this.room(p.sessionId).set(p.key, { presence: null, at: Date.now() }));
  }

  onApplicationBootstrap(): void {
    if (this.backend.kind === 'disabled') return;
    void this.sync();
    this.timer = setInterval(() => void this.sync(), this.config.attendance.mediaSyncMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Compares every live session's media room with what was heard; overlapping calls share one run. */
  sync(): Promise<void> {
    this.running ??= this.compareAll()
      .catch((error) => this.logger.warn(`comparing media rooms: ${(error as Error).message}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async compareAll(): Promise<void> {
    const live = await this.prisma.studySession.findMany({ where: { state: 'live' }, select: { id: true } });
    // A session that has just ended may still have people in its room until they hang up.
    for (const sessionId of new Set([...live.map((s) => s.id), ...this.heard.keys()]))
      await this.compare(sessionId);
  }

  private async compare(sessionId: string): Promise<void> {
    const askedAt = Date.now();
    const listed = await this.backend.participants(sessionId);
    const heard = this.room(sessionId);
    // News that arrived while the list was on its way is newer than the list: it wins.
    const stale = (key: string) => (heard.get(key)?.at ?? 0) < askedAt;
    const inRoom = new Set<string>();
    const unheard: MediaParticipant[] = [];
    for (const p of listed) {
      // Without our metadata the participant did not join with a HallBridge token.
      if (!p.seat) continue;
      inRoom.add(p.identity);
      if (stale(p.identity) && !heard.get(p.identity)?.presence) unheard.push(p);
    }
    // Another instance may have heard of them (webhooks reach one instance): it records them.
    const recorded = await this.recordedElsewhere(sessionId, unheard);
    for (const p of unheard) {
      if (recorded.has(p.identity) || !stale(p.identity)) continue;
      this.events.emit('joined', {
        sessionId,
        key: p.identity,
        name: p.name,
        role: p.role,
        seat: p.seat,
        at: p.joinedAt || askedAt,
      });
    }
    for (const [key, { presence }] of [...heard]) {
      if (!stale(key)) continue;
      if (presence && !inRoom.has(key)) this.events.emit('left', { ...presence, at: askedAt });
      else if (!presence) heard.delete(key);
    }
    if ([...heard.values()].every((h) => !h.presence)) this.heard.delete(sessionId);
  }

  /** Participants with an open media interval in the database (recorded by some instance). */
  private async recordedElsewhere(sessionId: string, participants: MediaParticipant[]): Promise<Set<string>> {
    if (participants.length === 0) return new Set();
    const open = await this.prisma.presenceInterval.findMany({
      where: {
        sessionId,
        source: 'media',
        endedAt: null,
        participantKey: { in: participants.map((p) => p.identity) },
      },
      select: { participantKey: true },
    });
    return new Set(open.map((i) => i.participantKey));
  }

  private room(sessionId: string): Map<string, Heard> {
    let room = this.heard.get(sessionId);
    if (!room) this.heard.set(sessionId, (room = new Map()));
    return room;
  }
}
