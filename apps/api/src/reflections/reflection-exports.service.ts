import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import type { RequestActor } from '../auth/request-actor';
import { reportFormat } from '../attendance/export/report-format';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { reflectionLabels, reflectionsCsv, writeReflectionsWorkbook } from './reflection-exports';
import { ReflectionReviewsService } from './reflection-reviews.service';

/** The review list as files: the same figures the secretary's page shows, attendance beside them. */
@Injectable()
export class ReflectionExportsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reviews: ReflectionReviewsService,
  ) {}

  async csv(actor: RequestActor, sessionId: string, language: string | undefined) {
    const f = reportFormat(language, this.config.attendance.timeZone);
    const data = await this.reviews.list(actor, sessionId);
    return {
      fileName: fileName(reflectionLabels(f)('fileName'), data.title, 'csv'),
      body: reflectionsCsv(f, data),
    };
  }

  async xlsx(actor: RequestActor, sessionId: string, language: string | undefined) {
    const f = reportFormat(language, this.config.attendance.timeZone);
    const data = await this.reviews.list(actor, sessionId);
    return {
      fileName: fileName(reflectionLabels(f)('fileName'), data.title, 'xlsx'),
      write: (stream: Writable) => writeReflectionsWorkbook(stream, f, data),
    };
  }
}

export function fileName(prefix: string, subject: string, ext: string): string {
  return `${prefix} - ${subject
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .trim()
    .slice(0, 80)}.${ext}`;
}
