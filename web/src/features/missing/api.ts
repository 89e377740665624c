import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, ConflictError, api, request, type Query } from '../../api/client';
import { powHeaders, type SolvedChallenge } from './pow';
import type { ProposalListOut, ProposalOut } from '../../../../src/federation/proposals/proposals.model';
import type { District, ListPage, Match, MatchModelStatus, MissingRecord, RecordDetail, RestorationRow } from './types';

/** Everything under ['missing'] is fetched again after a write: records, matches and restorations move together. */
export const keys = {
  all: ['missing'] as const,
  records: (q: Query) => ['missing', 'records', q] as const,
  record: (id: string) => ['missing', 'record', id] as const,
  matches: (q: Query) => ['missing', 'matches', q] as const,
  match: (id: string) => ['missing', 'match', id] as const,
  restorations: (q: Query) => ['missing', 'restorations', q] as const,
  districts: (stateCode?: number) => ['missing', 'districts', stateCode ?? 0] as const,
  model: ['missing', 'model'] as const,
  national: (q: Query) => ['missing', 'national', q] as const,
};

export const PAGE_SIZE = 25;

export const useRecords = (q: Query) =>
  useQuery({
    queryKey: keys.records(q),
    queryFn: ({ signal }) => api.get<ListPage<MissingRecord>>('/missing/records', { pageSize: PAGE_SIZE, ...q }, signal),
    placeholderData: keepPreviousData,
  });
export const useRecord = (id: string) =>
  useQuery({
    queryKey: keys.record(id),
    queryFn: ({ signal }) => api.get<RecordDetail>(`/missing/records/${id}`, undefined, signal),
    staleTime: 0,
  });
export const useMatches = (q: Query) =>
  useQuery({
    queryKey: keys.matches(q),
    queryFn: ({ signal }) => api.get<ListPage<Match>>('/missing/matches', { pageSize: PAGE_SIZE, ...q }, signal),
    placeholderData: keepPreviousData,
  });
export const useMatch = (id: string) =>
  useQuery({
    queryKey: keys.match(id),
    queryFn: ({ signal }) => api.get<Match>(`/missing/matches/${id}`, undefined, signal),
    staleTime: 0,
  });
export const useRestorations = (q: Query) =>
  useQuery({
    queryKey: keys.restorations(q),
    queryFn: ({ signal }) => api.get<ListPage<RestorationRow>>('/missing/restorations', { pageSize: 100, ...q }, signal),
  });

/** The match model in use and its refits (DCPU and state officers). */
export const useMatchModel = () =>
  useQuery({ queryKey: keys.model, queryFn: ({ signal }) => api.get<MatchModelStatus>('/missing/model', undefined, signal), staleTime: 0 });
/** Refit m and calibration from the reviewers' decisions: a new model version, used from now on. */
export const refitMatchModel = (body: { state?: string }) => api.post<MatchModelStatus>('/missing/model/refit', body);
/** Roll back to an earlier version (a kept refit or the shipped model); 409 if the model in use is no longer `expected`. */
export const rollbackMatchModel = (body: { version: string; expected: string }) =>
  api.post<MatchModelStatus>('/missing/model/rollback', body);

/** LGD states (no stateCode) or a state's districts: public reference data, also for the public page. */
export const useDistricts = (stateCode?: number) =>
  useQuery({
    queryKey: keys.districts(stateCode),
    queryFn: ({ signal }) => request<{ items: District[] }>('GET', '/public/districts', { query: { stateCode }, signal, expect401: true }),
    staleTime: 24 * 3600_000,
  });

export function useMissingWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}

/**
 * A report as JSON, or with a photo as multipart/form-data: the same form as JSON in "data" and
 * the photo in "photo" (the JSON client does not send files). A refused photo (413, 415) names
 * the field like a 400, so the form shows the reason next to the photo.
 */
async function sendReport<T>(
  path: string,
  body: Record<string, unknown>,
  photo: File | null,
  headers?: Record<string, string>,
): Promise<T> {
  if (!photo)
    return headers
      ? sendRaw<T>('POST', path, JSON.stringify(body), { 'content-type': 'application/json', ...headers })
      : api.post<T>(path, body);
  const form = new FormData();
  form.append('data', JSON.stringify(body));
  form.append('photo', photo);
  return sendRaw<T>('POST', path, form, headers);
}

