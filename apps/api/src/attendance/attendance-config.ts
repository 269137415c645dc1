/**
 * Attendance timings, from the environment so tests and benchmarks can shorten them without mocks.
 * Defaults are for production and explained in docs/attendance.md.
 */
export interface AttendanceConfig {
  /** ATTENDANCE_HEARTBEAT_MS: how often open intervals get a fresh lastSeenAt in the database. */
  heartbeatMs: number;
  /** ATTENDANCE_STALE_AFTER_MS: an open interval silent for longer is dead (a crashed server's, say). */
  staleAfterMs: number;
  /** ATTENDANCE_MEDIA_SYNC_MS: how often the media rooms' participant lists are compared with the webhooks heard. */
  mediaSyncMs: number;
  /** CHECKIN_CODE_PERIOD_MS: how long a room's code is shown before the next one. */
  checkInPeriodMs: number;
  /** CHECKIN_CODE_GRACE_MS: how long the previous code is still accepted. */
  checkInGraceMs: number;
  /** ATTENDANCE_CACHE_MS: how long a computed live report is reused (every viewer polls it). */
  reportCacheMs: number;
  /** REPORT_TIME_ZONE: the time zone of times written in exports and printed reports. */
  timeZone: string;
}

/** socket.io's heartbeat: a connection that stops answering is dropped after interval + timeout. */
export interface LivePingConfig {
  /** LIVE_PING_INTERVAL_MS */
  intervalMs: number;
  /** LIVE_PING_TIMEOUT_MS */
  timeoutMs: number;
}

const positive = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
};

export function loadAttendanceConfig(env: NodeJS.ProcessEnv): AttendanceConfig {
  const heartbeatMs = positive(env.ATTENDANCE_HEARTBEAT_MS, 30_000);
  return {
    heartbeatMs,
    staleAfterMs: positive(env.ATTENDANCE_STALE_AFTER_MS, heartbeatMs * 3),
    mediaSyncMs: positive(env.ATTENDANCE_MEDIA_SYNC_MS, heartbeatMs),
    checkInPeriodMs: positive(env.CHECKIN_CODE_PERIOD_MS, 60_000),
    checkInGraceMs: positive(env.CHECKIN_CODE_GRACE_MS, 30_000),
    reportCacheMs: positive(env.ATTENDANCE_CACHE_MS, 2_000),
    timeZone: env.REPORT_TIME_ZONE || 'Asia/Ho_Chi_Minh',
  };
}

export function loadLivePingConfig(env: NodeJS.ProcessEnv): LivePingConfig {
  return {
    intervalMs: positive(env.LIVE_PING_INTERVAL_MS, 10_000),
    timeoutMs: positive(env.LIVE_PING_TIMEOUT_MS, 10_000),
  };
}
