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
  mustChangePassword: z.boolean(),
  lockedUntil: timestamp.nullable(),
});

/** What an administrator's action on an account changed (a reset's one-time password is shown once). */
export const passwordResetOut = z.object({
  id: z.string(),
  oneTimePassword: z.string(),
  mustChangePassword: z.boolean(),
  sessionsEnded: z.number(),
});
export const activationOut = z.object({ id: z.string(), active: z.boolean(), sessionsEnded: z.number() });
export const unlockedOut = z.object({ id: z.string(), lockedUntil: z.null() });

/** A user just created: enough to find them again. */
export const userCreatedOut = userOut.pick({ id: true, username: true, role: true, scopeLevel: true, jurisdictionId: true });

export const organisationOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  stateCode: z.number().nullable(),
  districtCode: z.number().nullable(),
  /** An inactive organisation takes no new members nor cases (e.g. a pathway's NGO, issue #14). */
  active: z.boolean(),
  createdAt: timestamp,
});
