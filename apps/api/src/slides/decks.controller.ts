import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Res,
  UploadedFile,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  Deck,
  DECK_MAX_BYTES,
  DeckNotes,
  DeckPageParams,
  ReorderDecksBody,
  UpdateDeckBody,
  UploadDeckBody,
} from '@hallbridge/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { FileUpload, sessionIdOf } from '../common/upload';
import { DecksService, type UploadedDeck } from './decks.service';

class DeckDto extends createZodDto(Deck) {}
class DeckListDto extends createZodDto(z.array(Deck)) {}
class DeckNotesDto extends createZodDto(DeckNotes) {}
class UploadDeckDto extends createZodDto(UploadDeckBody) {}
class UpdateDeckDto extends createZodDto(UpdateDeckBody) {}
class ReorderDecksDto extends createZodDto(ReorderDecksBody) {}
class DeckPageParamsDto extends createZodDto(DeckPageParams) {}

/** A page's image is the same for the life of the deck id; only the access check is per request. */
function sendImage(res: Response, image: Buffer): void {
  res.setHeader('Content-Type', 'image/webp');
  res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
  res.send(image);
}

@ApiTags('slides')
@Controller('sessions')
export class SessionDecksController {
  constructor(private readonly decks: DecksService) {}

  @Post(':id/decks')
  @FileUpload(DECK_MAX_BYTES, {
    by: DecksService,
    check: (decks, actor, req) => decks.sessionForUpload(actor, sessionIdOf(req)),
  })
  @ZodResponse({ status: 201, type: DeckDto })
  upload(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @UploadedFile() file: UploadedDeck | undefined,
    @Body() body: UploadDeckDto,
    @Headers('accept-language') lang: string | undefined,
  ) {
    return this.decks.upload(actor, id, file, body, lang);
  }

  @Get(':id/decks')
  @ZodResponse({ type: DeckListDto })
  list(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
  ) {
    return this.decks.list(actor, id, lang);
  }

  @Put(':id/decks/order')
  @ZodResponse({ type: DeckListDto })
  reorder(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Body() body: ReorderDecksDto,
    @Headers('accept-language') lang: string | undefined,
  ) {
    return this.decks.reorder(actor, id, body, lang);
  }
}

@ApiTags('slides')
@Controller('decks')
export class DecksController {
  constructor(private readonly decks: DecksService) {}

  @Get(':id')
  @ZodResponse({ type: DeckDto })
  get(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Headers('accept-language') lang: string | undefined,
  ) {
    return this.decks.get(actor, id, lang);
  }

  @Patch(':id')
  @ZodResponse({ type: DeckDto })
  rename(
    @CurrentActor() actor: RequestActor,
    @Param() { id }: IdParamDto,
    @Body() body: UpdateDeckDto,
    @Headers('accept-language') lang: string | undefined,
  ) {
    return this.decks.rename(actor, id, body, lang);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.decks.remove(actor, id);
  }

  @Get(':id/notes')
  @ZodResponse({ type: DeckNotesDto })
  notes(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.decks.notes(actor, id);
  }

  // A presenter's thumbnail strip of a long deck alone is hundreds of requests.
  @Get(':id/pages/:page.webp')
  @SkipThrottle()
  @ApiProduces('image/webp')
  async page(
    @CurrentActor() actor: RequestActor,
    @Param() { id, page }: DeckPageParamsDto,
    @Res() res: Response,
  ) {
    sendImage(res, await this.decks.image(actor, id, page, 'page'));
  }

  @Get(':id/thumbs/:page.webp')
  @SkipThrottle()
  @ApiProduces('image/webp')
  async thumb(
    @CurrentActor() actor: RequestActor,
    @Param() { id, page }: DeckPageParamsDto,
    @Res() res: Response,
  ) {
    sendImage(res, await this.decks.image(actor, id, page, 'thumb'));
  }
}
