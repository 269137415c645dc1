/**
 * Operating settings from the environment (docs/deploy.md, "Running it"). Defaults suit the embedded
 * default on one machine; a deployment behind a load balancer tunes the shutdown timings.
 */
export interface ObservabilityConfig {
  /** LOG_LEVEL: silent, error, warn, info (or Nest's `log`), debug. */
  logLevel: string;
  /** METRICS_TOKEN: when set, /metrics needs `Authorization: Bearer <token>` from anywhere. */
  metricsToken: string | null;
  /** SHUTDOWN_DELAY_MS: how long an instance answers "not ready" before it stops accepting. */
  shutdownDelayMs: number;
  /** SHUTDOWN_TIMEOUT_MS: how long it waits for its live connections to move elsewhere. */
  shutdownTimeoutMs: number;
  /** MIGRATION_LOCK_TIMEOUT_MS: how long an instance waits for another one's migrations. */
  migrationLockTimeoutMs: number;
}

const LEVELS: Record<string, string> = {
  silent: 'silent',
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  info: 'info',
  debug: 'debug',
  verbose: 'debug',
  trace: 'trace',
};

const milliseconds = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** pino's level for LOG_LEVEL (Nest's names accepted too); an unknown value falls back to info. */
export const pinoLevel = (value: string | undefined): string => LEVELS[(value ?? '').toLowerCase()] ?? 'info';

export function loadObservabilityConfig(env: NodeJS.ProcessEnv): ObservabilityConfig {
  return {
    logLevel: pinoLevel(env.LOG_LEVEL),
    metricsToken: env.METRICS_TOKEN || null,
    shutdownDelayMs: milliseconds(env.SHUTDOWN_DELAY_MS, 0),
    shutdownTimeoutMs: milliseconds(env.SHUTDOWN_TIMEOUT_MS, 10_000),
    migrationLockTimeoutMs: milliseconds(env.MIGRATION_LOCK_TIMEOUT_MS, 15 * 60_000),
  };
}
