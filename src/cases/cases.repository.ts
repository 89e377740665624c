import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { actorStateWhere, type Actor, type Placement } from '../access/policy';
import { caseViewColumns, caseViewJoin, caseViewRow, permittedColumns } from '../access/fields';
import { child } from '../registry/registry.schema';
import { appUser, organisation } from '../users/users.schema';
import { caseAccessColumn, caseVisibleBranches, caseVisibleWhere, caseReferredWhere, type CaseAccess } from './cases.access';
import { caseAction, caseConvergenceFlag, caseDue, caseRecord, caseReferral } from './cases.schema';
import type { CaseAction, CaseState } from './domain';
import { istDayOf } from '../kernel/clock';
import { actorKey, placeholderAs, preparedOnce, preparedSql } from '../db/prepared';

/**
 * Case records, always read through the access rule (cases.access.ts) applied in SQL.
 * Writes happen inside the caller's transaction: the action row, then the projections.
 */
export type CaseRow = typeof caseRecord.$inferSelect;

export const caseSummary = {
  id: caseRecord.id,
  number: caseRecord.number,
  childId: caseRecord.childId,
  familyId: caseRecord.familyId,
  stateCode: caseRecord.stateCode,
  districtCode: caseRecord.districtCode,
  subdistrictCode: caseRecord.subdistrictCode,
  blockCode: caseRecord.blockCode,
  villageId: caseRecord.villageId,
  status: caseRecord.status,
  phase: caseRecord.phase,
  level: caseRecord.level,
  risk: caseRecord.risk,
  source: caseRecord.source,
  reportedOn: caseRecord.reportedOn,
  ownerUserId: caseRecord.ownerUserId,
  ownerUnitId: caseRecord.ownerUnitId,
  transferToUnitId: caseRecord.transferToUnitId,
  nextDueAt: caseRecord.nextDueAt,
  nextDueKind: caseRecord.nextDueKind,
  flags: caseRecord.flags,
  openedAt: caseRecord.openedAt,
  lastActionAt: caseRecord.lastActionAt,
  closedAt: caseRecord.closedAt,
  version: caseRecord.version,
  childName: child.name,
  childNameLocal: child.nameLocal,
  childSex: child.sex,
  childDob: child.dob,
};

export const placeOf = (r: Pick<CaseRow, 'stateCode' | 'districtCode' | 'subdistrictCode' | 'blockCode' | 'villageId'>): Placement => ({
  stateCode: r.stateCode,
  districtCode: r.districtCode,
  subdistrictCode: r.subdistrictCode,
  blockCode: r.blockCode,
  villageId: r.villageId,
});

// ---------------------------------------------------------------- writes

export async function insertCase(db: Db, values: typeof caseRecord.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(caseRecord).values(values).returning();
  return row;
}

/**
 * Locks the case row for the rest of the transaction: two actions on one case are
 * validated one after the other, each against the latest record (never lost, never
 * validated against a stale history). The actor's access to the case (the case rule,
 * caseAccessColumn) comes back in the same statement (issue #19). First in the actor's own
 * state, which a state-partitioned server plans against that state's partition only; a case in
 * another state (a transfer to the actor's unit, a referral) is then locked by id alone. Built
 * once per actor and in-state or not (src/db/prepared.ts); the case id is the placeholder.
 *
 * The same statement reads what the action needs next (issue #19: two round trips fewer): the
 * history, the stored projection rows (compared by saveProjection) and whether `clientId` was
 * already recorded, each from the states the locked row names (`state_code =
 * ANY(case_record.action_states)`: a partitioned server prunes the other states' partitions at
 * execution, partition.pg.test.ts). Those sub-queries see the statement's snapshot, taken before
 * the lock was granted: if another transaction recorded an action on the case meanwhile, the
 * locked row is its newer version but the history is short of its `version`. Then `ahead` is null
 * and the caller reads the history and the projections again, after the lock (as without it).
 */
export interface LockedCase {
  row: CaseRow;
  access: CaseAccess | null;
  /** Read with the lock, when complete for the locked row's version (else null: read them again). */
  ahead: { history: CaseHistoryRow[]; stored: StoredProjections; retried: boolean } | null;
}

export async function lockCaseWithAccess(db: Db, actor: Actor, id: string, clientId: string | null = null): Promise<LockedCase | null> {
  const lock = async (inState: SQL | undefined) => {
    const query = preparedOnce(db, `case.lock|${inState ? 'in-state' : 'any-state'}|${actorKey(actor)}`, () => {
      const byId = eq(caseRecord.id, placeholderAs('id', caseRecord.id));
      return db
        .select({
          row: caseRecord,
          access: caseAccessColumn(actor),
          history: eachState(
            sql`case_action`,
            sql`seq, json_build_array(seq, type, at, recorded_at, actor_user_id, actor_unit_id, payload) AS r`,
            sql`coalesce(json_agg(x.r ORDER BY x.seq), '[]')::text`,
          ),
          retried: sql<boolean>`(${sql.placeholder('clientId')}::text IS NOT NULL AND ${eachState(
            sql`case_action`,
            sql`1`,
            sql`count(*) > 0`,
            sql` AND client_id = ${sql.placeholder('clientId')}::text`,
          )})`,
          ...projectionColumns((c, table) => eachState(table, sql`json_build_array(${c}) AS r`, sql`coalesce(json_agg(x.r), '[]')::text`)),
        })
        .from(caseRecord)
        .where(inState ? and(byId, inState) : byId)
        .for('update', { of: caseRecord });
    });
    const [r] = await query.execute({ id, clientId });
    if (!r) return null;
    const history = (JSON.parse(r.history) as unknown[][]).map(
      ([seq, type, at, recordedAt, actorUserId, actorUnitId, payload]): CaseHistoryRow => ({
        seq: seq as number,
        type: type as string,
        at: new Date(at as string),
        recordedAt: new Date(recordedAt as string),
        actorUserId: actorUserId as string | null,
        actorUnitId: actorUnitId as string | null,
        payload: payload as Record<string, unknown>,
      }),
    );
    const complete = history.length >= r.row.version;
    return {
      row: r.row,
      access: r.access ?? null,
      ahead: complete ? { history, stored: parseProjections(r as Record<string, unknown>), retried: r.retried === true } : null,
    };
  };
  const inState = actorStateWhere(actor, caseRecord.stateCode);
  return (inState && (await lock(inState))) || lock(undefined);
}

