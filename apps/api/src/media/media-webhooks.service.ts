import { Inject, Injectable, Logger } from '@nestjs/common';
import { ParticipantKey } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import { MEDIA_BACKEND, type MediaBackend, type MediaWebhookEvent } from './media-backend';
import { MediaFloorSync } from './media-floor-sync';
import { MediaPresenceEvents } from './media-presence-events';

const REMEMBERED_EVENTS = 10_000;

/**
 * Receives the media server's webhooks: verifies each against its raw body (a forged or altered
 * one is refused), drops repeats, and turns participant joins and leaves into presence.
 */
@Injectable()
export class MediaWebhooks {
  private readonly logger = new Logger('MediaWebhooks');
  private readonly seen = new Set<string>();

  constructor(
    @Inject(MEDIA_BACKEND) private readonly backend: MediaBackend,
    private readonly presence: MediaPresenceEvents,
    private readonly floor: MediaFloorSync,
  ) {}

  async receive(rawBody: unknown, authorization: string | undefined): Promise<void> {
    if (this.backend.kind === 'disabled') throw new DomainError('MEDIA_DISABLED');
    const body = Buffer.isBuffer(rawBody)
      ? rawBody.toString('utf8')
      : typeof rawBody === 'string'
        ? rawBody
        : '';
    let event: MediaWebhookEvent;
    try {
      event = await this.backend.parseWebhook(body, authorization);
    } catch (error) {
      this.logger.warn(`refused a webhook: ${(error as Error).message}`);
      throw new DomainError('UNAUTHENTICATED');
    }
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (this.seen.size > REMEMBERED_EVENTS) this.seen.delete(this.seen.values().next().value!);
    this.handle(event);
  }

  private handle(event: MediaWebhookEvent): void {
    const { room, participant } = event;
    if (!room || !participant || !ParticipantKey.safeParse(participant.identity).success) return;
    const presence = {
      sessionId: room,
      key: participant.identity,
      name: participant.name,
      role: participant.role,
      seat: participant.seat,
      at: event.at,
    };
    if (event.type === 'participant_joined') {
      this.presence.emit('joined', presence);
      // The floor may have changed between minting the token and connecting.
      this.floor.enqueue(room, () => this.floor.reconcile(room, participant.identity));
    } else if (event.type === 'participant_left') {
      this.presence.emit('left', presence);
    }
  }
}
