import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Database } from '../db/client';
import { chainPending } from './audit.chain';
import { chainHead } from './audit.repository';

/**
 * Checkpoints anchor the chain: (position, head hash, time) signed with HMAC-SHA256 under a
 * key that is NOT in the database. Someone with database rights can delete the tail of the
 * chain or rebuild it with consistent hashes; they cannot sign a checkpoint that matches, so
 * `audit verify` reports the truncation or the re-hashing. Checkpoints are also appended to a
 * file outside the database (AUDIT_CHECKPOINT_FILE, or `audit checkpoint --export`), so
 * deleting them from the database does not hide anything either.
 */
export interface Checkpoint {
  pos: number;
  headHash: string;
  at: string;
  mac: string;
}

const MIN_KEY_CHARS = 32;

export interface AuditKey {
  key: Buffer;
  /** Where it came from, for messages (never the key itself). */
  source: string;
}

/**
 * The key: AUDIT_KEY (at least 32 characters), else the file AUDIT_KEY_FILE, else on the
 * embedded database a file next to (not inside) the data folder, `<folder>.audit-key`,
 * created with a random key on first start when `create` is set. Outside the data folder so
 * that a copy of the database alone does not carry the key.
 */
export function loadAuditKey(opts: { env?: NodeJS.ProcessEnv; embeddedDir?: string | null; create?: boolean } = {}): AuditKey | null {
  const env = opts.env ?? process.env;
  if (env.AUDIT_KEY) {
    if (env.AUDIT_KEY.length < MIN_KEY_CHARS) throw new Error(`AUDIT_KEY must be at least ${MIN_KEY_CHARS} characters`);
    return { key: Buffer.from(env.AUDIT_KEY, 'utf8'), source: 'AUDIT_KEY' };
  }
  const file = env.AUDIT_KEY_FILE ? resolve(env.AUDIT_KEY_FILE) : opts.embeddedDir ? defaultKeyFile(opts.embeddedDir) : null;
  if (!file) return null;
  if (!existsSync(file)) {
    if (env.AUDIT_KEY_FILE) throw new Error(`AUDIT_KEY_FILE ${file} does not exist`);
    if (!opts.create) return null;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < MIN_KEY_CHARS) throw new Error(`the audit key in ${file} must be at least ${MIN_KEY_CHARS} characters`);
  try {
    chmodSync(file, 0o600);
  } catch {
    // read-only mount: the operator's choice
  }
  return { key: Buffer.from(text, 'utf8'), source: file };
}

export function defaultKeyFile(embeddedDir: string): string {
  const dir = resolve(embeddedDir);
  return join(dirname(dir), `${basename(dir)}.audit-key`);
}

function macOf(key: Buffer, c: Omit<Checkpoint, 'mac'>): string {
  return createHmac('sha256', key).update(`samanvay-audit-checkpoint|1|${c.pos}|${c.headHash}|${c.at}`).digest('hex');
}

export function checkpointSignatureValid(key: Buffer, c: Checkpoint): boolean {
  const want = Buffer.from(macOf(key, c), 'hex');
  const got = Buffer.from(/^[0-9a-f]{64}$/i.test(c.mac) ? c.mac : '', 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

export async function listCheckpoints(database: Database): Promise<Checkpoint[]> {
  const rows = await database.query<{ pos: number; head_hash: string; at: Date | string; mac: string }>(
    'SELECT pos, head_hash, at, mac FROM audit_checkpoint ORDER BY id',
  );
  return rows.map((r) => ({ pos: Number(r.pos), headHash: r.head_hash, at: new Date(r.at).toISOString(), mac: r.mac }));
}

/**
 * Chains what is queued and signs the head. Skipped (returns null) when the head has not moved
 * since the last checkpoint, unless `force`. With `file`, the checkpoint is also appended to it.
 */
export async function createCheckpoint(
  database: Database,
  key: Buffer,
  now: Date,
  opts: { file?: string | null; force?: boolean } = {},
): Promise<Checkpoint | null> {
  await chainPending(database);
  const head = await chainHead(database);
  if (!head) return null;
  const [last] = await database.query<{ pos: number }>('SELECT pos FROM audit_checkpoint ORDER BY id DESC LIMIT 1');
  if (!opts.force && last && Number(last.pos) === head.pos) return null;
  const unsigned = { pos: head.pos, headHash: head.hash, at: new Date(Math.floor(now.getTime())).toISOString() };
  const c: Checkpoint = { ...unsigned, mac: macOf(key, unsigned) };
  await database.query('INSERT INTO audit_checkpoint (pos, head_hash, at, mac) VALUES ($1, $2, $3, $4)', [c.pos, c.headHash, c.at, c.mac]);
  if (opts.file) appendCheckpointLine(opts.file, c);
  return c;
}

export function appendCheckpointLine(file: string, c: Checkpoint) {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  appendFileSync(file, JSON.stringify(c) + '\n');
}

/** Writes every checkpoint in the database to a JSON Lines file (replacing it). */
export async function exportCheckpoints(database: Database, file: string): Promise<number> {
  const all = await listCheckpoints(database);
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, all.map((c) => JSON.stringify(c) + '\n').join(''));
  return all.length;
}

/** Reads a JSON Lines checkpoint file; a line that is not a checkpoint is an error naming the line. */
export function readCheckpointFile(file: string): Checkpoint[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l)
    .map(([l, line]) => {
      let c: Partial<Checkpoint>;
      try {
        c = JSON.parse(l) as Partial<Checkpoint>;
      } catch {
        throw new Error(`${file} line ${line}: not JSON`);
      }
      if (typeof c.pos !== 'number' || typeof c.headHash !== 'string' || typeof c.at !== 'string' || typeof c.mac !== 'string') {
        throw new Error(`${file} line ${line}: not a checkpoint (pos, headHash, at, mac)`);
      }
      return { pos: c.pos, headHash: c.headHash, at: c.at, mac: c.mac };
    });
}

/** The key for a database URL: on the embedded database, the key file beside its folder. */
export function auditKeyFor(database: Pick<Database, 'kind'>, url: string, opts: { create?: boolean } = {}): AuditKey | null {
  const embeddedDir = database.kind === 'pglite' && url && !url.startsWith('memory://') ? url.replace(/^file:\/\//, '') : null;
  return loadAuditKey({ embeddedDir, create: opts.create });
}
