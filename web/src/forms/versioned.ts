/**
 * Optimistic editing without losing anyone's work. An edit starts from a `base` (the record
 * as it was when the form opened); saving sends only the fields changed since then, with
 * base.version. When someone else saved first the server answers 409 with their version,
 * and these functions compare the three: what was there, what I typed, what they saved.
 */
export type Values = Record<string, unknown>;

const norm = (v: unknown): unknown => {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return [...v].map(String).sort();
  return v;
};
export const same = (a: unknown, b: unknown) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));

export function changedFields<V extends Values, F extends keyof V & string>(base: V, mine: V, fields: readonly F[]): F[] {
  return fields.filter((f) => !same(base[f], mine[f]));
}

export interface ConflictRow {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  mineChanged: boolean;
  theirsChanged: boolean;
  /** Both changed it, differently: the user must choose. */
  clash: boolean;
}

/** Every field where my version and theirs differ, or that either of us changed. */
export function conflictRows<V extends Values>(fields: readonly (keyof V & string)[], base: V, mine: V, theirs: V): ConflictRow[] {
  return fields
    .map((field) => {
      const mineChanged = !same(base[field], mine[field]);
      const theirsChanged = !same(base[field], theirs[field]);
      return {
        field,
        base: base[field],
        mine: mine[field],
        theirs: theirs[field],
        mineChanged,
        theirsChanged,
        clash: mineChanged && theirsChanged && !same(mine[field], theirs[field]),
      };
    })
    .filter((r) => r.mineChanged || r.theirsChanged);
}

/**
 * Their version with my changes put back on top, except the clashing fields where I chose
 * theirs. Fields only they changed keep their value; fields only I changed keep mine.
 */
export function reapply<V extends Values>(
  fields: readonly (keyof V & string)[],
  base: V,
  mine: V,
  theirs: V,
  keepTheirs: ReadonlySet<string> = new Set(),
): V {
  const out = { ...theirs };
  for (const f of changedFields(base, mine, fields)) if (!keepTheirs.has(f)) out[f] = mine[f];
  return out;
}
