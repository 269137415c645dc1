import { Headers, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import express, { type Request, type RequestHandler } from 'express';
import { Public } from '../auth/public.decorator';
import { MediaWebhooks } from './media-webhooks.service';

export const MEDIA_WEBHOOK_PATH = '/api/media/webhook';

/**
 * The webhook signature covers the exact bytes sent, so this route keeps its body raw: mount it
 * before the JSON parser (which then leaves the request alone).
 */
export const rawWebhookBody = (): RequestHandler => express.raw({ type: () => true, limit: '1mb' });

@ApiTags('media')
@Controller('media')
export class MediaWebhookController {
  constructor(private readonly webhooks: MediaWebhooks) {}

  /** Called by the media server (signed with the API secret), not by people: no token, no rate limit. */
  @Public()
  @SkipThrottle()
  @Post('webhook')
  @HttpCode(204)
  @ApiConsumes('application/webhook+json')
  async receive(@Req() req: Request, @Headers('authorization') authorization?: string): Promise<void> {
    await this.webhooks.receive(req.body, authorization);
  }
}
