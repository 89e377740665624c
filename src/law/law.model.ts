/** Request and response schemas of the rules-and-sources page (GET /api/v1/rules). */
import { z } from 'zod';
import { lgdCode } from '../cases/domain/actions';

export const rulesQuery = z.strictObject({
  /** LGD state code whose overrides to show; defaults to the reader's state (none for a national reader). */
  state: lgdCode.optional(),
});

const ruleSourceOut = z.object({
  citation: z.string(),
  instrument: z.string(),
  form: z.string().optional(),
  reference: z.string().optional(),
  issuedOn: z.string().optional(),
  url: z.string().optional(),
  appliesFrom: z.string(),
  appliesUntil: z.string().nullable(),
  verification: z.string(),
  note: z.string().optional(),
});

const schemeSourceOut = z.object({
  title: z.string(),
  url: z.string().optional(),
  reference: z.string().optional(),
  date: z.string(),
  citation: z.string().nullable(),
  verification: z.string(),
});

export const rulesOut = z.object({
  asOf: z.string(),
  stateCode: z.string().nullable(),
  timelines: z.array(
    z.object({
      key: z.string(),
      within: z.string(),
      statutory: z.boolean(),
      fixed: z.boolean(),
      trackedOnCases: z.boolean(),
      /** Where the clock is computed: on cases, for the care module's records (src/law/care-clocks.ts), or as a report. */
      trackedBy: z.enum(['cases', 'care', 'report']).nullable(),
      appliesTo: z.string(),
      basis: z.string(),
      source: ruleSourceOut,
      /** 'state' when the state's override sets it, with whose decision it is. */
      setBy: z.enum(['default', 'state']),
      decidedBy: z.string().nullable(),
      inForce: z.boolean(),
    }),
  ),
  orderForms: z.array(
    z.object({
      form: z.string(),
      title: z.string(),
      citation: z.string(),
      orderTypes: z.array(z.string()),
      isOrder: z.boolean(),
    }),
  ),
  schemes: z.array(
    z.object({
      id: z.string(),
      name: z.object({ en: z.string(), hi: z.string(), mr: z.string() }),
      level: z.string(),
      state: z.number().nullable(),
      revision: z.number(),
      /** How the revision in force came about: seeded, rules_corrected (built-in), created or version_added (an administrator). */
      change: z.string(),
      changedAt: z.string(),
      versions: z.array(
        z.object({
          validFrom: z.string(),
          validTo: z.string().nullable(),
          inForce: z.boolean(),
          source: schemeSourceOut.nullable(),
          /** The clause citations the version's rule leaves carry (shown on each reason). */
          clauses: z.array(z.string()),
          note: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type RulesOut = z.infer<typeof rulesOut>;
