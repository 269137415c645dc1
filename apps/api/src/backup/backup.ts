import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { run } from '../database/child-process';
import { migrationNames } from '../database/migrate';
import {
  databaseHasData,
  databaseInUse,
  type DatabaseLocation,
  type DumpInfo,
  dumpDatabase,
  restoreDatabase,
} from './database-dump';

/**
 * A backup is one gzipped tar file:
 *   manifest.json   what it holds (format, HallBridge version, database kind and version, migrations)
 *   database.sql    the whole database as plain SQL
 *   files/          the uploaded files (FILES_DIR: decks, materials)
 *   front/          the TLS front's local certificate authority and certificates (DATA_DIR/front),
 *                   so devices that trust it need nothing new
 *   secrets.json    the embedded default's signing key (DATA_DIR/secrets.json), when there is one,
 *                   so join links and sign-ins stay valid on the restored install
 * The database is dumped first, then the files, so every file the dump refers to is in the archive.
 */
export const BACKUP_FORMAT = 'hallbridge-backup';
const FORMAT_VERSION = 1;

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  hallbridgeVersion: string;
  database: DumpInfo;
  files: boolean;
  front: boolean;
  secrets: boolean;
}

export const databaseOf = (config: AppConfig): DatabaseLocation =>
  config.databaseUrl
    ? { kind: 'postgresql', url: config.databaseUrl }
    : { kind: 'pglite', dir: join(config.dataDir, 'db') };

const frontDir = (config: AppConfig) => join(config.dataDir, 'front');

/** tar arguments that store directory `dir` under the name `as`, whatever it is called here. */
function storedAs(dir: string, as: string): string[] {
  const name = basename(dir);
  // GNU tar's sed-like rename, for this directory's own entries only (flags=r: not link targets).
  const pattern = name.replace(/[^\w-]/g, '\\$&');
  const rename = name === as ? [] : [String.raw`--transform=flags=r;s,^${pattern}\(/\|$\),${as}\1,`];
  return [`--directory=${dirname(dir)}`, ...rename, name];
}

async function tar(args: string[]): Promise<void> {
  const result = await run('tar', args);
  if (result.code !== 0) throw new Error(`tar ${args[0]} failed: ${result.stderr.trim()}`);
}

export async function backup(config: AppConfig, file: string): Promise<Manifest> {
  const out = resolve(file);
  await mkdir(dirname(out), { recursive: true });
  const stage = await mkdtemp(join(dirname(out), '.hallbridge-backup-'));
  try {
    const database = await dumpDatabase(databaseOf(config), join(stage, 'database.sql'));
    const secretsFile = join(config.dataDir, 'secrets.json');
    const secrets = existsSync(secretsFile);
    if (secrets) await copyFile(secretsFile, join(stage, 'secrets.json'));
    const files = existsSync(config.filesDir);
    const front = existsSync(frontDir(config));
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      hallbridgeVersion: config.version,
      database,
      files,
      front,
      secrets,
    };
    await writeFile(join(stage, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = join(stage, 'backup.tar.gz');
    await tar([
      '--create',
      '--gzip',
      `--file=${partial}`,
      `--directory=${stage}`,
      'manifest.json',
      'database.sql',
      ...(secrets ? ['secrets.json'] : []),
      ...(front ? storedAs(frontDir(config), 'front') : []),
      ...(files ? storedAs(config.filesDir, 'files') : []),
    ]);
    // It holds every password hash and the signing key: readable by its owner only.
    await chmod(partial, 0o600);
    await rename(partial, out);
    return manifest;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** What a backup file says it holds; refuses anything that is not a HallBridge backup this build can restore. */
export async function readManifest(file: string): Promise<Manifest> {
  const result = await run('tar', [
    '--extract',
    '--gzip',
    `--file=${resolve(file)}`,
    '--to-stdout',
    'manifest.json',
  ]);
  let manifest: Manifest | null;
  try {
    manifest = result.code === 0 ? (JSON.parse(result.stdout) as Manifest) : null;
  } catch {
    manifest = null;
  }
  if (manifest?.format !== BACKUP_FORMAT) throw new Error(`${file} is not a HallBridge backup`);
  if (manifest.formatVersion > FORMAT_VERSION)
    throw new Error(
      `${file} was made by a newer HallBridge (backup format ${manifest.formatVersion}): upgrade first`,
    );
  const known = new Set(migrationNames());
  const unknown = manifest.database.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new Error(
      `${file} comes from a newer HallBridge (its database has migration ${unknown[0]}, unknown here): upgrade first`,
    );
  return manifest;
}

export interface RestoreOptions {
  /** Replace an install that has data (the command asks for --yes). */
  replace: boolean;
}

/**
 * Replaces this install's database and files with the backup's. Refused while HallBridge runs on
 * them, and, unless `replace`, when there is data to lose. The database is replaced all or nothing
 * first; the files directory is then swapped for the restored one; the signing key last.
 */
export async function restore(config: AppConfig, file: string, options: RestoreOptions): Promise<Manifest> {
  const manifest = await readManifest(file);
  const db = databaseOf(config);
  const busy = await databaseInUse(db);
  if (busy) throw new Error(`${busy}: stop HallBridge first (every instance), then restore`);
  if (!options.replace && ((await databaseHasData(db)) || existsSync(config.filesDir)))
    throw new Error('this install already has data; add --yes to replace it with the backup');

  await mkdir(config.dataDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const work = await mkdtemp(join(config.dataDir, '.restore-'));
  const dbStage = db.kind === 'pglite' ? `${db.dir}.restore-${stamp}` : '';
  try {
    await tar([
      '--extract',
      '--gzip',
      `--file=${resolve(file)}`,
      `--directory=${work}`,
      '--no-same-owner',
      'manifest.json',
      'database.sql',
      ...(manifest.secrets ? ['secrets.json'] : []),
    ]);
    await restoreDatabase(db, join(work, 'database.sql'), dbStage);
    if (db.kind === 'pglite') await swap(db.dir, dbStage, stamp);

    await restoreDirectory(file, manifest.files ? 'files' : null, config.filesDir, stamp);
    await restoreDirectory(file, manifest.front ? 'front' : null, frontDir(config), stamp);

    if (manifest.secrets) await copyFile(join(work, 'secrets.json'), join(config.dataDir, 'secrets.json'));
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
    if (dbStage) await rm(dbStage, { recursive: true, force: true });
  }
}

/**
 * Replaces directory `target` with the archive's `member` directory (or an empty one when the backup
 * has none), extracted beside it first so the swap is a rename on the same filesystem.
 */
async function restoreDirectory(
  file: string,
  member: string | null,
  target: string,
  stamp: string,
): Promise<void> {
  const staged = `${target}.restore-${stamp}`;
  try {
    await mkdir(staged, { recursive: true });
    if (member)
      await tar([
        '--extract',
        '--gzip',
        `--file=${resolve(file)}`,
        `--directory=${staged}`,
        '--no-same-owner',
        '--strip-components=1',
        member,
      ]);
    await swap(target, staged, stamp);
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

/** Puts `staged` where `target` is, removing the old one only once the new one is in place. */
async function swap(target: string, staged: string, stamp: string): Promise<void> {
  const old = join(dirname(target), `.${basename(target)}.replaced-${stamp}`);
  const hadOld = existsSync(target);
  if (hadOld) await rename(target, old);
  try {
    await rename(staged, target);
  } catch (error) {
    if (hadOld) await rename(old, target);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
