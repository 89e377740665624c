/**
 * The rules for each kind of action given the current state of an open case.
 * Returns the first reason to refuse, or null when the action may be recorded.
 */
import type { ActionOf, CaseAction } from './actions';
import type { CaseFacts } from './state';
import { addDuration, endOfDayIst, istDay } from './time';
import { refuse, type ValidationFailure } from './refusals';
import { CWC_ORDERED_CARE_OPTIONS, TERMINAL_CLOSURE_REASONS, formsForOrderType, levelRank } from './vocabulary';

/** A calendar day set on an action must fall on or after the intake and the action itself. */
function checkDay(s: CaseFacts, a: CaseAction, day: string, field: string): ValidationFailure | null {
  if (day < s.dates.reportedOn) {
    return refuse('DATE_BEFORE_INTAKE', `${field} ${day} is before the case was reported (${s.dates.reportedOn})`, field);
  }
  if (day < istDay(a.at)) return refuse('DATE_BEFORE_ACTION', `${field} ${day} is already past on ${istDay(a.at)}`, field);
  return null;
}

/** A day on which something happened must lie between the report and the recording. */
function checkPastDay(s: CaseFacts, a: CaseAction, day: string, field: string): ValidationFailure | null {
  if (day < s.dates.reportedOn) {
    return refuse('DATE_BEFORE_INTAKE', `${field} ${day} is before the case was reported (${s.dates.reportedOn})`, field);
  }
  if (day > istDay(a.at)) return refuse('DATE_AFTER_ACTION', `${field} ${day} is after the action was recorded`, field);
  return null;
}

const isOpenReferral = (status: string) => status === 'pending' || status === 'accepted';

