import {
  CheckInCode,
  CheckInResult,
  CheckOutBody,
  GuestCountBody,
  Id,
  MarkExcuseBody,
  MemberAttendanceHistory,
  PeriodQuery,
  PresenceIntervalRecord,
  RosterCheckInBody,
  ScanCheckInBody,
  SessionAttendance,
  SiteCheckInRecord,
  SiteGuests,
  UnitAttendancePeriod,
  WhyQuery,
} from '@hallbridge/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { attachment } from '../common/content-disposition';

export class SessionAttendanceDto extends createZodDto(SessionAttendance) {}
export class IntervalListDto extends createZodDto(z.array(PresenceIntervalRecord)) {}
export class MarkExcuseDto extends createZodDto(MarkExcuseBody) {}
export class WhyQueryDto extends createZodDto(WhyQuery) {}
export class RosterCheckInDto extends createZodDto(RosterCheckInBody) {}
export class CheckOutDto extends createZodDto(CheckOutBody) {}
export class GuestCountDto extends createZodDto(GuestCountBody) {}
export class SiteCheckInDto extends createZodDto(SiteCheckInRecord) {}
export class SiteGuestsDto extends createZodDto(SiteGuests) {}
export class CheckInCodeDto extends createZodDto(CheckInCode) {}
export class ScanCheckInDto extends createZodDto(ScanCheckInBody) {}
export class CheckInResultDto extends createZodDto(CheckInResult) {}
export class LeaveRoomDto extends createZodDto(z.object({ sessionId: Id })) {}
export class MemberHistoryDto extends createZodDto(MemberAttendanceHistory) {}
export class PeriodQueryDto extends createZodDto(PeriodQuery) {}
export class UnitPeriodDto extends createZodDto(UnitAttendancePeriod) {}
export class CodeQueryDto extends createZodDto(z.object({ siteId: Id.optional() })) {}
export class MemberParamDto extends createZodDto(z.object({ id: Id, memberId: Id })) {}
export class CheckInParamDto extends createZodDto(z.object({ id: Id, checkInId: Id })) {}
export class SiteParamDto extends createZodDto(z.object({ id: Id, siteId: Id })) {}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file download with its (Vietnamese) name kept; a workbook is streamed as it is written. */
export async function sendFile(
  res: Response,
  fileName: string,
  type: string,
  body: Buffer | string | ((stream: Response) => Promise<void>),
): Promise<void> {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', attachment(fileName));
  if (typeof body === 'function') {
    await body(res);
    res.end();
  } else res.send(body);
}
