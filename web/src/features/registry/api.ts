import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type { Page, Place } from '../../api/types';
import { useMe } from '../../auth/session';
import type { ChildRecord, ChildSummary, FamilyRecord, FamilySummary, Instrument, VulnerabilityMap } from './types';
import type { ChildSearch, FamilySearch } from './search';

export const PAGE_SIZE = 25;

/** Query keys: everything under ['registry'] is dropped after a save (see invalidateRegistry). */
export const keys = {
  all: ['registry'] as const,
  children: (s: ChildSearch) => ['registry', 'children', s] as const,
  child: (id: string) => ['registry', 'child', id] as const,
  families: (s: FamilySearch) => ['registry', 'families', s] as const,
  family: (id: string) => ['registry', 'family', id] as const,
  map: ['registry', 'map'] as const,
};

export function useChildren(search: ChildSearch) {
  return useQuery({
    queryKey: keys.children(search),
    queryFn: ({ signal }) => api.get<Page<ChildSummary>>('/children', { ...search, pageSize: PAGE_SIZE } as Query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChild(id: string) {
  return useQuery({
    queryKey: keys.child(id),
    queryFn: ({ signal }) => api.get<ChildRecord>(`/children/${id}`, undefined, signal),
    staleTime: 0,
  });
}

export function useFamilies(search: FamilySearch) {
  return useQuery({
    queryKey: keys.families(search),
    queryFn: ({ signal }) => api.get<Page<FamilySummary>>('/families', { ...search, pageSize: PAGE_SIZE } as Query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFamily(id: string) {
  return useQuery({
    queryKey: keys.family(id),
    queryFn: ({ signal }) => api.get<FamilyRecord>(`/families/${id}`, undefined, signal),
    staleTime: 0,
    enabled: !!id,
  });
}

export function useInstrument() {
  return useQuery({ queryKey: ['registry-instrument'], queryFn: () => api.get<Instrument>('/assessment-instrument'), staleTime: Infinity });
}

export function useVulnerabilityMap() {
  return useQuery({ queryKey: keys.map, queryFn: ({ signal }) => api.get<VulnerabilityMap>('/vulnerability-map', undefined, signal) });
}

/**
 * The villages of the user's jurisdiction, for filters and forms. A village worker gets
 * hers; district, taluka and block users their district's (narrowed to taluka/block);
 * state users the state's.
 */
export function useVillages() {
  const { scope } = useMe();
  return useQuery({
    queryKey: ['villages', scope],
    staleTime: 30 * 60_000,
    queryFn: async () => {
      if (scope.level === 'village' && scope.villageId) return [await api.get<Place>(`/locations/${encodeURIComponent(scope.villageId)}`)];
      const { items } = await api.get<{ items: Place[] }>('/locations', {
        level: 'village',
        districtCode: scope.districtCode ?? undefined,
      });
      return items.filter(
        (p) =>
          (scope.stateCode == null || p.stateCode === scope.stateCode) &&
          (scope.level !== 'subdistrict' || p.subdistrictCode === scope.subdistrictCode) &&
          (scope.level !== 'block' || p.blockCode === scope.blockCode),
      );
    },
  });
}

export function useVillageIndex(): Map<string, Place> {
  const { data } = useVillages();
  return new Map((data ?? []).map((p) => [p.id, p]));
}
