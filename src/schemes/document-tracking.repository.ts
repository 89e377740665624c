import { and, asc, count, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { permittedColumns, rowsWhere } from '../access/fields';
import { family } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { documentRequest } from './schemes.schema';

export type DocumentRequestRow = typeof documentRequest.$inferSelect;

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
