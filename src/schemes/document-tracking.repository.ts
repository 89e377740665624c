import { and, asc, count, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { permittedColumns, rowsWhere } from '../access/fields';
import { document, family } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { documentRequest } from './schemes.schema';
import { documentEvent } from '../registry/registry.schema';

export type DocumentRow = typeof document.$inferSelect;
export type DocumentEventRow = typeof documentEvent.$inferSelect;
export type DocumentRequestRow = typeof documentRequest.$inferSelect;

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

export async function insertDocumentEvent(db: Db, values: typeof documentEvent.$inferInsert) {
  await db.insert(documentEvent).values(values);
}

export function eventsOfDocuments(db: Db, documentIds: string[]) {
  if (!documentIds.length) return Promise.resolve([] as DocumentEventRow[]);
  return db.select().from(documentEvent).where(inArray(documentEvent.documentId, documentIds)).orderBy(asc(documentEvent.seq));
}

/**
 * The requests the actor may see (src/access/fields.ts): those in the jurisdiction; for a
 * department nodal officer, only those addressed to their own department (JJ Act 2015 s.74).
 */
export const visibleRequest = (actor: Actor) =>
  rowsWhere(actor, 'documentRequest', { ...documentRequest, department: documentRequest.department });

export async function getRequest(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(documentRequest)
    .where(and(eq(documentRequest.id, id), visibleRequest(actor)));
  return row ?? null;
}

export async function insertRequest(db: Db, values: typeof documentRequest.$inferInsert) {
  const [row] = await db.insert(documentRequest).values(values).returning();
  return row;
}

export async function updateRequest(db: Db, actor: Actor, id: string, version: number, set: Partial<typeof documentRequest.$inferInsert>) {
  const [row] = await db
    .update(documentRequest)
    .set({ ...set, updatedAt: new Date(), version: sql`${documentRequest.version} + 1` })
    .where(and(eq(documentRequest.id, id), eq(documentRequest.version, version), visibleRequest(actor)))
    .returning();
  return row ?? null;
}

export async function openRequestFor(db: Db, owner: { familyId: string; childId: string | null }, docType: string) {
  const [row] = await db
    .select()
    .from(documentRequest)
    .where(
      and(
        eq(documentRequest.familyId, owner.familyId),
        owner.childId ? eq(documentRequest.childId, owner.childId) : isNull(documentRequest.childId),
        eq(documentRequest.docType, docType),
        eq(documentRequest.status, 'open'),
      ),
    );
  return row ?? null;
}

/** Closes the open requests for a document once it is in hand. Returns their ids. */
export async function closeRequestsFor(
  db: Db,
  owner: { familyId: string; childId: string | null },
  docType: string,
  on: string,
  result: string,
) {
  const rows = await db
    .update(documentRequest)
    .set({ status: 'done', closedOn: on, result, updatedAt: new Date(), version: sql`${documentRequest.version} + 1` })
    .where(
      and(
        eq(documentRequest.familyId, owner.familyId),
        owner.childId ? eq(documentRequest.childId, owner.childId) : isNull(documentRequest.childId),
        eq(documentRequest.docType, docType),
        eq(documentRequest.status, 'open'),
      ),
    )
    .returning({ id: documentRequest.id });
  return rows.map((r) => r.id);
}

export function requestsOfFamily(db: Db, familyId: string) {
  return db
    .select()
    .from(documentRequest)
    .where(eq(documentRequest.familyId, familyId))
    .orderBy(asc(documentRequest.requestedOn), asc(documentRequest.id));
}

export interface RequestFilter {
  department?: string;
  status?: string;
  overdueOn?: string;
  area?: SQL;
}

export function requestConditions(actor: Actor, f: RequestFilter): SQL {
  const conds: (SQL | undefined)[] = [visibleRequest(actor)];
  if (f.department) conds.push(eq(documentRequest.department, f.department));
  if (f.status) conds.push(eq(documentRequest.status, f.status as DocumentRequestRow['status']));
  if (f.overdueOn) conds.push(and(eq(documentRequest.status, 'open'), lt(documentRequest.dueOn, f.overdueOn)));
  if (f.area) conds.push(f.area);
  return and(...conds)!;
}

/** A request as the actor may receive it (permitted fields; the family head's initials under a non-disclosure order). */
export type PermittedRequestRow = Record<string, unknown> & {
  id: string;
  version: number;
  status: string;
  docType: string;
  dueOn: string;
  requestedOn: string;
  familyId: string;
  followUp: string;
  convergenceActionId: string | null;
  caseId: string | null;
  caseReferralId: string | null;
};

export async function listRequests(
  db: Db,
  actor: Actor,
  where: SQL,
  limit: number,
  offset: number,
  today: string,
): Promise<PermittedRequestRow[]> {
  const rows = await db
    .select(permittedColumns(actor, 'documentRequest', { today }))
    .from(documentRequest)
    .innerJoin(family, eq(family.id, documentRequest.familyId))
    .leftJoin(location, eq(location.id, documentRequest.villageId))
    .where(where)
    .orderBy(asc(documentRequest.dueOn), asc(documentRequest.id))
    .limit(limit)
    .offset(offset);
  return rows as PermittedRequestRow[];
}

/** One request as the actor may receive it. */
export async function readPermittedRequest(db: Db, actor: Actor, id: string, today: string): Promise<PermittedRequestRow | null> {
  const [row] = await listRequests(db, actor, and(eq(documentRequest.id, id), visibleRequest(actor))!, 1, 0, today);
  return row ?? null;
}

export async function countRequests(db: Db, where: SQL) {
  const [r] = await db.select({ n: count() }).from(documentRequest).where(where);
  return Number(r.n);
}
