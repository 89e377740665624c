import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { ActionEvent, ActionItem, ConvergenceDomain, DepartmentKind } from './domain';
import { convergenceAction, convergenceActionEvent } from './convergence.schema';

export type ActionRow = typeof convergenceAction.$inferSelect;
export type ActionEventRow = typeof convergenceActionEvent.$inferSelect;

export function toDomainEvent(e: ActionEventRow): ActionEvent {
  return e.type === 'complete'
    ? { type: 'complete', on: e.eventOn, by: e.byPerson, result: e.text }
    : { type: e.type, on: e.eventOn, by: e.byPerson, reason: e.text };
}

export function toDomainAction(a: ActionRow, events: ActionEventRow[]): ActionItem {
  return {
    id: a.id,
    groupId: a.groupId,
    meetingId: a.meetingId,
    assignedOn: a.assignedOn,
    caseRef: a.caseRef ?? undefined,
    familyId: a.familyId ?? undefined,
    domain: (a.domain ?? undefined) as ConvergenceDomain | undefined,
    description: a.description,
    department: a.department as DepartmentKind,
    officer: a.officer ?? undefined,
    dueDate: a.dueDate,
    events: events
      .filter((e) => e.actionId === a.id)
      .sort((x, y) => x.seq - y.seq)
      .map(toDomainEvent),
  };
}

export function eventsOf(db: Db, actionIds: string[]) {
  if (!actionIds.length) return Promise.resolve([] as ActionEventRow[]);
  return db
    .select()
    .from(convergenceActionEvent)
    .where(inArray(convergenceActionEvent.actionId, actionIds))
    .orderBy(asc(convergenceActionEvent.actionId), asc(convergenceActionEvent.seq));
}

/** Every action of the groups with its events (groups already access-checked). */
export async function actionsOfGroups(db: Db, groupIds: string[], extra?: SQL): Promise<{ rows: ActionRow[]; items: ActionItem[] }> {
  if (!groupIds.length) return { rows: [], items: [] };
  const rows = await db
    .select()
    .from(convergenceAction)
    .where(and(inArray(convergenceAction.groupId, groupIds), extra))
    .orderBy(asc(convergenceAction.assignedOn), asc(convergenceAction.id));
  const events = await eventsOf(
    db,
    rows.map((r) => r.id),
  );
  return { rows, items: rows.map((r) => toDomainAction(r, events)) };
}

export function listActions(db: Db, where: SQL, limit: number, offset: number) {
  return db
    .select()
    .from(convergenceAction)
    .where(where)
    .orderBy(asc(convergenceAction.dueDate), desc(convergenceAction.assignedOn), asc(convergenceAction.id))
    .limit(limit)
    .offset(offset);
}

export async function countActions(db: Db, where: SQL): Promise<number> {
  const [r] = await db.select({ n: count() }).from(convergenceAction).where(where);
  return Number(r.n);
}

export async function getAction(db: Db, where: SQL): Promise<ActionRow | null> {
  const [row] = await db.select().from(convergenceAction).where(where);
  return row ?? null;
}

export async function lockAction(db: Db, id: string): Promise<ActionRow | null> {
  const [row] = await db.select().from(convergenceAction).where(eq(convergenceAction.id, id)).for('update');
  return row ?? null;
}

export async function insertActions(db: Db, values: (typeof convergenceAction.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(convergenceAction).values(values).returning();
}

export async function insertEvent(db: Db, values: typeof convergenceActionEvent.$inferInsert) {
  await db.insert(convergenceActionEvent).values(values);
}

export async function updateActionProjection(db: Db, id: string, set: Partial<typeof convergenceAction.$inferInsert>) {
  const [row] = await db
    .update(convergenceAction)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(convergenceAction.id, id))
    .returning();
  return row!;
}
