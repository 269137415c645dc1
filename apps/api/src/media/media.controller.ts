import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  MediaActionResult,
  MediaJoin,
  MediaParticipant,
  MuteAllMediaBody,
  MuteMediaBody,
  RemoveMediaBody,
} from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { MediaService } from './media.service';

class MediaJoinDto extends createZodDto(MediaJoin) {}
class MediaParticipantListDto extends createZodDto(z.array(MediaParticipant)) {}
class MediaActionResultDto extends createZodDto(MediaActionResult) {}
class MuteMediaDto extends createZodDto(MuteMediaBody) {}
class MuteAllMediaDto extends createZodDto(MuteAllMediaBody) {}
class RemoveMediaDto extends createZodDto(RemoveMediaBody) {}

@ApiTags('media')
@Controller('sessions/:id/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  /** A join token for the session's media room, with the grants of the caller's seat. */
  @Post('token')
  @HttpCode(200)
  @ZodResponse({ type: MediaJoinDto })
  token(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.media.join(actor, id);
  }

  @Get('participants')
  @ZodResponse({ type: MediaParticipantListDto })
  participants(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.media.participants(actor, id);
  }

  @Post('mute')
  @HttpCode(200)
  @ZodResponse({ type: MediaActionResultDto })
  mute(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: MuteMediaDto) {
    return this.media.mute(actor, id, body.identity, body.sources);
  }

  @Post('mute-all')
  @HttpCode(200)
  @ZodResponse({ type: MediaActionResultDto })
  muteAll(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: MuteAllMediaDto) {
    return this.media.muteAll(actor, id, body.sources);
  }

  @Post('remove')
  @HttpCode(200)
  @ZodResponse({ type: MediaActionResultDto })
  remove(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: RemoveMediaDto) {
    return this.media.remove(actor, id, body.identity);
  }
}
