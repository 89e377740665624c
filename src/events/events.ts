import { z } from 'zod';
import type { Db } from '../db/client';
import { domainEvent } from './events.schema';

/**
 * The domain events modules tell each other about, as validated data. A module publishes an
 * event in the same transaction as its change (`publish`); other modules react in handlers
 * (src/events/handlers.ts) run by the dispatcher, so no module writes another's tables.
 * Payloads hold ids and codes only: events are read by jobs and operators, and a child's
 * particulars must not spread (JJ Act 2015 s.74).
 */
const uuid = z.string().uuid();
const place = z.object({
  stateCode: z.number().int(),
  districtCode: z.number().int(),
  subdistrictCode: z.number().int().nullable().optional(),
  blockCode: z.number().int().nullable().optional(),
  villageId: z.string().nullable().optional(),
});

export const EVENT_PAYLOADS = {
  /** A CWC passed an order on a case (JJ Act 2015 s.37). */
  'case.cwc_order_recorded': z.object({
    caseId: uuid,
    childId: uuid,
    familyId: uuid.nullable(),
    orderType: z.string(),
    kind: z.string(),
    orderedOn: z.string(),
    orderRef: z.string().nullable(),
  }),
  /**
   * A CWC determined a child's age (JJ Act 2015 s.94(2)); deemed the true age (s.94(3)): the
   * registry writes the date of birth and its basis on the child's record.
   */
  'case.age_determined': z.object({
    caseId: uuid,
    childId: uuid,
    dateOfBirth: z.string(),
    basis: z.string(),
    determinedOn: z.string(),
  }),
  /** The receiving district accepted a transfer: the case now sits at `to` (JJ Act 2015 s.95). */
  /** A citizen reported a sighting of a child (/report-a-child): the helpline queue takes it at once (src/helpline). */
  'missing.public_sighting_submitted': z.object({ recordId: uuid, place }),
  'case.transfer_accepted': z.object({ caseId: uuid, childId: uuid, familyId: uuid.nullable(), from: place, to: place }),
  /**
   * A missing child was restored to the family on a CWC order (JJ Act 2015 s.37(1)(b), s.40;
   * Model Rules 2016 Form 44): the report and the found child's record are closed. `childId` is
   * the registry child the report is linked to, if any.
   */
  'missing.restored': z.object({
    restorationId: uuid,
    /** Null after a national match (then nationalMatchId), and the report when it is another state's. */
    matchId: uuid.nullable(),
    nationalMatchId: uuid.nullable().optional(),
    missingId: uuid.nullable(),
    foundId: uuid,
    childId: uuid.nullable(),
    caseId: uuid.nullable(),
    cwcOrderOn: z.string().nullable(),
  }),
  /** A Bal Panchayat (children's council) raised an issue with the VCPC. */
  'balpanchayat.issue_raised': z.object({
    issueId: uuid,
    category: z.string(),
    raisedOn: z.string(),
    place,
    childId: uuid.nullable(),
  }),
  /** A child was admitted to an institution on a CWC or JJB order (src/care; JJ Act 2015 s.37(1)(c), s.41). */
  'care.child_admitted': z.object({ stayId: uuid, childId: uuid, institutionId: uuid, orderBy: z.enum(['cwc', 'jjb']), on: z.string() }),
  /** A child in an institution ran away: the registry marks the child missing (the care module opens the missing report). */
  'care.child_ran_away': z.object({ stayId: uuid, childId: uuid, institutionId: uuid, on: z.string() }),
  /** A child's stay ended (or a runaway came back): the care status the child now has, null to leave it. */
  'care.child_left': z.object({ stayId: uuid, childId: uuid, reason: z.string(), careStatus: z.string().nullable(), on: z.string() }),
  /** A family-based placement (foster, kinship, sponsorship…) ended on the CWC's order: the care status the child now has, null to leave it. */
  'care.placement_ended': z.object({
    placementId: uuid,
    childId: uuid,
    reason: z.string(),
    careStatus: z.string().nullable(),
    on: z.string(),
  }),
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

export interface NewEvent<T extends EventType> {
  type: T;
  aggregateType: string;
  aggregateId: string;
  payload: EventPayload<T>;
  actorUserId?: string | null;
  stateCode?: number | null;
  districtCode?: number | null;
  at: Date;
}

let nudged = false;
/** True once after something was published in this process (the job runner then dispatches soon). */
export function takeNudge(): boolean {
  const n = nudged;
  nudged = false;
  return n;
}

/** Something was published in another worker of this server (src/cluster.ts relays it). */
export function markNudged(): void {
  nudged = true;
}

/** Writes an event in the caller's transaction: it exists if and only if the change commits. */
export async function publish<T extends EventType>(db: Db, e: NewEvent<T>): Promise<void> {
  const payload = EVENT_PAYLOADS[e.type].parse(e.payload);
  await db.insert(domainEvent).values({
    type: e.type,
    aggregateType: e.aggregateType,
    aggregateId: e.aggregateId,
    payload,
    actorUserId: e.actorUserId ?? null,
    stateCode: e.stateCode ?? null,
    districtCode: e.districtCode ?? null,
    createdAt: e.at,
  });
  nudged = true;
}
