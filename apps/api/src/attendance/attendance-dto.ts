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
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

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
