import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@hallbridge/domain';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { MemberHistoryDto, PeriodQueryDto, UnitPeriodDto } from './attendance-dto';
import { CSV_TYPE, sendFile, XLSX_TYPE } from '../common/downloads';
import { AttendanceExports } from './attendance-exports.service';
import { AttendanceHistory } from './attendance-history.service';

/** A member's attendance across sessions. */
@ApiTags('attendance')
@Controller('members')
export class MemberAttendanceController {
  constructor(private readonly history: AttendanceHistory) {}

  /** The signed-in member's own history (a member token, or staff linked to a roster entry). */
  @Get('me/attendance')
  @ZodResponse({ type: MemberHistoryDto })
  mine(@CurrentActor() actor: RequestActor) {
    if (!actor.memberId) throw new DomainError('NOT_FOUND', { entity: 'member' });
    return this.history.member(actor, actor.memberId);
  }

  @Get(':id/attendance')
  @ZodResponse({ type: MemberHistoryDto })
  member(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.history.member(actor, id);
  }
}

/** A unit's attendance over a period (`?year=2026`, or `from`/`to`): per session, branch and member. */
@ApiTags('attendance')
@Controller('units/:id')
export class UnitAttendanceController {
  constructor(
    private readonly history: AttendanceHistory,
    private readonly exports: AttendanceExports,
  ) {}

  @Get('attendance')
  @ZodResponse({ type: UnitPeriodDto })
  async period(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() query: PeriodQueryDto,
  ) {
    return (await this.history.unit(actor, id, query)).period;
  }

  @Get('attendance.csv')
  @ApiProduces('text/csv')
  async csv(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() query: PeriodQueryDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const file = await this.exports.unitCsv(actor, id, query, lang);
    await sendFile(res, file.fileName, CSV_TYPE, file.write);
  }

  @Get('attendance.xlsx')
  @ApiProduces(XLSX_TYPE)
  async xlsx(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() query: PeriodQueryDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const file = await this.exports.unitXlsx(actor, id, query, lang);
    await sendFile(res, file.fileName, XLSX_TYPE, file.write);
  }

  @Get('attendance.html')
  @ApiProduces('text/html')
  async print(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() query: PeriodQueryDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    res.type('html').send(await this.exports.unitPrint(actor, id, query, lang));
  }
}
