import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

/** What the care routes answer (src/care/care.model.ts). */
export interface Slot {
  sex: string;
  ageBand: string;
  places: number;
  occupied: number;
}
export interface Institution {
  id: string;
  name: string;
  nameLocal: string | null;
  type: string;
  typeBasis: string;
  management: string;
  registrationNo: string;
  validUntil: string;
  registrationStatus: 'valid' | 'renewal_due' | 'lapsed';
  capacity: Slot[];
  sanctioned: number;
  inCare: number;
  onLeave: number;
  absconded: number;
  overCapacity: boolean;
  specialisations: string[];
  staffSanctioned: number;
  staffInPost: number;
  districtCode: number;
  version: number;
}
export interface Inspection {
  id: string;
  inspectedOn: string;
  committee: string;
  findings: { area: string; finding: string; severity: string }[];
  followUps: { description: string; department: string; dueDate: string; convergenceActionId: string | null }[];
}
export interface Stay {
  id: string;
  childId: string;
  childName?: string | null;
  childSex?: string | null;
  childAge?: number | null;
  institutionId: string;
  institutionName?: string | null;
  orderBy: string;
  orderType: string;
  orderRef?: string | null;
  admittedOn: string;
  status: string;
  icpDue?: string | null;
  /** The stay's Individual Care Plan (Form 7), null while none is prepared. */
  planId?: string | null;
  planVersion?: number | null;
  aftercareDue?: boolean;
  withheld?: string[];
  initialsOnly?: true;
}
export interface Occupancy {
  level: 'district' | 'state';
  code: number;
  institutions: number;
  sanctioned: number;
  inCare: number;
}

export const useInstitutions = () =>
  useQuery({
    queryKey: ['care', 'institutions'],
    queryFn: ({ signal }) => api.get<{ items: Institution[] }>('/care/institutions', undefined, signal),
  });
export const useInstitution = (id: string) =>
  useQuery({
    queryKey: ['care', 'institution', id],
    queryFn: ({ signal }) => api.get<Institution & { inspections: Inspection[] }>(`/care/institutions/${id}`, undefined, signal),
  });
export const useOccupancy = () =>
  useQuery({
    queryKey: ['care', 'occupancy'],
    queryFn: ({ signal }) => api.get<{ items: Occupancy[] }>('/care/occupancy', undefined, signal),
  });
export const useStays = (institutionId: string) =>
  useQuery({
    queryKey: ['care', 'stays', institutionId],
    queryFn: ({ signal }) => api.get<{ items: Stay[] }>('/care/stays', { institutionId }, signal),
  });

/** Admission on an order; every care query is fetched again after it. */
export function useAdmit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ stay: Stay }>('/care/stays', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['care'] }),
  });
}

// ---------------------------------------------------------------- foster carers and the grant ledger (src/care/family.model.ts)

export interface FosterCarer {
  id: string;
  kind: string;
  name: string;
  address: string | null;
  districtCode: number;
  appliedOn: string;
  status: 'applied' | 'home_study_done' | 'approved' | 'rejected' | 'ended';
  homeStudy: { on: string; by: string; recommendation: string; summary: string } | null;
  decision: { meetingOn: string; decision: string; reasons: string; ref?: string | null } | null;
  approvedOn: string | null;
  version: number;
}
export interface PlacementRecord {
  id: string;
  childId: string;
  kind: string;
  carer: string | null;
  carerId?: string | null;
  orderRef: string | null;
  orderForm?: string | null;
  startedOn: string;
  endedOn: string | null;
  nextInspectionDue?: string | null;
  inspectionOverdue?: boolean;
}
export interface Payment {
  id: string;
  placementId: string;
  childId: string;
  kind: string;
  month: string;
  amount: number;
  status: 'due' | 'paid' | 'withheld';
  paidOn: string | null;
  reason: string | null;
  districtCode: number;
  version: number;
}
export interface Totals {
  due: number;
  paid: number;
  withheld: number;
  entries: number;
}

