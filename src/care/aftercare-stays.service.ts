import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { rowsWhere } from '../access/fields';
import { audit } from '../audit/audit.service';
import { organisation } from '../users/users.schema';
import { careStay } from './care.schema';
import { scopeOf } from './care.repository';

/**
 * Stays discharged to aftercare (JJ Act 2015 s.46: reason 'aftercare') that no aftercare plan
 * follows yet, and whose young person has no active plan: proposed on the *Aftercare* screen to
 * be linked by the plan made from them (`followsStayId`), as *Foster placements* proposes foster
 * children (aftercareProposals). The stay's row rule (the one policy) is in the query; audited.
 */
export async function aftercareStayProposals(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'care.read');
  const rows = await ctx.db
    .select({ id: careStay.id, childId: careStay.childId, endedOn: careStay.endedOn, institution: organisation.name })
    .from(careStay)
    .leftJoin(organisation, eq(organisation.id, careStay.institutionId))
    .where(
      and(
        rowsWhere(actor, 'careStay', { ...scopeOf(careStay), organisation: careStay.institutionId }),
        eq(careStay.endReason, 'aftercare'),
        isNotNull(careStay.endedOn),
        sql`NOT EXISTS (SELECT 1 FROM care_aftercare_plan a WHERE a.follows_stay_id = ${careStay.id})`,
        sql`NOT EXISTS (SELECT 1 FROM care_aftercare_plan a WHERE a.child_id = ${careStay.childId} AND a.status = 'active')`,
      ),
    )
    .orderBy(desc(careStay.endedOn), asc(careStay.id))
    .limit(500);
  const items = rows.map((r) => ({ stayId: r.id, childId: r.childId, endedOn: r.endedOn!, institution: r.institution ?? null }));
  await audit(
    ctx.db,
    actor,
    'list',
    'care_stay',
    null,
    null,
    { purpose: 'aftercare_stay_proposals', count: items.length },
    { children: items.map((i) => i.childId) },
  );
  return { items };
}
