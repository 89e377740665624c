import { useCallback, useEffect, useRef, useState } from 'react';
import { useCan, useMe } from '../../auth/session';
import { keepLoadedAssets } from '../../offline/register-sw';
import { holdMe } from '../../offline/session-key';
import { openVault, subscribe, type Change, type Vault } from '../../offline/store';
import { syncNow, type SyncInfo } from '../../offline/sync';
import type { ChildSummary } from '../registry/types';

/** What the screens read from the copy on the phone. */
export interface OfflineChild extends ChildSummary {
  otherNames?: string[];
  school?: string | null;
  healthNotes?: string | null;
  disability?: string | null;
}
export interface OfflineFamily {
  id: string;
  headName: string;
  headNameLocal: string | null;
  villageId: string | null;
  version: number;
}
export interface OfflineCase {
  id: string;
  number: number;
  childId: string | null;
  status: string;
  version: number;
}
export interface OfflineTask {
  id: string;
  caseId: string;
  caseNumber: number;
  kind: string;
  dueAt: string;
  overdue: boolean;
  childName: string;
  childNameLocal?: string | null;
}

export interface Village {
  state: 'opening' | 'locked' | 'ready' | 'error';
  vault: Vault | null;
  children: OfflineChild[];
  families: OfflineFamily[];
  cases: OfflineCase[];
  tasks: OfflineTask[];
  queue: Change[];
  sync: SyncInfo | null;
  online: boolean;
  syncing: boolean;
  syncError: boolean;
  /** Send her changes, then bring the copy up to date. */
  /** `fresh`: asked by the user now, so not satisfied by a run that started before. */
  syncNow(fresh?: boolean): Promise<void>;
}

const empty = { children: [], families: [], cases: [], tasks: [], queue: [], sync: null };

function useOnline() {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * The copy of the village, re-read whenever it changes, and sent/refreshed whenever the
 * connection comes (back): on opening the screen, on the browser's `online` event, on the button.
 */
export function useVillage(): Village {
  const me = useMe();
  const can = useCan();
  const online = useOnline();
  const [vault, setVault] = useState<Vault | null>(null);
  const [state, setState] = useState<Village['state']>('opening');
  const [data, setData] = useState<Omit<Village, 'state' | 'vault' | 'online' | 'syncing' | 'syncError' | 'syncNow'>>(empty);
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState(false);
  const cases = can('cases.read');

  const read = useCallback(async (v: Vault) => {
    const [children, families, caseRows, tasks, queue, sync] = await Promise.all([
      v.records<OfflineChild>('child'),
      v.records<OfflineFamily>('family'),
      v.records<OfflineCase>('case'),
      v.records<OfflineTask>('task'),
      v.queue(),
      v.meta<SyncInfo>('sync'),
    ]);
    const byName = (a: { name?: string; headName?: string }, b: { name?: string; headName?: string }) =>
      (a.name ?? a.headName ?? '').localeCompare(b.name ?? b.headName ?? '');
    setData({
      children: children.sort(byName),
      families: families.sort(byName),
      cases: caseRows,
      tasks: tasks.sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
      queue,
      sync,
    });
  }, []);

  // Open the copy: with signal the server gives the key; without, only a key this tab holds opens it.
  const opening = useRef(false);
  useEffect(() => {
    if (vault || opening.current) return;
    opening.current = true;
    openVault(navigator.onLine)
      .then(async (v) => {
        if (!v) return setState('locked');
        holdMe(me);
        await read(v);
        setVault(v);
        setState('ready');
      })
      .catch(() => setState(navigator.onLine ? 'error' : 'locked'))
      .finally(() => {
        opening.current = false;
      });
  }, [vault, online, me, read]);

  useEffect(() => (vault ? subscribe(() => void read(vault).catch(() => undefined)) : undefined), [vault, read]);

  const run = useCallback(
    async (fresh = false) => {
      if (!vault) return;
      setSyncing(true);
      try {
        await syncNow(vault, { cases }, { fresh });
        setSyncError(false);
        void keepLoadedAssets();
      } catch {
        setSyncError(true);
      } finally {
        setSyncing(false);
      }
    },
    [vault, cases],
  );

  // Whenever there is signal: on opening, and each time it comes back.
  useEffect(() => {
    if (vault && online) void run();
  }, [vault, online, run]);

  return { state, vault, ...data, online, syncing, syncError, syncNow: run };
}
