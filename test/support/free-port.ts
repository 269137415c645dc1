import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A TCP port free on loopback right now, so parallel suites never collide. It is drawn at random
 * below the kernel's ephemeral range: a port the kernel hands out itself (`listen(0)`) can be given
 * again to an outgoing connection before the server that asked for it binds, which was seen as a
 * rare EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  const [low, high] = [10_000, ephemeralRangeStart()];
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free loopback port found between ${low} and ${high}`);
}

function ephemeralRangeStart(): number {
  try {
    const start = Number(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0],
    );
    return start > 12_000 ? start : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
