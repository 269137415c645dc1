// Builds what changed of the app and the web client (Nx cache) before `npm start` or `npm run stack`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');

export function buildProduct() {
  const nx = join(root, 'node_modules', '.bin', 'nx');
  const build = spawnSync(nx, ['run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
