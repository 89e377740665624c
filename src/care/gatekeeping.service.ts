import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { permittedColumns, shapeRow } from '../access/fields';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { child } from '../registry/registry.schema';
import { careGatekeeping } from './care.schema';
import type { GatekeepingListQuery } from './care.model';

/**
 * The gatekeeping assessments of the actor's jurisdiction (JJ Act 2015 s.3(xii)), newest first,
 * by child and outcome: what an officer picks from when admitting a child (an assessment that
 * chose institutional care and no stay has used yet: `unused`). The child's name is the child
 * policy's (initials under a CWC non-disclosure order the reader may not see past, s.74).
 */
export async function listGatekeeping(ctx: AppContext, actor: Actor, q: GatekeepingListQuery) {
  requirePermission(actor, 'care.write');
  const today = istToday(ctx.now());
  const where: SQL[] = [jurisdictionWhere(actor, careGatekeeping)];
  if (q.childId) where.push(eq(careGatekeeping.childId, q.childId));
  if (q.districtCode) where.push(eq(careGatekeeping.districtCode, q.districtCode));
  if (q.outcome === 'diverted') where.push(sql`${careGatekeeping.decision} <> 'institution'`);
  else if (q.outcome) where.push(eq(careGatekeeping.decision, q.outcome));
  const used = sql<boolean>`EXISTS (SELECT 1 FROM care_stay s WHERE s.gatekeeping_id = ${careGatekeeping.id})`;
  if (q.unused) where.push(sql`NOT ${used}`);
  const childCols = permittedColumns(actor, 'child', { today });
  const rows = await ctx.db
    .select({
      id: careGatekeeping.id,
      childId: careGatekeeping.childId,
      caseId: careGatekeeping.caseId,
      districtCode: careGatekeeping.districtCode,
      assessedOn: careGatekeeping.assessedOn,
      options: careGatekeeping.options,
      decision: careGatekeeping.decision,
      reason: careGatekeeping.reason,
      used: used.mapWith(Boolean),
      // The child's name and the order marker, as the child policy gives them (none for a role without names).
      ...Object.fromEntries(Object.entries(childCols).filter(([k]) => k === 'name' || k === '__identityWithheld')),
    })
    .from(careGatekeeping)
    .innerJoin(child, eq(child.id, careGatekeeping.childId))
    .where(and(...where))
    .orderBy(desc(careGatekeeping.assessedOn), desc(careGatekeeping.createdAt))
    .limit(q.limit);
  const items = rows.map((r) => {
    const { name, ...rest } = shapeRow(r as Record<string, unknown>, 'child', actor) as typeof r & { name?: string | null };
    return { ...rest, childName: name ?? null, diverted: r.decision !== 'institution' };
  });
  await audit(ctx.db, actor, 'list', 'care_gatekeeping', null, null, { count: items.length }, { children: items.map((i) => i.childId) });
  return { items };
}
