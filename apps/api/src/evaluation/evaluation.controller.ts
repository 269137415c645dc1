import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { EvaluationQuery, YearEvaluation } from '@hallbridge/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { reportFormat } from '../attendance/export/report-format';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { sendFile, XLSX_TYPE } from '../common/downloads';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { fileName } from '../reflections/reflection-exports.service';
import { evaluationLabels, renderEvaluationPrint, writeEvaluationWorkbook } from './evaluation-exports';
import { EvaluationService } from './evaluation.service';

class QueryDto extends createZodDto(EvaluationQuery) {}
class EvaluationDto extends createZodDto(YearEvaluation) {}

/** A unit's year: each member's sessions, attendance and reflections, each branch against its target. */
@ApiTags('evaluation')
@Controller('units/:id')
export class EvaluationController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly evaluation: EvaluationService,
  ) {}

  @Get('evaluation')
  @ZodResponse({ type: EvaluationDto })
  year(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Query() { year }: QueryDto) {
    return this.evaluation.year(actor, id, year);
  }

  @Get('evaluation.xlsx')
  @ApiProduces(XLSX_TYPE)
  async xlsx(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() { year }: QueryDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const f = reportFormat(lang, this.config.attendance.timeZone);
    const e = await this.evaluation.year(actor, id, year);
    const name = fileName(evaluationLabels(f)('fileName', { year: e.year }), e.unitName, 'xlsx');
    await sendFile(res, name, XLSX_TYPE, (stream) => writeEvaluationWorkbook(stream, f, e));
  }

  @Get('evaluation.html')
  @ApiProduces('text/html')
  async print(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() { year }: QueryDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const f = reportFormat(lang, this.config.attendance.timeZone);
    res.type('html').send(renderEvaluationPrint(f, await this.evaluation.year(actor, id, year)));
  }
}