export const useFosterCarers = () =>
  useQuery({
    queryKey: ['care', 'foster-carers'],
    queryFn: ({ signal }) => api.get<{ items: FosterCarer[] }>('/care/foster-carers', undefined, signal),
  });
export const useFosterPlacements = () =>
  useQuery({
    queryKey: ['care', 'family-placements', 'foster'],
    queryFn: ({ signal }) => api.get<{ items: PlacementRecord[] }>('/care/family-placements', { kind: 'foster' }, signal),
  });
export const usePlacementRecord = (id: string) =>
  useQuery({
    queryKey: ['care', 'placement', id],
    queryFn: ({ signal }) =>
      api.get<PlacementRecord & { nextInspectionDue: string | null; inspectionOverdue: boolean; inspections: { visitedOn: string }[] }>(
        `/care/family-placements/${id}`,
        undefined,
        signal,
      ),
  });
export function useApplyFoster() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<FosterCarer>('/care/foster-carers', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['care', 'foster-carers'] }),
  });
}
export const useLedger = (q: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ['care', 'payments', q],
    queryFn: ({ signal }) =>
      api.get<{ items: Payment[]; totals: Totals; rate: { source: string; version: string } }>('/care/payments', q, signal),
  });
export const useDistrictLedger = (q: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ['care', 'payments', 'districts', q],
    queryFn: ({ signal }) =>
      api.get<{ items: ({ districtCode: number; kind: string } & Totals)[]; totals: Totals }>('/care/payments/districts', q, signal),
  });

// ---------------------------------------------------------------- decisions on carers, the ledger, aftercare, movement requests

/**
 * After a change, or a refusal because the record changed meanwhile (409), every care query is
 * fetched again (lists, totals, the placement's clock), so the screen shows the record as it is.
 */
function useCareMutation<T, B>(fn: (body: B) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['care'] }),
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: ['care'] });
    },
  });
}
export const useHomeStudy = (carerId: string) =>
  useCareMutation((body: Record<string, unknown>) => api.post<FosterCarer>(`/care/foster-carers/${carerId}/home-study`, body));
export const useCarerDecision = (carerId: string) =>
  useCareMutation((body: Record<string, unknown>) => api.post<FosterCarer>(`/care/foster-carers/${carerId}/decision`, body));
export const useUpdatePayment = (paymentId: string) =>
  useCareMutation((body: Record<string, unknown>) => api.patch<Payment>(`/care/payments/${paymentId}`, body));
export const useDueMonth = () => useCareMutation(() => api.post<{ month: string; created: number }>('/care/payments/due-month', {}));

export interface AftercarePlan {
  id: string;
  childId: string;
  districtCode: number;
  orderRef: string;
  planOn: string;
  turns18On: string | null;
  endsOn: string | null;
  needs: { education?: string | null; skills?: string | null; housing?: string | null; stipend?: number | null; other?: string | null };
  nextReviewDue: string;
  reviewOverdue: boolean;
  reviews: { on: string; notes: string }[];
  status: string;
  /** What the plan follows (migration 0910): a stay discharged to aftercare, or a foster placement. */
  follows?: {
    kind: 'stay_discharge' | 'foster_placement';
    id: string;
    endedOn: string | null;
    endReason: string | null;
    place: string | null;
  } | null;
  version: number;
}
/** A stay discharged to aftercare (s.46) that no plan follows yet (GET /care/aftercare-proposals/stays). */
export interface AftercareStayProposal {
  stayId: string;
  childId: string;
  endedOn: string;
  institution: string | null;
}
export const useAftercareStayProposals = () =>
  useQuery({
    queryKey: ['care', 'aftercare-proposals', 'stays'],
    queryFn: ({ signal }) => api.get<{ items: AftercareStayProposal[] }>('/care/aftercare-proposals/stays', undefined, signal),
  });
