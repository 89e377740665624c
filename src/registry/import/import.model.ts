import { z } from 'zod';

/** `POST /registry/imports`: the query (the CSV itself is the multipart file `file`). */
export const importQuery = z.strictObject({
  // A dry run is the default: nothing is written unless the caller says so.
  dryRun: z.enum(['true', 'false']).default('true'),
  /** On a commit: the number of children the dry run said it would create; a different count → 409, nothing written. */
  expectChildren: z.coerce.number().int().min(0).optional(),
});

const count = z.number().int();

export const importRowOut = z.object({
  /** The line of the file (the header is line 1). */
  line: count,
  status: z.enum(['created', 'possible_duplicate', 'invalid']),
  /** The column the reason is about (null for a created row). */
  field: z.string().nullable(),
  /** The reason, for programs (English, stable). */
  reason: z.string().nullable(),
  /** The same, as a sentence in the reader's language (Accept-Language). */
  text: z.string().nullable(),
  /** The child created (null on a dry run). */
  childId: z.string().nullable(),
  /** A possible duplicate: the registered child it looks like (null: an earlier row of this file). */
  existingChildId: z.string().nullable(),
});

export const importResultOut = z.object({
  dryRun: z.boolean(),
  counts: z.object({
    rows: count,
    /** Children (and families, villages) created, or that a commit would create. */
    children: count,
    families: count,
    villages: count,
    duplicates: count,
    /** Rows refused (each with one or more reasons in `results`). */
    invalid: count,
  }),
  /** One entry per reason of an invalid row, one per created or held row, in file order. */
  results: z.array(importRowOut),
});
export type ImportResultOut = z.infer<typeof importResultOut>;