/**
 * Where a case's history lives: the states it has been in (case_record.action_states, kept by a
 * trigger, migration 1200) and its version, the number of its actions. Naming the states lets a
 * state-partitioned server read only their case_action partitions (docs/SCALE.md §3).
 */
export interface HistoryKey {
  states: readonly number[];
  version: number;
}

export const historyKeyOf = (r: Pick<CaseRow, 'actionStates' | 'version'>): HistoryKey => ({ states: r.actionStates, version: r.version });

const inHistoryStates = (col: AnyPgColumn, key: HistoryKey) => (key.states.length ? inArray(col, [...key.states]) : undefined);

/**
 * Reads the history in its states; should fewer actions come back than the case's version counts
 * (an action written by something that did not keep the case's states), it is read again from
 * every state, so a case never shows a partial history.
 */
async function historyIn<T>(read: (states: SQL | undefined) => Promise<T[]>, key: HistoryKey): Promise<T[]> {
  const rows = await read(inHistoryStates(caseAction.stateCode, key));
  return rows.length >= key.version ? rows : read(undefined);
}

export async function loadActions(db: Db, caseId: string, key: HistoryKey): Promise<CaseAction[]> {
  const rows = await historyIn(
    (states) =>
      db
        .select({ payload: caseAction.payload })
        .from(caseAction)
        .where(and(eq(caseAction.caseId, caseId), states))
        .orderBy(asc(caseAction.seq)),
    key,
  );
  return rows.map((r) => r.payload as unknown as CaseAction);
}

export async function actionByClientId(db: Db, caseId: string, clientId: string, key: HistoryKey) {
  const [row] = await db
    .select({ seq: caseAction.seq })
    .from(caseAction)
    .where(and(eq(caseAction.caseId, caseId), eq(caseAction.clientId, clientId), inHistoryStates(caseAction.stateCode, key)));
  return row ?? null;
}

/** The case a person opened with this client id, if a retried intake already went through. */
export async function caseOpenedWithClientId(db: Db, userId: string, clientId: string): Promise<string | null> {
  const [row] = await db
    .select({ caseId: caseAction.caseId })
    .from(caseAction)
    .where(and(eq(caseAction.seq, 1), eq(caseAction.actorUserId, userId), eq(caseAction.clientId, clientId)));
  return row?.caseId ?? null;
}

/** Appends the action; returns it as the case's history reads it back (caseHistory). Built once (src/db/prepared.ts). */
export async function insertAction(db: Db, caseId: string, seq: number, action: CaseAction, place: Placement): Promise<CaseHistoryRow> {
  const query = preparedOnce(db, 'case.insert-action', () => {
    const a = caseAction;
    return db
      .insert(a)
      .values({
        caseId: sql.placeholder('caseId'),
        seq: sql.placeholder('seq'),
        type: sql.placeholder('type'),
        at: sql.placeholder('at'),
        actorUserId: sql.placeholder('actorUserId'),
        actorUnitId: sql.placeholder('actorUnitId'),
        clientId: sql.placeholder('clientId'),
        payload: sql.placeholder('payload'),
        stateCode: sql.placeholder('stateCode'),
        districtCode: sql.placeholder('districtCode'),
      })
      .returning(historyColumns);
  });
  const [row] = (await query.execute({
    caseId,
    seq,
    type: action.type,
    at: new Date(action.at),
    actorUserId: action.by,
    actorUnitId: action.unit,
    clientId: action.id ?? null,
    payload: action as unknown as Record<string, unknown>,
    stateCode: place.stateCode,
    districtCode: place.districtCode,
  })) as CaseHistoryRow[];
  return row;
}

/** Tags on the summary row, for filters and badges. */
export function flagsOf(s: CaseState): string[] {
  const f: string[] = [];
  if (s.closed) return s.reopenings ? ['reopened'] : [];
  if (s.convergenceFlags.length) f.push('convergence');
  if (s.status === 'escalated') f.push('escalated');
  if (s.transfer.pending) f.push('transfer_pending');
  if (s.referrals.some((r) => r.status === 'pending' || r.status === 'accepted')) f.push('open_referrals');
  if (s.cwc.productionOwedSince && !s.cwc.firstProducedAt) f.push('production_owed');
  if (s.due.some((d) => d.statutory)) f.push('statutory_due');
  if (s.readyForClosure) f.push('ready_for_closure');
  if (s.reopenings) f.push('reopened');
  return f;
}

