import { and, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { permittedColumns } from '../access/fields';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { child } from '../registry/registry.schema';
import { visibleChild } from '../registry/children.repository';
import { casesWithCwcOrder } from '../cases/orders';

/**
 * The children of the actor's district the CWC has declared legally free for adoption (JJ Act
 * 2015 s.38, Form 25, recorded as an `lfa_declaration` order on a case) and not yet handed to a
 * Specialised Adoption Agency (no hand-off, or only one the SAA returned to the CWC), for the
 * *Adoption hand-offs* screen to pick the child and the case from. The case rule (the case
 * module's `casesWithCwcOrder`) and the child rule (the one access policy, `visibleChild`, the
 * child's permitted fields: a non-disclosure order shows initials) are in the queries; the read
 * is audited like any list of children.
 */
export async function legallyFreeChildren(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const declared = await casesWithCwcOrder(ctx.db, actor, 'lfa_declaration');
  const ids = [...new Set(declared.map((d) => d.childId))];
  const cols = permittedColumns(actor, 'child', { today }) as Record<string, unknown>;
  const kids = ids.length
    ? await ctx.db
        .select({
          id: child.id,
          name: (cols.name ?? sql<null>`null`) as typeof child.name,
          sex: (cols.sex ?? sql<null>`null`) as typeof child.sex,
          dob: (cols.dob ?? sql<null>`null`) as typeof child.dob,
        })
        .from(child)
        .where(
          and(
            inArray(child.id, ids),
            visibleChild(actor),
            // Handed over and not returned (handed_over, referred, adopted): no longer to hand over.
            sql`NOT EXISTS (SELECT 1 FROM care_adoption_handoff h WHERE h.child_id = ${child.id} AND h.status <> 'returned')`,
          ),
        )
    : [];
  const byId = new Map(kids.map((k) => [k.id, k]));
  const items = declared
    .filter((d) => byId.has(d.childId))
    .map((d) => {
      const k = byId.get(d.childId)!;
      return {
        childId: d.childId,
        name: k.name ?? null,
        sex: k.sex ?? null,
        dob: k.dob ?? null,
        caseId: d.caseId,
        caseNumber: d.caseNumber,
        declaredFreeOn: d.orderedOn,
        orderRef: d.orderRef,
      };
    })
    .sort((a, b) => a.declaredFreeOn.localeCompare(b.declaredFreeOn) || a.caseNumber - b.caseNumber);
  await audit(
    ctx.db,
    actor,
    'list',
    'child',
    null,
    null,
    { purpose: 'legally_free_for_adoption', count: items.length },
    { children: items.map((i) => i.childId) },
  );
  return { items };
}
