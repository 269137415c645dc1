import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP load balancer in front of several app instances, the way a front with passive health checks
 * behaves: each new connection goes to the first instance that accepts it, and to the next when that
 * one refuses (it stopped listening). It records which instance took each connection.
 */
export class LoadBalancer {
  /** Backend URL of every connection made, in order. */
  readonly served: string[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  url = '';

  private constructor(private readonly backends: URL[]) {
    this.server = createServer((client) => this.route(client, 0));
  }

  static async start(backendUrls: string[]): Promise<LoadBalancer> {
    const lb = new LoadBalancer(backendUrls.map((u) => new URL(u)));
    await new Promise<void>((resolve) => lb.server.listen(0, '127.0.0.1', resolve));
    lb.url = `http://127.0.0.1:${(lb.server.address() as { port: number }).port}`;
    return lb;
  }

  async stop(): Promise<void> {
    this.sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private route(client: Socket, index: number): void {
    const backend = this.backends[index];
    if (!backend) return void client.destroy();
    client.pause();
    const upstream = connect(Number(backend.port), backend.hostname);
    let connected = false;
    upstream.on('error', () => (connected ? client.destroy() : this.route(client, index + 1)));
    upstream.once('connect', () => {
      connected = true;
      this.served.push(backend.origin);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.once('close', () => this.sockets.delete(s));
      }
      client.on('error', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.end());
      upstream.on('close', () => client.destroy());
      client.resume();
    });
  }
}