/**
 * Recomputes the projections of one case from its derived state, in the caller's
 * transaction. The summary update is guarded by the version the caller read under its row
 * lock: if anything else moved the case on, nothing is written and null is returned.
 */
export async function saveProjection(
  db: Db,
  caseId: string,
  expectedVersion: number,
  s: CaseState,
  place: Placement,
  /** The case's stored projection rows, read under the row lock (lockCaseWithAccess); else read here. */
  storedAhead?: StoredProjections,
): Promise<CaseRow | null> {
  const next = s.due[0] ?? null;
  // Built once (src/db/prepared.ts): every value is a placeholder, encoded by its column.
  const query = preparedOnce(db, 'case.save-projection', () => {
    const c = caseRecord;
    const p = (name: string, col: AnyPgColumn) => placeholderAs(name, col);
    return db
      .update(c)
      .set({
        stateCode: p('stateCode', c.stateCode),
        districtCode: p('districtCode', c.districtCode),
        subdistrictCode: p('subdistrictCode', c.subdistrictCode),
        blockCode: p('blockCode', c.blockCode),
        villageId: p('villageId', c.villageId),
        status: p('status', c.status),
        phase: p('phase', c.phase),
        level: p('level', c.level),
        risk: p('risk', c.risk),
        ownerUserId: p('ownerUserId', c.ownerUserId),
        ownerUnitId: p('ownerUnitId', c.ownerUnitId),
        transferToUnitId: p('transferToUnitId', c.transferToUnitId),
        nextDueAt: p('nextDueAt', c.nextDueAt),
        nextDueKind: p('nextDueKind', c.nextDueKind),
        flags: p('flags', c.flags),
        lastActionAt: p('lastActionAt', c.lastActionAt),
        closedAt: p('closedAt', c.closedAt),
        version: p('version', c.version),
        updatedAt: p('updatedAt', c.updatedAt),
      })
      .where(and(eq(c.id, p('id', c.id)), eq(c.version, p('expectedVersion', c.version))))
      .returning();
  });
  const [row] = await query.execute({
    stateCode: place.stateCode,
    districtCode: place.districtCode,
    subdistrictCode: place.subdistrictCode,
    blockCode: place.blockCode,
    villageId: place.villageId,
    status: s.status,
    phase: s.phase,
    level: s.level,
    risk: s.risk,
    ownerUserId: s.owner.user,
    ownerUnitId: s.owner.unit,
    transferToUnitId: s.transfer.pending?.toUnit ?? null,
    nextDueAt: next ? new Date(next.dueAt) : null,
    nextDueKind: next?.kind ?? null,
    flags: flagsOf(s),
    lastActionAt: new Date(s.dates.lastActionAt),
    closedAt: s.closed && s.dates.closedAt ? new Date(s.dates.closedAt) : null,
    version: s.actionCount,
    updatedAt: new Date(),
    id: caseId,
    expectedVersion,
  });
  if (!row) return null;
  // Issue #19: a projection is rewritten only when its rows differ from the derived ones (a note
  // changes none of them: one read instead of six writes, and no dead tuples). Each projection's
  // rows were written with the case's place of the moment, so they lie in the states the case has
  // been in (row.actionStates, the new one included by the trigger): read and deleted there only.
  const states = row.actionStates;
  const have = storedAhead ?? (await storedProjections(db, caseId, states));
  if (!sameRows(have.due, dueRowsOf(s, place))) await saveDue(db, caseId, s, place, states);
  if (!sameRows(have.referrals, referralRowsOf(s, place))) await saveReferrals(db, caseId, s, place, states);
  if (!sameRows(have.flags, flagRowsOf(s, place))) await saveFlags(db, caseId, s, place, states);
  return row;
}

/** Compared as the database spells the rows (one JSON array per row, timestamps as epoch ms). */
type ProjectionRow = unknown[];
export interface StoredProjections {
  due: ProjectionRow[];
  referrals: ProjectionRow[];
  flags: ProjectionRow[];
}
const ms = (c: SQL) => sql`extract(epoch from ${c}) * 1000`;
const n = <T>(v: T | undefined) => (v === undefined ? null : v);

/**
 * The case's stored projection rows, each table as one JSON text column, `agg` turning a table's
 * row columns into that column (json_agg of one json_build_array per row).
 */
function projectionColumns(agg: (cols: SQL, table: SQL) => SQL<string>) {
  return {
    'stored:due': agg(
      sql`kind, ref, ${ms(sql`due_at`)}, assigned_user_id, assigned_unit_id, statutory, source, state_code, district_code,
        subdistrict_code, block_code, village_id, owner_user_id, owner_unit_id, transfer_to_unit_id`,
      sql`case_due`,
    ),
    'stored:referrals': agg(
      sql`referral_id, to_org_id, to_kind, domain, need, status, ${ms(sql`referred_at`)}, due_date, state_code, district_code`,
      sql`case_referral`,
    ),
    'stored:flags': agg(
      sql`n, group_id, reason, ${ms(sql`flagged_at`)}, flagged_by_unit, state_code, district_code`,
      sql`case_convergence_flag`,
    ),
  };
}

