import { Body, Controller, Delete, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  OpenProgrammeBody,
  Programme,
  ProgrammeActionBody,
  ProgrammeCommentBody,
  ProgrammeParam,
  SessionProgrammes,
  UpdateProgrammeActionBody,
  WhyQuery,
} from '@hallbridge/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { sendFile, XLSX_TYPE } from '../common/downloads';
import { ProgrammeExportsService } from './programme-exports.service';
import { ProgrammesService } from './programmes.service';

class ProgrammeDto extends createZodDto(Programme) {}
class OverviewDto extends createZodDto(SessionProgrammes) {}
class ActionBodyDto extends createZodDto(ProgrammeActionBody) {}
class UpdateActionDto extends createZodDto(UpdateProgrammeActionBody) {}
class OpenProgrammeDto extends createZodDto(OpenProgrammeBody) {}
class CommentDto extends createZodDto(ProgrammeCommentBody) {}
class ProgrammeParamDto extends createZodDto(ProgrammeParam) {}
class WhyDto extends createZodDto(WhyQuery) {}

/** Branch action programmes of a session; `:unitId` may be "mine" for the caller's own branch. */
@ApiTags('programmes')
@Controller('sessions/:id/programmes')
export class SessionProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly exports: ProgrammeExportsService,
  ) {}

  @Get()
  @ZodResponse({ type: OverviewDto })
  overview(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.programmes.overview(actor, id);
  }

  @Get('export.xlsx')
  @ApiProduces(XLSX_TYPE)
  async xlsx(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const file = await this.exports.xlsx(actor, id, lang);
    await sendFile(res, file.fileName, XLSX_TYPE, file.write);
  }

  @Get(':unitId')
  @ZodResponse({ type: ProgrammeDto })
  get(@CurrentActor() actor: RequestActor, @Param() { id, unitId }: ProgrammeParamDto) {
    return this.programmes.get(actor, id, unitId);
  }

  /** Adds an action; the branch's programme is created with its first one. */
  @Post(':unitId/actions')
  @ZodResponse({ status: 201, type: ProgrammeDto })
  add(
    @CurrentActor() actor: RequestActor,
    @Param() { id, unitId }: ProgrammeParamDto,
    @Body() body: ActionBodyDto,
  ) {
    return this.programmes.addAction(actor, id, unitId, body);
  }
}

@ApiTags('programmes')
@Controller()
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Patch('programme-actions/:id')
  @ZodResponse({ type: ProgrammeDto })
  update(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: UpdateActionDto) {
    return this.programmes.updateAction(actor, id, body);
  }

  @Delete('programme-actions/:id')
  @ZodResponse({ type: ProgrammeDto })
  remove(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Query() { why }: WhyDto) {
    return this.programmes.removeAction(actor, id, why);
  }

  /** Opens the draft to the branch's members for comments until `commentsCloseAt`. */
  @Post('programmes/:id/open')
  @ZodResponse({ status: 201, type: ProgrammeDto })
  open(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: OpenProgrammeDto) {
    return this.programmes.open(actor, id, body);
  }

  @Post('programmes/:id/adopt')
  @ZodResponse({ status: 201, type: ProgrammeDto })
  adopt(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.programmes.adopt(actor, id);
  }

  @Post('programmes/:id/comments')
  @ZodResponse({ status: 201, type: ProgrammeDto })
  comment(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: CommentDto) {
    return this.programmes.comment(actor, id, body.body);
  }
}