export const useAftercarePlans = () =>
  useQuery({
    queryKey: ['care', 'aftercare'],
    queryFn: ({ signal }) => api.get<{ items: AftercarePlan[] }>('/care/aftercare', undefined, signal),
  });
/** Children in care from 17 years 6 months (s.46): those an aftercare plan may be made for. */
export const useAllStays = () =>
  useQuery({
    queryKey: ['care', 'stays', 'all-current'],
    queryFn: ({ signal }) => api.get<{ items: Stay[] }>('/care/stays', undefined, signal),
  });
export const useCreateAftercare = () =>
  useCareMutation((body: Record<string, unknown>) => api.post<AftercarePlan>('/care/aftercare', body));
export const useReviewAftercare = (planId: string) =>
  useCareMutation((body: Record<string, unknown>) => api.post<AftercarePlan>(`/care/aftercare/${planId}/reviews`, body));

/** The Individual Care Plan (JJ Model Rules 2016 r.69, Form 7): prepared on a stay, then reviewed with its version. */
// The care plan's lists are the server's own vocabulary, not copies.
export { ICP_DOMAINS, ICP_PREFERENCES, REVIEW_OUTCOMES } from '../../../../src/care/domain/vocabulary';
export const usePreparePlan = (stayId: string) =>
  useCareMutation((body: Record<string, unknown>) => api.post<{ id: string; nextReviewDue: string }>(`/care/stays/${stayId}/plan`, body));
export const useReviewPlan = (planId: string) =>
  useCareMutation((body: Record<string, unknown>) =>
    api.post<{ id: string; nextReviewDue: string }>(`/care/plans/${planId}/reviews`, body),
  );

export interface MovementRequest {
  id: string;
  stayId: string;
  childId: string;
  institutionId: string;
  kind: string;
  requestedOn: string;
  wantedFrom: string | null;
  reason: string;
  status: 'open' | 'granted' | 'refused';
  decidedOn: string | null;
  decisionNote: string | null;
  recordedStayId?: string | null;
  version: number;
}
export const useMovementRequests = () =>
  useQuery({
    queryKey: ['care', 'movement-requests'],
    queryFn: ({ signal }) => api.get<{ items: MovementRequest[] }>('/care/movement-requests', undefined, signal),
  });
export const useRaiseMovement = () =>
  useCareMutation(({ stayId, ...body }: { stayId: string } & Record<string, unknown>) =>
    api.post<MovementRequest>(`/care/stays/${stayId}/requests`, body),
  );
export const useDecideMovement = (requestId: string) =>
  useCareMutation((body: Record<string, unknown>) => api.post<MovementRequest>(`/care/movement-requests/${requestId}/decision`, body));
export interface GatekeepingAssessment {
  id: string;
  childId: string;
  childName: string | null;
  initialsOnly?: true;
  caseId: string | null;
  districtCode: number;
  assessedOn: string;
  decision: string;
  reason: string;
  diverted: boolean;
  used: boolean;
}
/** Assessments of the jurisdiction (`unused: 'true'`: those an admission may still rely on). */
export const useGatekeepingList = (q: { childId?: string; outcome?: string; unused?: 'true' }) =>
  useQuery({
    queryKey: ['care', 'gatekeeping', q],
    queryFn: ({ signal }) => api.get<{ items: GatekeepingAssessment[] }>('/care/gatekeeping', q, signal),
  });
export const useRecordGatekeeping = () =>
  useCareMutation((body: Record<string, unknown>) => api.post<{ id: string; diverted: boolean }>('/care/gatekeeping', body));

