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
  children?: {
    name?: string | null;
    nameLocal?: string | null;
    sex: string;
    ageYears?: number | null;
    description?: string | null;
    registryChildId?: string | null;
  }[];
  childIds?: string[];
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
  notes?: string | null;
  partner?: string | null;
  partnerRef?: string | null;
  responderUserId?: string | null;
  /** One call's read only. */
  timeline?: {
    step: string;
    at: string;
    byUserId: string | null;
    byPartner: string | null;
    detail: Record<string, string | number | null>;
  }[];
  partnerMessages?: {
    direction: 'in' | 'out';
    partner: string;
    messageId: string;
    kind: 'handover' | 'status';
    statusValue: string | null;
    delivery: string;
    attempts: number;
    acknowledgedAt: string | null;
    lastError: string | null;
    createdAt: string;
  }[];
}

/** Whom the child was handed to (src/helpline/helpline.model.ts handedToInput). */
export const HANDED_TO = ['police_station', 'cwc', 'cci', 'family'] as const;

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
    queryFn: ({ signal }) =>
      api.get<{ items: Call[]; total: number; totalCapped: boolean; nextCursor: string | null }>(
        '/helpline/calls',
        { pageSize: 50, ...q },
        signal,
      ),
    placeholderData: keepPreviousData,
    // The clock moves: the queue is fetched again every half minute.
    refetchInterval: 30_000,
  });

export const useCall = (id: string) =>
  useQuery({
    queryKey: [...keys.all, 'call', id],
    queryFn: ({ signal }) => api.get<Call>(`/helpline/calls/${id}`, undefined, signal),
    refetchInterval: 30_000,
  });

/** The active staff of the call's district unit, to name one as the responder. */
export const useResponders = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.all, 'responders', id],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; displayName: string; role: string }[] }>(`/helpline/calls/${id}/responders`, undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
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
      responderUserId,
    }: {
      call: Call;
      step: 'dispatch' | 'on-the-way' | 'reached' | 'handed-to' | 'close';
      outcome?: string;
      kind?: string;
      responderUserId?: string;
    }) =>
      api.post<Call>(`/helpline/calls/${call.id}/${step}`, {
        version: call.version,
        ...(outcome ? { outcome } : {}),
        ...(kind ? { kind } : {}),
        ...(responderUserId ? { responderUserId } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

/** The open cases of the registry children a call names, to attach the call to one (GET /cases?childId=). */
export const useChildCases = (childIds: string[], enabled: boolean) =>
  useQuery({
    queryKey: [...keys.all, 'child-cases', childIds],
    queryFn: async ({ signal }) =>
      (
        await Promise.all(
          childIds.map((childId) =>
            api.get<{ items: { id: string; number: number; status: string }[] }>('/cases', { childId, pageSize: 25 }, signal),
          ),
        )
      ).flatMap((r) => r.items),
    enabled: enabled && childIds.length > 0,
  });

/** Attach to a case, hand to 112/181, or hand over as a new case: each refreshes the helpline's queries. */
export function useCallAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      a: { call: Call } & ({ kind: 'attach'; caseId: string } | { kind: 'partner'; partner: '112' | '181' } | { kind: 'case' }),
    ): Promise<unknown> =>
      a.kind === 'attach'
        ? api.post<Call>(`/helpline/calls/${a.call.id}/attach-case`, { version: a.call.version, caseId: a.caseId })
        : a.kind === 'partner'
          ? api.post<Call>(`/helpline/calls/${a.call.id}/partner-handover`, { version: a.call.version, partner: a.partner })
          : api.post<unknown>(`/helpline/calls/${a.call.id}/case`, { version: a.call.version }),
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
