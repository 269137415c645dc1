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
  UploadedFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateMemberBody,
  ImportQuery,
  ImportReport,
  Member,
  MemberQuery,
  UpdateMemberBody,
} from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { pickLocale } from '@hallbridge/i18n';
import { IdParamDto } from '../common/dto';
import { FileUpload } from '../common/upload';
import { ImportRosterService, type UploadedRoster } from './import-roster.service';
import { MembersService } from './members.service';
import { ROSTER_MAX_BYTES } from './roster-file';

class CreateMemberDto extends createZodDto(CreateMemberBody) {}
class UpdateMemberDto extends createZodDto(UpdateMemberBody) {}
class MemberQueryDto extends createZodDto(MemberQuery) {}
class ImportQueryDto extends createZodDto(ImportQuery) {}
class MemberDto extends createZodDto(Member) {}
class MemberListDto extends createZodDto(z.array(Member)) {}
class ImportReportDto extends createZodDto(ImportReport) {}

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly importRoster: ImportRosterService,
  ) {}

  @Get()
  @ZodResponse({ type: MemberListDto })
  list(
    @CurrentActor() actor: RequestActor,
    @Query() query: MemberQueryDto,
    @Headers('accept-language') lang?: string,
  ) {
    return this.members.list(actor, query, pickLocale(lang));
  }

  @Post()
  @ZodResponse({ status: 201, type: MemberDto })
  create(@CurrentActor() actor: RequestActor, @Body() body: CreateMemberDto) {
    return this.members.create(actor, body);
  }

  /** All or nothing: a file with any error changes nothing and the report lists every problem. */
  @Post('import')
  @HttpCode(200)
  @FileUpload(ROSTER_MAX_BYTES, {
    by: ImportRosterService,
    check: (roster, actor, req) => roster.assertMayImport(actor, ImportQuery.parse(req.query)),
  })
  @ZodResponse({ type: ImportReportDto })
  import(
    @CurrentActor() actor: RequestActor,
    @UploadedFile() file: UploadedRoster | undefined,
    @Query() query: ImportQueryDto,
    @Headers('accept-language') lang?: string,
  ) {
    return this.importRoster.run(actor, file, query, lang);
  }

  @Get(':id')
  @ZodResponse({ type: MemberDto })
  get(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.members.get(actor, id);
  }

  @Patch(':id')
  @ZodResponse({ type: MemberDto })
  update(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: UpdateMemberDto) {
    return this.members.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.members.remove(actor, id);
  }
}
