import { and, eq, ne, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.service';
import type { Db } from '../db/client';
import type { EventHandler } from '../events/dispatcher';
import { registryMove } from './registry-move.schema';
import { child, document, family } from './registry.schema';
import { caseRecord } from '../cases/cases.schema';
import type { CARE_STATUSES } from './vocabulary';

type CareStatus = (typeof CARE_STATUSES)[number];

/**
 * Where a CWC order places the child (JJ Act 2015 s.37 orders). Orders that do not move the
 * child (sponsorship keeps the child at home; a legally-free declaration, "other") leave the
 * registry's care status as it is.
 */
export const CARE_STATUS_AFTER_ORDER: Partial<Record<string, CareStatus>> = {
  restoration: 'birth_family', // release-cum-restoration order, JJ Model Rules 2016 Form 44
  kinship_care: 'kinship_care',
  foster_care: 'foster_care', // s.44
  cci_placement: 'cci', // s.37(1)(c), children's home
  saa_placement: 'cci', // Specialised Adoption Agency (s.65) is an institution until adoption
  fit_facility: 'cci', // s.51
  aftercare: 'aftercare', // s.46
};

/** A CWC order recorded on a case → the child's care status in the registry. */
const careStatusFromOrder: EventHandler<'case.cwc_order_recorded'> = {
  name: 'registry.care-status-from-order',
  type: 'case.cwc_order_recorded',
  async handle(db, e, now) {
    const to = CARE_STATUS_AFTER_ORDER[e.payload.orderType];
    if (!to) return;
    const [before] = await db
      .select({ careStatus: child.careStatus, stateCode: child.stateCode, districtCode: child.districtCode })
      .from(child)
      .where(eq(child.id, e.payload.childId))
      .for('update');
    if (!before || before.careStatus === to) return;
    await db
      .update(child)
      .set({ careStatus: to, version: sql`${child.version} + 1`, updatedAt: now })
      .where(eq(child.id, e.payload.childId));
    await audit(db, null, 'update', 'child', e.payload.childId, before, {
      field: 'careStatus',
      from: before.careStatus,
      to,
      becauseOf: 'cwc_order',
      caseId: e.payload.caseId,
      eventSeq: e.seq,
    });
  },
};

/**
 * A transfer accepted by another district → the child's record, and the family's if it was in
 * the district the case left, move with the case, so the receiving district (or state: an
 * inter-state transfer, JJ Act 2015 s.95, JJ Model Rules 2016 r.28) can read them and the sending
 * one no longer can (the registry's reads filter by place in the query). What goes with the
 * child's file moves too: the registry documents held for the child (and the family's, when the
 * family moves); the case's attachments are moved by the cases module with the acceptance. The old place is kept in registry_move; every move is
 * audited (ids and counts). Siblings are not moved: they may still live there.
 *
 * Kept, not moved, when the child has another open case still placed in the state the case left:
 * that case's team in the sending state still works with the child's record, and moving it would
 * take it from them (404) while their case is open. The transfer itself is not refused: it is the
 * Committee's order for this case, and the receiving side reads the child through the case
 * meanwhile. The decision is audited (`transfer.kept`, the other cases' ids).
 */
const moveWithTransfer: EventHandler<'case.transfer_accepted'> = {
  name: 'registry.move-with-transfer',
  type: 'case.transfer_accepted',
  async handle(db, e, now) {
    const { from, to, caseId } = e.payload;
    const target = {
      stateCode: to.stateCode,
      districtCode: to.districtCode,
      subdistrictCode: to.subdistrictCode ?? null,
      blockCode: to.blockCode ?? null,
      villageId: to.villageId ?? null,
    };
    const others = await db
      .select({ id: caseRecord.id })
      .from(caseRecord)
      .where(
        and(
          eq(caseRecord.childId, e.payload.childId),
          eq(caseRecord.stateCode, from.stateCode),
          ne(caseRecord.id, caseId),
          ne(caseRecord.status, 'closed'),
        ),
      );
    if (others.length) {
      await audit(db, null, 'transfer.kept', 'child', e.payload.childId, from, {
        reason: 'other_open_cases_in_sending_state',
        otherCases: others.map((o) => o.id),
        caseId,
        eventSeq: e.seq,
      });
      return;
    }
    const subjects = [
      { type: 'child' as const, table: child, id: e.payload.childId, docs: document.childId },
      ...(e.payload.familyId ? [{ type: 'family' as const, table: family, id: e.payload.familyId, docs: document.familyId }] : []),
    ];
    for (const s of subjects) {
      const [row] = await db
        .select({ stateCode: s.table.stateCode, districtCode: s.table.districtCode, villageId: s.table.villageId })
        .from(s.table)
        .where(and(eq(s.table.id, s.id), eq(s.table.stateCode, from.stateCode), eq(s.table.districtCode, from.districtCode)))
        .for('update');
      // Already moved (a re-delivered event), or it was never in the district the case left.
      if (!row) continue;
      await db
        .update(s.table)
        .set({ ...target, version: sql`${s.table.version} + 1`, updatedAt: now })
        .where(eq(s.table.id, s.id));
      const docs = await db
        .update(document)
        .set({ stateCode: to.stateCode, districtCode: to.districtCode })
        .where(and(eq(s.docs, s.id), eq(document.stateCode, row.stateCode), eq(document.districtCode, row.districtCode)))
        .returning({ id: document.id });
      await db.insert(registryMove).values({
        subjectType: s.type,
        subjectId: s.id,
        fromStateCode: row.stateCode,
        fromDistrictCode: row.districtCode,
        fromVillageId: row.villageId,
        toStateCode: to.stateCode,
        toDistrictCode: to.districtCode,
        caseId,
        eventSeq: e.seq,
        movedAt: now,
      });
      await audit(db, null, 'update', s.type, s.id, target, {
        field: 'jurisdiction',
        fromState: row.stateCode,
        fromDistrict: row.districtCode,
        toState: to.stateCode,
        toDistrict: to.districtCode,
        becauseOf: 'transfer_accepted',
        caseId,
        documentsMoved: docs.map((d) => d.id),
        eventSeq: e.seq,
      });
    }
  },
};

/**
 * The care module's admissions and departures (src/care) → the child's care status: in an
 * institution (a CCI under JJ Act 2015 s.2(21), or an SAA), missing after running away, or
 * where the discharge sent the child. The audit entry names the stay, never the child's name.
 */
async function setCareStatus(db: Db, childId: string, to: CareStatus, now: Date, why: Record<string, unknown>) {
  const [before] = await db
    .select({ careStatus: child.careStatus, stateCode: child.stateCode, districtCode: child.districtCode })
    .from(child)
    .where(eq(child.id, childId))
    .for('update');
  if (!before || before.careStatus === to) return;
  await db
    .update(child)
    .set({ careStatus: to, version: sql`${child.version} + 1`, updatedAt: now })
    .where(eq(child.id, childId));
  await audit(db, null, 'update', 'child', childId, before, { field: 'careStatus', from: before.careStatus, to, ...why });
}

const careStatusFromAdmission: EventHandler<'care.child_admitted'> = {
  name: 'registry.care-status-from-admission',
  type: 'care.child_admitted',
  handle: (db, e, now) =>
    setCareStatus(db, e.payload.childId, 'cci', now, { becauseOf: 'admission', stayId: e.payload.stayId, eventSeq: e.seq }),
};
const careStatusFromRunaway: EventHandler<'care.child_ran_away'> = {
  name: 'registry.care-status-from-runaway',
  type: 'care.child_ran_away',
  handle: (db, e, now) =>
    setCareStatus(db, e.payload.childId, 'missing', now, { becauseOf: 'ran_away', stayId: e.payload.stayId, eventSeq: e.seq }),
};
const careStatusFromLeaving: EventHandler<'care.child_left'> = {
  name: 'registry.care-status-from-leaving',
  type: 'care.child_left',
  async handle(db, e, now) {
    const to = e.payload.careStatus as CareStatus | null;
    if (to) await setCareStatus(db, e.payload.childId, to, now, { becauseOf: e.payload.reason, stayId: e.payload.stayId, eventSeq: e.seq });
  },
};
const careStatusAfterPlacement: EventHandler<'care.placement_ended'> = {
  name: 'registry.care-status-after-placement',
  type: 'care.placement_ended',
  async handle(db, e, now) {
    const to = e.payload.careStatus as CareStatus | null;
    if (to)
      await setCareStatus(db, e.payload.childId, to, now, {
        becauseOf: e.payload.reason,
        placementId: e.payload.placementId,
        eventSeq: e.seq,
      });
  },
};

/**
 * A missing child restored to the family on a CWC order (JJ Act 2015 s.37(1)(b), s.40; Model
 * Rules 2016 Form 44) → the registry child linked to the report lives with the birth family.
 * Only a child still marked "missing" changes, so a status someone set since (a CCI placement,
 * kinship care) is never overwritten, and a re-delivered event changes nothing.
 */
const careStatusAfterRestoration: EventHandler<'missing.restored'> = {
  name: 'registry.care-status-after-restoration',
  type: 'missing.restored',
  async handle(db, e, now) {
    const { childId, restorationId } = e.payload;
    if (!childId) return;
    const [row] = await db
      .update(child)
      .set({ careStatus: 'birth_family', version: sql`${child.version} + 1`, updatedAt: now })
      .where(and(eq(child.id, childId), eq(child.careStatus, 'missing')))
      .returning({ id: child.id, stateCode: child.stateCode, districtCode: child.districtCode, version: child.version });
    if (!row) return;
    await audit(db, null, 'update', 'child', row.id, row, {
      fields: ['careStatus'],
      careStatus: { from: 'missing', to: 'birth_family' },
      cause: 'missing_restoration',
      restorationId,
      version: row.version,
      eventSeq: e.seq,
    });
  },
};

/**
 * The age a CWC determined (JJ Act 2015 s.94(2)) → the child's date of birth, with its basis and
 * the day it was determined; s.94(3) deems it the true age. Estimated when it rests on a medical
 * test. A later determination replaces an earlier one; the same event twice changes nothing.
 */
const ageFromDetermination: EventHandler<'case.age_determined'> = {
  name: 'registry.age-from-determination',
  type: 'case.age_determined',
  async handle(db, e, now) {
    const p = e.payload;
    const [before] = await db
      .select({
        dob: child.dob,
        ageBasis: child.ageBasis,
        ageDeterminedOn: child.ageDeterminedOn,
        stateCode: child.stateCode,
        districtCode: child.districtCode,
      })
      .from(child)
      .where(eq(child.id, p.childId))
      .for('update');
    if (!before) return;
    if (before.dob === p.dateOfBirth && before.ageBasis === p.basis && before.ageDeterminedOn === p.determinedOn) return;
    await db
      .update(child)
      .set({
        dob: p.dateOfBirth,
        dobEstimated: p.basis === 'medical_test',
        ageBasis: p.basis,
        ageDeterminedOn: p.determinedOn,
        version: sql`${child.version} + 1`,
        updatedAt: now,
      })
      .where(eq(child.id, p.childId));
    await audit(db, null, 'update', 'child', p.childId, before, {
      field: 'dob',
      basis: p.basis,
      becauseOf: 'age_determination',
      caseId: p.caseId,
      eventSeq: e.seq,
    });
  },
};

export const registryEventHandlers = [
  ageFromDetermination,
  careStatusFromOrder,
  moveWithTransfer,
  careStatusAfterRestoration,
  careStatusFromAdmission,
  careStatusFromRunaway,
  careStatusFromLeaving,
  careStatusAfterPlacement,
] as const;