export function checkTransition(s: CaseFacts, a: CaseAction): ValidationFailure | null {
  switch (a.type) {
    case 'intake':
      return refuse('ALREADY_OPENED', 'the case is already open');
    case 'produced_before_cwc': {
      if (Date.parse(a.producedAt) > Date.parse(a.at)) {
        return refuse('DATE_AFTER_ACTION', 'the child cannot be produced after the production was recorded', 'producedAt');
      }
      return checkPastDay(s, a, istDay(a.producedAt), 'producedAt');
    }
    case 'journey_recorded':
      // s.31(1): the journey time is excluded from the 24 hours while the child is on the way to the Committee.
      if (!s.cwc.productionOwedSince || s.cwc.firstProducedAt) {
        return refuse('PRODUCTION_NOT_OWED', 'journey time counts only while the child is owed production before the CWC', 'minutes');
      }
      return null;
    case 'age_test_ordered':
      // s.94(2): the Committee determines the age of a person brought before it.
      if (!s.cwc.firstProducedAt)
        return refuse('NOT_PRODUCED', 'the CWC orders an age determination test only after the child is produced before it');
      return checkPastDay(s, a, a.orderedOn, 'orderedOn');
    case 'age_determined':
      // s.94(2)(iii): a medical test is the basis only when the Committee ordered one.
      if (a.basis === 'medical_test' && !s.cwc.ageTest) {
        return refuse('AGE_TEST_NOT_ORDERED', 'a medical age determination test is the basis only after the CWC ordered one', 'basis');
      }
      if (a.dateOfBirth > a.determinedOn) return refuse('DATE_AFTER_ACTION', 'the date of birth is after the determination', 'dateOfBirth');
      return checkPastDay(s, a, a.determinedOn, 'determinedOn');
    case 'escort_ordered':
      if (a.toDistrictCode === s.location.districtCode && !s.cwc.escortOwedSince) {
        return refuse('SAME_DISTRICT', `the child is already in district ${a.toDistrictCode}`, 'toDistrictCode');
      }
      return checkPastDay(s, a, a.orderedOn, 'orderedOn');
    case 'sir_ordered':
      // JJ Act 2015 s.36(1): the CWC orders the social investigation on production.
      if (!s.cwc.firstProducedAt)
        return refuse('NOT_PRODUCED', 'the CWC orders an SIR (Form 21) only after the child is produced before it');
      if (s.cwc.sirOrderedAt && !s.cwc.sirSubmittedAt)
        return refuse('SIR_ALREADY_ORDERED', 'an SIR is already ordered and not yet submitted');
      return null;
    case 'sir_submitted':
      if (!s.cwc.sirOrderedAt || (s.cwc.sirSubmittedAt && Date.parse(s.cwc.sirSubmittedAt) >= Date.parse(s.cwc.sirOrderedAt))) {
        return refuse('SIR_NOT_ORDERED', 'no SIR is awaited: the CWC has not ordered one (Form 21)');
      }
      return null;
    case 'assessment':
      return null;
    case 'care_plan':
      return checkCarePlan(s, a);
    case 'cwc_order':
      return checkCwcOrder(s, a);
    case 'referral':
      if (s.referrals.some((r) => r.referralId === a.referralId)) {
        return refuse('DUPLICATE_REFERRAL', `referral ${a.referralId} already exists on this case`, 'referralId');
      }
      return a.dueDate ? checkDay(s, a, a.dueDate, 'dueDate') : null;
    case 'referral_accepted':
    case 'referral_declined':
    case 'referral_done': {
      const r = s.referrals.find((x) => x.referralId === a.referralId);
      if (!r) return refuse('UNKNOWN_REFERRAL', 'this case has no such referral to decide', 'referralId');
      if (a.type === 'referral_done') {
        return r.status === 'accepted'
          ? null
          : refuse(
              'REFERRAL_NOT_ACCEPTED',
              `referral ${a.referralId} is ${r.status}; only an accepted referral can be marked done`,
              'referralId',
            );
      }
      return r.status === 'pending'
        ? null
        : refuse('REFERRAL_ALREADY_DECIDED', `referral ${a.referralId} is already ${r.status}`, 'referralId');
    }
    case 'review':
      if (!s.carePlan) return refuse('NO_CARE_PLAN', 'there is no Individual Care Plan (Form 7) to review');
      return a.nextReviewDate ? checkDay(s, a, a.nextReviewDate, 'nextReviewDate') : null;
    case 'escalation':
      if (s.transfer.pending) return refuse('TRANSFER_PENDING', 'the case awaits a transfer decision; escalate after it is decided');
      if (a.fromLevel !== s.level) {
        return refuse('WRONG_LEVEL', `the case is at ${s.level} level, not ${a.fromLevel}`, 'fromLevel');
      }
      if (s.level === 'state')
        return refuse('ALREADY_AT_TOP', 'the case is at state level; there is no higher level to escalate to', 'toLevel');
      if (levelRank(a.toLevel) <= levelRank(s.level)) {
        return refuse('NOT_HIGHER_LEVEL', `an escalation must go above ${s.level} level, not to ${a.toLevel}`, 'toLevel');
      }
      return null;
    case 'returned_down':
      if (s.transfer.pending) return refuse('TRANSFER_PENDING', 'the case awaits a transfer decision; return it after it is decided');
      if (s.level === 'village') return refuse('ALREADY_AT_LOWEST', 'the case is at village level; there is no lower level', 'toLevel');
      if (levelRank(a.toLevel) >= levelRank(s.level)) {
        return refuse('NOT_LOWER_LEVEL', `a case is returned below ${s.level} level, not to ${a.toLevel}`, 'toLevel');
      }
      return null;
    case 'flagged_for_convergence':
      return null;
    case 'transfer_requested':
      if (s.transfer.pending) return refuse('TRANSFER_PENDING', 'a transfer is already pending');
      if (a.toDistrictCode === s.location.districtCode) {
        return refuse('SAME_DISTRICT', `the case is already in district ${a.toDistrictCode}`, 'toDistrictCode');
      }
      return null;
    case 'transfer_accepted':
    case 'transfer_rejected':
      if (!s.transfer.pending) return refuse('NO_PENDING_TRANSFER', 'there is no pending transfer to decide');
      // Only the receiving DCPU can take the case on (JJ Act 2015 s.95).
      if (a.unit !== s.transfer.pending.toUnit) {
        return refuse('NOT_TRANSFER_RECIPIENT', `only ${s.transfer.pending.toUnit}, the receiving unit, can decide this transfer`, 'unit');
      }
      return null;
    case 'transfer_cancelled':
      if (!s.transfer.pending) return refuse('NO_PENDING_TRANSFER', 'there is no pending transfer to cancel');
      // The receiving unit answers a transfer (accepts or rejects it); withdrawing it is the requesting side's.
      if (a.unit === s.transfer.pending.toUnit) {
        return refuse(
          'NOT_TRANSFER_REQUESTER',
          'the receiving unit accepts or rejects a transfer; only the requesting side can cancel it',
          'unit',
        );
      }
      return null;
    case 'follow_up_visit': {
      if (!s.restoration) return refuse('NOT_RESTORED', 'follow-up visits follow a restoration order (Form 44); none is recorded');
      if (a.visitedOn < s.restoration.orderedOn) {
        return refuse(
          'DATE_BEFORE_ACTION',
          `visitedOn ${a.visitedOn} is before the restoration order (${s.restoration.orderedOn})`,
          'visitedOn',
        );
      }
      const past = checkPastDay(s, a, a.visitedOn, 'visitedOn');
      if (past) return past;
      return a.nextVisitDate ? checkDay(s, a, a.nextVisitDate, 'nextVisitDate') : null;
    }
    case 'closure':
      return checkClosure(s, a);
    case 'reopening':
      if (s.closed) return null;
      return refuse('NOT_CLOSED', 'the case is open; only a closed case can be reopened');
    case 'note':
      return null;
    case 'owner_changed':
      if (a.toUser === s.owner.user && (a.toUnit ?? s.owner.unit) === s.owner.unit) {
        return refuse('NO_CHANGE', `${a.toUser} already owns the case`, 'toUser');
      }
      return null;
  }
}

