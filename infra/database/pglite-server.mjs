#!/usr/bin/env node
// Serves a PGlite database (PostgreSQL compiled to WASM, files in a directory) on loopback through
// pglite-socket, for the embedded default. Runs as its own process so queries never block the API's
// event loop, and so only one server ever opens a data directory (it holds <dataDir>/server.lock,
// which also tells other processes, such as `npm run seed:demo`, where to connect).
//   usage: node infra/database/pglite-server.mjs <dataDir|memory://> [port=0] [maxConnections=16]
//   prints: "ready postgresql://postgres:postgres@127.0.0.1:<port>/postgres" once it accepts connections.
// It stops on SIGINT/SIGTERM and, with PGLITE_EXIT_WITH_PARENT=1, when its parent closes stdin (so a
// server started by the app never outlives it).
// Backups (`npm run backup`): the lock file (readable by its owner only) also names a loopback control
// port and a token; GET /datadir there answers a consistent copy of the data directory (PGlite's
// dumpDataDir, a gzipped tar), which the backup command turns into an SQL dump without stopping anyone.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const [dataDir = './data/db', port = '0', maxConnections = '16'] = process.argv.slice(2);
const inMemory = dataDir.startsWith('memory://');
const lockFile = inMemory ? null : join(dataDir, 'server.lock');

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (lockFile) {
  mkdirSync(dataDir, { recursive: true });
  let holder = null;
  try {
    holder = JSON.parse(readFileSync(lockFile, 'utf8'));
  } catch {
    /* no lock yet */
  }
  if (holder?.pid && holder.pid !== process.pid && isAlive(holder.pid)) {
    console.error(
      `another HallBridge database server (pid ${holder.pid}) is using ${dataDir} at ${holder.url}; stop it first`,
    );
    process.exit(3);
  }
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, url: null }), { mode: 0o600 });
  chmodSync(lockFile, 0o600); // a stale lock file from before may have had other permissions
}

const db = await PGlite.create({ dataDir });
const server = new PGLiteSocketServer({
  db,
  host: '127.0.0.1',
  port: Number(port),
  maxConnections: Number(maxConnections),
});
keepExtendedQueriesTogether(server, db);
await server.start();
const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
const control = lockFile ? await startControl(db) : null;
if (lockFile)
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, url, control: control?.address }), {
    mode: 0o600,
  });
console.log(`ready ${url}`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await server.stop();
  control?.server.close();
  await db.close(); // flushes to dataDir
  if (lockFile) rmSync(lockFile, { force: true });
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
if (process.env.PGLITE_EXIT_WITH_PARENT === '1') {
  process.stdin.on('end', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
}

/** The backup endpoint: a copy of the data directory for whoever holds the token in the lock file. */
async function startControl(pglite) {
  const token = randomBytes(24).toString('base64url');
  const http = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/datadir' || req.headers.authorization !== `Bearer ${token}`)
      return void res.writeHead(404).end();
    pglite
      .dumpDataDir('gzip')
      .then(async (blob) => {
        res.writeHead(200, { 'content-type': 'application/gzip' });
        res.end(Buffer.from(await blob.arrayBuffer()));
      })
      .catch((e) => res.writeHead(500).end(String(e?.message ?? e)));
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { server: http, address: { url: `http://127.0.0.1:${http.address().port}`, token } };
}

/**
 * pglite-socket queues each protocol message on its own and keeps one connection's messages together
 * only inside an explicit transaction. An extended-protocol query is several messages (Parse, Bind,
 * Describe, Execute) closed by Sync; when two connections' sequences interleave, one binds to the
 * other's unnamed statement ("bind message supplies 3 parameters, but prepared statement \"\"
 * requires 2"). So a connection that has begun a sequence keeps the database until its Sync, the
 * same way the queue already keeps it through a transaction.
 */
function keepExtendedQueriesTogether(socketServer, pglite) {
  const queue = socketServer.queryQueue;
  if (!queue || queue.db !== pglite) throw new Error('unexpected pglite-socket internals: review this patch');
  const opensSequence = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
  let midSequence = false;
  queue.db = {
    isInTransaction: () => midSequence || pglite.isInTransaction(),
    runExclusive: (fn) => pglite.runExclusive(fn),
    execProtocolRawStream: (message, options) => {
      midSequence = opensSequence.has(message[0]);
      return pglite.execProtocolRawStream(message, options);
    },
    exec: (sql) => {
      // Only called to roll back after a connection vanished: whatever it had begun is over.
      midSequence = false;
      return pglite.exec(sql);
    },
  };
}
