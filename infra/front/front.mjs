// The TLS front (Caddy + layer4) for `npm start` and `npm run stack`: HTTPS on one port with a
// certificate from a local CA, ACME or given files; plain HTTP redirected (except the CA download);
// LiveKit's signalling (/rtc) and TURN/TLS on the same port; the app instances balanced with
// WebSocket upgrade. frontConfig() is the whole Caddy configuration; startFront() runs it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';

const here = import.meta.dirname ?? new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..');

/** The app's CA download (CA_CERT_PATH in libs/contracts/src/network.ts; this file is plain JS). */
export const CA_CERT_PATH = '/api/network/ca.crt';

/** caddy from .tools/bin (infra/front/install.sh) or PATH, when it has the layer4 app; else null. */
export function findCaddy() {
  const local = join(root, '.tools', 'bin', 'caddy');
  if (existsSync(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'caddy'))) return join(dir, 'caddy');
  }
  return null;
}

/** Where Caddy keeps its local CA inside its storage (the root certificate users install). */
export function caRootFile(storageDir) {
  return join(storageDir, 'pki', 'authorities', 'local', 'root.crt');
}

/**
 * The Caddy JSON configuration.
 *  storageDir  certificates, the local CA and ACME accounts (kept: a new CA would need reinstalling)
 *  hosts       names and addresses the certificate covers (first: the public host)
 *  tls         { mode: 'internal' | 'acme' | 'files', certFile?, keyFile?, email?, acmeCa? }
 *  httpsPort, httpPort
 *  app         app instances, ['127.0.0.1:3000', …]
 *  livekit     livekit-server HTTP ports for /rtc, ['127.0.0.1:7880', …]
 *  turn        LiveKit TURN listeners that take TURN/TLS from here in plain TCP, [] for none
 *  internalPort  optional: a plain-HTTP listener on loopback balancing the app instances, for
 *              LiveKit's webhooks (any live instance takes them; a Go client would not trust the local CA)
 */
