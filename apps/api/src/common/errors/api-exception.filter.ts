import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ApiError, ErrorCode } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { databaseUnreachable } from '../../database/store-failure';
import { translate } from '../i18n/translate';
import { domainErrorMessage } from './error-message';
import { fieldIssues } from './field-issues';
import { httpStatusOf } from './http-status';

/** Turns anything thrown while handling a REST call into `{ statusCode, code, message, issues? }`. */
export function toApiError(
  exception: unknown,
  req: Pick<Request, 'method' | 'originalUrl' | 'headers'>,
): ApiError {
  const lang = req.headers['accept-language'];
  const make = (
    code: ErrorCode,
    params: Record<string, unknown> = {},
    extra: Partial<ApiError> = {},
  ): ApiError => ({
    statusCode: httpStatusOf[code],
    code,
    message: translate(lang, `errors.${code}`, params),
    ...extra,
  });

  const domainError = (error: DomainError): ApiError => {
    const details = error.details ?? (error.params.reason ? { reason: error.params.reason } : undefined);
    // A rule's own validation names its field the way zod does: "endsAt: the end must be after…".
    const field =
      error.code === 'VALIDATION_FAILED' ? /^([\w.]+): (.+)$/.exec(String(error.params.summary)) : null;
    return {
      statusCode: httpStatusOf[error.code],
      code: error.code,
      message: domainErrorMessage(error, lang),
      ...(field ? { issues: [{ path: field[1]!, message: field[2]! }] } : {}),
      ...(details === undefined ? {} : { details }),
    };
  };
  if (exception instanceof DomainError) return domainError(exception);
  if (exception instanceof ZodValidationException || exception instanceof ZodError) {
    const zodError = exception instanceof ZodError ? exception : (exception.getZodError() as ZodError);
    const issues = fieldIssues(zodError, '(body)');
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return make('VALIDATION_FAILED', { summary }, { issues });
  }
  if (exception instanceof ThrottlerException) return make('RATE_LIMITED');
  // Races the service's own checks could not see: a unique index (two identical creates at once),
  // a row deleted meanwhile, a reference to a row that went away.
  const prismaCode = (exception as { code?: unknown })?.code;
  if (prismaCode === 'P2002') return domainError(new DomainError('CONFLICT', { reason: 'duplicate' }));
  if (prismaCode === 'P2025') return domainError(new DomainError('NOT_FOUND', { entity: 'record' }));
  if (prismaCode === 'P2003') return domainError(new DomainError('CONFLICT', { reason: 'reference' }));
  const badRequest = (summary: string, path = '(body)') =>
    make('VALIDATION_FAILED', { summary }, { issues: [{ path, message: summary }] });
  const tooLarge = () =>
    make('PAYLOAD_TOO_LARGE', { limit: (req as { uploadLimit?: string }).uploadLimit ?? '1 MB' });
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const path = req.originalUrl.split('?')[0];
    if (status === 404) return make('ROUTE_NOT_FOUND', { method: req.method, path });
    if (status === 413) return tooLarge();
    if (status === 401) return make('UNAUTHENTICATED');
    if (status === 403) return make('FORBIDDEN');
    if (status === 415) return make('UNSUPPORTED_FILE', { expected: 'application/json' });
    // Multer's refusals (an unexpected field, a malformed form) and anything else a client caused.
    if (status >= 400 && status < 500) return badRequest(exception.message, uploadField(exception.message));
  }
  // body-parser and Express report what the client sent wrong with a `type` or a 4xx `status`:
  // unparseable or oversized JSON, an unknown charset, a request aborted, a path that cannot be decoded.
  const clientError = exception as { type?: string; status?: number; expose?: boolean; message?: string };
  if (clientError?.type === 'entity.too.large') return make('PAYLOAD_TOO_LARGE', { limit: '1 MB' });
  if (clientError?.type === 'entity.parse.failed') return badRequest('the body is not valid JSON');
  if (exception instanceof URIError) return badRequest('the address is not valid percent-encoding', '(path)');
  const status = clientError?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return tooLarge();
    if (status === 415) return make('UNSUPPORTED_FILE', { expected: 'application/json; charset=utf-8' });
    return badRequest(clientError.expose && clientError.message ? clientError.message : 'bad request');
  }
  // The database is down or out of reach (a restart, a network cut): nothing was done, try again.
  if (databaseUnreachable(exception)) return make('UNAVAILABLE');
  return make('INTERNAL');
}

/** A client told the database is out of reach may try again after this long. */
const UNAVAILABLE_RETRY_AFTER_S = 5;

/** Multer names the multipart field it refused ("Unexpected field - photo"). */
const uploadField = (message: string) => (/field/i.test(message) ? 'file' : '(body)');

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const body = toApiError(exception, req);
    if (body.statusCode >= 500) {
      this.logger.error(
        `${req.method} ${req.originalUrl.split('?')[0]}`,
        (exception as Error)?.stack ?? String(exception),
      );
    }
    if (res.headersSent) return;
    // Refused before the body was read (an upload without permission, too large): say so and
    // close, rather than read and discard the rest of what the client is still sending.
    if (!req.complete) res.setHeader('Connection', 'close');
    const retryAfter =
      exception instanceof DomainError
        ? exception.params.retryAfterSeconds
        : body.code === 'UNAVAILABLE'
          ? UNAVAILABLE_RETRY_AFTER_S
          : undefined;
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    res.status(body.statusCode).json(body);
  }
}