export interface Pathway {
  id: string;
  childId: string;
  childName?: string | null;
  /** To whom the child is to be restored (PATHWAY_KINDS; absent from an older server). */
  kind?: string;
  /** The NGO (Center for Excellence) working the pathway; null: kept with the DCPU (absent from an older server). */
  ngoId?: string | null;
  stage: string;
  stageOn: string;
  restoredOn: string | null;
  /** The CCI stay the pathway started from (absent from an older server). */
  stay?: { id: string; institutionId: string; institutionName: string; admittedOn: string; status: string; endedOn: string | null } | null;
  followUps: { id: string; dueOn: string; visitedOn: string | null; risk: string | null; overdue: boolean }[];
  version: number;
  initialsOnly?: true;
}
export const useStepPathway = (id: string) =>
  useCareMutation((body: Record<string, unknown>) => api.post<Pathway>(`/care/reintegration/${id}/steps`, body));
export const useRecordFollowUp = (followUpId: string) =>
  useCareMutation((body: Record<string, unknown>) => api.post<Pathway>(`/care/follow-ups/${followUpId}`, body));
export const usePathways = () =>
  useQuery({
    queryKey: ['care', 'reintegration'],
    queryFn: ({ signal }) => api.get<{ items: Pathway[] }>('/care/reintegration', undefined, signal),
  });

export interface AdoptionHandoff {
  id: string;
  childId: string;
  saaId: string;
  caringsRef: string | null;
  declaredFreeOn: string;
  handedOverOn: string;
  status: string;
  statusOn?: string;
  caseId?: string;
  version: number;
}
export const useAdoptionHandoffs = () =>
  useQuery({
    queryKey: ['care', 'adoption-handoffs'],
    queryFn: ({ signal }) => api.get<{ items: AdoptionHandoff[] }>('/care/adoption-handoffs', undefined, signal),
  });
/** The hand-off as the file CARINGS registers a child from (docs/CARINGS-EXPORT.md). */
export const caringsHref = (id: string, format: 'csv' | 'xlsx') =>
  `/api/v1/care/adoption-handoffs/${encodeURIComponent(id)}/carings?format=${format}`;

