import { conflict, notFound } from '../http/errors';

/**
 * The care services' one shape for changing a versioned record: the caller selects the row with
 * its access rule and `.for('update')` (so nothing else changes it until the transaction ends),
 * this checks it exists (404: never say a record outside the jurisdiction exists) and that the
 * caller saw its current version (409 with the record as it is now, so the screen can show it);
 * the caller then updates with `version + 1` and audits. Optimistic versioning as in
 * docs/CONTRIBUTING.md.
 */
export async function lockedAtVersion<R extends { version: number }>(
  locked: PromiseLike<R[]>,
  version: number,
  what: { name: string; changed: string; current: (row: R) => unknown },
): Promise<R> {
  const [row] = await locked;
  if (!row) throw notFound(what.name);
  if (row.version !== version) throw conflict(what.changed, what.current(row));
  return row;
}
