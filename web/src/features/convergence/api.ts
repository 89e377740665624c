import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString, type Query } from '../../api/client';
import type {
  Accountability,
  ActionDetail,
  ActionListItem,
  AgendaLine,
  CoverageFamily,
  CoverageSummary,
  GroupDetail,
  GroupSummary,
  Issue,
  MatrixResponse,
  MeetingDetail,
  RecipientNoteView,
} from './types';

/** Everything under ['convergence'] is fetched again after a write. */
export const keys = {
  all: ['convergence'] as const,
  groups: ['convergence', 'groups'] as const,
  group: (id: string) => ['convergence', 'group', id] as const,
  meeting: (id: string) => ['convergence', 'meeting', id] as const,
  actions: (q: Query) => ['convergence', 'actions', q] as const,
  action: (id: string) => ['convergence', 'action', id] as const,
  accountability: (q: Query) => ['convergence', 'accountability', q] as const,
  coverage: (q: Query) => ['convergence', 'coverage', q] as const,
  coverageFamilies: (q: Query) => ['convergence', 'coverage-families', q] as const,
  matrix: (level: string) => ['convergence', 'matrix', level] as const,
  issues: (q: Query) => ['convergence', 'issues', q] as const,
};

const P = '/convergence';
export const useGroups = () =>
  useQuery({ queryKey: keys.groups, queryFn: ({ signal }) => api.get<{ items: GroupSummary[] }>(`${P}/groups`, undefined, signal) });
export const useGroup = (id: string) =>
  useQuery({
    queryKey: keys.group(id),
    queryFn: ({ signal }) => api.get<GroupDetail>(`${P}/groups/${id}`, undefined, signal),
    enabled: !!id,
  });
export const useMeeting = (id: string) =>
  useQuery({
    queryKey: keys.meeting(id),
    queryFn: ({ signal }) => api.get<MeetingDetail>(`${P}/meetings/${id}`, undefined, signal),
    staleTime: 0,
  });
export const useNote = (meetingId: string) =>
  useQuery({
    queryKey: ['convergence', 'note', meetingId],
    queryFn: ({ signal }) => api.get<RecipientNoteView>(`${P}/meetings/${meetingId}/note`, undefined, signal),
    staleTime: 0,
  });
export const useActions = (q: Query) =>
  useQuery({
    queryKey: keys.actions(q),
    queryFn: ({ signal }) =>
      api.get<{ items: ActionListItem[]; total: number; view: string; department: string | null }>(`${P}/actions`, q, signal),
    placeholderData: keepPreviousData,
  });
