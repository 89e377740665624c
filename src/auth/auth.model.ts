import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../access/roles';

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
});

/** A bearer token, shown once. */
export const tokenOut = z.object({ token: z.string(), tokenType: z.literal('Bearer') });
