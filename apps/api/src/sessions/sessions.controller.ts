import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CreateSessionBody,
  JoinLink,
  JoinLinkQuery,
  Material,
  SessionAction,
  SessionQuery,
  StudySession,
  TransitionBody,
  UpdateSessionBody,
} from '@hallbridge/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { attachment, CSV_TYPE, sendFile } from '../common/downloads';
import { toExcelCsv } from '../common/csv';
import { IdParamDto } from '../common/dto';
import { translate } from '../common/i18n/translate';
import { FileUpload, sessionIdOf } from '../common/upload';
import { JoinLinksService } from './join-links.service';
import { MATERIAL_MAX_BYTES, MaterialsService, type UploadedMaterial } from './materials.service';
import { SessionsService } from './sessions.service';

class CreateSessionDto extends createZodDto(CreateSessionBody) {}
class UpdateSessionDto extends createZodDto(UpdateSessionBody) {}
class TransitionDto extends createZodDto(TransitionBody) {}
class SessionQueryDto extends createZodDto(SessionQuery) {}
class JoinLinkQueryDto extends createZodDto(JoinLinkQuery) {}
class SessionDto extends createZodDto(StudySession) {}
class SessionListDto extends createZodDto(z.array(StudySession)) {}
class ActionListDto extends createZodDto(z.array(SessionAction)) {}
class JoinLinkListDto extends createZodDto(z.array(JoinLink)) {}
class MaterialDto extends createZodDto(Material) {}

@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly joinLinks: JoinLinksService,
    private readonly materials: MaterialsService,
  ) {}

  @Get()
  @ZodResponse({ type: SessionListDto })
  list(@CurrentActor() actor: RequestActor, @Query() query: SessionQueryDto) {
    return this.sessions.list(actor, query);
  }

  @Post()
  @ZodResponse({ status: 201, type: SessionDto })
  create(@CurrentActor() actor: RequestActor, @Body() body: CreateSessionDto) {
    return this.sessions.create(actor, body);
  }

  @Get(':id')
  @ZodResponse({ type: SessionDto })
  get(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.sessions.get(actor, id);
  }

  @Patch(':id')
  @ZodResponse({ type: SessionDto })
  update(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: UpdateSessionDto) {
    return this.sessions.update(actor, id, body);
  }

  @Get(':id/actions')
  @ZodResponse({ type: ActionListDto })
  actions(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.sessions.actions(actor, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ZodResponse({ type: SessionDto })
  transition(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: TransitionDto) {
    return this.sessions.transition(actor, id, body);
  }

  @Get(':id/join-links')
  @ZodResponse({ type: JoinLinkListDto })
  listJoinLinks(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() query: JoinLinkQueryDto,
  ) {
    return this.joinLinks.list(actor, id, query.unitId);
  }

  /** The same list as a spreadsheet for secretaries to send out. */
  @Get(':id/join-links.csv')
  @ApiProduces('text/csv')
  async exportJoinLinks(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() query: JoinLinkQueryDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const links = await this.joinLinks.list(actor, id, query.unitId);
    const t = (key: string) => translate(lang, `joinLinks.${key}`);
    const csv = toExcelCsv(
      [t('fullName'), t('unit'), t('phone'), t('email'), t('link'), t('expiresAt')],
      links.map((l) => [l.fullName, l.unitName, l.phone, l.email, l.url, l.expiresAt]),
    );
    await sendFile(res, `${t('fileName')}-${id}.csv`, CSV_TYPE, csv);
  }

  @Post(':id/materials')
  @FileUpload(MATERIAL_MAX_BYTES, {
    by: MaterialsService,
    check: (materials, actor, req) => materials.sessionForUpload(actor, sessionIdOf(req)),
  })
  @ZodResponse({ status: 201, type: MaterialDto })
  uploadMaterial(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @UploadedFile() file: UploadedMaterial | undefined,
  ) {
    return this.materials.upload(actor, id, file);
  }
}

@ApiTags('sessions')
@Controller('materials')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  @Get(':id/download')
  @ApiProduces('application/octet-stream')
  async download(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Res() res: Response) {
    const { material, stream } = await this.materials.open(actor, id);
    res.setHeader('Content-Type', material.mimeType);
    res.setHeader('Content-Length', String(material.size));
    res.setHeader('Content-Disposition', attachment(material.fileName));
    stream.pipe(res);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.materials.remove(actor, id);
  }
}