/**
 * `select` from the locked case's rows of `table`, one state at a time, in the states the case row
 * names, aggregated by `agg` (over `x`). One state per loop, `state_code = st.code`, and OFFSET 0 to
 * keep the loop: a state-partitioned server then reads only those states' partitions (pruned at
 * execution); `state_code = ANY(case_record.action_states)` is not pruned at all.
 */
const eachState = (table: SQL, select: SQL, agg: SQL, where: SQL = sql``) =>
  sql<string>`(SELECT ${agg} FROM (SELECT DISTINCT unnest(${caseRecord.actionStates}) AS code) st, LATERAL (SELECT ${select} FROM ${table}
    WHERE case_id = ${caseRecord.id} AND state_code = st.code${where} OFFSET 0) x)`;

const parseProjections = (r: Record<string, unknown>): StoredProjections => ({
  due: JSON.parse(r['stored:due'] as string) as ProjectionRow[],
  referrals: JSON.parse(r['stored:referrals'] as string) as ProjectionRow[],
  flags: JSON.parse(r['stored:flags'] as string) as ProjectionRow[],
});

/** Built once per all-states or not (src/db/prepared.ts); the case id and the states are placeholders. */
async function storedProjections(db: Db, caseId: string, states: readonly number[]): Promise<StoredProjections> {
  const some = states.length > 0;
  const res = (await preparedSql(db, `case.stored-projections|${some ? 'states' : 'all'}`, () => {
    const inStates = some ? sql` AND state_code = ANY(${sql.placeholder('states')}::int[])` : sql``;
    const cols = projectionColumns(
      (c, table) =>
        sql<string>`(SELECT coalesce(json_agg(json_build_array(${c})), '[]')::text FROM ${table} WHERE case_id = ${sql.placeholder('caseId')}::uuid${inStates})`,
    );
    return sql`SELECT ${cols['stored:due']} AS "stored:due", ${cols['stored:referrals']} AS "stored:referrals", ${cols['stored:flags']} AS "stored:flags"`;
  }).execute({ caseId, states: some ? [...states] : null })) as { rows: Record<string, unknown>[] };
  return parseProjections(res.rows[0]);
}

function sameRows(a: ProjectionRow[], b: ProjectionRow[]): boolean {
  if (a.length !== b.length) return false;
  const key = (rows: ProjectionRow[]) =>
    rows.map((r) => JSON.stringify(r.map((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)))).sort();
  const x = key(a);
  const y = key(b);
  return x.every((v, i) => v === y[i]);
}

function dueRowsOf(s: CaseState, place: Placement): ProjectionRow[] {
  return s.due.map((d) => [
    d.kind,
    d.ref ?? '',
    new Date(d.dueAt).getTime(),
    n(d.assignedTo.user),
    d.assignedTo.unit,
    d.statutory,
    d.source,
    place.stateCode,
    place.districtCode,
    n(place.subdistrictCode),
    n(place.blockCode),
    n(place.villageId),
    n(s.owner.user),
    n(s.owner.unit),
    s.transfer.pending?.toUnit ?? null,
  ]);
}

function referralRowsOf(s: CaseState, place: Placement): ProjectionRow[] {
  return s.referrals.map((r) => [
    r.referralId,
    r.to.orgId,
    r.to.kind,
    r.domain,
    r.need,
    r.status,
    new Date(r.referredAt).getTime(),
    n(r.dueDate),
    place.stateCode,
    place.districtCode,
  ]);
}

function flagRowsOf(s: CaseState, place: Placement): ProjectionRow[] {
  return s.convergenceFlags.map((f, i) => [
    i,
    n(f.groupId),
    f.reason,
    new Date(f.at).getTime(),
    f.by.unit,
    place.stateCode,
    place.districtCode,
  ]);
}

/** The case's rows of a projection table, in the states the case has been in. */
const ofCase = (table: { caseId: AnyPgColumn; stateCode: AnyPgColumn }, caseId: string, states: readonly number[]) =>
  and(eq(table.caseId, caseId), states.length ? inArray(table.stateCode, [...states]) : undefined)!;

async function saveReferrals(db: Db, caseId: string, s: CaseState, place: Placement, states: readonly number[]) {
  await db.delete(caseReferral).where(ofCase(caseReferral, caseId, states));
  if (s.referrals.length) {
    await db.insert(caseReferral).values(
      s.referrals.map((r) => ({
        caseId,
        referralId: r.referralId,
        toOrgId: r.to.orgId,
        toKind: r.to.kind,
        domain: r.domain,
        need: r.need,
        status: r.status,
        referredAt: new Date(r.referredAt),
        dueDate: r.dueDate,
        stateCode: place.stateCode,
        districtCode: place.districtCode,
      })),
    );
  }
}

async function saveFlags(db: Db, caseId: string, s: CaseState, place: Placement, states: readonly number[]) {
  await db.delete(caseConvergenceFlag).where(ofCase(caseConvergenceFlag, caseId, states));
  if (s.convergenceFlags.length) {
    await db.insert(caseConvergenceFlag).values(
      s.convergenceFlags.map((f, n) => ({
        caseId,
        n,
        groupId: f.groupId,
        reason: f.reason,
        flaggedAt: new Date(f.at),
        flaggedByUnit: f.by.unit,
        stateCode: place.stateCode,
        districtCode: place.districtCode,
      })),
    );
  }
}

