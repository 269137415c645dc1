import type { Provider, Type } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeckConverter } from './conversion/deck-converter';
import { DeckEvents } from './deck-events';
import { DeckJobs } from './deck-jobs.service';
import { DecksController, SessionDecksController } from './decks.controller';
import { DecksService } from './decks.service';

export const slidesControllers: Type[] = [SessionDecksController, DecksController];

export const slidesProviders: Provider[] = [
  DeckEvents,
  {
    provide: DeckConverter,
    inject: [APP_CONFIG],
    // SOFFICE_PATH points at a LibreOffice outside PATH (e.g. /opt/libreoffice/program/soffice).
    useFactory: (config: AppConfig) =>
      new DeckConverter({
        soffice: process.env.SOFFICE_PATH || undefined,
        officeProfileTemplate: join(config.dataDir, 'libreoffice', 'profile'),
      }),
  },
  DeckJobs,
  DecksService,
];
