// What `npm start` and `npm run stack` decide about the network before starting anything: the
// advertised address (the app's own rule, from its build), how HTTPS gets its certificate, the ports,
// and what to tell the person at the console.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CA_CERT_PATH } from '../front/front.mjs';
import { choosePort } from './ports.mjs';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');

/** The app's address rules (apps/api/src/config/advertised-address.ts), from the build. */
export async function addressRules() {
  const built = join(root, 'dist/apps/api/apps/api/src/config/advertised-address.js');
  const mod = await import(pathToFileURL(built).href);
  return mod.default ?? mod;
}

/** The documented fixed ports (docs/deploy.md); each can be set, and a taken one is replaced. */
export const DEFAULT_PORTS = { https: 443, http: 80, iceTcp: 7881, iceUdp: 7882, turnUdp: 3478 };

export async function frontPorts(env, warn) {
  const httpsPort = await choosePort({
    wanted: env.HTTPS_PORT,
    preferred: DEFAULT_PORTS.https,
    name: 'HTTPS port',
    warn,
  });
  const httpPort = await choosePort({
    wanted: env.HTTP_PORT,
    preferred: DEFAULT_PORTS.http,
    name: 'HTTP port',
    warn,
  });
  return { httpsPort, httpPort };
}

export async function mediaPorts(env, warn, offset = 0) {
  const pick = (wanted, preferred, udp, name) =>
    choosePort({ wanted: offset ? undefined : wanted, preferred: preferred + offset, udp, name, warn });
  return {
    tcpPort: await pick(env.MEDIA_TCP_PORT, DEFAULT_PORTS.iceTcp, false, 'media ICE/TCP port'),
    udpPort: await pick(env.MEDIA_UDP_PORT, DEFAULT_PORTS.iceUdp, true, 'media ICE/UDP port'),
    turnUdpPort: await pick(env.TURN_UDP_PORT, DEFAULT_PORTS.turnUdp, true, 'TURN/UDP port'),
  };
}

const privateSuffixes = [
  'local',
  'lan',
  'internal',
  'intranet',
  'home',
  'corp',
  'localhost',
  'test',
  'invalid',
  'arpa',
];

/** A name the public internet can resolve and reach, so a public CA (ACME) can vouch for it. */
export function looksPublic(host) {
  if (isIP(host) || !host.includes('.')) return false;
  return !privateSuffixes.includes(host.split('.').pop());
}

/**
 * TLS_MODE (internal | acme | files | off) or, unset: given TLS_CERT_FILE + TLS_KEY_FILE, else ACME
 * for a public DNS name, else a local CA kept in the data directory.
 */
export function tlsFromEnv(env, host) {
  const files = env.TLS_CERT_FILE && env.TLS_KEY_FILE;
  const mode = env.TLS_MODE || (files ? 'files' : looksPublic(host) ? 'acme' : 'internal');
  if (!['internal', 'acme', 'files', 'off'].includes(mode))
    throw new Error(`TLS_MODE=${mode}: use internal, acme, files or off`);
  if (mode === 'files' && !files) throw new Error('TLS_MODE=files needs TLS_CERT_FILE and TLS_KEY_FILE');
  return {
    mode,
    certFile: env.TLS_CERT_FILE,
    keyFile: env.TLS_KEY_FILE,
    email: env.ACME_EMAIL,
    acmeCa: env.ACME_CA,
  };
}

export function caFingerprint(caFile) {
  if (!caFile || !existsSync(caFile)) return null;
  return new X509Certificate(readFileSync(caFile)).fingerprint256;
}

/** The banner: the address people must open, how to trust the local CA, the ports to open. */
export function announce({ publicUrl, localUrl, tls, caFile, ports, notes = [] }) {
  const plain = new URL(publicUrl);
  plain.protocol = 'http:';
  plain.port = ports.http && ports.http !== 80 ? String(ports.http) : '';
  const line = '─'.repeat(76);
  const out = [
    line,
    'HallBridge đang chạy. Mở địa chỉ này trên máy tính, điện thoại và màn hình điểm cầu:',
    'HallBridge is running. Open this address on computers, phones and room screens:',
    '',
    `    ${publicUrl}`,
    '',
  ];
  if (tls === 'internal' && caFile) {
    out.push(
      'Lần đầu, cài chứng chỉ của máy chủ này trên từng thiết bị (để trình duyệt tin cậy và cho dùng camera, micro):',
      "First, install this server's certificate on each device (so browsers trust it and allow camera and microphone):",
      '',
      `    ${plain.origin}${CA_CERT_PATH}`,
      `    SHA-256 ${caFingerprint(caFile)}`,
      '',
      'Hướng dẫn cho Android, iOS, Windows và màn hình điểm cầu: trang đầu tiên, và Cài đặt › Kết nối.',
      'Steps for Android, iOS, Windows and room screens: on the first page, and in Settings › Connection.',
      '',
    );
  }
  if (tls === 'acme') {
    out.push(
      'Chứng chỉ công khai (ACME) cần tên miền trỏ về máy này và cổng 80, 443 mở ra Internet.',
      'A public certificate (ACME) needs the name to point here and ports 80 and 443 open to the internet;',
      'on a closed network set TLS_MODE=internal.',
      '',
    );
  }
  if (tls === 'off') {
    out.push(
      'HTTPS đang tắt: trình duyệt trên máy khác sẽ không cho dùng camera và micro.',
      'HTTPS is off: browsers on other machines will not allow camera and microphone.',
      '',
    );
  }
  const tcp = [ports.http, ports.https, ports.iceTcp].filter(Boolean).join(', ');
  const udp = [ports.turnUdp, ports.iceUdp].filter(Boolean).join(', ');
  out.push(
    `Tường lửa cần mở / Firewall: TCP ${tcp}${udp ? `; UDP ${udp}` : ''}  (docs/deploy.md)`,
    `Trên máy này / On this machine: ${localUrl}`,
    ...notes,
    line,
  );
  console.log(out.join('\n'));
}