/**
 * Due items: upserted by (case, kind, ref) so that an alert already raised is not raised
 * again when an unrelated action recomputes the case; it is raised anew only if the due date
 * or the assignee changed. The key also names state_code (a state-partitioned server requires
 * it, migration 1170): rows of the case's previous state (an inter-state transfer) are deleted
 * first, so one row per (case, kind, ref) remains.
 */
async function saveDue(db: Db, caseId: string, s: CaseState, place: Placement, states: readonly number[]) {
  if (!s.due.length) {
    await db.delete(caseDue).where(ofCase(caseDue, caseId, states));
    return;
  }
  const keys = s.due.map((d) => sql`(${d.kind}, ${d.ref ?? ''})`);
  await db
    .delete(caseDue)
    .where(
      and(
        ofCase(caseDue, caseId, states),
        or(sql`(${caseDue.kind}, ${caseDue.ref}) NOT IN (${sql.join(keys, sql`, `)})`, ne(caseDue.stateCode, place.stateCode)),
      ),
    );
  await db
    .insert(caseDue)
    .values(
      s.due.map((d) => ({
        caseId,
        kind: d.kind,
        ref: d.ref ?? '',
        dueAt: new Date(d.dueAt),
        assignedUserId: d.assignedTo.user,
        assignedUnitId: d.assignedTo.unit,
        statutory: d.statutory,
        source: d.source,
        ...place,
        ownerUserId: s.owner.user,
        ownerUnitId: s.owner.unit,
        transferToUnitId: s.transfer.pending?.toUnit ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [caseDue.caseId, caseDue.kind, caseDue.ref, caseDue.stateCode],
      set: {
        alertedAt: sql`CASE WHEN ${caseDue.dueAt} = excluded.due_at AND ${caseDue.assignedUnitId} = excluded.assigned_unit_id
          AND ${caseDue.assignedUserId} IS NOT DISTINCT FROM excluded.assigned_user_id THEN ${caseDue.alertedAt} END`,
        dueAt: sql`excluded.due_at`,
        assignedUserId: sql`excluded.assigned_user_id`,
        assignedUnitId: sql`excluded.assigned_unit_id`,
        statutory: sql`excluded.statutory`,
        source: sql`excluded.source`,
        districtCode: sql`excluded.district_code`,
        subdistrictCode: sql`excluded.subdistrict_code`,
        blockCode: sql`excluded.block_code`,
        villageId: sql`excluded.village_id`,
        ownerUserId: sql`excluded.owner_user_id`,
        ownerUnitId: sql`excluded.owner_unit_id`,
        transferToUnitId: sql`excluded.transfer_to_unit_id`,
      },
    });
}

// ---------------------------------------------------------------- reads

/**
 * One case with the view the actor gets of it, or null when the actor may not see it at all.
 * First in the actor's own state (case and child: one partition of each on a state-partitioned
 * server, docs/SCALE.md §3), then, for a case seen from outside its state (a transfer, a referral)
 * or a child registered in another, by id alone. Built once per actor and in-state or not.
 */
export async function getCase(
  db: Db,
  actor: Actor,
  id: string,
): Promise<(CaseListRow & { access: CaseAccess; actionStates: number[] }) | null> {
  const read = async (inState: SQL | undefined) => {
    const query = preparedOnce(db, `case.get|${inState ? 'in-state' : 'any-state'}|${actorKey(actor)}`, () => {
      const byId = eq(caseRecord.id, placeholderAs('id', caseRecord.id));
      return db
        .select({ ...caseSummary, actionStates: caseRecord.actionStates, access: caseAccessColumn(actor) })
        .from(caseRecord)
        .innerJoin(child, eq(child.id, caseRecord.childId))
        .where(inState ? and(byId, inState) : byId);
    });
    const [row] = await query.execute({ id });
    return row;
  };
  const inState = and(actorStateWhere(actor, caseRecord.stateCode), actorStateWhere(actor, child.stateCode));
  const row = (inState && (await read(inState))) || (await read(undefined));
  if (!row || !row.access) return null;
  return row as CaseListRow & { access: CaseAccess; actionStates: number[] };
}

/** A case as the actor may receive it: the fields of its view ('case' or the referred part), non-disclosure applied in SQL. */
export type PermittedCaseRow = Record<string, unknown> & { id: string; version: number };

/**
 * One case read once (issue #19): the actor's access, the view it may read and that view's fields
 * (src/access/fields.ts `caseViewColumns`: the policy applied in the query), and what the service
 * needs for the audit entry (the case's place, child and family; never sent to the client).
 */
export interface CaseView {
  access: CaseAccess | null;
  view: CaseAccess | null;
  row: PermittedCaseRow | null;
  subject: Placement & { childId: string; familyId: string | null };
  /** Where the case's history lives, for caseHistory: read in the same statement. */
  history: HistoryKey;
}

export async function readCaseView(db: Db, actor: Actor, id: string, today: string): Promise<CaseView | null> {
  // First in the actor's own state (case and child), which PostgreSQL plans against one partition of
  // each on a state-partitioned server (docs/SCALE.md §3); a case seen from outside its state (a
  // transfer to the actor's unit from another state, a referral) or a child registered in another
  // state is then read by id alone, every state's partition.
  const inState = and(actorStateWhere(actor, caseRecord.stateCode), actorStateWhere(actor, child.stateCode));
  const raw = (inState && (await readCaseViewRow(db, actor, id, today, inState))) || (await readCaseViewRow(db, actor, id, today, null));
  if (!raw) return null;
  const { access, view, fields } = caseViewRow(raw);
  const r = raw as Record<string, unknown>;
  const subject = {
    childId: r['subject:childId'] as string,
    familyId: r['subject:familyId'] as string | null,
    ...placeOf({
      stateCode: r['subject:stateCode'] as number,
      districtCode: r['subject:districtCode'] as number,
      subdistrictCode: r['subject:subdistrictCode'] as number | null,
      blockCode: r['subject:blockCode'] as number | null,
      villageId: r['subject:villageId'] as string | null,
    }),
  };
  const history = { states: r['subject:actionStates'] as number[], version: r['subject:version'] as number };
  return { access, view, row: view ? (fields as PermittedCaseRow) : null, subject, history };
}

/** The query is built once per actor, IST day and `inState` or not (src/db/prepared.ts); the case id is its placeholder. */
async function readCaseViewRow(db: Db, actor: Actor, id: string, today: string, inState: SQL | null) {
  const key = `case.view|${inState ? 'in-state' : 'any-state'}|${today}|${actorKey(actor)}`;
  const query = preparedOnce(db, key, () => {
    const byId = eq(caseRecord.id, placeholderAs('id', caseRecord.id));
    return db
      .select({
        ...caseViewColumns(actor, { today }),
        'subject:childId': caseRecord.childId,
        'subject:familyId': caseRecord.familyId,
        'subject:stateCode': caseRecord.stateCode,
        'subject:districtCode': caseRecord.districtCode,
        'subject:subdistrictCode': caseRecord.subdistrictCode,
        'subject:blockCode': caseRecord.blockCode,
        'subject:villageId': caseRecord.villageId,
        'subject:actionStates': caseRecord.actionStates,
        'subject:version': caseRecord.version,
      })
      .from(caseRecord)
      .innerJoin(child, eq(child.id, caseRecord.childId))
      .innerJoin(caseViewJoin(actor), sql`true`)
      .where(inState ? and(byId, inState) : byId);
  });
  const [raw] = await query.execute({ id });
  return raw;
}

export interface CaseHistoryRow {
  seq: number;
  type: string;
  at: Date;
  recordedAt: Date;
  actorUserId: string | null;
  actorUnitId: string | null;
  payload: Record<string, unknown>;
}

const historyColumns = {
  seq: caseAction.seq,
  type: caseAction.type,
  at: caseAction.at,
  recordedAt: caseAction.recordedAt,
  actorUserId: caseAction.actorUserId,
  actorUnitId: caseAction.actorUnitId,
  payload: caseAction.payload,
};

/** The case's history in order, read from the states it has been in only (HistoryKey). */
export function caseHistory(db: Db, caseId: string, key: HistoryKey): Promise<CaseHistoryRow[]> {
  // Built once per set of states (src/db/prepared.ts); the case id is the placeholder.
  return historyIn(
    (states) =>
      preparedOnce(db, `case.history|${states ? key.states.join(',') : '*'}`, () =>
        db
          .select(historyColumns)
          .from(caseAction)
          .where(and(eq(caseAction.caseId, placeholderAs('caseId', caseAction.caseId)), states))
          .orderBy(asc(caseAction.seq)),
      ).execute({ caseId }) as Promise<CaseHistoryRow[]>,
    key,
  );
}

export type CaseQueue = 'escalated' | 'transfers' | 'mine' | 'unit' | 'convergence';

export interface CaseFilter {
  status?: string; // a case status, or 'open' for anything not closed
  risk?: string;
  level?: string;
  owner?: string; // 'me' or a user id
  overdue?: boolean;
  villageId?: string;
  blockCode?: number;
  districtCode?: number;
  childId?: string;
  queue?: CaseQueue;
  flag?: string;
  /** Only cases whose id is in this subquery (the records behind a dashboard figure, src/dashboards/lists.service.ts). */
  idsIn?: SQL;
}

/**
 * The WHERE of a case list, as disjoint parts (the access rule's branches, each with the
 * filters): a list is the UNION ALL of the parts and its total the sum of their counts.
 */
export function caseConditions(actor: Actor, f: CaseFilter, now: Date): SQL[] {
  const filters = caseFilters(actor, f, now);
  return caseVisibleBranches(actor).map((branch) => (filters ? and(branch, filters)! : branch));
}

function caseFilters(actor: Actor, f: CaseFilter, now: Date): SQL | undefined {
  const c = caseRecord;
  const conds: (SQL | undefined)[] = [];
  if (f.status === 'open') conds.push(ne(c.status, 'closed'));
  else if (f.status) conds.push(eq(c.status, f.status));
  if (f.risk) conds.push(eq(c.risk, f.risk));
  if (f.level) conds.push(eq(c.level, f.level));
  if (f.owner) conds.push(eq(c.ownerUserId, f.owner === 'me' ? actor.userId : f.owner));
  if (f.overdue === true) conds.push(lt(c.nextDueAt, now));
  if (f.overdue === false) conds.push(or(isNull(c.nextDueAt), gte(c.nextDueAt, now)));
  if (f.villageId) conds.push(eq(c.villageId, f.villageId));
  if (f.blockCode) conds.push(eq(c.blockCode, f.blockCode));
  if (f.districtCode) conds.push(eq(c.districtCode, f.districtCode));
  if (f.childId) conds.push(eq(c.childId, f.childId));
  if (f.flag) conds.push(sql`${f.flag} = ANY(${c.flags})`);
  if (f.idsIn) conds.push(sql`${c.id} IN (${f.idsIn})`);
  const org = actor.organisationId;
  switch (f.queue) {
    case 'escalated': // the higher level's queue: escalated to my unit, awaiting its action
      conds.push(eq(c.status, 'escalated'), org ? eq(c.ownerUnitId, org) : sql`false`);
      break;
    case 'transfers':
      conds.push(org ? eq(c.transferToUnitId, org) : sql`false`);
      break;
    case 'mine':
      conds.push(eq(c.ownerUserId, actor.userId));
      break;
    case 'unit':
      conds.push(org ? eq(c.ownerUnitId, org) : sql`false`);
      break;
    case 'convergence':
      conds.push(sql`'convergence' = ANY(${c.flags})`, ne(c.status, 'closed'));
      break;
  }
  return conds.length ? and(...conds) : undefined;
}

export type CaseListRow = {
  [K in keyof typeof caseSummary]:
    (typeof caseSummary)[K]['_']['data'] | ((typeof caseSummary)[K]['_']['notNull'] extends true ? never : null);
};

/** One page of a case list, soonest due first: the parts of `caseConditions` read with UNION ALL; the fields the actor may read. */
export async function listCases(
  db: Db,
  actor: Actor,
  where: SQL[],
  limit: number,
  offset: number,
  today: string,
): Promise<(PermittedCaseRow & { subjectChildId: string })[]> {
  if (!where.length) return [];
  // Each part picks the ids of its first rows, sorted and cut on its own covering index (the
  // filters read from the index, not the table); only the page's rows are then fetched.
  const part = (w: SQL) =>
    db
      .select({ id: caseRecord.id })
      .from(caseRecord)
      .where(w)
      .orderBy(sql`${caseRecord.nextDueAt} ASC NULLS LAST`, asc(caseRecord.id))
      .limit(limit + offset);
  const ids = where.slice(1).reduce((q, w) => q.unionAll(part(w)) as unknown as ReturnType<typeof part>, part(where[0]));
  const { childDob: _dob, ...cols } = permittedColumns(actor, 'case', { today });
  const rows = await db
    // The child's id goes to the access log only (the disclosure of the child), not to the reader.
    .select({ ...cols, subjectChildId: caseRecord.childId })
    .from(caseRecord)
    .innerJoin(child, eq(child.id, caseRecord.childId))
    .where(inArray(caseRecord.id, ids))
    .orderBy(sql`${caseRecord.nextDueAt} ASC NULLS LAST`, asc(caseRecord.id))
    .limit(limit)
    .offset(offset);
  return rows as unknown as (PermittedCaseRow & { subjectChildId: string })[];
}

/** The total of a case list: the parts are disjoint, so their counts add up. */
export async function countCases(db: Db, where: SQL[]): Promise<number> {
  const counts = await Promise.all(where.map((w) => db.select({ n: count() }).from(caseRecord).where(w)));
  return counts.reduce((sum, [r]) => sum + Number(r.n), 0);
}

// ---------------------------------------------------------------- referrals (the referred part)

export interface ReferralFilter {
  status?: string;
  caseId?: string;
}

/** Referrals made to the actor's organisation, with the child's name and the need only. */
export async function listReferralsToUnit(db: Db, actor: Actor, f: ReferralFilter, limit: number, offset: number, today: string) {
  if (!actor.organisationId) return { items: [], total: 0 };
  const where = and(
    eq(caseReferral.toOrgId, actor.organisationId),
    caseReferredWhere(actor),
    f.status ? eq(caseReferral.status, f.status) : undefined,
    f.caseId ? eq(caseReferral.caseId, f.caseId) : undefined,
  );
  const items = await db
    .select({
      caseId: caseReferral.caseId,
      caseNumber: caseRecord.number,
      referralId: caseReferral.referralId,
      domain: caseReferral.domain,
      need: caseReferral.need,
      status: caseReferral.status,
      referredAt: caseReferral.referredAt,
      dueDate: caseReferral.dueDate,
      childId: caseRecord.childId,
      ...pick(permittedColumns(actor, 'caseReferral', { today }), ['childName', 'childNameLocal', '__identityWithheld']),
    })
    .from(caseReferral)
    .innerJoin(caseRecord, eq(caseRecord.id, caseReferral.caseId))
    .innerJoin(child, eq(child.id, caseRecord.childId))
    .where(where)
    .orderBy(desc(caseReferral.referredAt), asc(caseReferral.referralId))
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db
    .select({ n: count() })
    .from(caseReferral)
    .innerJoin(caseRecord, eq(caseRecord.id, caseReferral.caseId))
    .where(where);
  return { items, total: Number(n) };
}

const pick = <T extends Record<string, unknown>>(o: T, keys: string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k))) as T;

