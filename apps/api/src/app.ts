import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { applyHttpSecurity, guardApiDocs } from './common/http-security';
import type { AppConfig } from './config/app-config';
import { plainHttpRedirect } from './config/plain-http-redirect';
import { openDatabase, type Database } from './database/database';
import { MEDIA_WEBHOOK_PATH, rawWebhookBody } from './media/media-webhook.controller';
import { drain, observe } from './observability/graceful-shutdown';
import { jsonLogger } from './observability/logging';

export interface RunningApp {
  app: INestApplication;
  config: AppConfig;
  db: Database;
  /** Base URL the app listens on, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('HallBridge API')
      .setDescription('Live hybrid study sessions: organisation, rosters, sessions, live room, attendance.')
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  return cleanupOpenApiDoc(doc);
}

/** The web app is served from the same origin; client-side routes fall back to index.html. */
function serveWeb(app: NestExpressApplication, webDist: string): void {
  const index = join(webDist, 'index.html');
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    // The API, the live sockets and the Prometheus scrape (outside /api) are not the web app's routes.
    if (
      req.method !== 'GET' ||
      req.path.startsWith('/api') ||
      req.path.startsWith('/socket.io') ||
      req.path === '/metrics'
    )
      return next();
    if (!existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

export async function createApp(config: AppConfig, db: Database): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, db), {
    logger: jsonLogger(config),
    bodyParser: false,
  });
  observe(app);
  applyHttpSecurity(app, config);
  const redirect = plainHttpRedirect(config.publicUrl);
  if (redirect) app.use(redirect);
  // Media webhooks are verified against their exact bytes: parsed raw, before (and instead of) JSON.
  app.use(MEDIA_WEBHOOK_PATH, rawWebhookBody());
  app.use(express.json({ limit: '1mb' }));
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  guardApiDocs(app);
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
  if (config.webDist) serveWeb(app, config.webDist);
  return app;
}

/** Opens the database (migrating it), starts the HTTP server and returns a handle that closes both. */
export async function startApp(config: AppConfig, host = '0.0.0.0'): Promise<RunningApp> {
  Logger.overrideLogger(jsonLogger(config));
  const db = await openDatabase(config);
  const app = await createApp(config, db);
  await app.listen(config.port, host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  Logger.log(`HallBridge listening on ${url} (database: ${db.kind})`, 'HallBridge');
  let closing: Promise<void> | null = null;
  return {
    app,
    config,
    db,
    url,
    /** Graceful, once: drains (not ready, live connections handed over), Nest's close, the database last. */
    close() {
      closing ??= (async () => {
        await drain(app, config.observability);
        await app.close();
        await db.close();
      })();
      return closing;
    },
  };
}
