import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../access/roles';
import { timestamp } from '../http/response';

/** What the sign-in routes answer (issue #12: every route declares its response). */

export const scopeOut = z.object({
  level: z.enum(['national', 'state', 'district', 'subdistrict', 'block', 'village']),
  stateCode: z.number().nullish(),
  districtCode: z.number().nullish(),
  subdistrictCode: z.number().nullish(),
  blockCode: z.number().nullish(),
  villageId: z.string().nullish(),
});

/** The signed-in user: who, what role and permissions, where (web/src/api/types.ts `Me`). */
export const meOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  permissions: z.array(z.enum(PERMISSIONS)).readonly(),
  organisation: z.object({ id: z.string().nullable(), name: z.string(), kind: z.string().nullable() }).nullable(),
  scope: scopeOut,
  jurisdiction: z.object({ id: z.string().nullable(), level: z.string(), name: z.string(), nameLocal: z.string().nullable() }),
  language: z.string(),
  /** Signed in with a one-time password: choose a new one before anything else. */
  mustChangePassword: z.boolean(),
});

/** A bearer token, shown once (its id revokes it). */
export const tokenOut = z.object({ id: z.string(), token: z.string(), tokenType: z.literal('Bearer') });

/** One's own sessions and tokens in force: never the token itself. */
export const sessionListOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      current: z.boolean(),
      kind: z.string(),
      label: z.string().nullable(),
      createdAt: timestamp,
      lastUsedAt: timestamp,
      expiresAt: timestamp,
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      parentId: z.string().nullable(),
    }),
  ),
});
export const sessionRevokedOut = z.object({ revoked: z.number(), current: z.boolean() });
export const passwordChangedOut = z.object({ ok: z.boolean(), sessionsEnded: z.number() });

/** POST /auth/offline-key: the session's key for the device's encrypted offline copy (src/auth/offline-key.ts). */
export const offlineKeyOut = z.object({
  /** 256 random bits, base64url: imported by WebCrypto as an AES-GCM key. */
  key: z.string(),
  algorithm: z.literal('AES-GCM'),
  keyBits: z.literal(256),
  /** Which session the key belongs to: the device keeps its copy only for this one. */
  sessionId: z.string(),
});
