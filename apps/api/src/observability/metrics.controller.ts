import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { DomainError } from '@hallbridge/domain';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { scrapeAccess } from './metrics-access';
import { Metrics } from './metrics.service';

/** GET /metrics (outside /api, where Prometheus looks by default), in Prometheus' text format. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @SkipThrottle()
  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const access = scrapeAccess(req, this.config.observability.metricsToken);
    if (access === 'unauthenticated') throw new DomainError('UNAUTHENTICATED');
    if (access === 'forbidden') throw new DomainError('FORBIDDEN');
    const body = await this.metrics.scrape();
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  }
}
