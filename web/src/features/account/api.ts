import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client';
import type { Role } from '../../../../src/access/roles';

/** GET /api/v1/auth/sessions (src/auth/auth.routes.ts). */
export interface SessionInfo {
  id: string;
  kind: 'cookie' | 'api';
  label: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  parentId: string | null;
  current: boolean;
}

/** GET /api/v1/users (src/users/users.routes.ts). */
export interface UserInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeLevel: string;
  jurisdictionId: string | null;
  active: boolean;
  organisation: string | null;
  lockedUntil: string | null;
  mustChangePassword: boolean;
}

const SESSIONS = ['account', 'sessions'] as const;
const USERS = ['users', 'list'] as const;

export const useSessions = () =>
  useQuery({ queryKey: SESSIONS, queryFn: () => api.get<{ items: SessionInfo[] }>('/auth/sessions').then((r) => r.items) });

export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<{ revoked: number }>('DELETE', `/auth/sessions/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: SESSIONS }),
  });
}

export const useUsers = () => useQuery({ queryKey: USERS, queryFn: () => api.get<{ items: UserInfo[] }>('/users').then((r) => r.items) });

export type UserAction = 'password-reset' | 'deactivate' | 'reactivate' | 'unlock';

export function useUserAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: UserAction }) => api.post<{ oneTimePassword?: string }>(`/users/${id}/${action}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS }),
  });
}
