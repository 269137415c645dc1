import type { Provider, Type } from '@nestjs/common';
import { CommandPipeline } from './command-pipeline';
import { LiveAccess } from './live-access.service';
import { LiveBroadcaster } from './live-broadcaster';
import { LiveFactEvents } from './live-fact-events';
import { LiveFactStore } from './live-fact.store';
import { LiveRevocation } from './live-revocation';
import { LiveRooms } from './live-rooms';
import { LiveLimits } from './live-limits';
import { LiveGateway } from './live.gateway';
import { PollResultsController } from './poll-results.controller';
import { PollResultsService } from './poll-results.service';
import { PresenceEvents } from './presence-events';
import { PresenceTracker } from './presence-tracker';
import { RoomCache } from './room-cache';
import { RoomEvents } from './room-events';
import { SessionLifecycle } from './session-lifecycle';
import { TallyCoalescer } from './tally-coalescer';

export const liveControllers: Type[] = [PollResultsController];

/** The live rooms in parts (see LiveRooms); whether instances share them is the cluster strategy. */
export const liveProviders: Provider[] = [
  SessionLifecycle,
  PresenceEvents,
  LiveFactEvents,
  LiveFactStore,
  LiveBroadcaster,
  TallyCoalescer,
  RoomEvents,
  RoomCache,
  CommandPipeline,
  PresenceTracker,
  LiveRooms,
  LiveAccess,
  LiveLimits,
  LiveRevocation,
  LiveGateway,
  PollResultsService,
];
