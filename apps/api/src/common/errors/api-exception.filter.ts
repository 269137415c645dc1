import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ApiError, ErrorCode } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
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
    return {
      statusCode: httpStatusOf[error.code],
      code: error.code,
      message: domainErrorMessage(error, lang),
      ...(details === undefined ? {} : { details }),
    };
  };
  if (exception instanceof DomainError) return domainError(exception);
  if (exception instanceof ZodValidationException) {
    const issues = fieldIssues(exception.getZodError() as ZodError, '(body)');
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return make('VALIDATION_FAILED', { summary }, { issues });
  }
  if (exception instanceof ThrottlerException) return make('RATE_LIMITED');
  // A unique index caught a race the service's own check could not (two identical creates at once).
  if ((exception as { code?: string })?.code === 'P2002')
    return domainError(new DomainError('CONFLICT', { reason: 'duplicate' }));
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const path = req.originalUrl.split('?')[0];
    if (status === 404) return make('ROUTE_NOT_FOUND', { method: req.method, path });
    if (status === 413)
      return make('PAYLOAD_TOO_LARGE', { limit: (req as { uploadLimit?: string }).uploadLimit ?? '1 MB' });
    if (status === 401) return make('UNAUTHENTICATED');
    if (status === 403) return make('FORBIDDEN');
    if (status === 400) {
      const summary = exception.message;
      return make('VALIDATION_FAILED', { summary }, { issues: [{ path: '(body)', message: summary }] });
    }
  }
  // body-parser reports unparseable or oversized JSON with a `type` and a `status`.
  const bodyError = exception as { type?: string; status?: number; message?: string };
  if (bodyError?.type === 'entity.too.large') return make('PAYLOAD_TOO_LARGE', { limit: '1 MB' });
  if (bodyError?.type === 'entity.parse.failed') {
    const summary = 'the body is not valid JSON';
    return make('VALIDATION_FAILED', { summary }, { issues: [{ path: '(body)', message: summary }] });
  }
  return make('INTERNAL');
}

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
    res.status(body.statusCode).json(body);
  }
}
