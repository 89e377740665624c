import { and, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { covers, jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { badRequest } from '../http/errors';
import { audit } from '../audit/audit.service';
import { careFamilyPlacement, careFollowUp, careGatekeeping, careInspection, careReintegration } from './care.schema';
import { ACTION_PLAN_TARGETS, TARGET_MEASURES, yearBounds, type TargetMeasure } from './domain';

/**
 * Progress against the district action-plan targets (domain/targets.json) for a financial year,
 * computed from the records in the actor's jurisdiction: counts only, no child's particulars.
 */
export async function targetProgress(ctx: AppContext, actor: Actor, fy: string) {
  requirePermission(actor, 'care.read');
  const targets = ACTION_PLAN_TARGETS.years[fy];
  if (!targets) throw badRequest('year', `no action-plan targets for ${fy} (have: ${Object.keys(ACTION_PLAN_TARGETS.years).join(', ')})`);
  const { from, to } = yearBounds(fy);
  const month = (col: unknown) => sql<string>`to_char(${col}, 'YYYY-MM')`;
  const counted = async (
    table: typeof careReintegration | typeof careFamilyPlacement | typeof careGatekeeping | typeof careInspection,
    dayCol: Parameters<typeof gte>[0],
    extra?: ReturnType<typeof eq>,
  ) =>
    ctx.db
      .select({ districtCode: table.districtCode, month: month(dayCol), n: sql<number>`count(*)::int` })
      .from(table)
      .where(and(jurisdictionWhere(actor, table as never), gte(dayCol, from), lte(dayCol, to), extra))
      .groupBy(table.districtCode, month(dayCol));
  const restored = await counted(careReintegration, careReintegration.restoredOn);
  const familyBased = await counted(
    careFamilyPlacement,
    careFamilyPlacement.startedOn,
    sql`${careFamilyPlacement.kind} IN ('kinship','foster','group_foster')` as never,
  );
  const fosterApproved = await counted(
    careFamilyPlacement,
    careFamilyPlacement.approvedOn,
    sql`${careFamilyPlacement.kind} IN ('foster','group_foster')` as never,
  );
  const diverted = await counted(careGatekeeping, careGatekeeping.assessedOn, ne(careGatekeeping.decision, 'institution') as never);
  const inspected = await ctx.db
    .select({
      districtCode: careInspection.districtCode,
      month: month(careInspection.inspectedOn),
      n: sql<number>`count(DISTINCT ${careInspection.institutionId})::int`,
    })
    .from(careInspection)
    .where(and(jurisdictionWhere(actor, careInspection), gte(careInspection.inspectedOn, from), lte(careInspection.inspectedOn, to)))
    .groupBy(careInspection.districtCode, month(careInspection.inspectedOn));
  const followUps = await ctx.db
    .select({ districtCode: careReintegration.districtCode, month: month(careFollowUp.visitedOn), n: sql<number>`count(*)::int` })
    .from(careFollowUp)
    .innerJoin(careReintegration, eq(careReintegration.id, careFollowUp.reintegrationId))
    .where(and(jurisdictionWhere(actor, careReintegration), gte(careFollowUp.visitedOn, from), lte(careFollowUp.visitedOn, to)))
    .groupBy(careReintegration.districtCode, month(careFollowUp.visitedOn));
  const actual: Record<TargetMeasure, { districtCode: number; month: string; n: number }[]> = {
    restored,
    familyBased,
    diverted,
    followUps,
    fosterApproved,
    inspected,
  };
  const districts = Object.entries(targets).flatMap(([st, ds]) =>
    Object.keys(ds)
      .filter((d) => covers(actor.scope, { stateCode: Number(st), districtCode: Number(d) }))
      .map((d) => ({ stateCode: Number(st), districtCode: Number(d) })),
  );
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const y = Number(from.slice(0, 4)) + Math.floor((3 + i) / 12);
    months.push(`${y}-${String(((3 + i) % 12) + 1).padStart(2, '0')}`);
  }
  const items = districts.map(({ stateCode, districtCode: d }) => {
    const sum = (m: TargetMeasure) => actual[m].filter((r) => r.districtCode === d).reduce((n, r) => n + r.n, 0);
    const inMonth = (m: TargetMeasure, mo: string) =>
      actual[m].filter((r) => r.districtCode === d && r.month === mo).reduce((n, r) => n + r.n, 0);
    return {
      districtCode: d,
      measures: TARGET_MEASURES.map((m) => {
        const target = targets[String(stateCode)][String(d)][m];
        const a = sum(m);
        return { measure: m, target, actual: a, percent: target ? Math.round((a / target) * 100) : 0 };
      }),
      byMonth: months.map((mo) => ({
        month: mo,
        restored: inMonth('restored', mo),
        familyBased: inMonth('familyBased', mo),
        diverted: inMonth('diverted', mo),
        followUps: inMonth('followUps', mo),
      })),
    };
  });
  await audit(ctx.db, actor, 'list', 'care_targets', null, null, { year: fy, districts: items.length });
  return { year: fy, source: ACTION_PLAN_TARGETS.source, items };
}
