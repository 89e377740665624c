/**
 * The reducer behind `deriveCase`: how each action changes the facts of a case.
 * It mutates a draft that `deriveFacts` owns; it never throws, and ignores
 * references it cannot resolve (validateAction refuses those before they are recorded).
 */
import type { ActionOf, CaseAction } from './actions';
import type { CaseFacts, CwcProceedings, EscalationRecord } from './state';
import { TERMINAL_CLOSURE_REASONS } from './vocabulary';

export function freshCwc(productionOwedSince: string | null): CwcProceedings {
  return {
    productionOwedSince,
    cwcUnit: null,
    firstProducedAt: null,
    lastProducedAt: null,
    productions: 0,
    sirOrderedAt: null,
    sirInvestigator: null,
    sirSubmittedAt: null,
    sirRecommendation: null,
    adoptionInquiry: null,
    orders: [],
    finalOrder: null,
    journeyMinutes: 0,
    ageTest: null,
    ageDetermination: null,
    escortOwedSince: null,
    escortOrders: [],
  };
}

export function pendingEscalation(s: CaseFacts): EscalationRecord | undefined {
  const last = s.escalations[s.escalations.length - 1];
  return last && last.resolution === 'pending' ? last : undefined;
}

function resolveEscalation(s: CaseFacts, a: CaseAction, resolution: EscalationRecord['resolution']): void {
  const esc = pendingEscalation(s);
  if (!esc) return;
  esc.resolution = resolution;
  esc.respondedAt = a.at;
}

/** Moves the case into CWC proceedings unless it is already further along. */
function enterCwc(s: CaseFacts): void {
  if (s.phase === 'intake' || s.phase === 'under_assessment') s.phase = 'under_cwc';
}

