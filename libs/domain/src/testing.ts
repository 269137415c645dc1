/** Test data for the other packages' tests (web components, API): never imported by production code. */
export * from './attendance/attendance.factory';
export * from './live/live-room.factory';
