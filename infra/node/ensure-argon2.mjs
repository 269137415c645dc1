#!/usr/bin/env node
// postinstall: make sure the argon2 binding works on this machine. Its ready-made linux-x64 binary
// crashes (SIGSEGV) on the first hash on some machines (seen on the 2-core build machines here), so
// when a trial hash in a child process fails, the binding is built from its sources with the
// node-gyp that ships with npm, against the local Node headers (no download). Idempotent: a working
// binding is left alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const log = (message) => console.log(`[argon2] ${message}`);
const trial = () =>
  spawnSync(process.execPath, ['-e', "require('argon2').hash('trial').then(() => process.exit(0))"], {
    stdio: 'ignore',
  }).status === 0;

if (trial()) process.exit(0);

const packageDir = dirname(require.resolve('argon2/package.json'));
const npmCli = process.env.npm_execpath;
const nodeGyp = [
  npmCli && join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  join(
    dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js',
  ),
].find((p) => p && existsSync(p));
if (!nodeGyp) {
  log('the ready-made binding does not work and node-gyp was not found to build one');
  process.exit(1);
}
const args = [nodeGyp, 'rebuild'];
// Local headers (Debian's nodejs ships them under /usr/include/node): node-gyp must not download.
const prefix = join(dirname(process.execPath), '..');
if (!process.env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node.h')))
  args.push(`--nodedir=${prefix}`);
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const missing = ['g++', 'make', 'python3'].filter((c) => !has(c));
if (missing.length) {
  log(`installing a C++ toolchain from Debian (${missing.join(', ')} missing)`);
  spawnSync('bash', [fileURLToPath(new URL('../ensure-tools.sh', import.meta.url)), 'cxx'], {
    stdio: 'inherit',
  });
}
log('the ready-made binding does not work here: building it from source (a few seconds)');
const build = spawnSync(process.execPath, args, { cwd: packageDir, encoding: 'utf8' });
if (build.status !== 0 || !trial()) {
  process.stderr.write(build.stderr ?? '');
  log(
    `building failed (exit ${build.status}); install a C++ toolchain (g++, make, python3) and run npm ci again`,
  );
  process.exit(1);
}
log('built and working');
