// The embedded media server for `npm start`: one livekit-server, started when installed (built
// from source on first use unless HALLBRIDGE_NO_LIVEKIT_INSTALL=1), with its API key and secret
// generated once and kept in the data directory. Without it the product runs with video off.
// On the network its ICE candidates carry the advertised address, and TURN is on (see startDevLiveKit).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { freeTcpPort, freeUdpPort } from '../lib/ports.mjs';

const here = import.meta.dirname ?? new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..');
const log = (message) => console.log(`[media] ${message}`);

/** livekit-server from .tools/bin (installed by infra/livekit/install.sh) or PATH. */
export function findLiveKitServer() {
  const local = join(root, '.tools', 'bin', 'livekit-server');
  if (existsSync(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'livekit-server'))) return join(dir, 'livekit-server');
  }
  return null;
}

function install() {
  if (process.env.HALLBRIDGE_NO_LIVEKIT_INSTALL === '1') {
    log('livekit-server is not installed (HALLBRIDGE_NO_LIVEKIT_INSTALL=1): audio and video are off.');
    return null;
  }
  log(
    'livekit-server is not installed: building it from source once through the Go module proxy (about 3 minutes on 2 cores)…',
  );
  const result = spawnSync('bash', [join(here, 'install.sh'), '--no-cli'], { stdio: 'inherit' });
  if (result.status !== 0) {
    log(`building livekit-server failed (exit ${result.status}): audio and video are off.`);
    return null;
  }
  return findLiveKitServer();
}

/** The key pair of the embedded server, generated on first start and kept with the data. */
function keys(dataDir) {
  const file = join(dataDir, 'livekit.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    if (stored.apiKey && stored.apiSecret) return stored;
  }
  const generated = {
    apiKey: `hb${randomBytes(6).toString('hex')}`,
    apiSecret: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  return generated;
}

/** Stops a server left running by a start that crashed (only one of ours: same config file). */
function stopStale(pidFile, configFile) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('livekit-server') && cmdline.includes(configFile)) process.kill(pid, 'SIGKILL');
  } catch {
    /* gone already */
  }
}

/**
 * start-node.sh's settings for a node on the network: candidates on nodeIp, TURN/UDP on
 * turnUdpPort, TURN/TLS from the front on turnTlsPort (null: none).
 */
export function networkEnv({ nodeIp, nodeIpLocal, turnDomain, turnUdpPort }, turnTlsPort) {
  return {
    LIVEKIT_NODE_IP: nodeIp,
    LIVEKIT_NODE_IP_LOCAL: nodeIpLocal ? '1' : '0',
    LIVEKIT_TURN_DOMAIN: turnDomain,
    LIVEKIT_TURN_UDP_PORT: String(turnUdpPort),
    LIVEKIT_TURN_TLS_PORT: turnTlsPort ? String(turnTlsPort) : '',
  };
}

/**
 * Starts the node and resolves { env, httpDial, turnTlsDial, stop } (env: LIVEKIT_URL/KEY/SECRET for
 * the app; the dials are where the front forwards /rtc and TURN/TLS), or null when there is no media
 * server to run. Without `network` the node is on loopback with free ports (the product used on this
 * machine only). With `network` = { nodeIp, nodeIpLocal, turnDomain, tcpPort, udpPort, turnUdpPort,
 * turnTls } its candidates carry nodeIp, ICE/TCP and TURN/UDP listen on those ports, and TURN/TLS
 * (when turnTls) takes the streams the front has decrypted on a free port.
 */
export async function startDevLiveKit({ dataDir, appPort, network = null, bind = '127.0.0.1' }) {
  const bin = findLiveKitServer() ?? install();
  if (!bin) return null;
  const { apiKey, apiSecret } = keys(dataDir);
  const ports = {
    http: await freeTcpPort(),
    tcp: network?.tcpPort ?? (await freeTcpPort()),
    udp: network?.udpPort ?? (await freeUdpPort()),
    turnTls: network?.turnTls ? await freeTcpPort(network.nodeIpLocal ? network.nodeIp : '127.0.0.1') : null,
  };
  const configFile = join(dataDir, 'livekit.yaml');
  const logFile = join(dataDir, 'livekit.log');
  const pidFile = join(dataDir, 'livekit.pid');
  stopStale(pidFile, configFile);
  const out = openSync(logFile, 'a');
  const child = spawn('bash', [join(here, 'start-node.sh'), configFile], {
    env: {
      ...process.env,
      LIVEKIT_SERVER_BIN: bin,
      LIVEKIT_PORT: String(ports.http),
      LIVEKIT_TCP_PORT: String(ports.tcp),
      LIVEKIT_UDP_PORT: String(ports.udp),
      LIVEKIT_API_KEY: apiKey,
      LIVEKIT_API_SECRET: apiSecret,
      LIVEKIT_WEBHOOK_URL: `http://127.0.0.1:${appPort}/api/media/webhook`,
      LIVEKIT_LOG_LEVEL: process.env.LIVEKIT_LOG_LEVEL ?? 'info',
      LIVEKIT_BIND: bind,
      ...(network ? networkEnv(network, ports.turnTls) : {}),
    },
    stdio: ['ignore', out, out],
  });
  writeFileSync(pidFile, String(child.pid));
  const httpUrl = `http://127.0.0.1:${ports.http}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      log(`livekit-server exited (${child.exitCode}); see ${logFile}. Audio and video are off.`);
      return null;
    }
    try {
      if ((await fetch(httpUrl)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      log(`livekit-server did not start in 20 s; see ${logFile}. Audio and video are off.`);
      return null;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const turn = network ? `, TURN/UDP ${network.turnUdpPort}${ports.turnTls ? ', TURN/TLS via 443' : ''}` : '';
  log(
    `livekit-server on ${network?.nodeIp ?? '127.0.0.1'}: ICE/UDP ${ports.udp}, ICE/TCP ${ports.tcp}${turn} (log: ${logFile})`,
  );
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping) log(`livekit-server stopped unexpectedly (${code ?? signal}): audio and video are off.`);
  });
  const turnHost = network?.nodeIpLocal ? network.nodeIp : '127.0.0.1';
  return {
    httpDial: `127.0.0.1:${ports.http}`,
    turnTlsDial: ports.turnTls ? `${turnHost}:${ports.turnTls}` : null,
    env: {
      LIVEKIT_URL: `ws://127.0.0.1:${ports.http}`,
      LIVEKIT_API_KEY: apiKey,
      LIVEKIT_API_SECRET: apiSecret,
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      // The first signal waits for every participant to leave; the second stops it now.
      child.kill('SIGTERM');
      const again = setTimeout(() => child.kill('SIGTERM'), 1000);
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(again);
      clearTimeout(kill);
    },
  };
}
