import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface RedisServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Stops the server (its data goes with it, as nothing is saved) and frees the directory. */
  stop(): Promise<void>;
}

/**
 * A throw-away redis-server from Debian's packages (infra/ensure-tools.sh redis) on a free loopback
 * port, or on `port` (a restart: the same address the app instances keep reconnecting to).
 */
export async function startRedis(port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hallbridge-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  let failed = false;
  child.once('error', () => (failed = true));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (failed || child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error('redis-server did not start: run `bash infra/ensure-tools.sh redis`');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: child,
    async stop() {
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}
