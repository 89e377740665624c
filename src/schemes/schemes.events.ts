import type { EventHandler } from '../events/dispatcher';
import { schemeChildFact } from './scheme-facts.schema';

/**
 * Orders that are the CWC's recommendation the scheme rules ask for: Mission Vatsalya
 * sponsorship is granted on the CWC's recommendation (guidelines, non-institutional care) and
 * foster care is by CWC order (JJ Act 2015 s.44). An order recorded on a case fills the fact,
 * so eligibility stops answering "maybe: CWC recommendation not recorded".
 */
const RECOMMENDING_ORDERS = new Set(['sponsorship', 'foster_care']);

const cwcRecommendationFromOrder: EventHandler<'case.cwc_order_recorded'> = {
  name: 'schemes.cwc-recommendation-from-order',
  type: 'case.cwc_order_recorded',
  async handle(db, e, now) {
    if (!RECOMMENDING_ORDERS.has(e.payload.orderType)) return;
    const source = `cwc_order:${e.payload.orderType}`;
    const sourceRef = `${e.payload.caseId}${e.payload.orderRef ? `/${e.payload.orderRef}` : ''}`;
    await db
      .insert(schemeChildFact)
      .values({ childId: e.payload.childId, fact: 'cwcRecommendation', value: true, source, sourceRef, recordedAt: now })
      .onConflictDoUpdate({
        target: [schemeChildFact.childId, schemeChildFact.fact],
        set: { value: true, source, sourceRef, recordedAt: now },
      });
  },
};

export const schemesEventHandlers = [cwcRecommendationFromOrder] as const;
