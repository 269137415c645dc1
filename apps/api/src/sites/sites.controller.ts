import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateSiteBody, Site, UpdateSiteBody } from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { SitesService } from './sites.service';

class CreateSiteDto extends createZodDto(CreateSiteBody) {}
class UpdateSiteDto extends createZodDto(UpdateSiteBody) {}
class SiteDto extends createZodDto(Site) {}
class SiteListDto extends createZodDto(z.array(Site)) {}

@ApiTags('sites')
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @ZodResponse({ type: SiteListDto })
  list(@CurrentActor() actor: RequestActor) {
    return this.sites.list(actor);
  }

  @Post()
  @ZodResponse({ status: 201, type: SiteDto })
  create(@CurrentActor() actor: RequestActor, @Body() body: CreateSiteDto) {
    return this.sites.create(actor, body);
  }

  @Patch(':id')
  @ZodResponse({ type: SiteDto })
  update(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: UpdateSiteDto) {
    return this.sites.update(actor, id, body);
  }

  @Post(':id/pairing-code')
  @HttpCode(200)
  @ZodResponse({ type: SiteDto })
  pairingCode(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.sites.newPairingCode(actor, id);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.sites.remove(actor, id);
  }
}
