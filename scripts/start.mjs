#!/usr/bin/env node
// `npm start`: builds what changed (Nx cache), then runs HallBridge on the embedded default for the
// network it is on: the app on PORT (loopback tools and the front reach it there), a TLS front on
// 443 with a local CA (or ACME, or given files), and a local livekit-server whose ICE candidates and
// TURN carry the advertised address. DATABASE_URL / REDIS_URL / LIVEKIT_URL point at real services.
// `--no-build` skips the build (tests run the built product). See docs/deploy.md.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caRootFile, findCaddy, startFront } from '../infra/front/front.mjs';
import { startDevLiveKit } from '../infra/livekit/dev-node.mjs';
import { buildProduct } from '../infra/lib/build-product.mjs';
import { addressRules, announce, frontPorts, mediaPorts, tlsFromEnv } from '../infra/lib/network-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const warn = (message) => console.log(`[network] ${message}`);

if (!process.argv.includes('--no-build')) buildProduct();

const dataDir = resolve(env.DATA_DIR ?? join(root, 'data'));
const appPort = Number(env.PORT ?? 3000);
const { advertisedAddress, localIPv4s } = await addressRules();

// HTTPS: the front is Caddy with the layer4 app, built once like livekit-server.
let tls = tlsFromEnv(env, advertisedAddress(env, { scheme: 'https', port: 443 }).host);
if (tls.mode !== 'off' && !findCaddy()) {
  if (env.HALLBRIDGE_NO_FRONT_INSTALL !== '1') {
    warn('the TLS front (Caddy) is not built yet: building it once from the Go module proxy (5-10 minutes)…');
    spawnSync('bash', [join(root, 'infra/front/install.sh')], { stdio: 'inherit' });
  }
  if (!findCaddy()) {
    warn('the TLS front could not be built: serving plain HTTP (see infra/front/install.sh).');
    tls = { mode: 'off' };
  }
}
const front = tls.mode === 'off' ? null : await frontPorts(env, warn);
const address = front
  ? advertisedAddress(env, { scheme: 'https', port: front.httpsPort })
  : advertisedAddress(env, { scheme: 'http', port: appPort });
if (address.source === 'loopback')
  warn('this machine has no network address: only this machine can take part.');

// Media: an existing LiveKit (LIVEKIT_URL), or the embedded node on the advertised address.
let media = null;
let mediaNet = null;
if (!env.LIVEKIT_URL) {
  mediaNet = await mediaPorts(env, warn);
  media = await startDevLiveKit({
    dataDir,
    appPort,
    // without the front, browsers elsewhere reach the node's signalling port directly
    bind: front ? '127.0.0.1' : '0.0.0.0',
    network: {
      nodeIp: address.mediaIp,
      nodeIpLocal: localIPv4s().includes(address.mediaIp),
      turnDomain: address.host,
      ...mediaNet,
      // LiveKit always tells clients turns:<domain>:443, so TURN/TLS rides on the front only there
      turnTls: front?.httpsPort === 443,
    },
  });
}

let frontProcess = null;
if (front) {
  const hosts = [...new Set([address.host, address.mediaIp])];
  frontProcess = await startFront({
    storageDir: join(dataDir, 'front'),
    hosts,
    tls,
    ...front,
    app: [`127.0.0.1:${appPort}`],
    livekit: media ? [media.httpDial] : [],
    turn: media?.turnTlsDial ? [media.turnTlsDial] : [],
  });
}

// tools run beside the product (npm run seed:demo) print links with the same address
mkdirSync(dataDir, { recursive: true });
writeFileSync(
  join(dataDir, 'network.json'),
  `${JSON.stringify({ publicUrl: address.publicUrl }, null, 2)}\n`,
);

const app = spawn(process.execPath, [join(root, 'dist/apps/api/apps/api/src/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...env,
    ...media?.env,
    PORT: String(appPort),
    PUBLIC_URL: address.publicUrl,
    TLS_MODE: tls.mode,
    ...(frontProcess?.caFile ? { TLS_CA_CERT_FILE: frontProcess.caFile } : {}),
    // the front on loopback sets X-Forwarded-For to the client's address, replacing what clients send
    ...(front ? { TRUST_PROXY: env.TRUST_PROXY ?? 'loopback' } : {}),
    // browsers reach LiveKit through the front (/rtc on the same origin: the app's default for a
    // loopback LIVEKIT_URL behind HTTPS), or directly without one
    ...(media && !front
      ? { LIVEKIT_PUBLIC_URL: `ws://${address.host}:${media.httpDial.split(':')[1]}` }
      : {}),
  },
});

const stopAll = async () => {
  await media?.stop();
  await frontProcess?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', async (code, signal) => {
  await stopAll();
  process.exit(code ?? (signal ? 1 : 0));
});

// Say where to go once the app answers.
const localUrl = `http://localhost:${appPort}`;
for (let i = 0; i < 600 && app.exitCode === null; i++) {
  const ok = await fetch(`http://127.0.0.1:${appPort}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) {
    announce({
      publicUrl: address.publicUrl,
      localUrl,
      tls: tls.mode,
      caFile: frontProcess?.caFile ?? (tls.mode === 'internal' ? caRootFile(join(dataDir, 'front')) : null),
      ports: {
        https: front?.httpsPort,
        http: front?.httpPort ?? appPort,
        iceTcp: mediaNet?.tcpPort,
        iceUdp: mediaNet?.udpPort,
        turnUdp: mediaNet?.turnUdpPort,
      },
      notes:
        media && front && front.httpsPort !== 443
          ? ['TURN/TLS is off: it needs the front on port 443 (HTTPS_PORT).']
          : [],
    });
    break;
  }
  await new Promise((r) => setTimeout(r, 200));
}
