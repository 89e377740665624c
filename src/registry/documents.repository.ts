import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { document, documentEvent } from './registry.schema';
// The history table is shared with the schemes module's document tracking (migrations/0300).

export type DocumentRow = typeof document.$inferSelect;
export type DocumentEventRow = typeof documentEvent.$inferSelect;

/** Documents of one child, or of a family (family-level and its children's). Callers check visibility first. */
export function documentsOf(db: Db, owner: { childId?: string; familyId?: string }) {
  if (owner.childId) return db.select().from(document).where(eq(document.childId, owner.childId));
  return db.select().from(document).where(eq(document.familyId, owner.familyId!));
}

function ownerWhere(key: { familyId: string | null; childId: string | null; docType: string }) {
  return and(
    eq(document.docType, key.docType),
    key.childId ? eq(document.childId, key.childId) : and(isNull(document.childId), eq(document.familyId, key.familyId!)),
  );
}

/** The owner's row for a document type, locked for the rest of the transaction. */
export async function lockDocumentOf(
  db: Db,
  key: { familyId: string | null; childId: string | null; docType: string },
): Promise<DocumentRow | null> {
  const [row] = await db.select().from(document).where(ownerWhere(key)).orderBy(asc(document.updatedAt)).limit(1).for('update');
  return row ?? null;
}

/** One row per owner and document type: the latest status wins. */
export async function upsertDocument(
  db: Db,
  key: { familyId: string | null; childId: string | null; docType: string; stateCode: number; districtCode: number },
  values: Partial<typeof document.$inferInsert>,
) {
  const [existing] = await db.select({ id: document.id }).from(document).where(ownerWhere(key));
  if (existing) {
    const [row] = await db
      .update(document)
      .set({ ...values, updatedAt: new Date(), version: sql`${document.version} + 1` })
      .where(eq(document.id, existing.id))
      .returning();
    return row;
  }
  const [row] = await db
    .insert(document)
    .values({ ...key, status: values.status!, ...values })
    .returning();
  return row;
}

/** Appends one status change to the document's history (append-only). */
export async function insertDocumentHistory(db: Db, values: typeof documentEvent.$inferInsert) {
  await db.insert(documentEvent).values(values);
}

// What the schemes module's document tracking uses (it moves a document's status through the registry,
// never by writing the registry's tables itself).

/** The document row of one owner and type (a child's own, or the family's household one). Callers check visibility first. */
export async function documentOf(
  db: Db,
  owner: { familyId: string | null; childId: string | null },
  docType: string,
): Promise<DocumentRow | null> {
  const where = owner.childId
    ? and(eq(document.childId, owner.childId), eq(document.docType, docType))
    : and(isNull(document.childId), eq(document.familyId, owner.familyId!), eq(document.docType, docType));
  const [row] = await db.select().from(document).where(where).orderBy(asc(document.updatedAt)).limit(1);
  return row ?? null;
}

export async function insertDocument(db: Db, values: typeof document.$inferInsert) {
  const [row] = await db.insert(document).values(values).returning();
  return row;
}

/** Optimistic update of a document's status (only at the version the client saw). */
export async function updateDocument(db: Db, id: string, version: number, set: Partial<typeof document.$inferInsert>) {
  const [row] = await db
    .update(document)
    .set({ ...set, updatedAt: new Date(), version: sql`${document.version} + 1` })
    .where(and(eq(document.id, id), eq(document.version, version)))
    .returning();
  return row ?? null;
}

export function eventsOfDocuments(db: Db, documentIds: string[]) {
  if (!documentIds.length) return Promise.resolve([] as DocumentEventRow[]);
  return db.select().from(documentEvent).where(inArray(documentEvent.documentId, documentIds)).orderBy(asc(documentEvent.seq));
}
