// Load Prisma's WASM schema engine (@prisma/schema-engine-wasm) in plain Node and
// hand it a pg driver adapter. No native binary, no network.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

let bgModule;
async function loadWasm() {
  if (bgModule) return bgModule;
  // wasm-bindgen panic hook writes here
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    set_message(m) {
      this.message = `RuntimeError: ${m}`;
    },
    get() {
      return this.message;
    },
  };
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'); // .../schema_engine_bg.js
  const bg = await import(pathToFileURL(bgPath).href);
  const bytes = await readFile(bgPath.replace(/\.js$/, '.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  bgModule = bg;
  return bg;
}

// Two gaps in @prisma/adapter-pg when it drives the schema engine (it was written for Prisma Client):
// 1. It rejects columns of Postgres' one-byte type "char" (OID 18), which the engine's schema describer
//    reads from pg_catalog (relkind, contype, ...) and expects as a Character value.
// 2. Its executeScript() splits the script on ';' and runs the pieces one by one: that breaks any
//    migration with ';' inside a string, a DO block or a function body, and loses atomicity. The native
//    engine sends the whole script as one simple-protocol query (one implicit transaction); so do we.
const CHAR_OID = 18;
const TEXT_OID = 25;
function patchQueryable(q) {
  const charCols = new Map(); // sql text -> indexes of "char" columns (deterministic per query text)
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const res = await performIO(query);
    const idx = [];
    res.fields?.forEach((f, i) => {
      if (f.dataTypeID === CHAR_OID) {
        f.dataTypeID = TEXT_OID;
        idx.push(i);
      }
    });
    if (idx.length) charCols.set(query.sql, idx);
    return res;
  };
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => {
    const rs = await queryRaw(query);
    for (const i of charCols.get(query.sql) ?? []) rs.columnTypes[i] = ColumnTypeEnum.Character;
    return rs;
  };
  q.executeScript = async (script) => {
    try {
      await q.client.query(script); // no parameters => simple query protocol, multi-statement
    } catch (e) {
      q.onError(e);
    }
  };
  if (typeof q.startTransaction === 'function') {
    const startTransaction = q.startTransaction.bind(q);
    q.startTransaction = async (...a) => patchQueryable(await startTransaction(...a));
  }
  return q;
}
function pgAdapter(connectionString) {
  const factory = new PrismaPg({ connectionString, max: 1 });
  return { adapterName: factory.adapterName, connect: async () => patchQueryable(await factory.connect()) };
}

// Drop every user schema (tables, types, functions go with them) and recreate an empty "public".
const WIPE_SQL = `DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'
  LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP;
  CREATE SCHEMA public;
END $$;`;

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

/**
 * A migration-aware adapter factory for the engine.
 * - main DB: `url`
 * - shadow DB: `shadowUrl` when given (the engine resets it before use), otherwise a temporary
 *   database created next to the main one and dropped afterwards (needs CREATEDB; NOT possible on PGlite).
 * PrismaPg.connectToShadowDb() is not used: with a connection string it connects back to the MAIN
 * database (pg lets connectionString override `database`).
 */
export function makeAdapterFactory({ url, shadowUrl, log = () => {} }) {
  const main = pgAdapter(url);
  const open = new Set(); // adapters handed to the engine, disposed by disposeAll()
  const track = (a) => {
    const dispose = a.dispose.bind(a);
    let done;
    a.dispose = () => {
      open.delete(a);
      return (done ??= dispose());
    };
    open.add(a);
    return a;
  };
  return {
    provider: 'postgres',
    adapterName: main.adapterName,
    connect: async () => track(await main.connect()),
    connectToShadowDb: async () => track(await connectToShadowDb()),
    disposeAll: () => Promise.allSettled([...open].map((a) => a.dispose())),
  };
  async function connectToShadowDb() {
    if (shadowUrl) {
      // The WASM engine expects a fresh shadow database (PrismaPg creates one per use), so wipe the
      // configured one first, like the native engine does.
      const shadow = await pgAdapter(shadowUrl).connect();
      await shadow.executeRaw({ sql: WIPE_SQL, args: [], argTypes: [] });
      return shadow;
    }
    const conn = await main.connect();
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await conn.executeScript(`CREATE DATABASE "${name}"`);
    log(`created temporary shadow database ${name}`);
    const shadow = await pgAdapter(withDatabase(url, name)).connect();
    // Guard: servers that ignore the startup database (PGlite via pglite-socket) would hand us the
    // MAIN database here, and the engine wipes the shadow database. Refuse instead.
    const cur = await shadow.queryRaw({ sql: 'SELECT current_database() AS db', args: [], argTypes: [] });
    if (cur.rows[0][0] !== name) {
      await shadow.dispose();
      await conn.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await conn.dispose();
      throw new Error(
        `This server cannot host a temporary shadow database (asked for ${name}, got ${cur.rows[0][0]}). Set datasource.shadowDatabaseUrl to a separate, disposable database (e.g. an in-memory PGlite server).`,
      );
    }
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await conn.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await conn.dispose();
    };
    return shadow;
  }
}

export async function engineVersion() {
  return (await loadWasm()).version();
}

/** Start an engine. schemaFiles: [[path, content], ...] or undefined */
export async function startEngine({ url, shadowUrl, schemaFiles, log = () => {} }) {
  const bg = await loadWasm();
  const raw = makeAdapterFactory({ url, shadowUrl, log });
  const factory = bindMigrationAwareSqlAdapterFactory(raw);
  try {
    const engine = await bg.SchemaEngine.new(
      { datamodels: schemaFiles?.length ? schemaFiles : undefined },
      log,
      factory,
    );
    const dispose = async () => {
      engine.free();
      await raw.disposeAll();
    };
    return { engine, errorRegistry: factory.errorRegistry, version: bg.version(), dispose };
  } catch (e) {
    await raw.disposeAll();
    throw unwrapError(factory.errorRegistry, e);
  }
}

export function unwrapError(errorRegistry, e) {
  const fromRegistry = errorRegistry?.lookupError?.(e);
  if (fromRegistry) return fromRegistry.error;
  return e;
}
