import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DomainError } from '@hallbridge/domain';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { ActorResolver } from '../auth/actor-resolver.service';
import type { AppConfig } from '../config/app-config';
import { toApiError } from './errors/api-exception.filter';

/** HSTS once a browser has reached us over HTTPS: half a year, this host only. */
const HSTS = 'max-age=15552000';

/** The media server's origins (WebSocket signalling, and its HTTP twin livekit-client probes). */
function mediaOrigins(config: AppConfig): string[] {
  const url = config.media?.publicUrl || config.media?.url;
  if (!url) return [];
  try {
    const ws = new URL(url);
    const http = new URL(url);
    http.protocol = ws.protocol === 'wss:' ? 'https:' : 'http:';
    return [ws.origin.replace(/^http/, 'ws'), http.origin];
  } catch {
    return [];
  }
}

/**
 * Response headers every page and call carries (helmet): a Content-Security-Policy the built web
 * app works under (its own scripts only; inline styles, which the printable report uses; slide
 * images from blob: URLs; LiveKit's signalling over WebSocket; WebRTC media is not governed by CSP),
 * no framing (frame-ancestors 'none'), nosniff, no Referer (join links carry a token), HSTS only on
 * HTTPS, and no X-Powered-By. Which proxies are trusted for the client's address is TRUST_PROXY.
 */
export function applyHttpSecurity(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.trustProxy);
  express.disable('x-powered-by');
  express.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", ...mediaOrigins(config)],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Sent by hand below, and only over HTTPS (a plain-HTTP embedded install must stay reachable).
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  });
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The OpenAPI page and document (`/api/docs`, `/api/docs-json`): for callers on the machine itself
 * (developers, `npm run openapi`, the drift test) and for signed-in organisers; everyone else gets
 * 401/403, so the API's map is not handed to strangers. The caller's address is `req.ip`, which
 * follows X-Forwarded-For only from proxies TRUST_PROXY names.
 */
export function guardApiDocs(app: INestApplication): void {
  const actors = app.get(ActorResolver);
  app.use(['/api/docs', '/api/docs-json'], async (req: Request, res: Response, next: NextFunction) => {
    if (LOOPBACK.test(req.ip ?? '')) return next();
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    let refusal: unknown = new DomainError('UNAUTHENTICATED');
    if (token)
      try {
        if ((await actors.fromToken(token)).role === 'organiser') return next();
        refusal = new DomainError('FORBIDDEN');
      } catch (error) {
        refusal = error;
      }
    const body = toApiError(refusal, req);
    res.status(body.statusCode).json(body);
  });
}
