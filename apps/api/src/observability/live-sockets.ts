import { type INestApplicationContext, Injectable } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { LiveAck } from '@hallbridge/contracts';
import type { Server, ServerOptions } from 'socket.io';
import { DrainState } from './drain-state';
import { LiveMetrics } from './live-metrics';

/** Connections are closed in groups, so the instances taking them over are not hit all at once. */
const CLOSE_GROUP = 100;
const CLOSE_PAUSE_MS = 100;

/** The socket.io servers of this instance: counted for /metrics and drained on shutdown. */
@Injectable()
export class LiveSockets {
  private readonly servers: Server[] = [];

  constructor(private readonly drainState: DrainState) {}

  register(server: Server): void {
    this.servers.push(server);
  }

  /** Open socket.io connections on this instance. */
  count(): number {
    return this.servers.reduce((n, server) => n + server.engine.clientsCount, 0);
  }

  /** socket.io's allowRequest: while draining a new connection is refused, and the client retries elsewhere. */
  readonly allowRequest = (_req: unknown, callback: (error: string | null, ok: boolean) => void): void =>
    this.drainState.draining ? callback('this server is shutting down', false) : callback(null, true);

  /**
   * Closes every live connection at the transport level. A client sees its connection drop (not a
   * server-side disconnect, after which socket.io clients would stay away), reconnects with its usual
   * back-off through the load balancer, lands on another instance and catches up from the last
   * sequence number it saw. Waits up to `timeoutMs` for them to go; returns how many had to be cut.
   */
  async drain(timeoutMs: number): Promise<{ moved: number; cut: number }> {
    const deadline = Date.now() + timeoutMs;
    const connections = this.servers.flatMap((server) =>
      [...server.of('/').sockets.values()].map((s) => s.conn),
    );
    for (let i = 0; i < connections.length && Date.now() < deadline; i += CLOSE_GROUP) {
      if (i > 0) await new Promise((r) => setTimeout(r, CLOSE_PAUSE_MS));
      for (const connection of connections.slice(i, i + CLOSE_GROUP)) connection.close();
    }
    while (this.count() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const cut = this.count();
    // Only this instance's sockets: without `local` the Redis adapter would cut every instance's.
    if (cut > 0) for (const server of this.servers) server.local.disconnectSockets(true);
    return { moved: connections.length - cut, cut };
  }
}

/**
 * Nest's socket.io adapter, plus what operating it needs: each server is registered with
 * LiveSockets, new connections are refused while draining, and every acknowledged command is timed
 * from its arrival to its acknowledgement (hallbridge_live_command_duration_seconds).
 */
export class ObservedIoAdapter extends IoAdapter {
  constructor(private readonly app: INestApplicationContext) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const sockets = this.app.get(LiveSockets);
    const metrics = this.app.get(LiveMetrics);
    const server: Server = super.createIOServer(port, { ...options, allowRequest: sockets.allowRequest });
    sockets.register(server);
    server.on('connection', (socket) =>
      socket.use((packet, next) => {
        const ack = packet[packet.length - 1] as unknown;
        if (typeof ack === 'function') {
          const started = performance.now();
          packet[packet.length - 1] = (result: LiveAck) => {
            metrics.commandAnswered(String(packet[0]), (performance.now() - started) / 1000, result);
            (ack as (result: LiveAck) => void)(result);
          };
        }
        next();
      }),
    );
    return server;
  }
}
