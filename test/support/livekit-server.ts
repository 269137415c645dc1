import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './free-port';

const root = join(__dirname, '..', '..');
const startNode = join(root, 'infra', 'livekit', 'start-node.sh');

export interface LiveKitServer {
  /** ws:// URL for clients and for LIVEKIT_URL. */
  url: string;
  httpUrl: string;
  /** Prometheus metrics (only when started with `metrics: true`). */
  metricsUrl: string | null;
  apiKey: string;
  apiSecret: string;
  process: ChildProcess;
  /** LIVEKIT_URL / LIVEKIT_API_KEY / LIVEKIT_API_SECRET for the app. */
  env: Record<string, string>;
  log(): string;
  /** Kills the server at once (SIGKILL), the way a crashed or lost media server goes: ports and keys are kept. */
  kill(): Promise<void>;
  /** Starts it again on the same ports with the same keys (after kill). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The livekit-server the project installed (.tools/bin) or one on PATH; null when there is none. */
export function livekitServerBinary(): string | null {
  const local = join(root, '.tools', 'bin', 'livekit-server');
  if (existsSync(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'livekit-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** A port free for TCP and UDP on loopback (the server's UDP mux needs both to be free). */
async function freeUdpPort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (ok) return port;
  }
}

/**
 * One livekit-server node on loopback with fresh ports and keys, started through the project's
 * own infra/livekit/start-node.sh, optionally posting webhooks to `webhookUrl`.
 */
export async function startLiveKit(
  options: { webhookUrl?: string; metrics?: boolean } = {},
): Promise<LiveKitServer> {
  const bin = livekitServerBinary();
  if (!bin) throw new Error('livekit-server is not installed: run `bash infra/ensure-tools.sh livekit`');
  const [http, tcp, udp] = [await freePort(), await freePort(), await freeUdpPort()];
  const metricsPort = options.metrics ? await freePort() : null;
  const dir = mkdtempSync(join(tmpdir(), 'hallbridge-livekit-'));
  const apiKey = `test${randomBytes(4).toString('hex')}`;
  const apiSecret = randomBytes(32).toString('base64url');
  const logFile = join(dir, 'livekit.log');
  const httpUrl = `http://127.0.0.1:${http}`;
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn('bash', [startNode, join(dir, 'livekit.yaml')], {
      env: {
        ...process.env,
        LIVEKIT_SERVER_BIN: bin,
        LIVEKIT_PORT: String(http),
        LIVEKIT_TCP_PORT: String(tcp),
        LIVEKIT_UDP_PORT: String(udp),
        LIVEKIT_API_KEY: apiKey,
        LIVEKIT_API_SECRET: apiSecret,
        LIVEKIT_WEBHOOK_URL: options.webhookUrl ?? '',
        LIVEKIT_PROMETHEUS_PORT: metricsPort ? String(metricsPort) : '',
        LIVEKIT_LOG_LEVEL: process.env.LIVEKIT_LOG_LEVEL ?? 'info',
      },
      stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')],
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`livekit-server exited ${child.exitCode}: ${log().slice(-2000)}`);
      try {
        if ((await fetch(httpUrl)).ok) return child;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`livekit-server did not start: ${log().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  let child = await launch();
  const stopped = () => child.exitCode !== null || child.signalCode !== null;
  const url = `ws://127.0.0.1:${http}`;
  return {
    url,
    httpUrl,
    metricsUrl: metricsPort ? `http://127.0.0.1:${metricsPort}/metrics` : null,
    apiKey,
    apiSecret,
    get process() {
      return child;
    },
    env: { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret },
    log,
    async kill() {
      if (stopped()) return;
      // start-node.sh execs the server, so the child is livekit-server itself.
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    async restart() {
      if (!stopped()) throw new Error('livekit-server is still running');
      child = await launch();
    },
    async stop() {
      if (!stopped()) {
        const exited = new Promise((r) => child.once('exit', r));
        // The first signal waits for participants to leave; the second stops the server now.
        child.kill('SIGTERM');
        const again = setTimeout(() => child.kill('SIGTERM'), 1000);
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(again);
        clearTimeout(kill);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
