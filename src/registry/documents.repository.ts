import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { document } from './registry.schema';

export type DocumentRow = typeof document.$inferSelect;

/** Documents of one child, or of a family (family-level and its children's). Callers check visibility first. */
export function documentsOf(db: Db, owner: { childId?: string; familyId?: string }) {
  if (owner.childId) return db.select().from(document).where(eq(document.childId, owner.childId));
  return db.select().from(document).where(eq(document.familyId, owner.familyId!));
}

/** One row per owner and document type: the latest status wins. */
export async function upsertDocument(
  db: Db,
  key: { familyId: string | null; childId: string | null; docType: string; stateCode: number; districtCode: number },
  values: Partial<typeof document.$inferInsert>,
) {
  const where = and(
    eq(document.docType, key.docType),
    key.childId ? eq(document.childId, key.childId) : and(isNull(document.childId), eq(document.familyId, key.familyId!)),
  );
  const [existing] = await db.select({ id: document.id }).from(document).where(where);
  if (existing) {
    const [row] = await db
      .update(document)
      .set({ ...values, updatedAt: new Date(), version: sql`${document.version} + 1` })
      .where(eq(document.id, existing.id))
      .returning();
    return row;
  }
  const [row] = await db.insert(document).values({ ...key, status: values.status!, ...values }).returning();
  return row;
}
