import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestActor } from './request-actor';

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestActor => ctx.switchToHttp().getRequest().actor,
);
