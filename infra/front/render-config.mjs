#!/usr/bin/env node
// Writes the TLS front's Caddy configuration for an operator's server (infra/systemd/
// hallbridge-front.service runs it before Caddy) from the same settings as the app
// (/etc/hallbridge/hallbridge.env) plus where the parts listen:
//   FRONT_APP_UPSTREAMS      app instances, "127.0.0.1:3001,127.0.0.1:3002" (or other machines)
//   FRONT_LIVEKIT_UPSTREAMS  livekit-server HTTP ports for /rtc, "127.0.0.1:7880,127.0.0.1:7890"
//   FRONT_TURN_UPSTREAMS     LiveKit TURN/TLS ports (turn.tls_port, external_tls), "" for none
//   FRONT_INTERNAL_PORT      loopback port balancing the app for LiveKit's webhooks (optional)
//   FRONT_STORAGE_DIR        certificates and the local CA (default /var/lib/hallbridge/front)
//   usage: node infra/front/render-config.mjs <output.json>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { addressRules, tlsFromEnv } from '../lib/network-plan.mjs';
import { frontConfig } from './front.mjs';

const env = process.env;
const out = process.argv[2];
if (!out) {
  console.error('usage: render-config.mjs <output.json>');
  process.exit(2);
}
const list = (value) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const httpsPort = Number(env.HTTPS_PORT ?? 443);
const { advertisedAddress } = await addressRules();
const address = advertisedAddress(env, { scheme: 'https', port: httpsPort });
const config = frontConfig({
  storageDir: env.FRONT_STORAGE_DIR ?? '/var/lib/hallbridge/front',
  hosts: [...new Set([address.host, address.mediaIp])],
  tls: tlsFromEnv(env, address.host),
  httpsPort,
  httpPort: Number(env.HTTP_PORT ?? 80),
  app: list(env.FRONT_APP_UPSTREAMS ?? '127.0.0.1:3000'),
  livekit: list(env.FRONT_LIVEKIT_UPSTREAMS),
  turn: httpsPort === 443 ? list(env.FRONT_TURN_UPSTREAMS) : [],
  internalPort: env.FRONT_INTERNAL_PORT ? Number(env.FRONT_INTERNAL_PORT) : undefined,
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(config, null, 2), { mode: 0o600 });
console.log(`front configuration for ${address.publicUrl} written to ${out}`);
