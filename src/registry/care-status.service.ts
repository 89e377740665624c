import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import { visibleChild } from './children.repository';
import { child } from './registry.schema';

/**
 * The registry's public function for a missing child restored to the family on a CWC order
 * (JJ Act 2015 s.37(1)(b), s.40; JJ Model Rules 2016 Form 44): a child whose care status says
 * "missing" now lives with the birth family. Called by the missing-children module in the
 * transaction that records the restoration, for the home district's reviewer (the child must
 * be in the actor's jurisdiction: the rule is in the query). Only a child still marked missing
 * changes, so a status someone set since (a CCI placement, kinship care) is never overwritten.
 *
 * TODO(#12, outbox): when the transactional outbox lands, the missing module emits
 * `missing.child_restored` and a registry handler calls this; until then it is a direct call.
 */
export async function recordRestoredToFamily(
  db: Db,
  actor: Actor,
  childId: string,
  cause: { restorationId: string },
  now: Date,
): Promise<{ changed: boolean }> {
  const [row] = await db
    .update(child)
    .set({ careStatus: 'birth_family', version: sql`${child.version} + 1`, updatedAt: now })
    .where(and(eq(child.id, childId), eq(child.careStatus, 'missing'), visibleChild(actor)))
    .returning({ id: child.id, stateCode: child.stateCode, districtCode: child.districtCode, version: child.version });
  if (!row) return { changed: false };
  await audit(db, actor, 'update', 'child', row.id, row, {
    fields: ['careStatus'],
    careStatus: { from: 'missing', to: 'birth_family' },
    cause: 'missing_restoration',
    restorationId: cause.restorationId,
    version: row.version,
  });
  return { changed: true };
}
