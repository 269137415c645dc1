import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  mixin,
  type NestInterceptor,
  PayloadTooLargeException,
  type Type,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { IdParam } from '@hallbridge/contracts';
import type { Request } from 'express';
import type { RequestActor } from '../auth/request-actor';

export const formatLimit = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Room for the multipart envelope (boundaries, part headers, a title field) around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Who may upload here, asked before a byte of the body is read: `check` gets the service `by`
 * names (from the module) and throws a DomainError to refuse. Path and query are not yet
 * validated at that point: read them with the contract's schemas (`sessionIdOf`).
 */
export interface UploadPermission<S> {
  by: Type<S>;
  check: (service: S, actor: RequestActor, req: Request) => Promise<unknown>;
}

/** The `:id` of the path, checked with the contract's Id (a `%00` is a 400, not a query). */
export const sessionIdOf = (req: Request) => IdParam.parse(req.params).id;

/**
 * Accepts one file in the multipart field "file", up to `maxBytes`, from a caller `permission`
 * lets upload. In order, before multer reads the body: the permission, then the declared
 * Content-Length; while reading, multer counts the bytes and stops at the limit. A refusal closes
 * the connection (ApiExceptionFilter), so a client is not left sending a body nobody will read.
 */
export function FileUpload<S>(maxBytes: number, permission: UploadPermission<S>) {
  @Injectable()
  class GateUpload implements NestInterceptor {
    constructor(private readonly modules: ModuleRef) {}

    async intercept(context: ExecutionContext, next: CallHandler) {
      const http = context.switchToHttp();
      const req = http.getRequest<Request & { actor: RequestActor; uploadLimit?: string }>();
      req.uploadLimit = formatLimit(maxBytes);
      await permission.check(this.modules.get(permission.by, { strict: false }), req.actor, req);
      if (Number(req.headers['content-length']) > maxBytes + MULTIPART_OVERHEAD)
        throw new PayloadTooLargeException();
      return next.handle();
    }
  }
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } }),
    UseInterceptors(
      mixin(GateUpload) as Type<NestInterceptor>,
      FileInterceptor('file', {
        limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 64 * 1024, parts: 10, headerPairs: 50 },
      }),
    ),
  );
}
