import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { CSV_TYPE, sendFile } from '../common/downloads';
import { toExcelCsv } from '../common/csv';
import { IdParamDto } from '../common/dto';
import { translate } from '../common/i18n/translate';
import { PollResultsService } from './poll-results.service';

/** Poll results stored with the session, as spreadsheets (UTF-8 CSV with BOM). */
@ApiTags('live')
@Controller('sessions/:id')
export class PollResultsController {
  constructor(private readonly results: PollResultsService) {}

  @Get('polls.csv')
  @ApiProduces('text/csv')
  async summary(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const t = (k: string) => translate(lang, `polls.csv.${k}`);
    const header = [
      t('number'),
      t('question'),
      t('kind'),
      t('respondents'),
      t('sites'),
      t('option'),
      t('devices'),
      t('roomCounts'),
      t('total'),
      t('percent'),
    ];
    await sendFile(
      res,
      `${t('summaryFile')}-${id}.csv`,
      CSV_TYPE,
      toExcelCsv(header, await this.results.summaryRows(actor, id, lang)),
    );
  }

  @Get('poll-answers.csv')
  @ApiProduces('text/csv')
  async answers(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const t = (k: string) => translate(lang, `polls.csv.${k}`);
    const header = [t('number'), t('question'), t('member'), t('unit'), t('answer'), t('verdict')];
    await sendFile(
      res,
      `${t('answersFile')}-${id}.csv`,
      CSV_TYPE,
      toExcelCsv(header, await this.results.answerRows(actor, id, lang)),
    );
  }

  @Get('quiz-scores.csv')
  @ApiProduces('text/csv')
  async quiz(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const t = (k: string) => translate(lang, `polls.csv.${k}`);
    await sendFile(
      res,
      `${t('quizFile')}-${id}.csv`,
      CSV_TYPE,
      toExcelCsv([t('member'), t('unit'), t('score'), t('outOf')], await this.results.quizRows(actor, id)),
    );
  }
}
