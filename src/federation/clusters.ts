import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Throw-away PostgreSQL clusters for the federation prototype (issue #19, docs/SCALE.md §4):
 * `initdb` into a temporary folder, `wal_level = logical`, a free port on 127.0.0.1, trust
 * authentication (local only), started with `pg_ctl` and removed with their folder. PostgreSQL
 * refuses to run as root: as root, the commands run as the `postgres` OS user (`runuser`).
 */
const run = promisify(execFile);

export interface Cluster {
  name: string;
  port: number;
  dataDir: string;
  /** A connection URL to one of its databases. */
  url(database?: string): string;
  /** libpq connection string, as a subscription's CONNECTION takes it. */
  conninfo(database: string): string;
  stop(): Promise<void>;
}

/** The folder holding initdb/pg_ctl: SAMANVAY_PG_BIN, the newest /usr/lib/postgresql/N/bin, /usr/local/bin, or PATH. */
export function findPgBin(): string | null {
  const candidates: string[] = [];
  if (process.env.SAMANVAY_PG_BIN) candidates.push(process.env.SAMANVAY_PG_BIN);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  candidates.push('/usr/local/bin', '/usr/bin', ...(process.env.PATH ?? '').split(':').filter(Boolean));
  return candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl'))) ?? null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The command as run: through `runuser -u postgres --` when this process is root. */
function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

async function sh(cmd: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const [c, a] = asPostgres(cmd, args);
  try {
    const { stdout } = await run(c, a, { timeout: timeoutMs, maxBuffer: 4 << 20 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${cmd.split('/').pop()} failed: ${(e.stderr || e.message).trim().slice(0, 500)}`);
  }
}

/**
 * Whether clusters can be made here, and why not: the binaries, PostgreSQL ≥ 15 (column lists
 * and row filters in publications), and, as root, a `postgres` OS user to run them as.
 */
export function clusterSupport(): { ok: true; bin: string; version: number } | { ok: false; reason: string } {
  const bin = findPgBin();
  if (!bin) return { ok: false, reason: 'initdb/pg_ctl not found (set SAMANVAY_PG_BIN)' };
  if (isRoot()) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' });
    } catch {
      return { ok: false, reason: 'running as root and there is no postgres OS user to run initdb as' };
    }
  }
  try {
    const [c, a] = asPostgres(join(bin, 'initdb'), ['--version']);
    const out = execFileSync(c, a, { stdio: 'pipe', timeout: 10_000 }).toString();
    const version = Number(/(\d+)(?:\.\d+)?/.exec(out)?.[1] ?? 0);
    if (version < 15) return { ok: false, reason: `PostgreSQL ${version}: publications with column lists and row filters need 15` };
    return { ok: true, bin, version };
  } catch (err) {
    return { ok: false, reason: `initdb cannot run: ${(err as Error).message.slice(0, 200)}` };
  }
}

/** A port free on 127.0.0.1 now (the OS's choice, in the ephemeral range). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A folder for clusters, owned by the OS user that runs them. */
export function makeClusterRoot(prefix = 'samanvay-federation-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  return dir;
}

export function removeClusterRoot(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** initdb + configuration + pg_ctl start, on a free port; the data folder is `<root>/<name>`. */
export async function startCluster(root: string, name: string, bin: string): Promise<Cluster> {
  const dataDir = join(root, name);
  await sh(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], 120_000);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    // Appended settings win over initdb's. fsync off: a throw-away cluster, never real data. (Not
    // synchronous_commit off: a walsender sends only flushed WAL, so it would add the WAL writer's delay to the lag.)
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      [
        '',
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dataDir}'`,
        'wal_level = logical',
        // Two subscriptions per state at the nation (records, dashboard figures), each with its
        // apply worker and, at first, its table-copy workers.
        'max_wal_senders = 16',
        'max_replication_slots = 16',
        'max_logical_replication_workers = 12',
        'max_worker_processes = 20',
        'max_connections = 40',
        'shared_buffers = 32MB',
        'fsync = off',
        'full_page_writes = off',
        "timezone = 'Asia/Kolkata'",
        '',
      ].join('\n'),
    );
    try {
      await sh(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-w', '-t', '60', 'start'], 90_000);
    } catch (err) {
      // The port was taken in between: another one (after stopping whatever did start).
      lastError = err;
      await sh(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], 60_000).catch(() => undefined);
      continue;
    }
    const stop = async () => {
      await sh(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], 60_000).catch(() => undefined);
    };
    return {
      name,
      port,
      dataDir,
      url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
      conninfo: (database: string) => `host=127.0.0.1 port=${port} user=postgres dbname=${database}`,
      stop,
    };
  }
  throw lastError instanceof Error ? lastError : new Error(`could not start cluster ${name}`);
}
