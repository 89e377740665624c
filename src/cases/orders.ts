import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import type { CwcOrderType } from './domain/vocabulary';
import { getCase, historyKeyOf, loadActions } from './cases.repository';
import { caseAction, caseRecord } from './cases.schema';
import { caseVisibleWhere } from './cases.access';

/**
 * The case module's public read of the CWC orders recorded on a case, for other modules (the
 * missing-children restoration needs the CWC's restoration order: JJ Act 2015 s.37(1)(b), s.40;
 * JJ Model Rules 2016 Form 44). Null when the actor may not see the case (the case access rule,
 * in the query); the orders in the order they were recorded.
 */
export interface CaseCwcOrder {
  kind: 'interim' | 'final';
  orderType: CwcOrderType;
  form: string | null;
  orderRef: string | null;
  orderedOn: string;
}

export async function cwcOrdersOnCase(db: Db, actor: Actor, caseId: string, orderType?: CwcOrderType): Promise<CaseCwcOrder[] | null> {
  const seen = await getCase(db, actor, caseId);
  if (!seen || seen.access !== 'full') return null;
  const out: CaseCwcOrder[] = [];
  for (const a of await loadActions(db, caseId, historyKeyOf(seen))) {
    if (a.type !== 'cwc_order' || (orderType && a.orderType !== orderType)) continue;
    out.push({ kind: a.kind, orderType: a.orderType, form: a.form ?? null, orderRef: a.orderRef ?? null, orderedOn: a.orderedOn });
  }
  return out;
}

/**
 * The CWC inquiry into an orphaned, abandoned or surrendered child recorded at production
 * (JJ Act 2015 s.38(1); the surrender deed, Form 23, s.35), for the adoption hand-off file.
 * Null when the actor may not see the case or no such inquiry was recorded.
 */
export interface AdoptionInquiry {
  category: string;
  surrenderedOn: string | null;
  form23Ref: string | null;
}
export async function adoptionInquiryOnCase(db: Db, actor: Actor, caseId: string): Promise<AdoptionInquiry | null> {
  const seen = await getCase(db, actor, caseId);
  if (!seen || seen.access !== 'full') return null;
  let found: AdoptionInquiry | null = null;
  for (const a of await loadActions(db, caseId, historyKeyOf(seen))) {
    if (a.type === 'produced_before_cwc' && a.adoptionInquiry)
      found = {
        category: a.adoptionInquiry.category,
        surrenderedOn: a.adoptionInquiry.surrenderedOn ?? null,
        form23Ref: a.adoptionInquiry.form23Ref ?? null,
      };
  }
  return found;
}

/**
 * The cases the actor may read in full that carry a CWC order of this type (e.g. the s.38
 * declaration that a child is legally free for adoption, `lfa_declaration`, Form 25), with the
 * latest such order: the case module's public read for another module's list (the care module's
 * children to hand over to an SAA). The case access rule is in the query.
 */
export interface CaseWithCwcOrder {
  caseId: string;
  caseNumber: number;
  childId: string;
  orderRef: string | null;
  orderedOn: string;
}
export async function casesWithCwcOrder(db: Db, actor: Actor, orderType: CwcOrderType, limit = 1000): Promise<CaseWithCwcOrder[]> {
  const rows = await db
    .select({ caseId: caseRecord.id, caseNumber: caseRecord.number, childId: caseRecord.childId, payload: caseAction.payload })
    .from(caseAction)
    .innerJoin(caseRecord, eq(caseRecord.id, caseAction.caseId))
    .where(
      and(
        caseVisibleWhere(actor),
        eq(caseAction.type, 'cwc_order'),
        sql`${caseAction.payload}->>'orderType' = ${orderType}`,
        isNotNull(caseRecord.childId),
      ),
    )
    .orderBy(asc(caseAction.caseId), asc(caseAction.seq))
    .limit(limit);
  const latest = new Map<string, CaseWithCwcOrder>();
  for (const r of rows) {
    const p = r.payload as { orderRef?: string | null; orderedOn: string };
    latest.set(r.caseId, {
      caseId: r.caseId,
      caseNumber: Number(r.caseNumber),
      childId: r.childId!,
      orderRef: p.orderRef ?? null,
      orderedOn: p.orderedOn,
    });
  }
  return [...latest.values()];
}
