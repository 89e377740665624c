import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { badRequest, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { family, surveyVisit, villageSurvey } from './registry.schema';
import { getLocation, placementOf } from '../locations/locations.repository';
import { requireCovers } from '../access/policy';
import type { SurveyInput } from './registry.model';

/** A family is at risk when it has a recorded vulnerability factor or a survey flagged it. */
const AT_RISK = sql`(cardinality(family.vulnerability_factors) > 0 OR EXISTS (SELECT 1 FROM survey_visit sv WHERE sv.family_id = family.id AND sv.at_risk))`;

export interface VillageSummary {
  villageId: string | null;
  villageName: string | null;
  villageNameLocal: string | null;
  subdistrictCode: number | null;
  districtCode: number;
  families: number;
  familiesAtRisk: number;
  children: number;
  childrenAtRisk: number;
  childrenWithBirthFamily: number;
  householdsVisited: number;
  factors: Record<string, number>;
}

export async function vulnerabilityMap(ctx: AppContext, actor: Actor, locationId?: string) {
  requirePermission(actor, 'registry.read');
  const within = locationId ? await narrow(ctx, locationId) : sql`true`;
  const scope = jurisdictionWhere(actor, family);
  const rows = await ctx.db.execute(sql`
    SELECT family.village_id, l.name AS village_name, l.name_local AS village_name_local,
           min(family.subdistrict_code) AS subdistrict_code, min(family.district_code) AS district_code,
           count(*)::int AS families,
           count(*) FILTER (WHERE ${AT_RISK})::int AS families_at_risk,
           coalesce(sum(cc.n), 0)::int AS children,
           coalesce(sum(cc.n) FILTER (WHERE ${AT_RISK}), 0)::int AS children_at_risk,
           coalesce(sum(cc.birth), 0)::int AS children_with_birth_family,
           (SELECT coalesce(sum(s.households_visited), 0) FROM village_survey s WHERE s.village_id = family.village_id)::int AS households_visited
    FROM family
    LEFT JOIN location l ON l.id = family.village_id
    LEFT JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE c.care_status = 'birth_family') AS birth
                       FROM child c WHERE c.family_id = family.id) cc ON true
    WHERE ${scope} AND ${within}
    GROUP BY family.village_id, l.name, l.name_local
    ORDER BY l.name`);
  const factorRows = await ctx.db.execute(sql`
    SELECT family.village_id, x.factor, count(*)::int AS n
    FROM family, unnest(family.vulnerability_factors) AS x(factor)
    WHERE ${scope} AND ${within}
    GROUP BY family.village_id, x.factor`);
  const factors = new Map<string | null, Record<string, number>>();
  for (const r of resultRows(factorRows)) {
    const m = factors.get(r.village_id as string) ?? {};
    m[r.factor as string] = Number(r.n);
    factors.set(r.village_id as string, m);
  }
  const villages: VillageSummary[] = resultRows(rows).map((r) => ({
    villageId: r.village_id as string | null,
    villageName: r.village_name as string | null,
    villageNameLocal: r.village_name_local as string | null,
    subdistrictCode: r.subdistrict_code == null ? null : Number(r.subdistrict_code),
    districtCode: Number(r.district_code),
    families: Number(r.families),
    familiesAtRisk: Number(r.families_at_risk),
    children: Number(r.children),
    childrenAtRisk: Number(r.children_at_risk),
    childrenWithBirthFamily: Number(r.children_with_birth_family),
    householdsVisited: Number(r.households_visited),
    factors: factors.get(r.village_id as string) ?? {},
  }));
  await audit(ctx.db, actor, 'report', 'vulnerability_map', locationId ?? null, null, { villages: villages.length });
  return {
    villages,
    talukas: rollup(villages, (v) => v.subdistrictCode),
    districts: rollup(villages, (v) => v.districtCode),
    total: rollup(villages, () => 0)[0] ?? null,
  };
}

function rollup(villages: VillageSummary[], key: (v: VillageSummary) => number | null) {
  const out = new Map<
    number | null,
    Omit<VillageSummary, 'villageId' | 'villageName' | 'villageNameLocal'> & { code: number | null; villages: number }
  >();
  for (const v of villages) {
    const k = key(v);
    const acc = out.get(k) ?? {
      code: k,
      villages: 0,
      subdistrictCode: v.subdistrictCode,
      districtCode: v.districtCode,
      families: 0,
      familiesAtRisk: 0,
      children: 0,
      childrenAtRisk: 0,
      childrenWithBirthFamily: 0,
      householdsVisited: 0,
      factors: {},
    };
    acc.villages++;
    for (const f of ['families', 'familiesAtRisk', 'children', 'childrenAtRisk', 'childrenWithBirthFamily', 'householdsVisited'] as const)
      acc[f] += v[f];
    for (const [f, n] of Object.entries(v.factors)) acc.factors[f] = (acc.factors[f] ?? 0) + n;
    out.set(k, acc);
  }
  return [...out.values()];
}

async function narrow(ctx: AppContext, locationId: string) {
  const loc = await getLocation(ctx.db, locationId);
  if (!loc) throw badRequest('locationId', `no location "${locationId}"`);
  switch (loc.level) {
    case 'state':
      return sql`family.state_code = ${loc.stateCode}`;
    case 'district':
      return sql`family.district_code = ${loc.districtCode}`;
    case 'subdistrict':
      return sql`family.subdistrict_code = ${loc.subdistrictCode}`;
    case 'block':
      return sql`family.block_code = ${loc.blockCode}`;
    case 'village':
      return sql`family.village_id = ${loc.id}`;
  }
}

/** drizzle returns `{rows}` on node-postgres and PGlite alike for execute(). */
export function resultRows(res: unknown): Record<string, unknown>[] {
  return ((res as { rows?: Record<string, unknown>[] }).rows ?? (res as Record<string, unknown>[])) as Record<string, unknown>[];
}

export async function recordSurvey(ctx: AppContext, actor: Actor, villageId: string, input: SurveyInput) {
  requirePermission(actor, 'survey.write');
  const village = await getLocation(ctx.db, villageId);
  if (!village || village.level !== 'village') throw notFound('Village');
  const p = placementOf(village)!;
  requireCovers(actor, p, 'village');
  return ctx.db.transaction(async (tx) => {
    for (const [i, v] of input.visits.entries()) {
      const [f] = await tx
        .select({ id: family.id })
        .from(family)
        .where(and(eq(family.id, v.familyId), eq(family.villageId, villageId)));
      if (!f) throw badRequest(`visits.${i}.familyId`, 'is not a family registered in this village');
    }
    const [s] = await tx
      .insert(villageSurvey)
      .values({
        stateCode: p.stateCode,
        districtCode: p.districtCode,
        subdistrictCode: p.subdistrictCode ?? null,
        villageId,
        surveyedOn: input.surveyedOn,
        surveyedBy: actor.userId,
        householdsVisited: input.householdsVisited,
        notes: input.notes ?? null,
      })
      .returning();
    if (input.visits.length) await tx.insert(surveyVisit).values(input.visits.map((v) => ({ surveyId: s.id, ...v })));
    await audit(
      tx,
      actor,
      'create',
      'village_survey',
      s.id,
      p,
      { families: input.visits.map((v) => v.familyId) },
      { families: input.visits.map((v) => v.familyId) },
    );
    return { ...s, visits: input.visits.length };
  });
}
