import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../tests/support/db';
import type { ScratchDatabase } from './scratch';
import { child } from '../registry/registry.schema';
import { placeholderAs, preparedOnce } from './prepared';

// A query built once must answer each execution for its own values, in turn and at the same time:
// a case's history or a child's row for another id would be a disclosure, not a slowness.
let d: ScratchDatabase;
beforeAll(async () => {
  d = await createTestDatabase({ demo: true });
});
afterAll(() => d?.drop());

describe('a query built once, executed for other values', () => {
  it('returns each id its own row, one after the other and concurrently', async () => {
    const ids = (await d.db.select({ id: child.id }).from(child).orderBy(asc(child.id)).limit(12)).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(5);
    const byId = (id: string) =>
      preparedOnce(d.db, 'test.child-by-id', () =>
        d.db
          .select({ id: child.id })
          .from(child)
          .where(eq(child.id, placeholderAs('id', child.id))),
      ).execute({ id }) as Promise<{ id: string }[]>;
    for (const id of ids) expect(await byId(id)).toEqual([{ id }]);
    const together = await Promise.all(ids.map(byId));
    expect(together).toEqual(ids.map((id) => [{ id }]));
  });

  it('in a transaction: built once for the database, sent on the connection of the transaction', async () => {
    // A query first built inside a transaction, then used by another transaction and by the database, then
    // by a transaction again: each sees its own transaction's uncommitted row (it runs on that connection),
    // the database the committed one.
    const [{ id }] = await d.db.select({ id: child.id }).from(child).orderBy(asc(child.id)).limit(1);
    let built = 0;
    const nameOf = (db: typeof d.db) =>
      preparedOnce(db, 'test.child-name', () => {
        built++;
        return db
          .select({ name: child.name })
          .from(child)
          .where(eq(child.id, placeholderAs('id', child.id)));
      }).execute({ id }) as Promise<{ name: string }[]>;
    const [before] = await d.db.select({ name: child.name }).from(child).where(eq(child.id, id));
    const renamedIn = (name: string) =>
      d.db
        .transaction(async (tx) => {
          await tx.update(child).set({ name }).where(eq(child.id, id));
          const seen = await nameOf(tx);
          throw Object.assign(new Error('rollback'), { seen });
        })
        .catch((e: { seen?: unknown }) => e.seen);
    expect(await renamedIn('Prepared Once A')).toEqual([{ name: 'Prepared Once A' }]);
    expect(await renamedIn('Prepared Once B')).toEqual([{ name: 'Prepared Once B' }]);
    expect(await nameOf(d.db)).toEqual([{ name: before.name }]);
    // Run by the pool, then by a transaction's connection: node-postgres wrote the pool's callback into
    // the query's config; the transaction must still get its own answer.
    expect(await nameOf(d.db)).toEqual([{ name: before.name }]);
    expect(await renamedIn('Prepared Once C')).toEqual([{ name: 'Prepared Once C' }]);
    expect(built).toBe(1);
  });
});
