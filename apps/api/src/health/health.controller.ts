import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Health } from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

class HealthDto extends createZodDto(Health) {}

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
}
