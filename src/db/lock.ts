/**
 * One writer per embedded database. PGlite keeps the whole database in the memory of the
 * process that opened the folder and writes it back from there: two processes on one folder
 * each see only their own writes, and whichever writes last silently destroys the other's.
 * So the process that opens a PGlite folder holds `samanvay.lock` inside it: created with
 * O_EXCL (`wx`, atomic), naming the holder (PID, host, when), removed on close and on exit.
 *
 * A lock left by a process that died (kill -9, power cut) is stale and taken over, with a
 * note on stderr: on the same host when its PID is no longer alive (or was reused by another
 * program, told apart by the process start time in /proc); from another host (a container
 * that was replaced, a shared volume) when its holder stopped refreshing it.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

export const LOCK_FILE = 'samanvay.lock';
/** The holder refreshes the lock's mtime this often, so that other hosts can tell it is alive. */
const HEARTBEAT_MS = 15_000;
/** A lock from another host not refreshed for this long belongs to a process that is gone. */
const OTHER_HOST_STALE_MS = 4 * HEARTBEAT_MS;
/** A database takes well under this to create; a guard older than this was left by a crash. */
const INIT_GUARD_STALE_MS = 10 * 60_000;
/** An unreadable lock younger than this is still being written. */
const UNREADABLE_GRACE_MS = 5_000;

