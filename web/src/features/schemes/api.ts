import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, queryString, type Query } from '../../api/client';
import type { Page } from '../../api/types';
import type { Application, DocumentRequestRow, FamilySuggestions, Outcomes, SchemeDetail, SchemeSummary, Worklist } from './types';

/** Everything under ['schemes'] is dropped after a write: suggestions, applications, worklists and figures move together. */
export const keys = {
  all: ['schemes'] as const,
  catalogue: ['schemes', 'catalogue'] as const,
  scheme: (id: string) => ['schemes', 'scheme', id] as const,
  suggestions: (familyId: string, lang = 'en') => ['schemes', 'suggestions', familyId, lang] as const,
  application: (id: string, lang = 'en') => ['schemes', 'application', id, lang] as const,
  worklist: (q: Query) => ['schemes', 'worklist', q] as const,
  outcomes: (q: Query) => ['schemes', 'outcomes', q] as const,
  requests: (q: Query) => ['schemes', 'requests', q] as const,
};

export const WORKLIST_PAGE = 25;

export const useCatalogue = () =>
  useQuery({
    queryKey: keys.catalogue,
    queryFn: ({ signal }) => api.get<{ asOf: string; items: SchemeSummary[] }>('/schemes', undefined, signal),
  });
export const useScheme = (id: string) =>
  useQuery({ queryKey: keys.scheme(id), queryFn: ({ signal }) => api.get<SchemeDetail>(`/schemes/${id}`, undefined, signal) });
/** The interface language, which the server writes eligibility reasons in (en, hi or mr). */
export function useReasonLang(): 'en' | 'hi' | 'mr' {
  const { i18n } = useTranslation();
  const l = (i18n.resolvedLanguage ?? i18n.language ?? 'en').slice(0, 2);
  return l === 'hi' || l === 'mr' ? l : 'en';
}
export const useSuggestions = (familyId: string) => {
  const lang = useReasonLang();
  return useQuery({
    queryKey: keys.suggestions(familyId, lang),
    queryFn: ({ signal }) => api.get<FamilySuggestions>(`/families/${familyId}/scheme-suggestions`, { lang }, signal),
    staleTime: 0,
  });
};
export const useApplication = (id: string) => {
  const lang = useReasonLang();
  return useQuery({
    queryKey: keys.application(id, lang),
    queryFn: ({ signal }) => api.get<Application>(`/scheme-applications/${id}`, { lang }, signal),
    staleTime: 0,
  });
};
export const useWorklist = (q: Query) =>
  useQuery({
    queryKey: keys.worklist(q),
    queryFn: ({ signal }) => api.get<Worklist>('/scheme-worklist', { ...q, pageSize: WORKLIST_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
export const useOutcomes = (q: Query) =>
  useQuery({
    queryKey: keys.outcomes(q),
    queryFn: ({ signal }) => api.get<Outcomes>('/scheme-outcomes', q, signal),
    placeholderData: keepPreviousData,
  });
export const useDocumentRequests = (q: Query) =>
  useQuery({
    queryKey: keys.requests(q),
    queryFn: ({ signal }) => api.get<Page<DocumentRequestRow>>('/document-requests', { ...q, pageSize: 100 }, signal),
    placeholderData: keepPreviousData,
  });

/** A write, then everything schemes-related is fetched again. */
export function useSchemesWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}

export const startApplication = (body: { schemeId: string; familyId: string; childId?: string | null; on: string }) =>
  api.post<Application>('/scheme-applications', body);
export const addStep = (id: string, body: Record<string, unknown>) => api.post<Application>(`/scheme-applications/${id}/steps`, body);
export const changeDocument = (owner: 'child' | 'family', ownerId: string, doc: string, body: Record<string, unknown>) =>
  api.post(`/${owner === 'child' ? 'children' : 'families'}/${ownerId}/documents/${doc}/status`, body);
export const requestDocument = (body: Record<string, unknown>) => api.post('/document-requests', body);
export const closeRequest = (id: string, body: Record<string, unknown>) => api.patch(`/document-requests/${id}`, body);
export const addVersion = (schemeId: string, body: { revision: number; version: unknown; note?: string }) =>
  api.post<SchemeDetail>(`/schemes/${schemeId}/versions`, body);

/** The address of an export (a plain link: the browser downloads with the session cookie). */
export const exportUrl = (path: string, q: Query, format: 'csv' | 'xlsx') => `/api/v1${path}${queryString({ ...q, format })}`;
