import { api, ApiError, ConflictError, request } from '../api/client';
import { childPatchPayload, type ChildFormValues } from '../features/registry/children/childForm.model';
import {
  notify,
  openVault,
  type CaseNote,
  type Change,
  type ChildCreate,
  type ChildEdit,
  type FamilyAssessment,
  type Vault,
  type VillageSurvey,
} from './store';

/**
 * Bringing the copy and the server together when there is signal.
 * Up first: her changes go in the order she made them, each with the version it was made on.
 * The server's 409 on a stale version becomes a conflict for her to resolve (nothing is
 * overwritten and nothing dropped); any other refusal stays in the queue with its reason.
 * A lost connection stops the run and leaves the rest queued. Then down: the village as the
 * server has it now (what she may see: the lists apply the permitted-fields policy and audit it).
 */
const PAGE = 100;
/** A village has tens of children; a larger jurisdiction gets its first pages only (said on screen). */
const MAX_PAGES = 10;

interface Page<T> {
  items: T[];
  total: number;
}

async function all<T>(path: string, query: Record<string, string | number> = {}): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await api.get<Page<T>>(path, { ...query, page, pageSize: PAGE });
    items.push(...res.items);
    total = res.total;
    if (items.length >= total || res.items.length < PAGE) break;
  }
  return { items, total };
}

export interface SyncInfo {
  at: string;
  children: number;
  childrenTotal: number;
  families: number;
  cases: number;
  tasks: number;
}

export async function syncDown(vault: Vault, can: { cases: boolean }): Promise<SyncInfo> {
  // The assessment instrument (questions and scale), so an assessment can be filled in without signal.
  await vault.setMeta('instrument', await api.get('/assessment-instrument'));
  const children = await all<{ id: string }>('/children');
  const families = await all<{ id: string }>('/families');
  const cases = can.cases ? await all<{ id: string }>('/cases', { status: 'open' }) : { items: [], total: 0 };
  const tasks = can.cases
    ? await all<{ caseId: string; kind: string; dueAt: string }>('/tasks', { scope: 'mine' })
    : { items: [], total: 0 };
  await vault.putRecords('child', children.items);
  await vault.putRecords('family', families.items);
  await vault.putRecords('case', cases.items);
  await vault.putRecords(
    'task',
    tasks.items.map((t) => ({ ...t, id: `${t.caseId}:${t.kind}:${t.dueAt}` })),
  );
  const info: SyncInfo = {
    at: new Date().toISOString(),
    children: children.items.length,
    childrenTotal: children.total,
    families: families.items.length,
    cases: cases.items.length,
    tasks: tasks.items.length,
  };
  await vault.setMeta('sync', info);
  notify();
  return info;
}

const refusal = (e: ApiError) => ({ status: e.status, code: e.code, message: e.message, fields: e.issues.map((i) => i.field) });
const offline = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500);

async function sendChildEdit(vault: Vault, c: ChildEdit) {
  const payload = childPatchPayload(c.base as ChildFormValues, c.values as ChildFormValues, c.baseVersion);
  if (Object.keys(payload).length === 1) return vault.dropChange(c.id); // nothing left to change
  try {
    const saved = await api.patch<{ id: string; version: number }>(`/children/${c.recordId}`, payload);
    await vault.putRecord('child', saved);
    // She may have edited again while this was on its way: that edit stays, now on the saved version.
    const now = (await vault.queue()).find((q): q is ChildEdit => q.id === c.id);
    if (now && JSON.stringify(now.values) !== JSON.stringify(c.values)) {
      await vault.putChange({ ...now, base: c.values, baseVersion: saved.version });
    } else await vault.dropChange(c.id);
  } catch (e) {
    if (e instanceof ConflictError) {
      const theirs = e.current as ChildEdit['theirs'] & { id: string };
      await vault.putRecord('child', theirs);
      return vault.putChange({ ...c, status: 'conflict', theirs, error: undefined });
    }
    if (offline(e)) throw e;
    if (e instanceof ApiError) return vault.putChange({ ...c, status: 'rejected', error: refusal(e) });
    throw e;
  }
}

