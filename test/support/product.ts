import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

const root = join(__dirname, '..', '..');
export const builtMain = join(root, 'dist', 'apps', 'api', 'apps', 'api', 'src', 'main.js');
export const builtWeb = join(root, 'dist', 'apps', 'web');

export interface Product {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Runs the built product as `npm start` would (embedded PGlite, web app served at /), on a free
 * port with a fresh data directory. End-to-end tests drive it through a real browser.
 */
export async function startProduct(env: Record<string, string> = {}): Promise<Product> {
  if (!existsSync(builtMain) || !existsSync(join(builtWeb, 'index.html')))
    throw new Error('the product is not built: run `npx nx run-many -t build` (npm test does)');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hallbridge-e2e-'));
  let output = '';
  // HB_PRODUCT_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the product a bench drives.
  const nodeArgs = (process.env.HB_PRODUCT_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, builtMain], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_DIST: builtWeb,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL'); // not left running behind a failed test
      throw new Error(`the product did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    async stop() {
      // A process killed by a signal has no exit code, and its 'exit' has been emitted already.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
