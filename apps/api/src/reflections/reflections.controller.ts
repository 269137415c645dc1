import { Body, Controller, Delete, Get, Headers, Param, Post, Put, Res, UploadedFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  MyReflection,
  ReflectionCall,
  Reflection,
  ReflectionForReview,
  ReflectionSettings,
  ReflectionSettingsBody,
  ReviewReflectionBody,
  SaveReflectionBody,
  SessionReflections,
  SubmitReflectionBody,
} from '@hallbridge/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { attachment, CSV_TYPE, sendFile, XLSX_TYPE } from '../common/downloads';
import { FileUpload, sessionIdOf } from '../common/upload';
import { ReflectionExportsService } from './reflection-exports.service';
import { ReflectionReviewsService } from './reflection-reviews.service';
import { ReflectionSettingsService } from './reflection-settings.service';
import {
  REFLECTION_ATTACHMENT_MAX_BYTES,
  ReflectionsService,
  type UploadedAttachment,
} from './reflections.service';

class SettingsBodyDto extends createZodDto(ReflectionSettingsBody) {}
class SettingsDto extends createZodDto(ReflectionSettings) {}
class CallDto extends createZodDto(ReflectionCall) {}
class SaveDto extends createZodDto(SaveReflectionBody) {}
class SubmitDto extends createZodDto(SubmitReflectionBody) {}
class ReviewDto extends createZodDto(ReviewReflectionBody) {}
class MyReflectionDto extends createZodDto(MyReflection) {}
class ReflectionDto extends createZodDto(Reflection) {}
class SessionReflectionsDto extends createZodDto(SessionReflections) {}
class ForReviewDto extends createZodDto(ReflectionForReview) {}

/** A session's reflections: the organiser's call, the member's own, and the secretary's review list. */
@ApiTags('reflections')
@Controller('sessions/:id/reflections')
export class SessionReflectionsController {
  constructor(
    private readonly settings: ReflectionSettingsService,
    private readonly mine: ReflectionsService,
    private readonly reviews: ReflectionReviewsService,
    private readonly exports: ReflectionExportsService,
  ) {}

  @Get('settings')
  @ZodResponse({ type: CallDto })
  getSettings(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.settings.get(actor, id);
  }

  @Put('settings')
  @ZodResponse({ type: SettingsDto })
  putSettings(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Body() body: SettingsBodyDto,
  ) {
    return this.settings.put(actor, id, body);
  }

  @Get()
  @ZodResponse({ type: SessionReflectionsDto })
  list(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.reviews.list(actor, id);
  }

  @Get('mine')
  @ZodResponse({ type: MyReflectionDto })
  getMine(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.mine.mine(actor, id);
  }

  /** Autosave: `baseVersion` is the version the text was written on; an older one gets 409 stale_version. */
  @Put('mine')
  @ZodResponse({ type: ReflectionDto })
  save(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: SaveDto) {
    return this.mine.save(actor, id, body);
  }

  @Post('mine/submit')
  @ZodResponse({ status: 201, type: ReflectionDto })
  submit(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: SubmitDto) {
    return this.mine.submit(actor, id, body.version);
  }

  @Post('mine/attachment')
  @FileUpload(REFLECTION_ATTACHMENT_MAX_BYTES, {
    by: ReflectionsService,
    check: (reflections, actor, req) => reflections.mayAttach(actor, sessionIdOf(req)),
  })
  @ZodResponse({ status: 201, type: ReflectionDto })
  attach(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @UploadedFile() file: UploadedAttachment | undefined,
  ) {
    return this.mine.attach(actor, id, file);
  }

  @Delete('mine/attachment')
  @ZodResponse({ type: ReflectionDto })
  detach(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.mine.detach(actor, id);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  async csv(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const file = await this.exports.csv(actor, id, lang);
    await sendFile(res, file.fileName, CSV_TYPE, file.body);
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
}

/** One handed-in reflection, for its reviewer. */
@ApiTags('reflections')
@Controller('reflections')
export class ReflectionsController {
  constructor(private readonly reviews: ReflectionReviewsService) {}

  @Get(':id')
  @ZodResponse({ type: ForReviewDto })
  read(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.reviews.read(actor, id);
  }

  @Post(':id/review')
  @ZodResponse({ status: 201, type: ForReviewDto })
  review(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: ReviewDto) {
    return this.reviews.review(actor, id, body);
  }

  @Get(':id/attachment')
  @ApiProduces('application/octet-stream')
  async download(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Res() res: Response) {
    const file = await this.reviews.openAttachment(actor, id);
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', attachment(file.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    file.stream.pipe(res);
  }
}