export function frontConfig({
  storageDir,
  hosts,
  tls,
  httpsPort,
  httpPort,
  app,
  livekit,
  turn,
  internalPort,
}) {
  // Several upstreams: a dead one is skipped within seconds and its requests retried on another.
  const balanced = (upstreams, policy, healthUri) => ({
    handler: 'reverse_proxy',
    upstreams: upstreams.map((dial) => ({ dial })),
    ...(upstreams.length > 1
      ? {
          load_balancing: { selection_policy: { policy }, try_duration: '5s' },
          health_checks: {
            active: { uri: healthUri, interval: '5s', timeout: '3s' },
            passive: { fail_duration: '10s' },
          },
        }
      : {}),
  });
  // LiveKit's signalling may enter any node of the cluster (the room's node is found through Redis)
  const rtc = { match: [{ path: ['/rtc', '/rtc/*'] }], handle: [balanced(livekit, 'round_robin', '/')] };
  // Caddy sets X-Forwarded-For/-Proto/-Host itself and, with no trusted proxies configured, drops
  // whatever the client sent in them: the app (TRUST_PROXY=loopback) sees the real client address.
  // A browser stays on one app instance (a cookie): socket.io's long-polling fallback needs it.
  const toApp = { handle: [balanced(app, 'cookie', '/api/health/ready')] };
  const httpsSuffix = httpsPort === 443 ? '' : `:${httpsPort}`;

  // TURN/TLS and HTTPS share the port. Browsers always offer ALPN (h2, http/1.1) for HTTPS and
  // WebSockets; their TURN/TLS client offers none. So a TLS handshake without an HTTP (or ACME
  // challenge) ALPN is TURN: TLS is ended here with the same certificate and the stream goes to
  // LiveKit's TURN; everything else falls through to the HTTP server.
  const turnRoute = {
    match: [{ tls: {}, not: [{ tls: { alpn: ['h2', 'http/1.1', 'acme-tls/1'] } }] }],
    handle: [{ handler: 'tls' }, { handler: 'proxy', upstreams: turn.map((dial) => ({ dial: [dial] })) }],
  };
  const issuer =
    tls.mode === 'internal'
      ? { module: 'internal', ca: 'local' }
      : {
          module: 'acme',
          ...(tls.email ? { email: tls.email } : {}),
          ...(tls.acmeCa ? { ca: tls.acmeCa } : {}),
        };

  return {
    admin: { disabled: true },
    logging: { logs: { default: { level: 'WARN' } } },
    storage: { module: 'file_system', root: storageDir },
    apps: {
      pki: {
        certificate_authorities: {
          local: {
            name: 'HallBridge',
            root_common_name: `HallBridge Local CA (${hosts[0]})`,
            intermediate_common_name: 'HallBridge Intermediate CA',
            install_trust: false,
          },
        },
      },
      tls: {
        certificates:
          tls.mode === 'files'
            ? { load_files: [{ certificate: tls.certFile, key: tls.keyFile }] }
            : { automate: hosts },
        ...(tls.mode === 'files'
          ? {}
          : { automation: { policies: [{ subjects: hosts, issuers: [issuer] }] } }),
      },
      http: {
        http_port: httpPort,
        https_port: httpsPort,
        servers: {
          https: {
            listen: [`:${httpsPort}`],
            ...(turn.length
              ? { listener_wrappers: [{ wrapper: 'layer4', routes: [turnRoute] }, { wrapper: 'tls' }] }
              : {}),
            tls_connection_policies: [{}],
            automatic_https: { disable: true },
            routes: [rtc, toApp],
          },
          ...(internalPort
            ? {
                internal: {
                  listen: [`127.0.0.1:${internalPort}`],
                  automatic_https: { disable: true },
                  routes: [toApp],
                },
              }
            : {}),
          http: {
            listen: [`:${httpPort}`],
            automatic_https: { disable: true },
            routes: [
              // before a device trusts the local CA it can only fetch it over plain HTTP
              { match: [{ path: [CA_CERT_PATH] }], handle: toApp.handle },
              {
                handle: [
                  {
                    handler: 'static_response',
                    status_code: 308,
                    headers: { Location: [`https://{http.request.host}${httpsSuffix}{http.request.uri}`] },
                  },
                ],
              },
            ],
          },
        },
      },
    },
  };
}

function listening(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = connect({ port, host }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The front answers: both ports listen and (for the local CA) its root certificate exists. */
export async function frontReady({ httpsPort, httpPort, caFile }) {
  return (await listening(httpsPort)) && (await listening(httpPort)) && (!caFile || existsSync(caFile));
}

/**
 * Writes the configuration to <storageDir>/caddy.json and runs Caddy until stop(). Resolves once
 * both ports listen and (for the local CA) the root certificate exists.
 */
export async function startFront(options, { bin = findCaddy(), logFile } = {}) {
  if (!bin) throw new Error('caddy is not installed: run `bash infra/front/install.sh`');
  mkdirSync(options.storageDir, { recursive: true, mode: 0o700 });
  const configFile = join(options.storageDir, 'caddy.json');
  writeFileSync(configFile, JSON.stringify(frontConfig(options), null, 2), { mode: 0o600 });
  const log = logFile ?? join(options.storageDir, 'caddy.log');
  const out = openSync(log, 'a');
  const child = spawn(bin, ['run', '--config', configFile], {
    // Caddy keeps nothing outside its storage; HOME/XDG only matter for its autosave
    env: { ...process.env, XDG_DATA_HOME: options.storageDir, XDG_CONFIG_HOME: options.storageDir },
    stdio: ['ignore', out, out],
  });
  const ca = options.tls.mode === 'internal' ? caRootFile(options.storageDir) : null;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`caddy exited (${child.exitCode}): ${readFileSync(log, 'utf8').slice(-2000)}`);
    }
    if (await frontReady({ ...options, caFile: ca })) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`caddy did not start in 30 s; see ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    process: child,
    caFile: ca,
    logFile: log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(kill);
    },
  };
}
