import { z } from 'zod';
import { timestamp } from '../http/response';

/** One line of a record's access log: who did what when (ids and roles, never the record's content). */
export const accessLogEntryOut = z.object({
  seq: z.number(),
  at: timestamp,
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  ip: z.string().nullable(),
});

/** A child's or family's access log names the readers. */
export const accessLogOut = z.object({
  items: z.array(accessLogEntryOut.extend({ actor: z.object({ id: z.string(), displayName: z.string(), username: z.string() }).nullable() })),
});
