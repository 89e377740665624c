import { seal, unseal, type Sealed } from './crypto';
import { idbAll, idbDelete, idbDestroy, idbGet, idbPut, idbReplace, type Row } from './idb';
import { forgetSessionKey, sessionKey, type SessionKey } from './session-key';

/**
 * The phone's copy of the worker's village and the changes she made on it, sealed with the
 * session's key. `records` hold what the server last said (child:, family:, case:, task:), the
 * queue holds her changes with the version each was made on (sync.ts sends them), `meta` whose
 * copy it is. Nothing is overwritten here: a change stays in the queue until the server took it
 * or she chose, on the conflict screen, what to keep.
 */
export type RecordType = 'child' | 'family' | 'case' | 'task';

export type ChangeStatus = 'pending' | 'conflict' | 'rejected';
interface ChangeBase {
  id: string;
  /** Order of making: changes go to the server in this order. */
  seq: number;
  madeAt: string;
  status: ChangeStatus;
  /** Why the server refused it (400/403/409 other than a version), to show her. */
  error?: { status: number; code: string; message: string; fields: string[] };
}
/** An edit of a child: the form as it was (base, at baseVersion) and as she left it. */
export interface ChildEdit extends ChangeBase {
  kind: 'child.edit';
  recordId: string;
  baseVersion: number;
  base: Record<string, string>;
  values: Record<string, string>;
  /** The server's record when it answered 409: shown beside hers. */
  theirs?: Record<string, unknown> & { version: number };
}
/** A new child in one of the village's families (the form's create payload). */
export interface ChildCreate extends ChangeBase {
  kind: 'child.create';
  familyId: string;
  payload: Record<string, unknown>;
}
/** A visit note on a case (an appended `note` action, sent with the case version it was written on). */
export interface CaseNote extends ChangeBase {
  kind: 'case.note';
  caseId: string;
  childId: string | null;
  baseVersion: number;
  text: string;
  /** 409: the case's version now and what was recorded on it since hers. */
  theirs?: { version: number; since: { seq: number; type: string; at: string }[] };
}
/**
 * A vulnerability assessment of a family: a new record, appended (the family's record is not
 * changed by it), so it carries no version and cannot overwrite anyone's work.
 */
export interface FamilyAssessment extends ChangeBase {
  kind: 'family.assessment';
  familyId: string;
  payload: Record<string, unknown>;
}
/** A village vulnerability-mapping survey: also a new record, appended, without a version. */
export interface VillageSurvey extends ChangeBase {
  kind: 'village.survey';
  villageId: string;
  payload: Record<string, unknown>;
}
export type Change = ChildEdit | ChildCreate | CaseNote | FamilyAssessment | VillageSurvey;

type SealedRow = Row & Sealed;
const OWNER = 'owner';
const CANARY = 'samanvay-offline';

const listeners = new Set<() => void>();
/** Screens re-read the copy when it changes (a sync, a change made in another screen). */
export function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
export function notify() {
  for (const fn of listeners) fn();
}

/** Raised by wipeOffline: a vault opened before the wipe must not write (and so re-create) the database after it. */
let generation = 0;

export class Vault {
  private readonly generation = generation;
  constructor(private readonly sk: SessionKey) {}

  private live() {
    if (this.generation !== generation) throw new Error('the offline copy was wiped');
  }

  get sessionId() {
    return this.sk.sessionId;
  }

  private async sealRow(k: string, value: unknown): Promise<SealedRow> {
    return { k, ...(await seal(this.sk.key, k, value)) };
  }

  async putRecords<T extends { id: string }>(type: RecordType, items: T[]): Promise<void> {
    this.live();
    const rows = await Promise.all(items.map((it) => this.sealRow(`${type}:${it.id}`, it)));
    await idbReplace('records', `${type}:`, rows);
  }

  async putRecord<T extends { id: string }>(type: RecordType, item: T): Promise<void> {
    this.live();
    await idbPut('records', await this.sealRow(`${type}:${item.id}`, item));
  }

  async records<T>(type: RecordType): Promise<T[]> {
    this.live();
    const rows = (await idbAll<SealedRow>('records')).filter((r) => r.k.startsWith(`${type}:`));
    return Promise.all(rows.map((r) => unseal<T>(this.sk.key, r.k, r)));
  }

  async record<T>(type: RecordType, id: string): Promise<T | null> {
    this.live();
    const k = `${type}:${id}`;
    const row = await idbGet<SealedRow>('records', k);
    return row ? unseal<T>(this.sk.key, k, row) : null;
  }

  async queue(): Promise<Change[]> {
    this.live();
    const rows = await idbAll<SealedRow>('queue');
    const changes = await Promise.all(rows.map((r) => unseal<Change>(this.sk.key, `queue:${r.k}`, r)));
    return changes.sort((a, b) => a.seq - b.seq);
  }

  async putChange(c: Change): Promise<void> {
    this.live();
    await idbPut('queue', { k: c.id, ...(await seal(this.sk.key, `queue:${c.id}`, c)) });
    notify();
  }

  async dropChange(id: string): Promise<void> {
    this.live();
    await idbDelete('queue', id);
    notify();
  }

  async meta<T>(name: string): Promise<T | null> {
    this.live();
    const k = `meta:${name}`;
    const row = await idbGet<SealedRow>('meta', k);
    return row ? unseal<T>(this.sk.key, k, row) : null;
  }

  async setMeta(name: string, value: unknown): Promise<void> {
    this.live();
    const k = `meta:${name}`;
    await idbPut('meta', await this.sealRow(k, value));
  }
}

let opened: Promise<Vault | null> | null = null;

/**
 * The copy for this session, or null when no key is at hand (a restart without signal). A copy
 * sealed under another session (someone signed out without the wipe running) cannot be opened:
 * it is removed, as sign-out would have.
 */
export function openVault(ask: boolean): Promise<Vault | null> {
  if (opened) return opened;
  const gen = generation;
  const attempt = (async () => {
    const sk = await sessionKey(ask);
    if (!sk || gen !== generation) return null;
    const owner = await idbGet<SealedRow & { sessionId: string }>('meta', OWNER);
    const ours = !!owner && owner.sessionId === sk.sessionId && (await unseal<string>(sk.key, OWNER, owner).catch(() => null)) === CANARY;
    if (!ours) {
      if (owner) await idbDestroy();
      await idbPut('meta', { k: OWNER, sessionId: sk.sessionId, ...(await seal(sk.key, OWNER, CANARY)) });
    }
    return new Vault(sk);
  })();
  opened = attempt.then((v) => {
    if (!v) opened = null;
    return v;
  });
  attempt.catch(() => {
    opened = null;
  });
  return opened;
}

/** Sign-out and an ended session: the copy, the queue and the key go. */
export async function wipeOffline(): Promise<void> {
  generation++;
  opened = null;
  forgetSessionKey();
  await idbDestroy();
  notify();
}
