import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Logger as PinoNestLogger, LoggerModule, PinoLogger, type Params } from 'nestjs-pino';
import pino, { type Logger as Pino } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * Paths that carry a secret in the path itself: a member's join link, a room's check-in code. Only
 * the first segment after the prefix is the secret; what follows is kept.
 */
const SECRET_PATHS = [/^(\/j\/)[^/?#]+/, /^(\/checkin\/)[^/?#]+/];
/** Query parameters never written to a log, whatever the route. */
const SECRET_PARAMS = /^(token|access_token|code|password|secret|key|signature|sig|auth)$/i;
/** Fields never written to a log wherever they appear in a logged object (one level deep). */
const REDACTED_FIELDS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiSecret',
];
/** Probes and scrapes come every few seconds: logged only at debug. */
const PROBES = new Set(['/api/health/live', '/api/health/ready', '/metrics']);
const REQUEST_ID = /^[\w.:@-]{1,128}$/;
/** Nest's start-up narration (every module, controller and route): debug, not info. */
const NEST_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController']);

/** The URL as it may be logged: secrets in the path and the query replaced by [redacted]. */
export function redactUrl(url: string): string {
  const [path = '', query] = url.split(/\?(.*)/s, 2);
  let safe = path;
  for (const pattern of SECRET_PATHS) safe = safe.replace(pattern, '$1[redacted]');
  if (query === undefined) return safe;
  const params = query
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        /* a malformed name is logged as it came */
      }
      return SECRET_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${safe}?${params}`;
}

/**
 * The request's id: the caller's X-Request-Id when it is a sane token (a front or another service
 * chose it), otherwise a fresh UUID; either way it is sent back in X-Request-Id.
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

type ExpressLike = IncomingMessage & { originalUrl?: string; ip?: string };

function logLevelOf(req: IncomingMessage, res: ServerResponse, error?: Error): pino.LevelWithSilent {
  // A probe answering 503 (not ready) is expected while starting or draining.
  if (PROBES.has(((req as ExpressLike).originalUrl ?? req.url ?? '').split('?')[0]!)) return 'debug';
  if (error || res.statusCode >= 500) return 'error';
  return res.statusCode >= 400 ? 'warn' : 'info';
}

const roots = new Map<string, Pino>();

/**
 * One JSON logger per level and process. On a terminal the lines are made readable (pino-pretty);
 * anywhere else (systemd's journal, a container, a file) they stay one JSON object per line.
 */
function rootLogger(level: string): Pino {
  let root = roots.get(level);
  if (!root) {
    root = pino({
      level,
      redact: { paths: REDACTED_FIELDS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      ...(process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', singleLine: true } } }
        : {}),
    });
    roots.set(level, root);
  }
  return root;
}

function loggingParams(config: AppConfig): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      logger: rootLogger(config.observability.logLevel),
      genReqId: requestId,
      customLogLevel: logLevelOf,
      // Only what helps to follow a request: never its headers (tokens, cookies) or its body.
      serializers: {
        req: (req: { id: string; method: string; raw: ExpressLike }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.raw.originalUrl ?? req.raw.url ?? ''),
          ip: req.raw.ip ?? req.raw.socket?.remoteAddress,
          userAgent: req.raw.headers['user-agent'],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}

/** The HTTP request log (pino-http through nestjs-pino), with the request id bound to every log line. */
export function loggingImports(config: AppConfig) {
  return [LoggerModule.forRoot(loggingParams(config))];
}

class JsonLogger extends PinoNestLogger {
  override log(message: unknown, ...params: unknown[]): void {
    if (NEST_CHATTER.has(params.at(-1) as string)) super.debug(message, ...params);
    else super.log(message, ...params);
  }
}

/** Nest's logger writing through the same JSON logger; also used before the app exists (migrations). */
export function jsonLogger(config: AppConfig): PinoNestLogger {
  const params = loggingParams(config);
  return new JsonLogger(new PinoLogger(params), params);
}
