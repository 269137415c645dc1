import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Health, Liveness, Readiness } from '@hallbridge/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

class HealthDto extends createZodDto(Health) {}
class LivenessDto extends createZodDto(Liveness) {}
class ReadinessDto extends createZodDto(Readiness) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @SkipThrottle()
  @Get()
  @ZodResponse({ type: HealthDto })
  check() {
    return this.health.check();
  }

  /** The process answers: a supervisor restarts it only when this stops answering. */
  @Public()
  @SkipThrottle()
  @Get('live')
  @ZodResponse({ type: LivenessDto })
  live() {
    return this.health.live();
  }

  /** 200 when this instance should get traffic, 503 (same body) when not: database, migrations, draining. */
  @Public()
  @SkipThrottle()
  @Get('ready')
  @ZodResponse({ type: ReadinessDto })
  async ready(@Res({ passthrough: true }) res: Response) {
    const readiness = await this.health.ready();
    if (readiness.status !== 'ready') res.status(503);
    return readiness;
  }
}
