// Ports for the embedded default and the stack: the documented fixed ones when they are free,
// otherwise a free one (a second copy of the product, or a machine where 443 is taken), said aloud.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

export function canBindTcp(port, host = '0.0.0.0') {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export function canBindUdp(port, host = '0.0.0.0') {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.unref();
    socket.once('error', () => resolve(false));
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

/** A TCP port the kernel says is free now. */
export function freeTcpPort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A port free for both TCP and UDP (LiveKit's UDP mux checks both). */
export async function freeUdpPort() {
  for (;;) {
    const port = await freeTcpPort('0.0.0.0');
    if (await canBindUdp(port)) return port;
  }
}

/**
 * `wanted` (an explicit setting) is used as it is; otherwise `preferred` when it can be bound,
 * else a free port, with `warn` told why.
 */
export async function choosePort({ wanted, preferred, udp = false, name, warn }) {
  if (wanted) return Number(wanted);
  if (await (udp ? canBindUdp(preferred) : canBindTcp(preferred))) return preferred;
  const port = udp ? await freeUdpPort() : await freeTcpPort('0.0.0.0');
  warn(`${name} ${preferred} is in use or not allowed: using ${port} instead`);
  return port;
}
