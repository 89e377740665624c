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
});
