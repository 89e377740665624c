/**
 * Backup and restore of the embedded database.
 *
 * A backup is PGlite's own dump of its data folder (a gzipped tar of the PostgreSQL cluster),
 * taken by the one process that holds the folder's lock (lock.ts): a server that is running
 * holds it, so `samanvay backup` refuses while it runs and the copy is always consistent (no
 * other writer exists). Before the dump, queued audit entries are chained, so a restored
 * database verifies (`samanvay audit verify`) exactly as the original did.
 *
 * A restore creates a NEW folder from the dump (never over an existing database: a restore
 * that overwrote today's records with last week's would be the data loss a backup exists to
 * prevent). It goes through the lock's create-then-rename path, so the folder is never seen
 * half-made.
 *
 * PostgreSQL is backed up with its own tools (pg_dump, pg_basebackup with WAL archiving for
 * point-in-time recovery): see docs/DEPLOYMENT.md.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, basename, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder, LOCK_FILE } from './lock';
import { HttpError } from '../http/errors';

/** The dump of a gzipped tar starts with the gzip magic bytes. */
const GZIP_MAGIC = [0x1f, 0x8b];

export interface BackupResult {
  file: string;
  bytes: number;
}

/** Writes the dump next to `file` first and renames it into place: a cut-off backup never looks complete. */
export async function writeBackup(dump: Blob, file: string): Promise<BackupResult> {
  const out = resolve(file);
  const tmp = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  const bytes = Buffer.from(await dump.arrayBuffer());
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, out);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { file: out, bytes: bytes.length };
}

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

function refuse(field: string, message: string): never {
  throw new HttpError(400, 'validation_failed', `${field}: ${message}`);
}

/** Checks a restore's source and target before anything is written. */
export function checkRestore(file: string, target: string): Buffer {
  if (!existsSync(file) || !statSync(file).isFile()) refuse('file', `${file} does not exist or is not a file`);
  const bytes = readFileSync(file);
  if (bytes.length < 2 || bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1])
    refuse('file', `${file} is not a Samanvay backup (a gzipped dump made by \`samanvay backup\`)`);
  const dir = resolve(target);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    refuse('to', `${dir} already holds files: a restore creates a new database folder and never writes over one`);
  return bytes;
}

/** Restores a backup into a new folder; returns the folder. */
export async function restoreBackup(file: string, target: string): Promise<string> {
  const bytes = checkRestore(file, target);
  const dir = resolve(target);
  const lock = await lockDataFolder(dir, {
    initialise: async (tmp) => {
      const client = new PGlite(tmp, { loadDataDir: new Blob([new Uint8Array(bytes)]) });
      try {
        await client.waitReady;
        // A dump taken by a running process carries its lock file: drop it (ours is written next).
        rmSync(join(tmp, LOCK_FILE), { force: true });
      } catch (err) {
        refuse('file', `${file} could not be read as a database dump (${(err as Error).message})`);
      } finally {
        await client.close().catch(() => undefined);
      }
    },
  });
  lock.release();
  return dir;
}
