import {
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';

export const formatLimit = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Accepts one file in the multipart field "file", up to `maxBytes`; larger uploads get 413 naming the limit. */
export function FileUpload(maxBytes: number) {
  class RememberLimit implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler) {
      context.switchToHttp().getRequest().uploadLimit = formatLimit(maxBytes);
      return next.handle();
    }
  }
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } }),
    UseInterceptors(
      RememberLimit as Type<NestInterceptor>,
      FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1 } }),
    ),
  );
}