export const useAction = (id: string | null) =>
  useQuery({
    queryKey: keys.action(id ?? ''),
    queryFn: ({ signal }) => api.get<ActionDetail>(`${P}/actions/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
  });
export const useAccountability = (q: Query) =>
  useQuery({
    queryKey: keys.accountability(q),
    queryFn: ({ signal }) => api.get<Accountability>(`${P}/accountability`, q, signal),
    placeholderData: keepPreviousData,
  });
export const useCoverage = (q: Query) =>
  useQuery({
    queryKey: keys.coverage(q),
    queryFn: ({ signal }) => api.get<CoverageSummary>(`${P}/coverage`, q, signal),
    placeholderData: keepPreviousData,
  });
export const useCoverageFamilies = (q: Query) =>
  useQuery({
    queryKey: keys.coverageFamilies(q),
    queryFn: ({ signal }) => api.get<{ items: CoverageFamily[]; total: number }>(`${P}/coverage/families`, q, signal),
    placeholderData: keepPreviousData,
  });
export const useMatrix = (level: string) =>
  useQuery({ queryKey: keys.matrix(level), queryFn: ({ signal }) => api.get<MatrixResponse>(`${P}/matrix`, { level }, signal) });
export const useSuggest = (domain: string | null, level: string) =>
  useQuery({
    queryKey: ['convergence', 'suggest', domain, level],
    queryFn: ({ signal }) =>
      api.get<{ departments: { department: string; responsibility: string; role: string }[] }>(
        `${P}/matrix/suggest`,
        { domain, level },
        signal,
      ),
    enabled: !!domain,
    staleTime: 5 * 60_000,
  });
export const useIssues = (q: Query) =>
  useQuery({
    queryKey: keys.issues(q),
    queryFn: ({ signal }) => api.get<{ items: Issue[]; total: number }>(`${P}/bal-panchayat/issues`, q, signal),
    placeholderData: keepPreviousData,
  });

/** A write, then every convergence query is fetched again. */
export function useConvergenceWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}

export const createGroup = (body: Record<string, unknown>) => api.post<GroupSummary>(`${P}/groups`, body);
export const patchGroup = (id: string, body: Record<string, unknown>) => api.patch<GroupSummary>(`${P}/groups/${id}`, body);
export const addMember = (groupId: string, body: Record<string, unknown>) =>
  api.post<{ id: string }>(`${P}/groups/${groupId}/members`, body);
export const patchMember = (groupId: string, memberId: string, body: Record<string, unknown>) =>
  api.patch<{ id: string }>(`${P}/groups/${groupId}/members/${memberId}`, body);
export const scheduleMeeting = (groupId: string, body: { date: string; venue?: string }) =>
  api.post<{ id: string }>(`${P}/groups/${groupId}/meetings`, body);
export const saveAttendance = (id: string, attendance: { memberId: string; present: boolean }[]) =>
  api.put(`${P}/meetings/${id}/attendance`, { attendance });
export const holdMeeting = (id: string, attendance: { memberId: string; present: boolean }[]) =>
  api.post<{ agenda: AgendaLine[] }>(`${P}/meetings/${id}/hold`, { attendance });
export const addDiscussion = (id: string, body: Record<string, unknown>) => api.post(`${P}/meetings/${id}/discussions`, body);
export const minuteMeeting = (id: string, minutes: string) =>
  api.post<{ nextMeeting: { id: string; date: string } | null }>(`${P}/meetings/${id}/minute`, { minutes });
export const sendNote = (id: string) => api.post<{ queued: number; recipients: number }>(`${P}/meetings/${id}/note/send`);
export const raiseAction = (groupId: string, body: Record<string, unknown>) =>
  api.post<ActionListItem>(`${P}/groups/${groupId}/actions`, body);
export const actionEvent = (
  id: string,
  body: { type: 'complete' | 'block' | 'reopen'; result?: string; reason?: string; version?: number },
) => api.post(`${P}/actions/${id}/events`, body);
export const saveMatrix = (body: { version: number; matrix: unknown; note?: string }) => api.put(`${P}/matrix`, body);
export const raiseIssue = (body: Record<string, unknown>) => api.post<Issue>(`${P}/bal-panchayat/issues`, body);
export const escalateIssue = (id: string, reason: string) => api.post<Issue>(`${P}/bal-panchayat/issues/${id}/escalate`, { reason });
export const resolveIssue = (id: string, outcome: string) => api.post<Issue>(`${P}/bal-panchayat/issues/${id}/resolve`, { outcome });

/** Links the browser opens with the session cookie (PDF, Excel). */
export const noteUrl = (meetingId: string, lang: string, department?: string) =>
  `/api/v1${P}/meetings/${meetingId}/note.pdf${queryString({ lang, department })}`;
export const accountabilityExportUrl = (q: Query, format: 'xlsx' | 'pdf', lang: string) =>
  `/api/v1${P}/accountability/export${queryString({ ...q, format, lang })}`;

/** Families by name (registry search), for recording a decision on a family not on the agenda. */
export const useFamilyPick = (q: string) =>
  useQuery({
    queryKey: ['convergence', 'family-pick', q],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; headName: string; headNameLocal: string | null }[] }>('/families', { q, pageSize: 20 }, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
