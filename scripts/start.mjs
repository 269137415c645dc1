#!/usr/bin/env node
// `npm start`: builds what changed (Nx cache), then runs HallBridge on the embedded default
// (PGlite in ./data, in-memory live state, a local livekit-server for audio and video) unless
// DATABASE_URL / REDIS_URL / LIVEKIT_URL say otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevLiveKit } from '../infra/livekit/dev-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nx = join(root, 'node_modules', '.bin', 'nx');

const build = spawnSync(nx, ['run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

// Media: an existing LiveKit (LIVEKIT_URL) or the embedded dev node; without either, video is off.
const media = process.env.LIVEKIT_URL
  ? null
  : await startDevLiveKit({
      dataDir: resolve(process.env.DATA_DIR ?? join(root, 'data')),
      appPort: Number(process.env.PORT ?? 3000),
    });

const app = spawn(process.execPath, [join(root, 'dist/apps/api/apps/api/src/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...media?.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', async (code, signal) => {
  await media?.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
