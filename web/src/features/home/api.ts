import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, queryString, type Query } from '../../api/client';
import type {
  comparisonOut,
  districtHomeOut,
  myDayOut,
  pendencyOut,
  breakdownOut,
  recordsOut,
} from '../../../../src/dashboards/dashboards.model';

export type DistrictHome = z.output<typeof districtHomeOut>;
export type MyDay = z.output<typeof myDayOut>;
export type Pendency = z.output<typeof pendencyOut>;
export type Comparison = z.output<typeof comparisonOut>;
export type Breakdown = z.output<typeof breakdownOut>;
export type IndicatorValue = DistrictHome['indicators'][number];
export type Records = z.output<typeof recordsOut>;
/** Which records a list shows: the figure's numerator or denominator, in an area, optionally one group. */
export interface RecordsSearch {
  district?: number;
  set?: 'numerator' | 'denominator';
  by?: string;
  key?: string;
  page?: number;
}

const get =
  <T>(path: string, q?: Query) =>
  ({ signal }: { signal: AbortSignal }) =>
    api.get<T>(path, q, signal);

export const useDistrictHome = (district?: number) =>
  useQuery({ queryKey: ['dashboards', 'district', district ?? null], queryFn: get<DistrictHome>('/dashboards/district', { district }) });
export const useMyDay = () => useQuery({ queryKey: ['dashboards', 'my-day'], queryFn: get<MyDay>('/dashboards/my-day') });
export const usePendency = (q: { sort: string; dir: string; district?: number }) =>
  useQuery({ queryKey: ['dashboards', 'pendency', q], queryFn: get<Pendency>('/dashboards/cwc-pendency', q), placeholderData: (p) => p });
export const useComparison = (rank?: string, state?: number) =>
  useQuery({
    queryKey: ['dashboards', 'comparison', rank ?? null, state ?? null],
    queryFn: get<Comparison>('/dashboards/state-comparison', { rank, state }),
  });
export const useBreakdown = (id: string, by: string, district?: number) =>
  useQuery({
    queryKey: ['dashboards', 'breakdown', id, by, district ?? null],
    queryFn: get<Breakdown>(`/dashboards/indicators/${id}/breakdown`, { by, district }),
  });

export const useRecords = (id: string, s: RecordsSearch) =>
  useQuery({
    queryKey: ['dashboards', 'records', id, s],
    queryFn: get<Records>(`/dashboards/indicators/${id}/records`, { ...s, pageSize: 25 }),
    enabled: id !== '',
    placeholderData: (p) => p,
  });
export const recordsExportUrl = (id: string, { page: _p, ...s }: RecordsSearch) =>
  `/api/v1/dashboards/indicators/${id}/records/export${queryString(s)}`;

export const reportUrl = (q: Query) => `/api/v1/reports/mission-vatsalya/monthly${queryString(q)}`;
