import type { Provider, Type } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DisabledMediaBackend } from './disabled-media-backend';
import { LiveKitMediaBackend } from './livekit-media-backend';
import { MEDIA_BACKEND } from './media-backend';
import { MediaFloorSync } from './media-floor-sync';
import { MediaPresenceEvents } from './media-presence-events';
import { MediaPresenceSync } from './media-presence-sync';
import { MediaWebhookController } from './media-webhook.controller';
import { MediaWebhooks } from './media-webhooks.service';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';

export const mediaControllers: Type[] = [MediaController, MediaWebhookController];

export const mediaProviders: Provider[] = [
  {
    provide: MEDIA_BACKEND,
    inject: [APP_CONFIG],
    // LIVEKIT_URL/KEY/SECRET point at a LiveKit node or cluster; without them media is off.
    useFactory: (config: AppConfig) =>
      config.media ? new LiveKitMediaBackend(config.media) : new DisabledMediaBackend(),
  },
  MediaPresenceEvents,
  MediaPresenceSync,
  MediaFloorSync,
  MediaWebhooks,
  MediaService,
];
