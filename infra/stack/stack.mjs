#!/usr/bin/env node
// `npm run stack` / `npm run stack:down`: the production shape on one machine — PostgreSQL, Redis,
// two livekit-server nodes sharing Redis, two app instances (REDIS_URL, one AUTH_SECRET, shared
// FILES_DIR) and the TLS front balancing them with WebSocket upgrade, all in the background, with
// their state and logs in STACK_DIR (default data/stack). The same settings an operator puts in
// /etc/hallbridge (infra/deploy.env.example, infra/systemd/). See docs/deploy.md.
//
//   node infra/stack/stack.mjs up [--no-build]     start (or say it is already running)
//   node infra/stack/stack.mjs down                stop everything it started
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { caRootFile, findCaddy, frontConfig, frontReady } from '../front/front.mjs';
import { findLiveKitServer, networkEnv } from '../livekit/dev-node.mjs';
import { buildProduct } from '../lib/build-product.mjs';
import { addressRules, announce, frontPorts, mediaPorts, tlsFromEnv } from '../lib/network-plan.mjs';
import { freeTcpPort } from '../lib/ports.mjs';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
const env = process.env;
const dir = resolve(env.STACK_DIR ?? join(root, 'data', 'stack'));
const stateFile = join(dir, 'stack.json');
const log = (message) => console.log(`[stack] ${message}`);

const [command = 'up', ...flags] = process.argv.slice(2);

function readState() {
  return existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : null;
}

function alive(pid, marker) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return false;
  }
}

/**
 * A background process that outlives this script, its output in logs/<name>.log. `marker` is what
 * its /proc cmdline shows (redis-server rewrites its own), so `down` never signals a reused pid.
 */
function daemon(name, command, args, extraEnv, marker = args.at(-1) ?? command) {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const out = openSync(join(dir, 'logs', `${name}.log`), 'a');
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', out, out],
    detached: true,
  });
  child.unref();
  return { name, pid: child.pid, marker };
}

async function waitFor(what, check, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline)
      throw new Error(`${what} did not start in ${timeoutMs / 1000} s (see ${dir}/logs)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const httpOk = (url) => fetch(url).then((r) => r.ok);

/** Kept secrets: the same AUTH_SECRET for every instance and the LiveKit key, across restarts. */
function secrets() {
  const file = join(dir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const made = {
    authSecret: randomBytes(32).toString('base64url'),
    livekitKey: `hb${randomBytes(6).toString('hex')}`,
    livekitSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(made, null, 2), { mode: 0o600 });
  return made;
}

async function up() {
  const running = readState();
  if (running?.processes.some((p) => alive(p.pid, p.marker))) {
    log(`already running (${stateFile}); \`npm run stack:down\` stops it`);
    return;
  }
  if (!flags.includes('--no-build')) buildProduct();
  execFileSync('bash', [join(root, 'infra/ensure-tools.sh'), 'postgresql', 'redis', 'livekit', 'front'], {
    stdio: 'inherit',
  });
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user and must reach its directory
  const processes = [];
  const state = { processes, postgresDir: join(dir, 'postgres') };
  const save = () => writeFileSync(stateFile, JSON.stringify(state, null, 2));
  try {
    await start(state, processes, save);
  } catch (error) {
    save();
    log(`${error.message}; stopping what started`);
    await down();
    process.exit(1);
  }
}

