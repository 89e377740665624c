import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, ConflictError, type Query } from '../../api/client';
import type { Place } from '../../api/types';

/** What GET /admin/organisations answers (src/users/organisations.routes.ts). */
export interface Organisation {
  id: string;
  name: string;
  nameLocal: string | null;
  kind: string;
  level: string;
  placeId: string | null;
  placeName: string | null;
  placeNameLocal: string | null;
  districtCode: number | null;
  villageId: string | null;
  registration: string | null;
  active: boolean;
  version: number;
  memberCount: number;
}
export interface Member {
  id: string;
  username: string;
  displayName: string;
  role: string;
  scopeLevel: string;
  jurisdictionId: string | null;
  jurisdictionName: string | null;
  active: boolean;
}
export interface KindSpec {
  kind: string;
  levels: string[];
  basis: string;
  registrationRequired: boolean;
}

const keys = { all: ['admin'] as const };
export const useKinds = () =>
  useQuery({
    queryKey: ['admin', 'kinds'],
    staleTime: 60 * 60_000,
    queryFn: async () => (await api.get<{ items: KindSpec[] }>('/organisation-kinds')).items,
  });
export const useOrganisations = (q: Query) =>
  useQuery({
    queryKey: ['admin', 'organisations', q],
    queryFn: ({ signal }) => api.get<{ items: Organisation[]; total: number }>('/admin/organisations', { pageSize: 200, ...q }, signal),
  });
export const useOrganisation = (id: string) =>
  useQuery({
    queryKey: ['admin', 'organisation', id],
    queryFn: ({ signal }) => api.get<Organisation>(`/admin/organisations/${id}`, undefined, signal),
    staleTime: 0,
  });
export const useMembers = (id: string) =>
  useQuery({
    queryKey: ['admin', 'members', id],
    queryFn: ({ signal }) => api.get<{ items: Member[] }>(`/admin/organisations/${id}/members`, undefined, signal),
  });
export const usePlaces = (q: Query, enabled = true) =>
  useQuery({
    queryKey: ['admin', 'places', q],
    enabled,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) => api.get<{ items: Place[] }>('/locations', q, signal),
  });

/** A write, then every administration query is fetched again. */
export function useAdminWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}

/** A refusal → the reason per field (the server names the field), and a message for the rest. */
export function refusal(err: unknown, t: (k: string) => string, exists: (k: string) => boolean, reason: (m: string) => string) {
  const fields: Record<string, string> = {};
  let general: string | null = null;
  if (err instanceof ConflictError) general = t('admin.errors.version_conflict');
  else if (err instanceof ApiError && err.issues.length) {
    const coded = exists(`admin.errors.${err.code}`) ? t(`admin.errors.${err.code}`) : null;
    for (const i of err.issues) fields[i.field] ??= coded ?? reason(i.message);
  } else if (err instanceof ApiError) general = exists(`admin.errors.${err.code}`) ? t(`admin.errors.${err.code}`) : reason(err.message);
  else general = String(err);
  return { fields, general };
}