// ---------------------------------------------------------------- for other modules

export interface FlaggedCaseRow {
  caseId: string;
  caseNumber: number;
  childId: string;
  groupId: string | null;
  reason: string;
  flaggedAt: Date;
  flaggedOn: string;
  flaggedByUnit: string;
  status: string;
  level: string;
  risk: string;
}

/**
 * Open cases of a district flagged for its convergence group (the convergence module
 * builds meeting agendas from these). Applies the case access rule: the actor sees only
 * flags on cases it may read in full. One row per flag, oldest first.
 */
export async function casesFlaggedForConvergence(db: Db, actor: Actor, districtCode: number): Promise<FlaggedCaseRow[]> {
  const rows = await db
    .select({
      caseId: caseRecord.id,
      caseNumber: caseRecord.number,
      childId: caseRecord.childId,
      groupId: caseConvergenceFlag.groupId,
      reason: caseConvergenceFlag.reason,
      flaggedAt: caseConvergenceFlag.flaggedAt,
      flaggedByUnit: caseConvergenceFlag.flaggedByUnit,
      status: caseRecord.status,
      level: caseRecord.level,
      risk: caseRecord.risk,
    })
    .from(caseConvergenceFlag)
    .innerJoin(caseRecord, eq(caseRecord.id, caseConvergenceFlag.caseId))
    .where(and(eq(caseRecord.districtCode, districtCode), ne(caseRecord.status, 'closed'), caseVisibleWhere(actor)))
    .orderBy(asc(caseConvergenceFlag.flaggedAt), asc(caseRecord.number));
  return rows.map((r) => ({ ...r, flaggedOn: istDayOf(r.flaggedAt) }));
}

