import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { SetupBody, SetupStatus } from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../auth/public.decorator';
import { AuthResultDto } from '../common/dto';
import { SetupService } from './setup.service';

class SetupDto extends createZodDto(SetupBody) {}
class SetupStatusDto extends createZodDto(SetupStatus) {}

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Public()
  @Get()
  @ZodResponse({ type: SetupStatusDto })
  async status() {
    return { needed: await this.setup.needed() };
  }

  @Public()
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Post()
  @ZodResponse({ status: 201, type: AuthResultDto })
  run(@Body() body: SetupDto) {
    return this.setup.run(body);
  }
}
