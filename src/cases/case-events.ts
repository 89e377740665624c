import type { Placement } from '../access/policy';
import type { Db } from '../db/client';
import { publish } from '../events/events';
import type { CaseAction } from './domain';
import { placeOf, type CaseRow } from './cases.repository';

/**
 * The case module's domain events, published in the transaction that records the action:
 * a CWC order (the registry's care status and the schemes' facts follow it) and an accepted
 * transfer (the child's and family's records move with the case).
 */
export async function publishCaseEvents(db: Db, row: CaseRow, action: CaseAction, after: Placement, actorUserId: string, now: Date) {
  const common = {
    aggregateType: 'case',
    aggregateId: row.id,
    actorUserId,
    stateCode: after.stateCode,
    districtCode: after.districtCode,
    at: now,
  };
  if (action.type === 'cwc_order') {
    await publish(db, {
      ...common,
      type: 'case.cwc_order_recorded',
      payload: {
        caseId: row.id,
        childId: row.childId,
        familyId: row.familyId ?? null,
        orderType: action.orderType,
        kind: action.kind,
        orderedOn: action.orderedOn,
        orderRef: action.orderRef ?? null,
      },
    });
  }
  if (action.type === 'age_determined') {
    await publish(db, {
      ...common,
      type: 'case.age_determined',
      payload: {
        caseId: row.id,
        childId: row.childId,
        dateOfBirth: action.dateOfBirth,
        basis: action.basis,
        determinedOn: action.determinedOn,
      },
    });
  }
  if (action.type === 'transfer_accepted') {
    await publish(db, {
      ...common,
      type: 'case.transfer_accepted',
      payload: { caseId: row.id, childId: row.childId, familyId: row.familyId ?? null, from: placeOf(row), to: after },
    });
  }
}
