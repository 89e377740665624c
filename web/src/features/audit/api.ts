import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** One entry, as GET /api/v1/audit/events and /{children|families}/:id/access-log send it (src/audit/audit.model.ts). */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  ip: string | null;
  entityType?: string;
  entityId?: string | null;
  districtCode?: number | null;
  actor: { id: string; displayName: string; username: string } | null;
}
export interface AuditPage {
  items: AuditEntry[];
  total: number;
  nextCursor: number | null;
}

const PAGE = 50;

/** Page after page (older entries), newest first. */
function usePaged(key: unknown[], path: string, filters: Record<string, string | undefined> = {}) {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => api.get<AuditPage>(path, { limit: PAGE, cursor: pageParam ?? undefined, ...filters }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const useAuditEvents = (filters: { action?: string; entityType?: string }) =>
  usePaged(['audit', 'events', filters], '/audit/events', filters);

export const useAccessLog = (kind: 'children' | 'families', id: string) =>
  usePaged(['audit', 'access-log', kind, id], `/${kind}/${id}/access-log`);
