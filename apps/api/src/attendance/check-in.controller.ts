import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { CheckInResultDto, LeaveRoomDto, ScanCheckInDto } from './attendance-dto';
import { CheckInService } from './check-in.service';

/** A member in a district room checks in with the room's code, on their own phone. */
@ApiTags('attendance')
@Controller('check-ins')
export class CheckInController {
  constructor(private readonly checkIns: CheckInService) {}

  @Post()
  @HttpCode(200)
  @ZodResponse({ type: CheckInResultDto })
  scan(@CurrentActor() actor: RequestActor, @Body() body: ScanCheckInDto) {
    return this.checkIns.scan(actor, body.code);
  }

  @Post('leave')
  @HttpCode(204)
  leave(@CurrentActor() actor: RequestActor, @Body() body: LeaveRoomDto) {
    return this.checkIns.leave(actor, body.sessionId);
  }
}
