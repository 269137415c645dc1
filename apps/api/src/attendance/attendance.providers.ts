import type { Provider, Type } from '@nestjs/common';
import { AttendanceAccess } from './attendance-access';
import { AttendanceExports } from './attendance-exports.service';
import { MemberAttendanceController, UnitAttendanceController } from './attendance-history.controller';
import { AttendanceHistory } from './attendance-history.service';
import { AttendanceInputsReader } from './attendance-inputs';
import { AttendanceMarks } from './attendance-marks.service';
import { AttendanceReports } from './attendance-reports.service';
import { AttendanceSnapshots } from './attendance-snapshots';
import { AttendanceController } from './attendance.controller';
import { CheckInCodes } from './check-in-codes';
import { CheckInController } from './check-in.controller';
import { CheckInService } from './check-in.service';
import { presenceSourcesProvider } from './presence-sources';
import { PresenceRecorder } from './presence-recorder.service';
import { PresenceStore } from './presence-store';

export const attendanceControllers: Type[] = [
  AttendanceController,
  CheckInController,
  MemberAttendanceController,
  UnitAttendanceController,
];

export const attendanceProviders: Provider[] = [
  presenceSourcesProvider,
  PresenceStore,
  PresenceRecorder,
  AttendanceAccess,
  AttendanceInputsReader,
  AttendanceSnapshots,
  AttendanceReports,
  AttendanceMarks,
  AttendanceHistory,
  AttendanceExports,
  CheckInCodes,
  CheckInService,
];
