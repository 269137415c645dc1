import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InvitationQuery, InvitationStatus, ResendBody, ResendResult } from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { InvitationsService } from './invitations.service';

class InvitationStatusDto extends createZodDto(InvitationStatus) {}
class InvitationQueryDto extends createZodDto(InvitationQuery) {}
class ResendDto extends createZodDto(ResendBody) {}
class ResendResultDto extends createZodDto(ResendResult) {}

@ApiTags('invitations')
@Controller('sessions/:id/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** Who has been reached, per branch and per member, with every delivery record. */
  @Get()
  @ZodResponse({ type: InvitationStatusDto })
  status(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() query: InvitationQueryDto,
  ) {
    return this.invitations.status(actor, id, query.unitId);
  }

  /** Sends the invitations out (once); reminders and notices follow by themselves. */
  @Post('send')
  @HttpCode(200)
  @ZodResponse({ type: InvitationStatusDto })
  send(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.invitations.send(actor, id);
  }

  @Post('resend')
  @HttpCode(200)
  @ZodResponse({ type: ResendResultDto })
  resend(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: ResendDto) {
    return this.invitations.resend(actor, id, body);
  }
}
