import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { JoinBody, JoinResult, LoginBody, PairBody, Principal } from '@hallbridge/contracts';
import { Throttle } from '@nestjs/throttler';
import type { Request } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AuthResultDto } from '../common/dto';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { Public } from './public.decorator';
import type { RequestActor } from './request-actor';

class LoginDto extends createZodDto(LoginBody) {}
class JoinDto extends createZodDto(JoinBody) {}
class PairDto extends createZodDto(PairBody) {}
class JoinResultDto extends createZodDto(JoinResult) {}
class PrincipalDto extends createZodDto(Principal) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Post('login')
  @HttpCode(200)
  @ZodResponse({ type: AuthResultDto })
  login(@Body() body: LoginDto, @Req() req: Request) {
    return this.auth.login(body, req.ip ?? 'unknown');
  }

  @Public()
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @Post('join')
  @HttpCode(200)
  @ZodResponse({ type: JoinResultDto })
  join(@Body() body: JoinDto) {
    return this.auth.join(body.token);
  }

  @Public()
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Post('pair')
  @HttpCode(200)
  @ZodResponse({ type: AuthResultDto })
  pair(@Body() body: PairDto) {
    return this.auth.pair(body);
  }

  /** Every token of the caller's staff account stops working, this one included (sign in again). */
  @Post('sign-out-everywhere')
  @HttpCode(204)
  signOutEverywhere(@CurrentActor() actor: RequestActor): Promise<void> {
    return this.auth.signOutEverywhere(actor);
  }

  @Get('me')
  @ZodResponse({ type: PrincipalDto })
  me(@CurrentActor() actor: RequestActor) {
    return actor.principal;
  }
}