// ---------------------------------------------------------------- names for display

/** Display names of the people and units referred to in a case (for the history timeline). */
export async function directory(db: Db, userIds: string[], unitIds: string[]) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const u = [...new Set(userIds.filter((x) => uuid.test(x)))];
  const o = [...new Set(unitIds.filter((x) => uuid.test(x)))];
  // One statement for both (issue #19): the users and the units, told apart by `kind` (NULL for a user).
  // Built once (src/db/prepared.ts): the ids travel as two uuid[] literals (checked above), not one
  // parameter per id, so the text does not change with their number.
  const rows =
    u.length || o.length
      ? ((await preparedOnce(db, 'case.directory', () =>
          unionAll(
            db
              .select({ id: appUser.id, name: appUser.displayName, kind: sql<string | null>`NULL::text` })
              .from(appUser)
              .where(sql`${appUser.id} = ANY(${sql.placeholder('users')}::uuid[])`),
            db
              .select({ id: organisation.id, name: organisation.name, kind: organisation.kind })
              .from(organisation)
              .where(sql`${organisation.id} = ANY(${sql.placeholder('units')}::uuid[])`),
          ),
        ).execute({ users: `{${u.join(',')}}`, units: `{${o.join(',')}}` })) as { id: string; name: string; kind: string | null }[])
      : [];
  const users = rows.filter((x) => x.kind === null);
  const units = rows.filter((x) => x.kind !== null) as { id: string; name: string; kind: string }[];
  return {
    users: Object.fromEntries(users.map((x) => [x.id, x.name])),
    units: Object.fromEntries(units.map((x) => [x.id, { name: x.name, kind: x.kind }])),
  };
}

