import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  MemberPreferencesBody,
  PersonalLink,
  PersonalLinkBody,
  Principal,
  QrSheetQuery,
} from '@hallbridge/contracts';
import { pickLocale } from '@hallbridge/i18n';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import type { RequestActor } from '../auth/request-actor';
import { AuthResultDto, IdParamDto } from '../common/dto';
import { MemberPreferences } from './member-preferences.service';
import { PersonalLinksService } from './personal-links.service';
import { renderQrSheet } from './qr-sheet';

class PersonalLinkDto extends createZodDto(PersonalLink) {}
class PersonalLinkListDto extends createZodDto(z.array(PersonalLink)) {}
class PersonalLinkBodyDto extends createZodDto(PersonalLinkBody) {}
class QrSheetQueryDto extends createZodDto(QrSheetQuery) {}
class PreferencesDto extends createZodDto(MemberPreferencesBody) {}
class PreferencesPrincipalDto extends createZodDto(Principal) {}

@ApiTags('personal links')
@Controller()
export class PersonalLinksController {
  constructor(
    private readonly links: PersonalLinksService,
    private readonly preferences: MemberPreferences,
  ) {}

  /** A member opens their personal link /p/<code>: exchanged for a member sign-in. */
  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Post('auth/personal')
  @HttpCode(200)
  @ZodResponse({ type: AuthResultDto })
  exchange(@Body() body: PersonalLinkBodyDto) {
    return this.links.exchange(body.code);
  }

  @Get('members/:id/personal-link')
  @ZodResponse({ type: PersonalLinkDto })
  get(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.links.get(actor, id);
  }

  /** A new link; the old one and the sign-ins made with it stop at once. */
  @Post('members/:id/personal-link/rotate')
  @HttpCode(200)
  @ZodResponse({ type: PersonalLinkDto })
  rotate(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.links.rotate(actor, id);
  }

  @Get('units/:id/personal-links')
  @ZodResponse({ type: PersonalLinkListDto })
  async forUnit(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() query: QrSheetQueryDto,
    @Headers('accept-language') lang?: string,
  ) {
    return (await this.links.forUnit(actor, id, { paperOnly: query.paperOnly, locale: pickLocale(lang) }))
      .links;
  }

  /** The printable sheet (HTML, A4): one slip per member with the QR code and the link to type. */
  @Get('units/:id/personal-links.html')
  @ApiProduces('text/html')
  async sheet(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Query() query: QrSheetQueryDto,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const locale = pickLocale(lang);
    const sheet = await this.links.forUnit(actor, id, { paperOnly: query.paperOnly, locale });
    res.type('html').send(await renderQrSheet(locale, sheet));
  }

  /** The caller's language for messages and pages (a member's invitations are written in it). */
  @Put('me/preferences')
  @ZodResponse({ type: PreferencesPrincipalDto })
  savePreferences(@CurrentActor() actor: RequestActor, @Body() body: PreferencesDto) {
    return this.preferences.save(actor, body);
  }
}
