/**
 * The shape of a case as derived from its actions. Everything here is computed
 * by `deriveCase`; nothing is stored on its own.
 */
import type { CarePlanDomain, Provider } from './actions';
import type {
  AdoptionInquiryCategory,
  AgeEvidence,
  AgeTest,
  EscortPurpose,
  CareDomain,
  CareOption,
  ClosureReason,
  CwcOrderForm,
  CwcOrderKind,
  CwcOrderType,
  IntakeSource,
  Level,
  ReviewOutcome,
  RiskLevel,
} from './vocabulary';

/**
 * Where a case stands. The first five are the work phases, in the order a case
 * normally moves through them; `escalated` and `transfer_pending` overlay the
 * phase while another body must act (the phase is kept in `phase`); `closed`
 * ends the case until a `reopening`.
 */
export const CASE_STATUSES = [
  'intake',
  'under_assessment',
  'under_cwc',
  'care_plan_active',
  'under_review',
  'escalated',
  'transfer_pending',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_PHASES = ['intake', 'under_assessment', 'under_cwc', 'care_plan_active', 'under_review'] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

export interface Actor {
  user: string | null;
  unit: string;
}

export type ReferralStatus = 'pending' | 'accepted' | 'declined' | 'done' | 'cancelled';

export interface ReferralState {
  referralId: string;
  need: string;
  domain: CareDomain;
  to: Provider;
  status: ReferralStatus;
  referredAt: string;
  referredBy: Actor;
  /** Due date set on the referral, if any (otherwise the configured default applies). */
  dueDate: string | null;
  acceptedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  doneAt: string | null;
  outcome: string | null;
  /** Set when the case was closed with the referral still open (death, duplicate, transfer out). */
  cancelledAt: string | null;
}

export type EscalationResolution = 'pending' | 'acted' | 'returned_down' | 'escalated_further' | 'transferred' | 'closed';

export interface EscalationRecord {
  at: string;
  by: Actor;
  fromLevel: Level;
  toLevel: Level;
  toUnit: string;
  toUser: string | null;
  reason: string;
  tried: string;
  resolution: EscalationResolution;
  respondedAt: string | null;
}

export interface ReturnRecord {
  at: string;
  by: Actor;
  fromLevel: Level;
  toLevel: Level;
  toUnit: string;
  instructions: string;
}

export type TransferOutcome = 'pending' | 'accepted' | 'rejected' | 'cancelled';

export interface TransferRecord {
  requestedAt: string;
  requestedBy: Actor;
  fromStateCode: string;
  fromDistrictCode: string;
  toStateCode: string;
  toDistrictCode: string;
  toUnit: string;
  reason: string;
  outcome: TransferOutcome;
  decidedAt: string | null;
  rejectionReason: string | null;
}

/** An adoption inquiry under JJ Act 2015 s.38 (orphaned, abandoned or surrendered child). */
export interface AdoptionInquiry {
  category: AdoptionInquiryCategory;
  upToTwoYears: boolean;
  surrenderedOn: string | null;
}

export interface CwcOrderRecord {
  at: string;
  kind: CwcOrderKind;
  orderType: CwcOrderType;
  form: CwcOrderForm | null;
  orderRef: string | null;
  orderedOn: string;
  cwcUnit: string;
}

/** CWC proceedings of the current episode (JJ Act 2015 ss.31, 36, 37). */
export interface CwcProceedings {
  /** Since when production before the CWC is owed (s.31), or null if not owed. */
  productionOwedSince: string | null;
  cwcUnit: string | null;
  firstProducedAt: string | null;
  lastProducedAt: string | null;
  productions: number;
  sirOrderedAt: string | null;
  sirInvestigator: Actor | null;
  sirSubmittedAt: string | null;
  sirRecommendation: string | null;
  orders: CwcOrderRecord[];
  finalOrder: CwcOrderRecord | null;
  adoptionInquiry: AdoptionInquiry | null;
  /** Journey time recorded while production was owed (s.31(1) excludes it from the 24 hours). */
  journeyMinutes: number;
  /** The medical age determination test the Committee ordered (s.94(2)(iii)), until the age is determined. */
  ageTest: { orderedOn: string; test: AgeTest } | null;
  /** The age the Committee determined (s.94(2), (3)). */
  ageDetermination: { determinedOn: string; dateOfBirth: string; basis: AgeEvidence } | null;
  /** Since when an escort order is owed: the transfer was finalised (s.95(2): within fifteen days). */
  escortOwedSince: string | null;
  escortOrders: { orderedOn: string; purpose: EscortPurpose; toDistrictCode: string; toStateCode: string | null }[];
}

export interface CarePlanState {
  at: string;
  by: Actor;
  careOption: CareOption;
  careOptionReason: string | null;
  domains: CarePlanDomain[];
  /** 1 for the first plan of the episode, then one more for each revision. */
  version: number;
}

export interface ReviewState {
  count: number;
  lastAt: string | null;
  lastOutcome: ReviewOutcome | null;
  nextReviewDate: string | null;
}

export interface RestorationState {
  /** The restoration order (Form 44) that started post-restoration follow-up. */
  orderAt: string;
  orderedOn: string;
  visits: number;
  lastVisitedOn: string | null;
  nextVisitDate: string | null;
  lastChildSafe: boolean | null;
}

export interface ConvergenceFlag {
  /** Null when flagged for the district's convergence forum without naming a group. */
  groupId: string | null;
  reason: string;
  at: string;
  by: Actor;
}

export interface ClosureRecord {
  at: string;
  by: Actor;
  reason: ClosureReason;
  note: string | null;
}

export interface KeyDates {
  intakeAt: string;
  reportedOn: string;
  firstAssessmentAt: string | null;
  firstProducedAt: string | null;
  sirOrderedAt: string | null;
  sirSubmittedAt: string | null;
  finalOrderAt: string | null;
  carePlanAt: string | null;
  lastReviewAt: string | null;
  restoredAt: string | null;
  lastFollowUpAt: string | null;
  lastEscalatedAt: string | null;
  closedAt: string | null;
  reopenedAt: string | null;
  lastActionAt: string;
}

/** Everything `deriveCase` knows about a case before due items are computed. */
export interface CaseFacts {
  status: CaseStatus;
  phase: CasePhase;
  closed: boolean;
  childId: string;
  familyId: string | null;
  source: IntakeSource;
  concerns: string[];
  risk: RiskLevel;
  needs: { domain: CareDomain; need: string }[];
  level: Level;
  location: { stateCode: string; districtCode: string; blockCode: string | null; villageCode: string | null };
  owner: Actor;
  cwc: CwcProceedings;
  carePlan: CarePlanState | null;
  review: ReviewState;
  readyForClosure: boolean;
  restoration: RestorationState | null;
  referrals: ReferralState[];
  escalations: EscalationRecord[];
  returns: ReturnRecord[];
  transfer: { pending: TransferRecord | null; history: TransferRecord[] };
  convergenceFlags: ConvergenceFlag[];
  closures: ClosureRecord[];
  reopenings: number;
  dates: KeyDates;
  actionCount: number;
}

export type DueKind =
  | 'cwc_production'
  | 'sir_submission'
  | 'cwc_final_order'
  | 'care_plan_review'
  | 'referral_response'
  | 'referral_completion'
  | 'escalation_response'
  | 'post_restoration_follow_up'
  | 'lfa_declaration'
  | 'surrender_reconsideration'
  | 'transfer_response'
  | 'age_determination'
  | 'escort_order'
  | 'case_review';

export interface DueItem {
  kind: DueKind;
  dueAt: string;
  overdue: boolean;
  statutory: boolean;
  /** The Act, rule or policy the deadline comes from. */
  basis: string;
  /** Short citation of that source, e.g. "JJ Act 2015 s.38(1)" (issue #18: every due date shows its source). */
  citation: string;
  /** How far the source's text was checked: official_text, secondary_source or unverified. */
  verification: string;
  /** Whose decision a state override is (null for the shipped default or a date set on an action). */
  decidedBy: string | null;
  /** Where the deadline came from: shipped default, a state override, or a date set on an action. */
  source: 'default' | 'state' | 'action';
  assignedTo: Actor;
  /** The referral id, for referral items. */
  ref?: string;
}

export interface CaseState extends CaseFacts {
  /** The instant due items were computed at (`now`, or the last action's time). */
  asOf: string;
  due: DueItem[];
  overdueCount: number;
}
