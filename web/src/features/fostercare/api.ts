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
    queryFn: ({ signal }) => api.get<{ items: FosterPlacement[] }>('/care/family-placements', { kind: 'foster' }, signal),
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