export interface LockHolder {
  pid: number;
  host: string;
  /** When the holder took the lock (ISO). */
  since: string;
  /** The holder's start time in clock ticks since boot (/proc/<pid>/stat), Linux only. */
  processStart: string | null;
  /** Random per acquisition: tells our own lock from one that replaced it. */
  token: string;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `the embedded database ${folder} is in use by another Samanvay process (PID ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
            `Only one process may open it at a time: stop that one first (or point DATABASE_URL elsewhere). ` +
            `If PID ${holder.pid} on ${holder.host} is not Samanvay, remove ${join(folder, LOCK_FILE)}.`
        : `the embedded database ${folder} is being opened by another process right now (${join(folder, LOCK_FILE)}); try again`,
    );
    this.name = 'DatabaseLockedError';
  }
}

export interface FolderLock {
  readonly folder: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

export interface LockOptions {
  /** Where notes go (a stale lock taken over, a lock lost). Default stderr. */
  note?: (line: string) => void;
  /**
   * Creates a new database in an empty folder. The database is created in a temporary
   * sibling folder, locked there, and moved into place with one rename: so a new folder
   * is never seen half-made, and never without its lock. (PGlite refuses to initialise
   * a folder that holds any file, the lock included.)
   */
  initialise?: (dir: string) => Promise<void>;
}

const held = new Map<string, LockHolder>();
let exitHookInstalled = false;

/** Takes the lock on a PGlite data folder (creating the database first when the folder is new). */
export async function lockDataFolder(folder: string, opts: LockOptions = {}): Promise<FolderLock> {
  const dir = resolve(folder);
  const note = opts.note ?? ((line: string) => process.stderr.write(line + '\n'));
  installExitHook();
  if (opts.initialise && !existsSync(dir)) {
    const created = await createLocked(dir, opts.initialise);
    if (created) return track(dir, created, note);
    // Another process created it meanwhile: lock it like any existing folder.
  } else if (opts.initialise && readdirSync(dir).length === 0) {
    // An empty folder that exists already may be a mount point (a container's volume), which
    // cannot be replaced by a rename: the database is created in place, under a guard.
    const created = await createInPlace(dir, opts.initialise);
    if (created) return track(dir, created, note);
  }
  mkdirSync(dir, { recursive: true });
  return track(dir, acquire(dir, note), note);
}

/**
 * A host-wide guard (in the temp folder, named after the data folder) held while a database
 * is created in place: until the lock file can be written, processes of this host wait.
 */
function initGuardPath(dir: string): string {
  return join(tmpdir(), `samanvay-init-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}.lock`);
}

async function createInPlace(dir: string, initialise: (dir: string) => Promise<void>): Promise<LockHolder | null> {
  const guard = initGuardPath(dir);
  try {
    closeSync(openSync(guard, 'wx'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const st = statSync(guard, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > INIT_GUARD_STALE_MS) rmSync(guard, { force: true }); // left by a crash mid-creation
    throw new DatabaseLockedError(dir, null);
  }
  try {
    if (readdirSync(dir).length !== 0) return null; // created meanwhile: lock it as it is
    await initialise(dir);
    const holder = newHolder();
    writeLock(join(dir, LOCK_FILE), holder);
    return holder;
  } finally {
    rmSync(guard, { force: true });
  }
}

async function createLocked(dir: string, initialise: (dir: string) => Promise<void>): Promise<LockHolder | null> {
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = join(dirname(dir), `.${basename(dir)}.creating-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  try {
    await initialise(tmp);
    const holder = newHolder();
    writeLock(join(tmp, LOCK_FILE), holder);
    try {
      // rename(2) replaces an empty directory atomically and fails on a non-empty one.
      renameSync(tmp, dir);
      return holder;
    } catch (err) {
      if (['ENOTEMPTY', 'EEXIST', 'EISDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return null;
      throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function acquire(dir: string, note: (line: string) => void): LockHolder {
  const path = join(dir, LOCK_FILE);
  const creating = statSync(initGuardPath(dir), { throwIfNoEntry: false });
  if (creating && Date.now() - creating.mtimeMs < INIT_GUARD_STALE_MS) throw new DatabaseLockedError(dir, null); // being created in place
  for (let attempt = 0; attempt < 5; attempt++) {
    const holder = newHolder();
    try {
      writeLock(path, holder);
      return holder;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const found = readLock(path);
    if (found === 'gone') continue;
    const stale = staleness(dir, found);
    if (!stale) throw new DatabaseLockedError(dir, found.holder);
    if (takeOver(dir, found.raw)) note(`note: ${dir} was locked by ${stale}; that process is gone, so this one takes the database over`);
  }
  throw new DatabaseLockedError(dir, null);
}

type Found = { raw: string; holder: LockHolder | null; mtimeMs: number };

function readLock(path: string): Found | 'gone' {
  try {
    const raw = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    let holder: LockHolder | null = null;
    try {
      const h = JSON.parse(raw) as LockHolder;
      if (Number.isInteger(h.pid) && typeof h.host === 'string') holder = h;
    } catch {
      holder = null;
    }
    return { raw, holder, mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
}

/** Why the lock is stale (for the note), or null while its holder may be alive. */
function staleness(dir: string, found: Found): string | null {
  const h = found.holder;
  const age = Date.now() - found.mtimeMs;
  if (!h) return age > UNREADABLE_GRACE_MS ? 'an unreadable lock file' : null;
  const who = `PID ${h.pid} on ${h.host} (since ${h.since})`;
  if (h.host !== hostname()) return age > OTHER_HOST_STALE_MS ? `${who}, not refreshed for ${Math.round(age / 1000)} s` : null;
  if (h.pid === process.pid) return held.has(dir) ? null : who; // our PID, but an earlier life of it (a restarted container)
  if (!pidAlive(h.pid)) return who;
  const start = processStart(h.pid);
  if (h.processStart && start && start !== h.processStart) return `${who}, whose PID now belongs to another program`;
  return null;
}

/** Replaces a stale lock, under a short-lived guard so that two processes cannot both take it over. */
function takeOver(dir: string, staleRaw: string): boolean {
  const guard = join(dir, `${LOCK_FILE}.takeover`);
  try {
    closeSync(openSync(guard, 'wx'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const st = statSync(guard, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > UNREADABLE_GRACE_MS) rmSync(guard, { force: true }); // left by a crash mid-takeover
    return false;
  }
  try {
    const again = readLock(join(dir, LOCK_FILE));
    if (again === 'gone' || again.raw !== staleRaw) return false;
    unlinkSync(join(dir, LOCK_FILE));
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

function track(dir: string, holder: LockHolder, note: (line: string) => void): FolderLock {
  held.set(dir, holder);
  const path = join(dir, LOCK_FILE);
  const heartbeat = setInterval(() => {
    const now = readLock(path);
    if (now === 'gone' || now.holder?.token !== holder.token) {
      note(`warning: the lock on ${dir} was removed or replaced while this process held the database`);
      clearInterval(heartbeat);
      return;
    }
    const t = new Date();
    utimesSync(path, t, t);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    folder: dir,
    holder,
    release() {
      clearInterval(heartbeat);
      releaseFolder(dir);
    },
  };
}

function releaseFolder(dir: string) {
  const holder = held.get(dir);
  if (!holder) return;
  held.delete(dir);
  const found = readLock(join(dir, LOCK_FILE));
  if (found !== 'gone' && found.holder?.token === holder.token) rmSync(join(dir, LOCK_FILE), { force: true });
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const dir of [...held.keys()]) {
      try {
        releaseFolder(dir);
      } catch {
        // exiting anyway; a lock left behind is stale and taken over by the next process
      }
    }
  });
}

function newHolder(): LockHolder {
  return {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    processStart: processStart(process.pid),
    token: randomBytes(8).toString('hex'),
  };
}

function writeLock(path: string, holder: LockHolder) {
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, JSON.stringify(holder) + '\n');
  } finally {
    closeSync(fd);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process not yet reaped by its parent (a zombie) still answers signal 0.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces). */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