/** A child's open cases (GET /cases?childId=…&status=open), for the admission's case when the assessment names none. */
export interface OpenCase {
  id: string;
  number: number;
  status: string;
  reportedOn: string;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const useChildOpenCases = (childId: string) =>
  useQuery({
    queryKey: ['care', 'child-open-cases', childId],
    queryFn: ({ signal }) => api.get<{ items: OpenCase[] }>('/cases', { childId, status: 'open', pageSize: 50 }, signal),
    enabled: UUID.test(childId),
  });

/** The district's children declared legally free for adoption (s.38) not yet handed to an SAA, with the case. */
export interface LegallyFreeChild {
  childId: string;
  name: string | null;
  sex: string | null;
  dob: string | null;
  caseId: string;
  caseNumber: number;
  declaredFreeOn: string;
  orderRef: string | null;
}
export const useLegallyFreeChildren = () =>
  useQuery({
    queryKey: ['care', 'legally-free-children'],
    queryFn: ({ signal }) => api.get<{ items: LegallyFreeChild[] }>('/care/legally-free-children', undefined, signal),
  });

/** Hand a child the CWC declared legally free (s.38) to an SAA; change a hand-off's status with its version. */
export const useRecordHandoff = () =>
  useCareMutation((body: Record<string, unknown>) => api.post<AdoptionHandoff>('/care/adoption-handoffs', body));
export const useMoveHandoff = (id: string) =>
  useCareMutation((body: Record<string, unknown>) => api.patch<AdoptionHandoff>(`/care/adoption-handoffs/${id}`, body));
/** Open a reintegration pathway for a child (an NGO caseworker's is assigned to its own NGO by the server). */
export const useOpenPathway = () => useCareMutation((body: Record<string, unknown>) => api.post<Pathway>('/care/reintegration', body));

/** Children found by name in the registry (GET /children?q=), for a care form's child. */
export interface FoundChild {
  id: string;
  name: string;
  sex: string;
  age: number | null;
  dob?: string | null;
}
export const useFindChildren = (q: string) =>
  useQuery({
    queryKey: ['care', 'find-children', q],
    queryFn: ({ signal }) => api.get<{ items: FoundChild[] }>('/children', { q, pageSize: 20 }, signal),
    enabled: q.trim().length >= 2,
  });

// ---------------------------------------------------------------- sponsorship renewal and ending

/** A sponsorship as /care/sponsorships-due gives it (the fields these screens use; src/care/sponsorship/sponsorship.model.ts). */
export interface DueSponsorship {
  id: string;
  childId: string;
  status: 'applied' | 'sanctioned' | 'refused' | 'ended';
  orderRef: string | null;
  validUntil: string | null;
  endedOn: string | null;
  endReason: string | null;
  version: number;
}
/**
 * One renewal of a foster family's approval or of a sponsorship, as `GET …/renewals` answers it
 * (src/care/foster-life.model.ts renewalOut, src/care/sponsorship/sponsorship.model.ts
 * sponsorshipRenewalOut): the DCPU's re-assessment and the committee's decision (JJ Model Rules
 * 2016 r.23 foster, r.24 sponsorship).
 */
export interface RenewalEntry {
  id: string;
  previousValidUntil: string | null;
  reassessedOn: string;
  reassessment: { on: string; by: string; recommendation: string; summary: string };
  status: 'reassessed' | 'renewed' | 'refused';
  meetingOn: string | null;
  validUntil: string | null;
  reasons: string | null;
  ref: string | null;
}
export interface SponsorshipRenewal extends RenewalEntry {
  sponsorshipId: string;
}
export interface SponsorshipDueItem {
  sponsorship: DueSponsorship;
  /** due: ends within the notice; lapsed: past its end, not renewed; ended: ended or refused with months still due. */
  state: 'due' | 'lapsed' | 'ended';
  daysLeft: number | null;
  paymentsDue: number;
  /** Lapsed or ended with payments still due: the DCPU settles them first. */
  alert: boolean;
  openReassessment: SponsorshipRenewal | null;
}
export interface SponsorshipsDue {
  rules: { version: string; dueWithinDays: number; periodMonths: number; basis: string; verification: string };
  withinDays: number;
  items: SponsorshipDueItem[];
}
/** Why a sanctioned sponsorship ends early (as the server's SPONSORSHIP_END_REASONS). */
export const SPONSORSHIP_END_REASONS = [
  'turned_18',
  'family_self_reliant',
  'child_in_institution',
  'child_in_family_placement',
  'moved_away',
  'child_died',
  'other',
] as const;

export const useSponsorshipsDue = (withinDays?: number) =>
  useQuery({
    queryKey: ['care', 'sponsorships-due', withinDays ?? null],
    queryFn: ({ signal }) =>
      api.get<SponsorshipsDue>('/care/sponsorships-due', withinDays === undefined ? undefined : { withinDays: String(withinDays) }, signal),
  });

/** A renewal step changes the sponsorship too: the care queries and the sponsorship list are fetched again (also after a 409). */
function useRenewalMutation<T>(path: string) {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['care'] }), qc.invalidateQueries({ queryKey: ['sponsorships'] })]);
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<T>(path, body),
    onSuccess: refresh,
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void refresh();
    },
  });
}
type RenewalResult = { sponsorship: DueSponsorship; renewal: SponsorshipRenewal };
export const useReassessSponsorship = (id: string) => useRenewalMutation<RenewalResult>(`/care/sponsorships/${id}/reassessment`);
export const useRenewalDecision = (id: string) => useRenewalMutation<RenewalResult>(`/care/sponsorships/${id}/renewal-decision`);
export const useEndSponsorship = (id: string) =>
  useRenewalMutation<{ sponsorship: DueSponsorship; withheldMonths: string[]; paidAfterEnd: string[] }>(`/care/sponsorships/${id}/end`);

/** The DCPU hands a pathway to another NGO (Center for Excellence), or takes it back (ngoId null). */
export const useReassignPathway = (id: string) =>
  useCareMutation((body: Record<string, unknown>) => api.post<Pathway>(`/care/reintegration/${id}/ngo`, body));
