import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

/** What the foster care lifecycle routes answer (src/care/foster-life.model.ts). */
export interface CarerProfile {
  capacity: number;
  prefersSex: 'any' | 'female' | 'male';
  ageMin: number | null;
  ageMax: number | null;
  languages: string[];
  takesSiblings: boolean;
}
export interface MatchCarer {
  id: string;
  kind: string;
  name: string;
  villageId: string | null;
  approvedOn: string | null;
  reviewDue: string | null;
  profile: CarerProfile;
  version: number;
}
export interface Match {
  child: { id: string; sex: string; ageYears: number | null; siblingsPlaced: number };
  rules: { version: string; basis: string; verification: string };
  candidates: { carer: MatchCarer; score: number; placed: number; freePlaces: number; reasons: { code: string; points: number }[] }[];
  excluded: { carer: MatchCarer; placed: number; freePlaces: number; exclusions: { code: string }[] }[];
}
export interface FosterPlacement {
  id: string;
  childId: string;
  kind: string;
  carer: string | null;
  carerId: string | null;
  orderRef: string | null;
  startedOn: string;
  endedOn: string | null;
  endReason?: string | null;
  nextInspectionDue: string | null;
  inspectionOverdue: boolean;
  version: number;
}
export interface VisitDue {
  placementId: string;
  childId: string;
  carer: string | null;
  startedOn: string;
  lastVisitOn: string | null;
  lastWellbeing: string | null;
  nextDue: string;
  overdue: boolean;
  daysOverdue: number;
  citation: string;
}
export interface AftercareProposal {
  childId: string;
  placementId: string;
  carer: string | null;
  source: 'turning_18' | 'left_at_18';
  turns18On: string;
  planFrom: string;
  endsOn: string;
  placementEndedOn: string | null;
}
export interface PlacementEnded {
  withheldMonths: string[];
  paidAfterEnd: string[];
  careStatus: string | null;
  aftercareProposed: boolean;
}

export const useMatches = (q: { childId: string; languages?: string; siblingsToPlace?: number } | null) =>
  useQuery({
    queryKey: ['care', 'foster-matches', q],
    enabled: !!q,
    queryFn: ({ signal }) =>
      api.get<Match>(
        '/care/foster-matches',
        {
          childId: q!.childId,
          ...(q!.languages ? { languages: q!.languages } : {}),
          ...(q!.siblingsToPlace ? { siblingsToPlace: String(q!.siblingsToPlace) } : {}),
        },
        signal,
      ),
  });
export const useFosterPlacementsAll = () =>
  useQuery({
    queryKey: ['care', 'family-placements', 'foster-all'],
    // Foster and group foster placements (a group foster family is a foster family with more places).
    queryFn: async ({ signal }) => {
      const all = await api.get<{ items: FosterPlacement[] }>('/care/family-placements', undefined, signal);
      return { items: all.items.filter((p) => p.kind === 'foster' || p.kind === 'group_foster') };
    },
  });
export const useVisitsDue = (overdue: boolean) =>
  useQuery({
    queryKey: ['care', 'foster-visits', overdue],
    queryFn: ({ signal }) => api.get<{ items: VisitDue[] }>('/care/foster-visits', overdue ? { overdue: 'true' } : undefined, signal),
  });
export const useAftercareProposals = () =>
  useQuery({
    queryKey: ['care', 'aftercare-proposals'],
    queryFn: ({ signal }) => api.get<{ items: AftercareProposal[] }>('/care/aftercare-proposals', undefined, signal),
  });

/** After a change, or a 409 (the record changed meanwhile), every care query is fetched again. */
function useLifeMutation<T, B>(fn: (body: B) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['care'] }),
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: ['care'] });
    },
  });
}
export const usePlaceWithCarer = () =>
  useLifeMutation((body: Record<string, unknown>) => api.post<{ id: string }>('/care/family-placements', body));
export const useEndPlacement = (placementId: string) =>
  useLifeMutation((body: Record<string, unknown>) => api.post<PlacementEnded>(`/care/family-placements/${placementId}/end`, body));
export const useRecordVisit = (placementId: string) =>
  useLifeMutation((body: Record<string, unknown>) => api.post<FosterPlacement>(`/care/family-placements/${placementId}/inspections`, body));
export const useCarerProfile = (carerId: string) =>
  useLifeMutation((body: Record<string, unknown>) =>
    api.patch<{ id: string; version: number }>(`/care/foster-carers/${carerId}/profile`, body),
  );

// ---------------------------------------------------------------- renewal of a family's approval (r.23)

export interface Renewal {
  id: string;
  carerId: string;
  previousValidUntil: string | null;
  reassessedOn: string;
  reassessment: { on: string; by: string; recommendation: 'renew' | 'do_not_renew'; summary: string };
  status: 'reassessed' | 'renewed' | 'refused';
  meetingOn: string | null;
  validUntil: string | null;
  reasons: string | null;
  ref: string | null;
}
export interface ApprovalDue {
  carer: MatchCarer & { status: string; districtCode: number };
  state: 'due' | 'lapsed' | 'refused';
  validUntil: string | null;
  daysLeft: number | null;
  childrenPlaced: number;
  alert: boolean;
  openReassessment: Renewal | null;
  /** The lapse alert's action item could not be opened yet: `no_district_group` or the group's refusal code (absent from an older server). */
  actionProblem?: string | null;
  dueItem: { key: string; dueOn: string | null; overdue: boolean; citation: string; verification: string };
}
export interface ApprovalsDue {
  rules: { version: string; dueWithinDays: number; basis: string; verification: string };
  withinDays: number;
  items: ApprovalDue[];
}
export const useApprovalsDue = (withinDays: number | null) =>
  useQuery({
    queryKey: ['care', 'foster-approvals-due', withinDays],
    queryFn: ({ signal }) =>
      api.get<ApprovalsDue>('/care/foster-approvals-due', withinDays ? { withinDays: String(withinDays) } : undefined, signal),
  });
export const useReassessment = (carerId: string) =>
  useLifeMutation((body: Record<string, unknown>) =>
    api.post<{ carer: MatchCarer; renewal: Renewal }>(`/care/foster-carers/${carerId}/reassessment`, body),
  );
export const useRenewalDecision = (carerId: string) =>
  useLifeMutation((body: Record<string, unknown>) =>
    api.post<{ carer: MatchCarer; renewal: Renewal }>(`/care/foster-carers/${carerId}/renewal-decision`, body),
  );

// ---------------------------------------------------------------- aftercare plans that follow a foster placement (s.46)

export interface AftercareFollows {
  kind: 'stay_discharge' | 'foster_placement';
  id: string;
  endedOn: string | null;
  endReason: string | null;
  place: string | null;
}
export interface AftercarePlanLinked {
  id: string;
  childId: string;
  orderRef: string;
  planOn: string;
  endsOn: string | null;
  status: string;
  follows: AftercareFollows | null;
}
export const useAftercarePlansLinked = () =>
  useQuery({
    queryKey: ['care', 'aftercare', 'linked'],
    queryFn: ({ signal }) => api.get<{ items: AftercarePlanLinked[] }>('/care/aftercare', undefined, signal),
  });
export const useAftercareFromProposal = () =>
  useLifeMutation((body: Record<string, unknown>) => api.post<AftercarePlanLinked>('/care/aftercare', body));
