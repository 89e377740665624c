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
  /** What disclosed the record: the record itself, or a list, search or page (with its id). */
  entityType: z.string().optional(),
  entityId: z.string().nullable().optional(),
});

/** A child's or family's access log names the readers. */
export const accessLogOut = z.object({
  items: z.array(
    accessLogEntryOut.extend({ actor: z.object({ id: z.string(), displayName: z.string(), username: z.string() }).nullable() }),
  ),
  /** Every entry that disclosed the record, over all pages. */
  total: z.number(),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.number().nullable(),
});

/** Filters of the audit log screen (issue #17: the auditor had no screen for it). */
export const auditEventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.coerce.number().int().positive().optional(),
  /** An action as recorded: `read`, `list`, `search`, `export`, `create`, `update`… */
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, 'an action like read or export')
    .max(60)
    .optional(),
  /** The kind of record: `child`, `family`, `case`… */
  entityType: z
    .string()
    .regex(/^[a-z_]+$/, 'a record kind like child')
    .max(40)
    .optional(),
  /** Only one person's entries. */
  actorId: z.uuid().optional(),
});

export const auditEventsOut = z.object({
  items: z.array(
    accessLogEntryOut.extend({
      districtCode: z.number().nullable(),
      actor: z.object({ id: z.string(), displayName: z.string(), username: z.string() }).nullable(),
    }),
  ),
  total: z.number(),
  nextCursor: z.number().nullable(),
});
