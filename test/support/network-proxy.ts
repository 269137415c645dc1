import { createServer, connect, type Server, type Socket } from 'node:net';

interface Link {
  client: Socket;
  upstream: Socket;
  silenced: boolean;
}

/**
 * A TCP relay in front of the API that can cut one connection the way a dead network does: nothing
 * more goes through in either direction, and the server is not told (no FIN, no RST). It then only
 * learns of it from its own heartbeat, exactly as when a phone loses its signal.
 */
export class NetworkProxy {
  private readonly links = new Map<number, Link>();
  private readonly muted = new Set<Socket>();
  private readonly server: Server;
  private readonly target: URL;
  private refusing = false;
  url = '';

  private constructor(targetUrl: string) {
    this.target = new URL(targetUrl);
    this.server = createServer((client) => this.relay(client));
  }

  static async start(targetUrl: string): Promise<NetworkProxy> {
    const proxy = new NetworkProxy(targetUrl);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${(proxy.server.address() as { port: number }).port}`;
    return proxy;
  }

  /** Cuts the connection whose client side uses `clientPort`, silently for the server. */
  silence(clientPort: number): void {
    const link = this.links.get(clientPort);
    if (!link) throw new Error(`no connection from port ${clientPort}`);
    link.silenced = true;
    this.muted.add(link.upstream);
    link.upstream.once('close', () => this.muted.delete(link.upstream));
    link.client.unpipe(link.upstream);
    link.upstream.unpipe(link.client);
    link.upstream.pause();
    // The client's end goes away; the server's end stays open and mute.
    link.client.destroy();
  }

  /**
   * The network goes down: every connection closes and new ones are refused until `restore()`.
   * `silently`: the server is not told either (its ends stay open and mute, as when a phone loses
   * its signal), so it learns of it from its own heartbeat.
   */
  down({ silently = false } = {}): void {
    this.refusing = true;
    if (silently) return [...this.links.keys()].forEach((port) => this.silence(port));
    for (const { client, upstream } of this.links.values()) {
      client.destroy();
      upstream.destroy();
    }
  }

  restore(): void {
    this.refusing = false;
  }

  async stop(): Promise<void> {
    for (const { client, upstream } of this.links.values()) {
      client.destroy();
      upstream.destroy();
    }
    this.muted.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket): void {
    if (this.refusing) return void client.destroy();
    const upstream = connect(Number(this.target.port), this.target.hostname);
    const link: Link = { client, upstream, silenced: false };
    const port = client.remotePort!;
    this.links.set(port, link);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => undefined);
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      this.links.delete(port);
      if (!link.silenced) upstream.end();
    });
    upstream.on('close', () => client.destroy());
  }
}

/** The local port of a socket.io client's websocket, which names its connection at the proxy. */
export function clientPort(socket: { io: { engine: unknown } }): number {
  const engine = socket.io.engine as { transport: { ws?: { _socket?: Socket } } };
  const port = engine.transport.ws?._socket?.localPort;
  if (!port) throw new Error('the client has no websocket connection');
  return port;
}