/** A new record (a child, an assessment, a survey): nothing on the server to be stale against, so no version. */
async function sendNew(vault: Vault, c: ChildCreate | FamilyAssessment | VillageSurvey, path: string) {
  try {
    const saved = await api.post<{ id: string; version?: number }>(path, c.payload);
    if (c.kind === 'child.create') await vault.putRecord('child', saved);
    await vault.dropChange(c.id);
  } catch (e) {
    if (offline(e)) throw e;
    if (e instanceof ApiError) return vault.putChange({ ...c, status: 'rejected', error: refusal(e) });
    throw e;
  }
}

async function sendCaseNote(vault: Vault, c: CaseNote) {
  try {
    // clientId: a note sent twice (the answer lost on the way back) is recorded once.
    const saved = await api.post<{ id: string; version: number }>(`/cases/${c.caseId}/actions`, {
      type: 'note',
      text: c.text,
      version: c.baseVersion,
      clientId: c.id,
    });
    const listed = await vault.record<Record<string, unknown>>('case', c.caseId);
    if (listed) await vault.putRecord('case', { ...listed, id: c.caseId, version: saved.version });
    await vault.dropChange(c.id);
    // Her other notes on this case were written on the same version: the only change since is this note of hers.
    for (const q of await vault.queue()) {
      if (q.kind === 'case.note' && q.caseId === c.caseId && q.status === 'pending' && q.baseVersion === c.baseVersion) {
        await vault.putChange({ ...q, baseVersion: saved.version });
      }
    }
  } catch (e) {
    if (e instanceof ConflictError) {
      // What was recorded on the case since her version, to show beside her note.
      const now = await request<{ version: number; history?: { seq: number; type: string; at: string }[] }>('GET', `/cases/${c.caseId}`);
      const since = (now.history ?? []).filter((h) => h.seq > c.baseVersion).map(({ seq, type, at }) => ({ seq, type, at }));
      return vault.putChange({ ...c, status: 'conflict', theirs: { version: now.version, since }, error: undefined });
    }
    if (offline(e)) throw e;
    if (e instanceof ApiError) return vault.putChange({ ...c, status: 'rejected', error: refusal(e) });
    throw e;
  }
}

export async function syncUp(vault: Vault): Promise<void> {
  for (const c of await vault.queue()) {
    if (c.status !== 'pending') continue;
    if (c.kind === 'child.edit') await sendChildEdit(vault, c);
    else if (c.kind === 'child.create') await sendNew(vault, c, '/children');
    else if (c.kind === 'family.assessment') await sendNew(vault, c, `/families/${c.familyId}/assessments`);
    else if (c.kind === 'village.survey') await sendNew(vault, c, `/villages/${encodeURIComponent(c.villageId)}/surveys`);
    else await sendCaseNote(vault, c);
  }
}

let running: Promise<SyncInfo | null> | null = null;
let again: Promise<SyncInfo | null> | null = null;

/**
 * One run at a time (the `online` event, the button and a new change may all ask at once).
 * `fresh` is the user pressing "Send and refresh now": a run already under way may have asked
 * the server before the press, so she gets one more run after it, not a share of the old one.
 */
export function syncNow(vault: Vault, can: { cases: boolean }, opts: { fresh?: boolean } = {}): Promise<SyncInfo | null> {
  if (running && opts.fresh) {
    again ??= running
      .catch(() => null)
      .then(() => {
        again = null;
        return syncNow(vault, can);
      });
    return again;
  }
  running ??= (async () => {
    try {
      await syncUp(vault);
      const info = await syncDown(vault, can);
      await syncUp(vault); // what she saved while this ran
      return info;
    } finally {
      running = null;
    }
  })();
  return running;
}

export type { Change };

/**
 * Before signing out (which wipes the copy): send what can be sent. Returns how many changes
 * are still not on the server (no signal, a conflict, a refusal), for the sign-out to warn.
 */
export async function sendBeforeSignOut(): Promise<number> {
  try {
    const vault = await openVault(false);
    if (!vault) return 0;
    await syncUp(vault).catch(() => undefined);
    return (await vault.queue()).length;
  } catch {
    return 0;
  }
}
