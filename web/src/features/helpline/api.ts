import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

/** A call as the server sends it (src/helpline/helpline.model.ts callOut); withheld fields are absent. */
export interface Call {
  id: string;
  number: number;
  status: 'draft' | 'open' | 'dispatched' | 'reached' | 'closed';
  districtCode: number;
  villageId?: string | null;
  callerPhone?: string | null;
  callerName?: string | null;
  callerAnonymous: boolean;
  children?: { name?: string | null; nameLocal?: string | null; sex: string; ageYears?: number | null; description?: string | null }[];
  locationText?: string | null;
  categories: string[];
  urgency: string | null;
  receivedAt: string;
  route: string | null;
  targetMinutes: number | null;
  targetAt: string | null;
  reachedAt: string | null;
  outcome: string | null;
  onTheWayAt?: string | null;
  handedToKind?: string | null;
  caseId?: string | null;
  version: number;
  elapsedMinutes?: number;
  overdue?: boolean;
  dueSoon?: boolean;
  repeatCalls?: number;
  withheld?: string[];
}

export interface Summary {
  calls: number;
  reached: number;
  reachedWithinTarget: number;
  withinTargetPercent: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  byRoute: { key: string; calls: number; withinTarget: number; medianMinutes: number | null }[];
}

export interface MonthlyRow {
  month: string;
  districtCode: number;
  dim: 'all' | 'route' | 'category';
  key: string;
  calls: number;
  reached: number;
  withinTarget: number;
  p50Minutes: number | null;
  p90Minutes: number | null;
}

export const useMonthly = () =>
  useQuery({
    queryKey: ['helpline', 'monthly'],
    queryFn: ({ signal }) => api.get<{ from: string; to: string; rows: MonthlyRow[] }>('/helpline/figures/monthly', undefined, signal),
  });

export const keys = {
  all: ['helpline'] as const,
  calls: (q: Query) => ['helpline', 'calls', q] as const,
  summary: ['helpline', 'summary'] as const,
};

export const useCalls = (q: Query) =>
  useQuery({
    queryKey: keys.calls(q),
    queryFn: ({ signal }) => api.get<{ items: Call[]; total: number }>('/helpline/calls', { pageSize: 50, ...q }, signal),
    placeholderData: keepPreviousData,
    // The clock moves: the queue is fetched again every half minute.
    refetchInterval: 30_000,
  });

export const useSummary = () =>
  useQuery({
    queryKey: keys.summary,
    queryFn: ({ signal }) => api.get<Summary>('/helpline/summary', undefined, signal),
    refetchInterval: 60_000,
  });

export function useStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      call,
      step,
      outcome,
      kind,
    }: {
      call: Call;
      step: 'dispatch' | 'on-the-way' | 'reached' | 'handed-to' | 'close';
      outcome?: string;
      kind?: string;
    }) =>
      api.post<Call>(`/helpline/calls/${call.id}/${step}`, {
        version: call.version,
        ...(outcome ? { outcome } : {}),
        ...(kind ? { kind } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export const createDraft = (body: unknown) => api.post<Call>('/helpline/calls', body);
export const saveDraft = (id: string, body: unknown) => api.patch<Call>(`/helpline/calls/${id}`, body);
export const submitCall = (id: string, version: number) => api.post<Call>(`/helpline/calls/${id}/submit`, { version });
export const suggestChildren = (q: Query, signal?: AbortSignal) =>
  api.get<{ items: { id: string; name: string; nameLocal: string | null; probability: number }[] }>(
    '/helpline/child-suggestions',
    q,
    signal,
  );
