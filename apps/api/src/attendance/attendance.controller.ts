import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import {
  CheckInCodeDto,
  CheckInParamDto,
  CheckOutDto,
  CodeQueryDto,
  GuestCountDto,
  IntervalListDto,
  MarkExcuseDto,
  MemberParamDto,
  RosterCheckInDto,
  SessionAttendanceDto,
  SiteCheckInDto,
  SiteGuestsDto,
  SiteParamDto,
  WhyQueryDto,
} from './attendance-dto';
import { CSV_TYPE, sendFile, XLSX_TYPE } from '../common/downloads';
import { AttendanceExports } from './attendance-exports.service';
import { AttendanceMarks } from './attendance-marks.service';
import { AttendanceReports } from './attendance-reports.service';
import { CheckInService } from './check-in.service';

/** A session's attendance: the live (or frozen) report, its files, and the marks people make by hand. */
@ApiTags('attendance')
@Controller('sessions/:id')
export class AttendanceController {
  constructor(
    private readonly reports: AttendanceReports,
    private readonly marks: AttendanceMarks,
    private readonly exports: AttendanceExports,
    private readonly checkIns: CheckInService,
  ) {}

  @Get('attendance')
  @ZodResponse({ type: SessionAttendanceDto })
  report(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.reports.view(actor, id);
  }

  @Get('attendance.csv')
  @ApiProduces('text/csv')
  async csv(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const file = await this.exports.sessionCsv(actor, id, lang);
    await sendFile(res, file.fileName, CSV_TYPE, file.write);
  }

  @Get('attendance.xlsx')
  @ApiProduces(XLSX_TYPE)
  async xlsx(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const file = await this.exports.sessionXlsx(actor, id, lang);
    await sendFile(res, file.fileName, XLSX_TYPE, file.write);
  }

  /** The printable report (HTML, A4), ready to file. */
  @Get('attendance.html')
  @ApiProduces('text/html')
  async print(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    res.type('html').send(await this.exports.sessionPrint(actor, id, lang));
  }

  @Get('attendance/intervals')
  @ZodResponse({ type: IntervalListDto })
  intervals(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.exports.intervals(actor, id);
  }

  @Post('attendance/excuses')
  @HttpCode(204)
  excuse(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: MarkExcuseDto) {
    return this.marks.excuse(actor, id, body);
  }

  @Delete('attendance/excuses/:memberId')
  @HttpCode(204)
  removeExcuse(
    @CurrentActor() actor: RequestActor,
    @Param() { id, memberId }: MemberParamDto,
    @Query() { why }: WhyQueryDto,
  ) {
    return this.marks.removeExcuse(actor, id, memberId, why);
  }

  /** A tick on a room's roster: the member sits in that room. */
  @Post('attendance/check-ins')
  @ZodResponse({ status: 201, type: SiteCheckInDto })
  checkIn(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: RosterCheckInDto) {
    return this.marks.checkIn(actor, id, body);
  }

  @Post('attendance/check-ins/:checkInId/check-out')
  @HttpCode(204)
  checkOut(
    @CurrentActor() actor: RequestActor,
    @Param() { id, checkInId }: CheckInParamDto,
    @Body() body: CheckOutDto,
  ) {
    return this.marks.checkOut(actor, id, checkInId, body);
  }

  /** Takes back a tick made by mistake (audited like every change). */
  @Delete('attendance/check-ins/:checkInId')
  @HttpCode(204)
  removeCheckIn(
    @CurrentActor() actor: RequestActor,
    @Param() { id, checkInId }: CheckInParamDto,
    @Query() { why }: WhyQueryDto,
  ) {
    return this.marks.checkOut(actor, id, checkInId, { why }, true);
  }

  @Put('attendance/guests/:siteId')
  @ZodResponse({ type: SiteGuestsDto })
  guests(
    @CurrentActor() actor: RequestActor,
    @Param() { id, siteId }: SiteParamDto,
    @Body() body: GuestCountDto,
  ) {
    return this.marks.guests(actor, id, siteId, body);
  }

  /** The rotating code a room's screen shows (the screen itself, or staff for a room they keep). */
  @Get('check-in-code')
  @ZodResponse({ type: CheckInCodeDto })
  code(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Query() { siteId }: CodeQueryDto) {
    return this.checkIns.code(actor, id, siteId);
  }
}