/** Applies one action to the facts. Unknown references are ignored, never thrown on. */
export function applyAction(s: CaseFacts, a: CaseAction, intake: ActionOf<'intake'>): void {
  const actor = { user: a.by, unit: a.unit };
  // An escalation is answered by the first thing the receiving unit does on the case.
  const esc = pendingEscalation(s);
  if (esc && a.unit === esc.toUnit && a.type !== 'escalation' && a.type !== 'returned_down') {
    resolveEscalation(s, a, 'acted');
    if (s.owner.unit === esc.toUnit && s.owner.user === null) s.owner.user = a.by;
  }
  switch (a.type) {
    case 'intake':
      return; // a second intake is refused by validateAction; ignore it here
    case 'assessment':
      s.risk = a.risk;
      s.needs = a.needs.map((n) => ({ ...n }));
      s.dates.firstAssessmentAt ??= a.at;
      if (s.phase === 'intake') s.phase = 'under_assessment';
      if (a.cwcProductionRequired && !s.cwc.firstProducedAt) s.cwc.productionOwedSince ??= a.at;
      return;
    case 'produced_before_cwc':
      s.cwc.cwcUnit = a.cwcUnit;
      s.cwc.productions += 1;
      s.cwc.firstProducedAt ??= a.producedAt;
      s.cwc.lastProducedAt = a.producedAt;
      s.cwc.productionOwedSince = null;
      if (a.adoptionInquiry) {
        const q = a.adoptionInquiry;
        s.cwc.adoptionInquiry = { category: q.category, upToTwoYears: q.upToTwoYears, surrenderedOn: q.surrenderedOn ?? null };
      }
      s.dates.firstProducedAt ??= a.producedAt;
      enterCwc(s);
      return;
    case 'journey_recorded':
      if (s.cwc.productionOwedSince && !s.cwc.firstProducedAt) s.cwc.journeyMinutes += a.minutes;
      return;
    case 'age_test_ordered':
      s.cwc.ageTest = { orderedOn: a.orderedOn, test: a.test };
      s.cwc.cwcUnit ??= a.cwcUnit;
      return;
    case 'age_determined':
      s.cwc.ageDetermination = { determinedOn: a.determinedOn, dateOfBirth: a.dateOfBirth, basis: a.basis };
      s.cwc.ageTest = null;
      return;
    case 'escort_ordered':
      s.cwc.escortOrders.push({
        orderedOn: a.orderedOn,
        purpose: a.purpose,
        toDistrictCode: a.toDistrictCode,
        toStateCode: a.toStateCode ?? null,
      });
      if (a.purpose === 'transfer') s.cwc.escortOwedSince = null;
      return;
    case 'sir_ordered':
      s.cwc.sirOrderedAt = a.at;
      s.cwc.sirInvestigator = { user: a.investigator.user ?? null, unit: a.investigator.unit };
      s.dates.sirOrderedAt ??= a.at;
      enterCwc(s);
      return;
    case 'sir_submitted':
      s.cwc.sirSubmittedAt = a.at;
      s.cwc.sirRecommendation = a.recommendation;
      s.dates.sirSubmittedAt ??= a.at;
      enterCwc(s);
      return;
    case 'cwc_order': {
      const order = {
        at: a.at,
        kind: a.kind,
        orderType: a.orderType,
        form: a.form ?? null,
        orderRef: a.orderRef ?? null,
        orderedOn: a.orderedOn,
        cwcUnit: a.cwcUnit,
      };
      s.cwc.orders.push(order);
      s.cwc.cwcUnit ??= a.cwcUnit;
      if (a.kind === 'final') {
        s.cwc.finalOrder = order;
        s.dates.finalOrderAt ??= a.at;
      }
      // Form 44 release-cum-restoration starts post-restoration follow-up.
      if (a.orderType === 'restoration') {
        s.restoration = { orderAt: a.at, orderedOn: a.orderedOn, visits: 0, lastVisitedOn: null, nextVisitDate: null, lastChildSafe: null };
        s.dates.restoredAt = a.at;
      }
      enterCwc(s);
      return;
    }
    case 'care_plan':
      s.carePlan = {
        at: a.at,
        by: actor,
        careOption: a.careOption,
        careOptionReason: a.careOptionReason ?? null,
        domains: a.domains.map((d) => ({ ...d })),
        version: (s.carePlan?.version ?? 0) + 1,
      };
      s.dates.carePlanAt ??= a.at;
      s.phase = 'care_plan_active';
      s.readyForClosure = false;
      s.review.nextReviewDate = null;
      return;
    case 'review':
      s.review.count += 1;
      s.review.lastAt = a.at;
      s.review.lastOutcome = a.outcome;
      s.review.nextReviewDate = a.nextReviewDate ?? null;
      s.dates.lastReviewAt = a.at;
      s.readyForClosure = a.outcome === 'ready_for_closure';
      if (s.carePlan) s.phase = a.outcome === 'revise_plan' ? 'under_review' : 'care_plan_active';
      return;
    case 'referral':
      if (s.referrals.some((r) => r.referralId === a.referralId)) return;
      s.referrals.push({
        referralId: a.referralId,
        need: a.need,
        domain: a.domain,
        to: { ...a.to },
        status: 'pending',
        referredAt: a.at,
        referredBy: actor,
        dueDate: a.dueDate ?? null,
        acceptedAt: null,
        declinedAt: null,
        declineReason: null,
        doneAt: null,
        outcome: null,
        cancelledAt: null,
      });
      return;
    case 'referral_accepted':
    case 'referral_declined':
    case 'referral_done': {
      const r = s.referrals.find((x) => x.referralId === a.referralId);
      if (!r) return;
      if (a.type === 'referral_accepted' && r.status === 'pending') {
        r.status = 'accepted';
        r.acceptedAt = a.at;
      } else if (a.type === 'referral_declined' && r.status === 'pending') {
        r.status = 'declined';
        r.declinedAt = a.at;
        r.declineReason = a.reason;
      } else if (a.type === 'referral_done' && r.status === 'accepted') {
        r.status = 'done';
        r.doneAt = a.at;
        r.outcome = a.outcome;
      }
      return;
    }
    case 'escalation':
      resolveEscalation(s, a, 'escalated_further');
      s.escalations.push({
        at: a.at,
        by: actor,
        fromLevel: s.level,
        toLevel: a.toLevel,
        toUnit: a.toUnit,
        toUser: a.toUser ?? null,
        reason: a.reason,
        tried: a.tried,
        resolution: 'pending',
        respondedAt: null,
      });
      s.level = a.toLevel;
      s.owner = { user: a.toUser ?? null, unit: a.toUnit };
      s.dates.lastEscalatedAt = a.at;
      return;
    case 'returned_down':
      resolveEscalation(s, a, 'returned_down');
      s.returns.push({ at: a.at, by: actor, fromLevel: s.level, toLevel: a.toLevel, toUnit: a.toUnit, instructions: a.instructions });
      s.level = a.toLevel;
      s.owner = { user: a.toUser ?? null, unit: a.toUnit };
      return;
    case 'flagged_for_convergence':
      s.convergenceFlags.push({ groupId: a.groupId ?? null, reason: a.reason, at: a.at, by: actor });
      return;
    case 'transfer_requested':
      if (s.transfer.pending) return;
      s.transfer.pending = {
        requestedAt: a.at,
        requestedBy: actor,
        fromStateCode: s.location.stateCode,
        fromDistrictCode: s.location.districtCode,
        toStateCode: a.toStateCode ?? s.location.stateCode,
        toDistrictCode: a.toDistrictCode,
        toUnit: a.toUnit,
        reason: a.reason,
        outcome: 'pending',
        decidedAt: null,
        rejectionReason: null,
      };
      s.transfer.history.push(s.transfer.pending);
      return;
    case 'transfer_accepted':
    case 'transfer_rejected':
    case 'transfer_cancelled': {
      const t = s.transfer.pending;
      if (!t) return;
      t.decidedAt = a.at;
      s.transfer.pending = null;
      if (a.type === 'transfer_rejected') {
        t.outcome = 'rejected';
        t.rejectionReason = a.reason;
        return;
      }
      if (a.type === 'transfer_cancelled') {
        t.outcome = 'cancelled';
        return;
      }
      // JJ Act 2015 s.95: the case moves to the child's home district; the receiving unit owns it,
      // in the hands of the person who accepted it or the one they named.
      t.outcome = 'accepted';
      // s.95(2): once the transfer is finalised, the Committee gives the escort order within fifteen days.
      s.cwc.escortOwedSince = a.at;
      resolveEscalation(s, a, 'transferred');
      s.location = { stateCode: t.toStateCode, districtCode: t.toDistrictCode, blockCode: null, villageCode: null };
      s.level = 'district';
      s.owner = { user: a.toUser ?? a.by, unit: t.toUnit };
      return;
    }
    case 'follow_up_visit':
      if (!s.restoration) return;
      s.restoration.visits += 1;
      s.restoration.lastVisitedOn = a.visitedOn;
      s.restoration.nextVisitDate = a.nextVisitDate ?? null;
      s.restoration.lastChildSafe = a.childSafe;
      s.dates.lastFollowUpAt = a.at;
      return;
    case 'closure':
      if (s.closed) return;
      resolveEscalation(s, a, 'closed');
      s.closed = true;
      s.closures.push({ at: a.at, by: actor, reason: a.reason, note: a.note ?? null });
      s.dates.closedAt = a.at;
      if (TERMINAL_CLOSURE_REASONS.includes(a.reason)) {
        for (const r of s.referrals) {
          if (r.status === 'pending' || r.status === 'accepted') {
            r.status = 'cancelled';
            r.cancelledAt = a.at;
          }
        }
      }
      return;
    case 'reopening':
      if (!s.closed) return;
      // A reopened case is a new episode: it is reassessed, and if the child is
      // a CNCP, produced before the CWC again (s.31) for a fresh inquiry (s.36).
      s.closed = false;
      s.reopenings += 1;
      s.dates.reopenedAt = a.at;
      s.phase = 'under_assessment';
      s.cwc = freshCwc(intake.productionRequired ? a.at : null);
      s.carePlan = null;
      s.review = { count: 0, lastAt: null, lastOutcome: null, nextReviewDate: null };
      s.readyForClosure = false;
      s.restoration = null;
      s.owner = actor;
      return;
    case 'owner_changed':
      s.owner = { user: a.toUser, unit: a.toUnit ?? s.owner.unit };
      return;
    case 'note':
      return;
  }
}