async function start(state, processes, save) {
  const { advertisedAddress, localIPv4s } = await addressRules();
  const keep = secrets();
  const front = await frontPorts(env, log);
  const address = advertisedAddress(env, { scheme: 'https', port: front.httpsPort });
  const tls = tlsFromEnv(env, address.host);
  if (tls.mode === 'off')
    throw new Error('the stack always runs its TLS front: TLS_MODE=off is for npm start');

  // PostgreSQL and Redis on loopback
  const pgPort = await freeTcpPort();
  const pgUrl = execFileSync('bash', [
    join(root, 'infra/database/start-postgres.sh'),
    String(pgPort),
    state.postgresDir,
  ])
    .toString()
    .trim()
    .split('\n')
    .pop();
  state.postgres = pgUrl;
  save();
  const redisPort = await freeTcpPort();
  mkdirSync(join(dir, 'redis'), { recursive: true });
  processes.push(
    daemon(
      'redis',
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', join(dir, 'redis')],
      {},
      `127.0.0.1:${redisPort}`,
    ),
  );
  save();

  // Two LiveKit nodes sharing Redis, on the advertised address, each with its own media ports
  const internalPort = await freeTcpPort(); // the front's loopback listener for LiveKit's webhooks
  const nodeIpLocal = localIPv4s().includes(address.mediaIp);
  const nodes = [];
  for (const [i, name] of ['a', 'b'].entries()) {
    const ports = await mediaPorts(env, log, i * 10);
    const http = await freeTcpPort();
    const turnTls =
      front.httpsPort === 443 ? await freeTcpPort(nodeIpLocal ? address.mediaIp : '127.0.0.1') : null;
    processes.push(
      daemon(
        `livekit-${name}`,
        'bash',
        [join(root, 'infra/livekit/start-node.sh'), join(dir, `livekit-${name}.yaml`)],
        {
          LIVEKIT_SERVER_BIN: findLiveKitServer(),
          LIVEKIT_PORT: String(http),
          LIVEKIT_TCP_PORT: String(ports.tcpPort),
          LIVEKIT_UDP_PORT: String(ports.udpPort),
          LIVEKIT_API_KEY: keep.livekitKey,
          LIVEKIT_API_SECRET: keep.livekitSecret,
          LIVEKIT_REDIS_ADDRESS: `127.0.0.1:${redisPort}`,
          LIVEKIT_WEBHOOK_URL: `http://127.0.0.1:${internalPort}/api/media/webhook`,
          ...networkEnv(
            {
              nodeIp: address.mediaIp,
              nodeIpLocal,
              turnDomain: address.host,
              turnUdpPort: ports.turnUdpPort,
            },
            turnTls,
          ),
        },
      ),
    );
    nodes.push({
      http,
      ...ports,
      turnTls: turnTls && `${nodeIpLocal ? address.mediaIp : '127.0.0.1'}:${turnTls}`,
    });
    save();
  }
  for (const node of nodes) await waitFor('livekit-server', () => httpOk(`http://127.0.0.1:${node.http}`));

  // The front, then the two app instances behind it (the first migrates the database alone)
  const storageDir = join(dir, 'front');
  const appPorts = [await freeTcpPort(), await freeTcpPort()];
  mkdirSync(storageDir, { recursive: true, mode: 0o700 });
  const config = frontConfig({
    storageDir,
    hosts: [...new Set([address.host, address.mediaIp])],
    tls,
    ...front,
    internalPort,
    app: appPorts.map((p) => `127.0.0.1:${p}`),
    livekit: nodes.map((n) => `127.0.0.1:${n.http}`),
    turn: nodes.map((n) => n.turnTls).filter(Boolean),
  });
  writeFileSync(join(storageDir, 'caddy.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
  processes.push(daemon('front', findCaddy(), ['run', '--config', join(storageDir, 'caddy.json')]));
  save();
  const caFile = tls.mode === 'internal' ? caRootFile(storageDir) : null;
  await waitFor('the TLS front', () => frontReady({ ...front, caFile }));

  const main = join(root, 'dist/apps/api/apps/api/src/main.js');
  for (const [i, port] of appPorts.entries()) {
    const name = `app-${'ab'[i]}`;
    processes.push(
      daemon(name, process.execPath, [main], {
        PORT: String(port),
        DATA_DIR: join(dir, name),
        FILES_DIR: join(dir, 'files'),
        DATABASE_URL: pgUrl,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        AUTH_SECRET: keep.authSecret,
        PUBLIC_URL: address.publicUrl,
        TLS_MODE: tls.mode,
        ...(caFile ? { TLS_CA_CERT_FILE: caFile } : {}),
        TRUST_PROXY: env.TRUST_PROXY ?? 'loopback',
        LIVEKIT_URL: `ws://127.0.0.1:${nodes[i].http}`,
        LIVEKIT_API_KEY: keep.livekitKey,
        LIVEKIT_API_SECRET: keep.livekitSecret,
      }),
    );
    save();
    await waitFor(name, () => httpOk(`http://127.0.0.1:${port}/api/health`));
  }
  state.appUrls = appPorts.map((p) => `http://127.0.0.1:${p}`);
  state.publicUrl = address.publicUrl;
  save();
  announce({
    publicUrl: address.publicUrl,
    localUrl: `${state.appUrls.join(', ')} (instances)`,
    tls: tls.mode,
    caFile,
    ports: {
      https: front.httpsPort,
      http: front.httpPort,
      iceTcp: nodes.map((n) => n.tcpPort).join(', '),
      iceUdp: nodes.map((n) => n.udpPort).join(', '),
      turnUdp: nodes.map((n) => n.turnUdpPort).join(', '),
    },
    notes: [`Stack: ${stateFile}; logs in ${dir}/logs; \`npm run stack:down\` stops it.`],
  });
}

async function down() {
  const state = readState();
  if (!state) {
    log(`nothing to stop (${stateFile} not found)`);
    return;
  }
  // apps first (they drain their sockets), then the front and media, then the stores
  const order = ['app-a', 'app-b', 'front', 'livekit-a', 'livekit-b', 'redis'];
  const ours = state.processes.filter((p) => alive(p.pid, p.marker));
  for (const name of order) {
    const proc = ours.find((p) => p.name === name);
    if (!proc) continue;
    process.kill(proc.pid, 'SIGTERM');
    // livekit-server waits for its participants after the first signal; a second one stops it
    if (name.startsWith('livekit'))
      setTimeout(() => alive(proc.pid, proc.marker) && process.kill(proc.pid, 'SIGTERM'), 1000);
    const deadline = Date.now() + 15_000;
    while (alive(proc.pid, proc.marker) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    if (alive(proc.pid, proc.marker)) process.kill(proc.pid, 'SIGKILL');
  }
  if (state.postgres && existsSync(state.postgresDir)) {
    execFileSync('bash', [join(root, 'infra/database/stop-postgres.sh'), state.postgresDir], {
      stdio: 'inherit',
    });
  }
  rmSync(stateFile, { force: true });
  log('stopped');
}

if (command === 'down') await down();
else if (command === 'up') await up();
else {
  console.error('usage: stack.mjs up [--no-build] | down');
  process.exit(2);
}
