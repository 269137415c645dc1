import { Inject, Injectable } from '@nestjs/common';
import type { Programme } from '@hallbridge/contracts';
import { pickLocale } from '@hallbridge/i18n';
import type { Writable } from 'node:stream';
import { reportFormat } from '../attendance/export/report-format';
import type { RequestActor } from '../auth/request-actor';
import { translate } from '../common/i18n/translate';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { fileName } from '../reflections/reflection-exports.service';
import { writeProgrammesWorkbook } from './programme-exports';
import { ProgrammesService } from './programmes.service';

@Injectable()
export class ProgrammeExportsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly programmes: ProgrammesService,
  ) {}

  async xlsx(actor: RequestActor, sessionId: string, language: string | undefined) {
    const overview = await this.programmes.overview(actor, sessionId);
    const all: Programme[] = [];
    for (const b of overview.branches) all.push(await this.programmes.get(actor, sessionId, b.unitId));
    const f = reportFormat(language, this.config.attendance.timeZone);
    return {
      fileName: fileName(translate(language, 'programmes.export.fileName'), overview.title, 'xlsx'),
      write: (stream: Writable) =>
        writeProgrammesWorkbook(stream, pickLocale(language), overview, all, f.date),
    };
  }
}
