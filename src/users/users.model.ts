import { z } from 'zod';
import { timestamp } from '../http/response';

/** What the user-administration routes answer (issue #12). Never a password hash. */

export const userOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  scopeLevel: z.string(),
  jurisdictionId: z.string().nullable(),
  active: z.boolean(),
  organisation: z.string().nullable(),
});

/** A user just created: enough to find them again. */
export const userCreatedOut = userOut.pick({ id: true, username: true, role: true, scopeLevel: true, jurisdictionId: true });

export const organisationOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  stateCode: z.number().nullable(),
  districtCode: z.number().nullable(),
  createdAt: timestamp,
});