/**
 * A request the JSON client does not make: files (multipart/form-data) or extra headers (the
 * public forms' challenge). A refused file (413, 415, or a photo over the day's allowance, 429)
 * is a 400 naming its field, so the form shows the reason next to it.
 */
async function sendRaw<T>(method: 'POST' | 'PUT', path: string, body: BodyInit, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, body, credentials: 'same-origin', headers: { accept: 'application/json', ...headers } });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  const b = await res.json().catch(() => ({}));
  if (res.ok) return b as T;
  if (res.status === 409 && 'current' in b) throw new ConflictError(b.message ?? '409', b.current, b);
  const status = [413, 415, 429].includes(res.status) && b.issues?.length ? 400 : res.status;
  throw new ApiError(status, b.code ?? 'error', b.message ?? `${res.status}`, b.issues ?? [], b);
}
const sendMultipart = <T>(method: 'POST' | 'PUT', path: string, form: FormData) => sendRaw<T>(method, path, form);

type Created = MissingRecord & { matching: { proposed?: number } };
export const createReport = (body: Record<string, unknown>, photo: File | null = null) =>
  sendReport<Created>('/missing/reports', body, photo);
export const createFound = (body: Record<string, unknown>, photo: File | null = null) =>
  sendReport<Created>('/missing/found-children', body, photo);
export const photoUrl = (recordId: string) => `/api/v1/missing/records/${recordId}/photo`;
/**
 * Sets or replaces a record's photo (the server's file field is "file"; refusals name it), against
 * the version of the record read: a 409 (ConflictError) if someone changed it since.
 */
export function setRecordPhoto(recordId: string, photo: File, version: number) {
  const form = new FormData();
  form.append('version', String(version));
  form.append('file', photo);
  return sendMultipart<{ id: string; hasPhoto: true; contentType: string; size: number; version: number }>(
    'PUT',
    `/missing/records/${recordId}/photo`,
    form,
  );
}
/** What the server takes (src/missing/photos.ts): checked here first so the reason shows at once. */
export const PHOTO_ACCEPT = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const moderate = (id: string, body: { decision: 'accept' | 'reject'; reason?: string; version?: number }) =>
  api.post<MissingRecord>(`/missing/records/${id}/moderation`, body);
export const decide = (id: string, body: { decision: 'confirm' | 'reject'; note?: string; version?: number }) =>
  api.post<Match>(`/missing/matches/${id}/decision`, body);
export const openCase = (id: string) => api.post<RestorationRow>(`/missing/restorations/${id}/open-case`, {});
export const setRestorationStatus = (id: string, body: { status: 'restored' | 'closed'; note?: string; cwcOrderRef?: string }) =>
  api.post<RestorationRow>(`/missing/restorations/${id}/status`, body);

/** The public forms: no session, a solved challenge (pow.ts) per post; a 429 says how long to wait. */
export const submitPublic = (kind: 'missing' | 'found', body: Record<string, unknown>, photo: File | null, pow: SolvedChallenge) =>
  sendReport<{ reference: string; status: string; message: string }>(
    kind === 'missing' ? '/public/missing-reports' : '/public/sightings',
    body,
    photo,
    powHeaders(pow),
  );
/** A challenge that was used, expired or lost is asked for again once. */
export const CHALLENGE_RETRY = new Set([
  'challenge_used',
  'challenge_expired',
  'challenge_unknown',
  'challenge_failed',
  'challenge_required',
]);

export const labelledPairsUrl = '/api/v1/missing/labelled-pairs';

/** National match proposals naming a record of the reader's district (`federation: false` when not set up). */
export const useNationalProposals = (q: Query) =>
  useQuery({
    queryKey: keys.national(q),
    queryFn: ({ signal }) => api.get<ProposalListOut>('/missing/national-proposals', { pageSize: 100, ...q }, signal),
    placeholderData: keepPreviousData,
  });
export const decideNationalProposal = (id: string, body: { decision: 'confirm' | 'reject'; note: string; checkedBy?: string }) =>
  api.post<ProposalOut>(`/missing/national-proposals/${id}/decision`, body);
