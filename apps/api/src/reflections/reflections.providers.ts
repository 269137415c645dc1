import type { Provider, Type } from '@nestjs/common';
import { ReflectionExportsService } from './reflection-exports.service';
import { ReflectionReviewsService } from './reflection-reviews.service';
import { ReflectionSettingsService } from './reflection-settings.service';
import { ReflectionsController, SessionReflectionsController } from './reflections.controller';
import { ReflectionsService } from './reflections.service';

export const reflectionsControllers: Type[] = [SessionReflectionsController, ReflectionsController];

export const reflectionsProviders: Provider[] = [
  ReflectionSettingsService,
  ReflectionsService,
  ReflectionReviewsService,
  ReflectionExportsService,
];
