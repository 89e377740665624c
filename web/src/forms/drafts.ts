import { useCallback, useState } from 'react';

/**
 * Unsaved form input, kept while someone types, so nothing is lost when the session ends
 * mid-form: after signing in again the same screen comes back with the text restored.
 *
 * sessionStorage, not localStorage: a draft belongs to one tab (two tabs editing the same
 * child must not overwrite each other's drafts), and on a shared office computer it goes
 * when the tab is closed. Keys carry the user id, so a colleague who signs in on the same
 * tab never sees someone else's draft.
 */
const PREFIX = 'samanvay.draft.';

export const draftStorageKey = (userId: string, formKey: string) => `${PREFIX}${userId}.${formKey}`;

interface Stored<T> {
  savedAt: string;
  value: T;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readDraft<T>(key: string): Stored<T> | null {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as Stored<T>) : null;
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, value: T) {
  try {
    storage()?.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), value }));
  } catch {
    // storage full or unavailable: the form still works, only the safety net is gone
  }
}

export function removeDraft(key: string) {
  storage()?.removeItem(key);
}

/** On an explicit sign-out: this user's drafts in this tab go too. */
export function clearDraftsOf(userId: string) {
  const s = storage();
  if (!s) return;
  const mine = `${PREFIX}${userId}.`;
  for (const k of Object.keys(s)) if (k.startsWith(mine)) s.removeItem(k);
}

/**
 * State that survives sign-out and reload. `key` null keeps it in memory only (tests, or a
 * form with nothing worth keeping). Only changes made by the user are stored.
 */
export function useDraft<T>(key: string | null, initial: () => T) {
  const [restored] = useState(() => (key ? readDraft<T>(key) : null));
  const [value, setValue] = useState<T>(() => restored?.value ?? initial());
  const [restoredAt, setRestoredAt] = useState<string | null>(restored?.savedAt ?? null);
  const set = useCallback(
    (next: T) => {
      setValue(next);
      if (key) writeDraft(key, next);
    },
    [key],
  );
  /** Forget the draft (after saving, or when the user discards it). */
  const reset = useCallback(
    (next: T) => {
      setValue(next);
      setRestoredAt(null);
      if (key) removeDraft(key);
    },
    [key],
  );
  return { value, set, reset, restoredAt };
}
