/**
 * The case module's public function behind the CWC's quarterly report to the District Magistrate
 * (JJ Act 2015 s.36(4), src/reports/cwc-quarterly): one row per case produced before a CWC of
 * the district, read from the action record so the figures are those of the quarter's dates,
 * not of today. Ids stay inside the server: the report counts them.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { caseAction } from './cases.schema';

export interface CwcCaseDates {
  producedAt: Date;
  adoptionInquiry: boolean;
  sirSubmittedAt: Date | null;
  finalOrderAt: Date | null;
  finalOrderType: string | null;
  closedAt: Date | null;
  /** Age determinations (s.94) and escort orders (s.95(2)) recorded in [from, to). */
  ageDeterminations: number;
  escortOrders: number;
}

const at = (v: unknown) => (v == null ? null : new Date(String(v)));

/**
 * Cases first produced before the CWC of `districtCode` before `to`, inside the actor's
 * jurisdiction (in SQL). The first episode counts: a reopened case's second inquiry is not
 * separated yet.
 */
export async function cwcCaseDates(
  db: Db,
  actor: Actor,
  q: { stateCode: number; districtCode: number; from: Date; to: Date },
): Promise<CwcCaseDates[]> {
  const scope = jurisdictionWhere(actor, { stateCode: caseAction.stateCode, districtCode: caseAction.districtCode });
  const res = (await db.execute(sql`
    WITH prod AS (
      SELECT case_id,
             min((payload->>'producedAt')::timestamptz) AS produced_at,
             bool_or(payload ? 'adoptionInquiry') AS adoption
      FROM case_action
      WHERE type = 'produced_before_cwc' AND state_code = ${q.stateCode} AND district_code = ${q.districtCode} AND ${scope}
      GROUP BY case_id
    )
    SELECT p.produced_at, p.adoption,
           min(a.at) FILTER (WHERE a.type = 'sir_submitted') AS sir_at,
           min(a.at) FILTER (WHERE a.type = 'cwc_order' AND a.payload->>'kind' = 'final') AS final_at,
           (array_agg(a.payload->>'orderType' ORDER BY a.seq) FILTER (WHERE a.type = 'cwc_order' AND a.payload->>'kind' = 'final'))[1] AS final_type,
           min(a.at) FILTER (WHERE a.type = 'closure') AS closed_at,
           count(*) FILTER (WHERE a.type = 'age_determined' AND a.at >= ${q.from.toISOString()}::timestamptz AND a.at < ${q.to.toISOString()}::timestamptz) AS age_n,
           count(*) FILTER (WHERE a.type = 'escort_ordered' AND a.at >= ${q.from.toISOString()}::timestamptz AND a.at < ${q.to.toISOString()}::timestamptz) AS escort_n
    FROM prod p
    JOIN case_action a ON a.case_id = p.case_id
    WHERE p.produced_at < ${q.to.toISOString()}::timestamptz
    GROUP BY p.case_id, p.produced_at, p.adoption
  `)) as unknown as { rows: Record<string, unknown>[] };
  return res.rows.map((r) => ({
    producedAt: new Date(String(r.produced_at)),
    adoptionInquiry: r.adoption === true || r.adoption === 't',
    sirSubmittedAt: at(r.sir_at),
    finalOrderAt: at(r.final_at),
    finalOrderType: (r.final_type as string | null) ?? null,
    closedAt: at(r.closed_at),
    ageDeterminations: Number(r.age_n ?? 0),
    escortOrders: Number(r.escort_n ?? 0),
  }));
}
