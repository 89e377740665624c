import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

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
