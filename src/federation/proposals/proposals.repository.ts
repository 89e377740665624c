import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jurisdictionWhere, type Actor } from '../../access/policy';
import { nationalMatch as nm, nationalMatchDecision as d } from './proposals.schema';

/**
 * The only SQL on a state's copies of the national proposals. The jurisdiction is the access
 * policy's (`jurisdictionWhere`), applied to each side's place: a district officer gets the
 * proposals naming a record of their district, and only those.
 */

/** Whether this database holds the state-side federation tables (federation.sql.ts STATE_SQL). */
export async function federationTables(db: Db): Promise<boolean> {
  const res = (await db.execute(
    sql`SELECT to_regclass('national_match') IS NOT NULL AND to_regclass('national_match_decision') IS NOT NULL AS ready`,
  )) as unknown as { rows?: { ready: boolean }[] } | { ready: boolean }[];
  const rows = Array.isArray(res) ? res : (res.rows ?? []);
  return rows[0]?.ready === true;
}

const sides = (actor: Actor) => {
  const missing = jurisdictionWhere(actor, { stateCode: nm.missingStateCode, districtCode: nm.missingDistrictCode });
  const found = jurisdictionWhere(actor, { stateCode: nm.foundStateCode, districtCode: nm.foundDistrictCode });
  return { missing, found, visible: or(missing, found)! };
};

const columns = (ownMissing: SQL) => ({
  id: nm.id,
  status: nm.status,
  ownSide: sql<'missing' | 'found'>`CASE WHEN ${ownMissing} THEN 'missing' ELSE 'found' END`,
  missingId: nm.missingId,
  missingStateCode: nm.missingStateCode,
  missingDistrictCode: nm.missingDistrictCode,
  missingName: nm.missingName,
  missingNameLocal: nm.missingNameLocal,
  missingSex: nm.missingSex,
  missingAgeYears: nm.missingAgeYears,
  missingEventDate: nm.missingEventDate,
  foundId: nm.foundId,
  foundStateCode: nm.foundStateCode,
  foundDistrictCode: nm.foundDistrictCode,
  foundName: nm.foundName,
  foundNameLocal: nm.foundNameLocal,
  foundSex: nm.foundSex,
  foundAgeYears: nm.foundAgeYears,
  foundEventDate: nm.foundEventDate,
  probability: nm.probability,
  explanation: nm.explanation,
  modelVersion: nm.modelVersion,
  proposedAt: nm.proposedAt,
  decision: d.decision,
  decisionNote: d.note,
  checkedBy: d.checkedBy,
  decidedAt: d.decidedAt,
});

export type ProposalRow = Awaited<ReturnType<typeof listProposals>>[number];

/** This state's decision on the proposal: the one made for the side the reader's jurisdiction covers. */
const ownDecision = (ownMissing: SQL) =>
  and(eq(d.matchId, nm.id), eq(d.stateCode, sql`CASE WHEN ${ownMissing} THEN ${nm.missingStateCode} ELSE ${nm.foundStateCode} END`));

export function listProposals(db: Db, actor: Actor, filter: { status?: string }, limit: number, offset: number) {
  const s = sides(actor);
  return db
    .select(columns(s.missing))
    .from(nm)
    .leftJoin(d, ownDecision(s.missing))
    .where(and(s.visible, filter.status ? eq(nm.status, filter.status as never) : undefined))
    .orderBy(desc(nm.proposedAt), nm.id)
    .limit(limit)
    .offset(offset);
}

export async function countProposals(db: Db, actor: Actor, filter: { status?: string }): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(nm)
    .where(and(sides(actor).visible, filter.status ? eq(nm.status, filter.status as never) : undefined));
  return Number(r?.n ?? 0);
}

/** One proposal, if it names a record of the reader's jurisdiction. */
export async function getProposal(db: Db, actor: Actor, id: string): Promise<ProposalRow | null> {
  const s = sides(actor);
  const [row] = await db
    .select(columns(s.missing))
    .from(nm)
    .leftJoin(d, ownDecision(s.missing))
    .where(and(eq(nm.id, id), s.visible));
  return row ?? null;
}