export async function findOrganisation(db: Db, id: string) {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
  return row ?? null;
}

/**
 * The active unit of a kind in a district (e.g. its DCPU or CWC), or a state-level one when
 * districtCode is null. `near` prefers the unit of the case's own village, block or taluka
 * (its VCPC, its block committee) over another one of the district.
 */
export async function unitOfKind(db: Db, kinds: string[], stateCode: number, districtCode: number | null, near?: Placement) {
  const nearest = near
    ? [
        sql`CASE WHEN ${organisation.villageId} = ${near.villageId ?? ''} THEN 0 WHEN ${organisation.blockCode} = ${near.blockCode ?? -1} THEN 1
        WHEN ${organisation.subdistrictCode} = ${near.subdistrictCode ?? -1} THEN 2 ELSE 3 END`,
      ]
    : [];
  const [row] = await db
    .select({ id: organisation.id, kind: organisation.kind })
    .from(organisation)
    .where(
      and(
        inArray(organisation.kind, kinds),
        eq(organisation.active, true),
        or(eq(organisation.stateCode, stateCode), isNull(organisation.stateCode)),
        districtCode == null ? isNull(organisation.districtCode) : eq(organisation.districtCode, districtCode),
      ),
    )
    // Several units may share a kind (a DCPU and its 1098 helpline unit): the nearest, the oldest, then by name.
    .orderBy(...nearest, asc(organisation.createdAt), asc(organisation.name), asc(organisation.id))
    .limit(1);
  return row ?? null;
}

export async function findUser(db: Db, id: string) {
  const [row] = await db
    .select({
      id: appUser.id,
      organisationId: appUser.organisationId,
      active: appUser.active,
      role: appUser.role,
      scope: {
        level: appUser.scopeLevel,
        stateCode: appUser.stateCode,
        districtCode: appUser.districtCode,
        subdistrictCode: appUser.subdistrictCode,
        blockCode: appUser.blockCode,
        villageId: appUser.villageId,
      },
    })
    .from(appUser)
    .where(eq(appUser.id, id));
  return row ?? null;
}
export type UserFacts = NonNullable<Awaited<ReturnType<typeof findUser>>>;
export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;
