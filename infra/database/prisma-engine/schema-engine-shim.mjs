#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
// Point the Prisma CLI at it:  PRISMA_SCHEMA_ENGINE_BINARY=tools/schema-engine-shim.mjs
// It speaks the same line-delimited JSON-RPC on stdin/stdout as the native engine and forwards each
// call to Prisma's own WASM schema engine (@prisma/schema-engine-wasm, same engine commit as the CLI)
// which reaches PostgreSQL through the pg driver adapter (@prisma/adapter-pg).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { engineVersion, startEngine, unwrapError } from './wasm-engine.mjs';

const args = process.argv.slice(2);

function logErr(level, message, extra = {}) {
  process.stderr.write(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      fields: { message, ...extra },
      target: 'schema_engine::logger',
    }) + '\n',
  );
}

function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--version' || a === '-V') out.version = true;
    else if (a === '--datamodels') out.datamodels.push(argv[++i]);
    else if (a === '--datasource') out.datasource = JSON.parse(argv[++i]);
    else if (a === '--enabled-preview-features' || a === '--extension-types') i++;
    else if (a === 'cli') out.cli = argv[++i];
  }
  return out;
}

const opts = parseArgs(args);

for (const ev of ['uncaughtException', 'unhandledRejection']) {
  process.on(ev, (e) => {
    logErr(
      'ERROR',
      `schema-engine-shim ${ev}: ${globalThis.PRISMA_WASM_PANIC_REGISTRY?.get?.() ?? ''} ${e?.stack ?? e}`,
    );
    process.exit(101);
  });
}

if (opts.version) {
  // The CLI shows this in `prisma -v`.
  process.stdout.write(
    `schema-engine-cli ${await engineVersion()} (@prisma/schema-engine-wasm via tools/schema-engine-shim.mjs)\n`,
  );
  process.exit(0);
}

const url = opts.datasource?.url;
const shadowUrl = opts.datasource?.shadowDatabaseUrl;

// `schema-engine --datasource {...} cli <command>`: one-shot commands used by `migrate dev` / `migrate reset`.
if (opts.cli) {
  process.stderr.write('schema-engine-shim cli\n'); // the CLI skips the first stderr line
  const dbName = decodeURIComponent(new URL(url).pathname.slice(1) || 'postgres');
  const adminUrl = (() => {
    const u = new URL(url);
    u.pathname = '/postgres';
    return u.toString();
  })();
  const run = async (connStr, sql) => {
    const c = new pg.Client({ connectionString: connStr });
    await c.connect();
    try {
      if (sql) await c.query(sql);
    } finally {
      await c.end();
    }
  };
  try {
    if (opts.cli === 'can-connect-to-database') await run(url);
    else if (opts.cli === 'create-database')
      await run(adminUrl, `CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
    else if (opts.cli === 'drop-database')
      await run(adminUrl, `DROP DATABASE IF EXISTS "${dbName.replace(/"/g, '""')}"`);
    else throw new Error(`unsupported cli command ${opts.cli}`);
    process.exit(0);
  } catch (e) {
    const code =
      e.code === '3D000'
        ? 'P1003'
        : e.code === 'ECONNREFUSED'
          ? 'P1001'
          : e.code === '28P01'
            ? 'P1000'
            : undefined;
    logErr('ERROR', e.message, code ? { error_code: code } : {});
    process.exit(1);
  }
}

// --- JSON-RPC server -----------------------------------------------------------------------------
const schemaFiles = opts.datamodels.map((p) => [p, readFileSync(p, 'utf8')]);
// One WASM engine (with its own one-connection pools) per request, closed right after: no connection
// outlives a command, which matters on PGlite where the socket server admits few connections.
const newEngine = () =>
  startEngine({
    url,
    shadowUrl,
    schemaFiles,
    log: (m) => process.stderr.write(String(m).replace(/\n?$/, '\n')),
  });

const renamed = { getDatabaseVersion: 'version' };

