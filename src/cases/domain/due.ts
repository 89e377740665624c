/**
 * Due items: what must happen on a case by when, by whom, and under which
 * provision. Computed from the derived facts, the timeline config and `now`.
 */
import type { Actor, CaseFacts, DueItem, DueKind } from './state';
import { addDuration, clockMs, endOfDayIst, istDay, toIso, type Clock, type Duration } from './time';
import { resolveTimelines, type ResolvedRule, type TimelineConfig } from './timelines';
import type { Level } from './vocabulary';

interface Draft {
  kind: DueKind;
  dueAt: string;
  rule: Pick<ResolvedRule, 'statutory' | 'basis' | 'source' | 'ruleSource' | 'decidedBy'>;
  /** True when the date was set on an action (a referral due date, a next review date). */
  fromAction?: boolean;
  assignedTo: Actor;
  ref?: string;
}

function fromRule(kind: DueKind, anchor: string, rule: ResolvedRule, assignedTo: Actor, ref?: string): Draft {
  return { kind, dueAt: addDuration(anchor, rule.within), rule, assignedTo, ref };
}

/**
 * The due items of a case at `now`, soonest first. A closed case owes nothing.
 * `overdue` is true once `now` is past `dueAt`.
 */
export function dueItems(state: CaseFacts, config: TimelineConfig, now: Clock): DueItem[] {
  if (state.closed) return [];
  // Timelines follow the state the case is in now (it may have been transferred across states).
  const t = resolveTimelines(config, state.location.stateCode);
  const drafts: Draft[] = [];
  const cwc = state.cwc;
  const cwcActor: Actor = { user: null, unit: cwc.cwcUnit ?? state.owner.unit };

  // JJ Act 2015 s.31(1): produced before the CWC within 24 hours, excluding the time necessary
  // for the journey: the recorded journey time moves the clock.
  if (cwc.productionOwedSince && !cwc.firstProducedAt) {
    const anchor = toIso(Date.parse(cwc.productionOwedSince) + cwc.journeyMinutes * 60_000);
    drafts.push(fromRule('cwc_production', anchor, t.cwcProduction, state.owner));
  }
  // s.94(2)(iii): a medical age determination test ordered by the Committee is completed within
  // fifteen days of the order.
  if (cwc.ageTest) {
    drafts.push(fromRule('age_determination', endOfDayIst(cwc.ageTest.orderedOn), t.ageDetermination, cwcActor));
  }
  // s.95(2): once a transfer is finalised, the escort order is given within fifteen days.
  if (cwc.escortOwedSince) drafts.push(fromRule('escort_order', cwc.escortOwedSince, t.escortOrder, cwcActor));
  if (cwc.firstProducedAt) {
    // JJ Act 2015 s.36(2): SIR within 15 days; final order within 4 months of first production.
    if (!cwc.sirSubmittedAt) {
      drafts.push(fromRule('sir_submission', cwc.firstProducedAt, t.sirSubmission, cwc.sirInvestigator ?? cwcActor));
    }
    if (!cwc.finalOrder) {
      const inquiry = cwc.adoptionInquiry;
      if (!inquiry) {
        drafts.push(fromRule('cwc_final_order', cwc.firstProducedAt, t.cwcFinalOrder, cwcActor));
      } else if (inquiry.category === 'surrendered' && inquiry.surrenderedOn) {
        // s.35(3): the parents' two months to reconsider; s.38(2): the declaration follows on their expiry.
        const ends = addDuration(endOfDayIst(inquiry.surrenderedOn), t.surrenderReconsideration.within);
        drafts.push({ kind: 'surrender_reconsideration', dueAt: ends, rule: t.surrenderReconsideration, assignedTo: cwcActor });
      } else {
        // s.38(1): orphaned or abandoned: declared legally free within 2 months (up to two years) or 4 months.
        const rule = inquiry.upToTwoYears ? t.lfaDeclarationUpToTwo : t.lfaDeclarationOverTwo;
        drafts.push(fromRule('lfa_declaration', cwc.firstProducedAt, rule, cwcActor));
      }
    }
  }

  // JJ Model Rules 2016 Form 7: the ICP is reviewed at the configured interval,
  // or on the date the last review fixed.
  if (state.carePlan) {
    const r = t.carePlanReview;
    const lastReviewAfterPlan =
      state.review.lastAt && Date.parse(state.review.lastAt) >= Date.parse(state.carePlan.at) ? state.review.lastAt : null;
    if (lastReviewAfterPlan && state.review.nextReviewDate) {
      drafts.push({
        kind: 'care_plan_review',
        dueAt: endOfDayIst(state.review.nextReviewDate),
        rule: r,
        fromAction: true,
        assignedTo: state.owner,
      });
    } else {
      drafts.push(fromRule('care_plan_review', lastReviewAfterPlan ?? state.carePlan.at, r, state.owner));
    }
  }

  for (const ref of state.referrals) {
    const to: Actor = { user: null, unit: ref.to.orgId };
    if (ref.status === 'pending') {
      drafts.push(fromRule('referral_response', ref.referredAt, t.referralResponse, to, ref.referralId));
    } else if (ref.status === 'accepted') {
      if (ref.dueDate) {
        drafts.push({
          kind: 'referral_completion',
          dueAt: endOfDayIst(ref.dueDate),
          rule: t.referralCompletion,
          fromAction: true,
          assignedTo: to,
          ref: ref.referralId,
        });
      } else {
        drafts.push(fromRule('referral_completion', ref.referredAt, t.referralCompletion, to, ref.referralId));
      }
    }
  }

  const esc = state.escalations[state.escalations.length - 1];
  if (esc && esc.resolution === 'pending') {
    const rule = t.escalationResponse;
    const within: Duration = rule.withinByLevel[esc.toLevel as Exclude<Level, 'village'>] ?? rule.withinByLevel.block;
    drafts.push({
      kind: 'escalation_response',
      dueAt: addDuration(esc.at, within),
      rule,
      assignedTo: { user: esc.toUser, unit: esc.toUnit },
    });
  }

  // Post-restoration follow-up: JJ Model Rules 2016 Form 7 describes follow-up interactions two and
  // six months after restoration (both configurable); after those, a visit is due only when the last
  // one fixed a date or found the child unsafe, at the local-policy interval.
  if (state.restoration) {
    const rs = state.restoration;
    const order = endOfDayIst(rs.orderedOn);
    if (rs.nextVisitDate) {
      drafts.push({
        kind: 'post_restoration_follow_up',
        dueAt: endOfDayIst(rs.nextVisitDate),
        rule: t.postRestorationFollowUp,
        fromAction: true,
        assignedTo: state.owner,
      });
    } else if (rs.visits === 0) {
      drafts.push(fromRule('post_restoration_follow_up', order, t.postRestorationFirstFollowUp, state.owner));
    } else if (rs.visits === 1) {
      drafts.push(fromRule('post_restoration_follow_up', order, t.postRestorationSecondFollowUp, state.owner));
    } else if (rs.lastChildSafe === false) {
      drafts.push(
        fromRule('post_restoration_follow_up', endOfDayIst(rs.lastVisitedOn ?? rs.orderedOn), t.postRestorationFollowUp, state.owner),
      );
    }
  }

  const tr = state.transfer.pending;
  if (tr) drafts.push(fromRule('transfer_response', tr.requestedAt, t.transferResponse, { user: null, unit: tr.toUnit }));

  fillGap(state, t.caseReview, drafts);

  const nowMs = clockMs(now);
  return drafts
    .map((d): DueItem => ({
      kind: d.kind,
      dueAt: d.dueAt,
      overdue: nowMs > Date.parse(d.dueAt),
      statutory: d.rule.statutory && !d.fromAction,
      basis: d.rule.basis,
      citation: d.rule.ruleSource.citation,
      verification: d.rule.ruleSource.verification,
      decidedBy: d.fromAction ? null : d.rule.decidedBy,
      source: d.fromAction ? 'action' : d.rule.source,
      assignedTo: d.assignedTo,
      ...(d.ref === undefined ? {} : { ref: d.ref }),
    }))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.kind.localeCompare(b.kind));
}

/**
 * No open case waits without a date. A case at critical risk owes something by the end of the
 * IST day of its last action (a same-day review, unless production or another item is due
 * sooner); any other case with nothing due gets a review within `caseReview` of its last action.
 */
function fillGap(state: CaseFacts, rule: ResolvedRule, drafts: Draft[]): void {
  const last = state.dates.lastActionAt;
  if (state.risk === 'critical') {
    const endOfDay = endOfDayIst(istDay(last));
    if (!drafts.some((d) => Date.parse(d.dueAt) <= Date.parse(endOfDay))) {
      drafts.push({ kind: 'case_review', dueAt: endOfDay, rule, assignedTo: state.owner });
    }
    return;
  }
  if (!drafts.length) drafts.push(fromRule('case_review', last, rule, state.owner));
}
