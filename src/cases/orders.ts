import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import type { CwcOrderType } from './domain/vocabulary';
import { getCase, loadActions } from './cases.repository';

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
  for (const a of await loadActions(db, caseId)) {
    if (a.type !== 'cwc_order' || (orderType && a.orderType !== orderType)) continue;
    out.push({ kind: a.kind, orderType: a.orderType, form: a.form ?? null, orderRef: a.orderRef ?? null, orderedOn: a.orderedOn });
  }
  return out;
}
