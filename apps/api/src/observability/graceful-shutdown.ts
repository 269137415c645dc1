import { type INestApplication, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { ObservabilityConfig } from './observability-config';
import { DrainState } from './drain-state';
import { LiveSockets, ObservedIoAdapter } from './live-sockets';

/** What the app needs from operations at start-up: the observed socket.io adapter and draining keep-alives. */
export function observe(app: INestApplication): void {
  app.useWebSocketAdapter(new ObservedIoAdapter(app));
  const state = app.get(DrainState);
  // While draining, every answer closes its connection, so a front's pooled connections move on too.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (state.draining) res.setHeader('Connection', 'close');
    next();
  });
}

/**
 * The first half of a graceful shutdown (SIGTERM), before Nest's own close: the instance says it is
 * not ready (load balancers stop sending to it), waits SHUTDOWN_DELAY_MS for them to notice, stops
 * accepting connections, and hands its live connections over to the other instances, waiting up to
 * SHUTDOWN_TIMEOUT_MS for them to go. What was acknowledged is stored already; Nest's close then
 * flushes what is still queued (live facts, presence intervals) and the database closes last.
 */
export async function drain(app: INestApplication, config: ObservabilityConfig): Promise<void> {
  const state = app.get(DrainState);
  if (state.draining) return;
  state.draining = true;
  const logger = new Logger('Shutdown');
  const sockets = app.get(LiveSockets);
  logger.log(`draining: not ready; moving ${sockets.count()} live connection(s) to other instances`);
  if (config.shutdownDelayMs > 0) await new Promise((r) => setTimeout(r, config.shutdownDelayMs));
  const http = app.getHttpServer() as Server;
  http.close();
  http.closeIdleConnections();
  const { moved, cut } = await sockets.drain(config.shutdownTimeoutMs);
  logger.log(
    `drained: ${moved} live connection(s) handed over${cut ? `, ${cut} cut after the timeout` : ''}`,
  );
}
