#!/usr/bin/env node
// `npm run bench -- <name> [--option value ...]`: builds what changed, then runs bench/<name>.ts.
// Each benchmark prints readable figures and, last, one JSON line with the keys its issue names.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [--option value]`);
  process.exit(2);
}
const build = spawnSync(
  join(root, 'node_modules/.bin/nx'),
  ['run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static'],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (build.status !== 0 || !existsSync(join(root, 'dist/apps/api'))) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', `${name}.ts`), ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(run.status ?? 1);
