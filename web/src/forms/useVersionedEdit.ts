import { useEffect, useState } from 'react';
import { useDraft } from './drafts';
import { conflictRows, reapply, type ConflictRow } from './versioned';

/**
 * Editing a versioned record (child, family): the draft keeps both what the user typed and
 * the version they started from, so a save after signing in again (or after a day away)
 * still knows what "their changes" are. A 409, or a draft older than the record, opens
 * the conflict view.
 */
export function useVersionedEdit<R extends { version: number }, V extends Record<string, unknown>>(opts: {
  draftKey: string;
  record: R;
  toForm: (r: R) => V;
  fields: readonly (keyof V & string)[];
}) {
  const { draftKey, record, toForm, fields } = opts;
  const draft = useDraft<{ base: R; values: V }>(draftKey, () => ({ base: record, values: toForm(record) }));
  const [theirs, setTheirs] = useState<R | null>(null);
  // Remounts the form when its values are replaced from outside (reapply, take theirs).
  const [formKey, setFormKey] = useState(0);
  const { base, values } = draft.value;

  // A restored draft started from an older version: show what changed meanwhile.
  useEffect(() => {
    if (draft.restoredAt && base.version !== record.version) setTheirs(record);
    // Only when the screen opens.
  }, []);

  const baseForm = toForm(base);
  const rows: ConflictRow[] = theirs ? conflictRows(fields, baseForm, values, toForm(theirs)) : [];

  return {
    base,
    baseForm,
    values,
    formKey,
    restoredAt: draft.restoredAt,
    theirs,
    rows,
    setValues: (v: V) => draft.set({ base, values: v }),
    /** The server said 409: this is their version. */
    conflict: (current: R) => setTheirs(current),
    /** Their version becomes the base; my changes (except those I gave up) go on top. */
    reapply: (keepTheirs: Set<string>) => {
      if (!theirs) return;
      draft.set({ base: theirs, values: reapply(fields, baseForm, values, toForm(theirs), keepTheirs) });
      setTheirs(null);
      setFormKey((k) => k + 1);
    },
    takeTheirs: () => {
      if (!theirs) return;
      draft.reset({ base: theirs, values: toForm(theirs) });
      setTheirs(null);
      setFormKey((k) => k + 1);
    },
    discard: () => {
      draft.reset({ base: record, values: toForm(record) });
      setTheirs(null);
      setFormKey((k) => k + 1);
    },
    saved: () => draft.reset({ base: record, values: toForm(record) }),
  };
}