// The WASM engine's evaluateDataLoss and createMigration (used by `prisma migrate dev`) rebuild the schema
// of the migration history without the shadow database the adapter factory offers, and fail with
// "PostgreSQL shadow DB must be provided through an external factory"; diff() does use it. So both are
// emulated with diff(migrations -> schema): same SQL as the engine renders, minus its warning comment.
async function diffMigrationsToSchema(engine, { migrationsList, schema, filters }) {
  const { stdout } = await engine.diff({
    from: { tag: 'migrations', ...migrationsList },
    to: { tag: 'schemaDatamodel', ...schema },
    script: true,
    exitCode: null,
    filters,
  });
  const script = (stdout ?? '').trim();
  const empty = script === '' || script === '-- This is an empty migration.';
  return { script: script + '\n', empty };
}
const DESTRUCTIVE = /\bDROP\s+(TABLE|COLUMN|TYPE|VALUE)\b|\bALTER\s+COLUMN\b.*\bTYPE\b|\bSET NOT NULL\b/i;
function destructiveLines(script) {
  return script
    .split('\n')
    .filter((l) => DESTRUCTIVE.test(l))
    .map((l) => l.trim());
}
async function evaluateDataLoss(engine, params) {
  const { script, empty } = await diffMigrationsToSchema(engine, params);
  const steps = empty ? 0 : script.split('\n').filter((l) => /^-- [A-Z]\w+$/.test(l.trim())).length || 1;
  const warnings = destructiveLines(script).map((l) => ({
    message: `Review before applying (possible data loss): ${l}`,
    stepIndex: 0,
  }));
  return { migrationSteps: steps, unexecutableSteps: [], warnings };
}
async function createMigration(engine, params) {
  const { script, empty } = await diffMigrationsToSchema(engine, params);
  const ts = new Date().toISOString().replace(/\D/g, '').slice(0, 14); // UTC YYYYMMDDHHMMSS, like the engine
  const base = {
    connectorType: 'postgresql',
    generatedMigrationName: `${ts}_${params.migrationName}`,
    extension: 'sql',
  };
  if (empty && !params.draft) return { ...base, migrationScript: null };
  if (empty) return { ...base, migrationScript: '-- This is an empty migration.\n' };
  const warn = destructiveLines(script);
  const header = warn.length ? `/*\n  Warnings:\n${warn.map((l) => `  - ${l}`).join('\n')}\n*/\n` : '';
  return { ...base, migrationScript: header + script };
}

let printId = 1_000_000;
function send(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

async function handle(req) {
  const { id, method, params } = req;
  let registry;
  let started;
  try {
    if (!url && method !== 'diff')
      throw Object.assign(new Error('The datasource.url property is required in your Prisma config file.'), {
        code: 'P1012',
      });
    started = await newEngine();
    registry = started.errorRegistry;
    const m = renamed[method] ?? method;
    if (typeof started.engine[m] !== 'function')
      throw new Error(`schema-engine-shim: method ${method} is not supported by the WASM engine`);
    let result =
      method === 'evaluateDataLoss'
        ? await evaluateDataLoss(started.engine, params)
        : method === 'createMigration'
          ? await createMigration(started.engine, params)
          : await started.engine[m](params);
    if (method === 'diff' && result && typeof result.stdout === 'string' && result.stdout.length > 0) {
      // the native engine prints the diff through a `print` request to the CLI
      send({
        jsonrpc: '2.0',
        id: printId++,
        method: 'print',
        params: { content: result.stdout.replace(/\n$/, '') },
      });
      result = { exitCode: result.exitCode };
    }
    send({ jsonrpc: '2.0', id, result: result === undefined ? null : result });
  } catch (err) {
    const e = unwrapError(registry, err);
    // Errors thrown by JS code inside the adapter come back as "External error id#N": put the JS message in.
    if (registry && typeof e?.message === 'string') {
      e.message = e.message.replace(/External error id#(\d+)/g, (m, id) => {
        const js = registry.consumeError?.(Number(id))?.error;
        return js ? `${js.message ?? js}` : m;
      });
    }
    const isPanic = /unreachable|RuntimeError/.test(String(e?.message)) && !e?.code;
    send({
      jsonrpc: '2.0',
      id,
      error: {
        code: 4466,
        message: 'An error happened. Check the data field for details.',
        data: {
          is_panic: isPanic,
          message: e?.message ?? String(e),
          error_code: typeof e?.code === 'string' ? e.code : undefined,
          meta: e?.meta,
        },
      },
    });
  } finally {
    await started?.dispose().catch(() => {});
  }
}

// Requests are handled one at a time, in order, like the native engine.
let chain = Promise.resolve();
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    return;
  }
  if (msg.method === undefined) return; // a response to our `print` request
  chain = chain.then(() => handle(msg));
});
rl.on('close', () => {
  chain.then(() => process.exit(0));
});
