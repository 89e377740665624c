import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, registryView, type Actor } from '../access/policy';
import { child } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { caseNonDisclosureOrder } from '../cases/disclosure.schema';
import type { CaseIdentity, IsoDate } from './domain';
import type { ActionRow } from './actions.repository';

/**
 * Who may be named on a division-of-labour note, decided by the access policy
 * (src/access/policy.ts `registryView`), never by role names:
 * - a department's cut ('department'): readers who may see a child's name at all (the full
 *   registry, or the minimal view a department nodal officer has: name, age, village);
 * - the consolidated note ('full'): only readers who see the full registry.
 */
export function mayName(actor: Actor, scope: 'department' | 'full'): boolean {
  const v = registryView(actor);
  return scope === 'full' ? v === 'full' : v !== null;
}

function ageOn(dob: string | null, on: IsoDate): number | null {
  if (!dob) return null;
  const [y, m, d] = dob.split('-').map(Number);
  const [Y, M, D] = on.split('-').map(Number);
  const age = Y - y - (M < m || (M === m && D < d) ? 1 : 0);
  return age >= 0 ? age : null;
}

/**
 * Identity material for the cases a note will show (`caseRefs`, already cut to the
 * recipient): every case's non-disclosure order, and — only with `withNames` — the child's
 * name (both scripts), age on the meeting date and village, read inside the actor's
 * jurisdiction. Orders are read whatever the reader's jurisdiction: they only take away.
 * Returns the identities and the ids of the children whose names were read (for the audit).
 */
export async function noteIdentities(db: Db, actor: Actor, rows: ActionRow[], caseRefs: Set<string>, on: IsoDate, withNames: boolean) {
  const byRef = new Map<string, { caseId: string | null; childId: string | null }>();
  for (const r of rows) {
    if (!r.caseRef || !caseRefs.has(r.caseRef)) continue;
    const seen = byRef.get(r.caseRef);
    byRef.set(r.caseRef, { caseId: seen?.caseId ?? r.caseId, childId: seen?.childId ?? r.childId });
  }
  const caseIds = [...new Set([...byRef.values()].map((x) => x.caseId).filter((x): x is string => !!x))];
  const childIds = withNames ? [...new Set([...byRef.values()].map((x) => x.childId).filter((x): x is string => !!x))] : [];
  const orders = caseIds.length
    ? new Map(
        (await db.select().from(caseNonDisclosureOrder).where(inArray(caseNonDisclosureOrder.caseId, caseIds))).map((o) => [o.caseId, o]),
      )
    : new Map();
  const children = childIds.length
    ? new Map(
        (
          await db
            .select({ id: child.id, name: child.name, nameLocal: child.nameLocal, dob: child.dob, village: location.name })
            .from(child)
            .leftJoin(location, eq(location.id, child.villageId))
            .where(and(inArray(child.id, childIds), jurisdictionWhere(actor, child)))
        ).map((c) => [c.id, c]),
      )
    : new Map();
  const named: string[] = [];
  const cases: CaseIdentity[] = [...byRef.entries()].map(([caseRef, { caseId, childId }]) => {
    const o = caseId ? orders.get(caseId) : undefined;
    const c = childId ? children.get(childId) : undefined;
    if (c) named.push(c.id); // read, even when the order leaves only initials on the note
    return {
      caseRef,
      nonDisclosureOrder: o ? { orderRef: o.orderRef, orderedOn: o.orderedOn } : null,
      ...(c ? { child: { name: c.name, nameLocal: c.nameLocal ?? null, age: ageOn(c.dob, on), village: c.village ?? null } } : {}),
    };
  });
  return { cases, named };
}
