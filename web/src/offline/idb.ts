/**
 * A few promises over IndexedDB (no library: the app needs get, put, delete and list).
 * Three stores: `records` (the village as last read from the server), `queue` (changes made on
 * the phone, waiting to be sent) and `meta` (whose copy it is, when it was synced). Every value
 * except the storage key is sealed (crypto.ts); storage keys are record ids, never names.
 */
export const DB_NAME = 'samanvay-offline';
const VERSION = 1;
export type StoreName = 'records' | 'queue' | 'meta';

let opening: Promise<IDBDatabase> | null = null;

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of ['records', 'queue', 'meta'])
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: 'k' });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab wiping the copy (sign-out) must not be blocked by this one holding it open.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return opening;
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const completion = (t: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    t.oncomplete = () => resolve();
    t.onerror = t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
  });

async function tx<T>(store: StoreName, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  const t = db.transaction(store, mode);
  const complete = completion(t);
  const out = await done(run(t.objectStore(store)));
  // A write counts once it is committed: a phone switched off right after still has it.
  if (mode === 'readwrite') await complete;
  else complete.catch(() => undefined);
  return out;
}

export interface Row {
  k: string;
  [field: string]: unknown;
}

export const idbGet = <T extends Row>(store: StoreName, k: string) => tx(store, 'readonly', (s) => s.get(k) as IDBRequest<T | undefined>);
export const idbAll = <T extends Row>(store: StoreName) => tx(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>);
export const idbPut = (store: StoreName, row: Row) => tx(store, 'readwrite', (s) => s.put(row)).then(() => undefined);
export const idbDelete = (store: StoreName, k: string) => tx(store, 'readwrite', (s) => s.delete(k)).then(() => undefined);

/** Puts `rows` and removes every other row whose key starts with `prefix`, in one transaction. */
export async function idbReplace(store: StoreName, prefix: string, rows: Row[]): Promise<void> {
  const db = await openDb();
  const t = db.transaction(store, 'readwrite');
  const complete = completion(t);
  const s = t.objectStore(store);
  const keep = new Set(rows.map((r) => r.k));
  const keys = await done(s.getAllKeys());
  for (const k of keys) if (typeof k === 'string' && k.startsWith(prefix) && !keep.has(k)) s.delete(k);
  for (const r of rows) s.put(r);
  await complete;
}

/** Removes the whole database (sign-out, session ended). Resolves even when another tab is slow to let go. */
export async function idbDestroy(): Promise<void> {
  if (typeof indexedDB === 'undefined') return; // no IndexedDB (an old browser, a test without one): nothing kept
  if (opening) {
    try {
      (await opening).close();
    } catch {
      // never opened
    }
    opening = null;
  }
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = req.onerror = () => resolve();
    req.onblocked = () => resolve();
  });
}