function checkCarePlan(s: CaseFacts, a: ActionOf<'care_plan'>): ValidationFailure | null {
  // ICP order of preference (Form 7; JJ Act 2015 s.3(xii) institutionalisation as a last resort):
  // any option below the child's own family needs the reason the better ones were ruled out.
  if (a.careOption !== 'own_family' && !a.careOptionReason) {
    return refuse(
      'CARE_OPTION_REASON_REQUIRED',
      `say why care options preferred to ${a.careOption.replace(/_/g, ' ')} were ruled out`,
      'careOptionReason',
    );
  }
  // Adoption, foster care and institutional care exist only by CWC order (ss.37, 38).
  if (CWC_ORDERED_CARE_OPTIONS.includes(a.careOption) && s.cwc.orders.length === 0) {
    return refuse('CWC_ORDER_REQUIRED', `${a.careOption.replace(/_/g, ' ')} needs a CWC order; none is recorded`, 'careOption');
  }
  const seen = new Set<string>();
  for (const [i, d] of a.domains.entries()) {
    if (seen.has(d.domain)) return refuse('DUPLICATE_DOMAIN', `the ${d.domain} domain appears twice in the plan`, `domains.${i}.domain`);
    seen.add(d.domain);
    const bad = checkDay(s, a, d.targetDate, `domains.${i}.targetDate`);
    if (bad) return bad;
  }
  return null;
}

function checkCwcOrder(s: CaseFacts, a: ActionOf<'cwc_order'>): ValidationFailure | null {
  // JJ Act 2015 s.36(2): the final order closes the inquiry that begins with the first production;
  // an interim order can be passed on a report alone (s.36(1)).
  if (a.kind === 'final' && !s.cwc.firstProducedAt) {
    return refuse('NOT_PRODUCED', 'a final order needs the child to have been produced before the CWC (Form 17)', 'kind');
  }
  // JJ Model Rules 2016: release-cum-restoration is ordered on Form 44.
  if (a.kind === 'final' && a.orderType === 'restoration' && a.form !== 'form44') {
    return refuse('FORM44_REQUIRED', 'a final restoration order is issued on Form 44 (release-cum-restoration)', 'form');
  }
  // JJ Model Rules 2016: each placement order has its form (Form 32 foster care R.23(15), 36
  // sponsorship R.24(5), 37 aftercare R.25(2), 18 home/SAA, 19 fit person, 25 LFA, 44 restoration).
  if (a.form && a.form !== 'other' && !formsForOrderType(a.orderType).includes(a.form)) {
    const expected = formsForOrderType(a.orderType);
    return refuse(
      'WRONG_ORDER_FORM',
      `a ${a.orderType.replace(/_/g, ' ')} order is not issued on ${a.form}` +
        (expected.length ? `; use ${expected.join(' or ')}` : '; record the form as "other"'),
      'form',
    );
  }
  // JJ Act 2015 s.35(3), s.38(2): a surrendered child is declared legally free only after the
  // parents' two months to reconsider have run out.
  const inquiry = s.cwc.adoptionInquiry;
  if (a.orderType === 'lfa_declaration' && inquiry?.category === 'surrendered' && inquiry.surrenderedOn) {
    const ends = istDay(addDuration(endOfDayIst(inquiry.surrenderedOn), { months: 2 }));
    if (a.orderedOn <= ends) {
      return refuse(
        'RECONSIDERATION_PERIOD',
        `the surrendering parents may reconsider until ${ends} (JJ Act 2015 s.35(3)); the child is declared legally free after that`,
        'orderedOn',
      );
    }
  }
  if (s.cwc.firstProducedAt && a.kind === 'final' && a.orderedOn < istDay(s.cwc.firstProducedAt)) {
    return refuse('DATE_BEFORE_ACTION', `orderedOn ${a.orderedOn} is before the first production`, 'orderedOn');
  }
  return checkPastDay(s, a, a.orderedOn, 'orderedOn');
}

function checkClosure(s: CaseFacts, a: ActionOf<'closure'>): ValidationFailure | null {
  if (s.transfer.pending) return refuse('TRANSFER_PENDING', 'a transfer is pending; it must be accepted or rejected before closure');
  if (a.reason === 'other' && !a.note) return refuse('NOTE_REQUIRED', 'closing for another reason needs a note saying why', 'note');
  const terminal = TERMINAL_CLOSURE_REASONS.includes(a.reason);
  const open = s.referrals.filter((r) => isOpenReferral(r.status));
  // Departments answer for referrals (convergence accountability): a case is not
  // closed on them unless the child died, the record is a duplicate or it moved out.
  if (!terminal && open.length > 0) {
    return refuse(
      'OPEN_REFERRALS',
      `referrals still open: ${open.map((r) => r.referralId).join(', ')}; mark them done or declined first`,
      'reason',
    );
  }
  // JJ Act 2015 s.36(2): once produced, the child's case ends with the CWC's final order.
  if (!terminal && a.reason !== 'aged_out' && s.cwc.firstProducedAt && !s.cwc.finalOrder) {
    return refuse('CWC_ORDER_PENDING', 'the CWC has not passed its final order for this child', 'reason');
  }
  if (a.reason === 'restored_to_family' && s.cwc.firstProducedAt && !s.cwc.orders.some((o) => o.orderType === 'restoration')) {
    return refuse('RESTORATION_ORDER_REQUIRED', 'a produced child is restored only by a CWC restoration order (Form 44)', 'reason');
  }
  return null;
}
