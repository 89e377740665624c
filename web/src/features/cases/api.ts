import i18next from 'i18next';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, request, type Query } from '../../api/client';
import type { Place } from '../../api/types';
import type { Attachment, CaseDetail, CaseList, Notification, Organisation, ReferralRow, TaskList } from './types';

/** Everything under ['cases'] is fetched again after a write: lists, tasks and alerts move together. */
export const keys = {
  all: ['cases'] as const,
  list: (q: Query) => ['cases', 'list', q] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  tasks: (q: Query) => ['cases', 'tasks', q] as const,
  referrals: (q: Query) => ['cases', 'referrals', q] as const,
  alerts: ['cases', 'alerts'] as const,
};

export const CASE_PAGE = 25;

export const useCases = (q: Query) =>
  useQuery({
    queryKey: keys.list(q),
    queryFn: ({ signal }) => api.get<CaseList>('/cases', { ...q, pageSize: CASE_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
export const useCase = (id: string) =>
  useQuery({ queryKey: keys.one(id), queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${id}`, undefined, signal), staleTime: 0 });
export const useTasks = (q: Query) =>
  useQuery({
    queryKey: keys.tasks(q),
    queryFn: ({ signal }) => api.get<TaskList>('/tasks', { ...q, pageSize: CASE_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
export const useCaseReferrals = (q: Query) =>
  useQuery({
    queryKey: keys.referrals(q),
    queryFn: ({ signal }) => api.get<{ items: ReferralRow[]; total: number }>('/cases/referrals', { ...q, pageSize: 100 }, signal),
  });
export const useAlerts = () =>
  useQuery({
    // The alerts are worded by the server in the language on screen: another language, another list.
    queryKey: [...keys.alerts, i18next.language],
    queryFn: ({ signal }) => api.get<{ items: Notification[]; unread: number; total: number }>('/notifications', { pageSize: 50 }, signal),
  });
export const useOrganisations = () =>
  useQuery({
    queryKey: ['organisations'],
    staleTime: 30 * 60_000,
    queryFn: async () => (await api.get<{ items: Organisation[] }>('/organisations')).items,
  });
export const useDistricts = (stateCode: number | null | undefined) =>
  useQuery({
    queryKey: ['districts', stateCode],
    staleTime: Infinity,
    queryFn: async () =>
      (await api.get<{ items: Place[] }>('/locations', { level: 'district' })).items.filter(
        (d) => stateCode == null || d.stateCode === stateCode,
      ),
  });

/** A write, then everything case-related is fetched again. */
export function useCasesWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}

export const openCase = (body: Record<string, unknown>) => api.post<CaseDetail>('/cases', body);
export const recordAction = (id: string, body: Record<string, unknown>) => api.post<CaseDetail>(`/cases/${id}/actions`, body);
export const markRead = (id: string) => api.post(`/notifications/${id}/read`);
export const markAllRead = () => api.post('/notifications/read-all');

/** Multipart upload (the JSON client does not send files); errors come back as ApiError like the rest. */
export async function uploadAttachment(caseId: string, file: File, kind: string, description: string): Promise<Attachment> {
  const form = new FormData();
  form.append('kind', kind);
  if (description) form.append('description', description);
  form.append('file', file);
  const res = await fetch(`/api/v1/cases/${caseId}/attachments`, { method: 'POST', body: form, credentials: 'same-origin' });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'error', body.message ?? `${res.status}`, body.issues ?? [], body);
  return body as Attachment;
}

export const attachmentUrl = (caseId: string, id: string) => `/api/v1/cases/${caseId}/attachments/${id}`;

/** A CWC order restricting the child's identity (JJ Act 2015 s.74(1)); null when none stands. */
export interface NonDisclosureOrder {
  caseId: string;
  orderRef: string;
  orderedOn: string;
  setAt: string;
  version: number;
}
export const useNonDisclosureOrder = (caseId: string, enabled = true) =>
  useQuery({
    enabled,
    queryKey: ['cases', 'non-disclosure', caseId],
    queryFn: ({ signal }) => api.get<{ order: NonDisclosureOrder | null }>(`/cases/${caseId}/non-disclosure-order`, undefined, signal),
    staleTime: 0,
  });
/** `version`: of the order being changed, as read; absent when recording the first (a 409 if one stands meanwhile). */
export const setNonDisclosureOrder = (caseId: string, body: { orderRef: string; orderedOn: string; version?: number }) =>
  api.put<NonDisclosureOrder>(`/cases/${caseId}/non-disclosure-order`, body);
/** Lifts the order of the version read: a 409 if another member changed or lifted it since. */
export const liftNonDisclosureOrder = (caseId: string, version: number) =>
  request<{ caseId: string; lifted: boolean }>('DELETE', `/cases/${caseId}/non-disclosure-order`, { query: { version } });
