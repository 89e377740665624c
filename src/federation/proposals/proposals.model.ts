import { z } from 'zod';
import { pageQuery } from '../../http/common';
import { day, timestamp } from '../../http/response';
import { confirmNoteGiven, CONFIRM_NOTE_MESSAGE } from '../../missing/missing.model';

/**
 * National match proposals as a state's app shows them (issue #19): requests and response
 * schemas, shared with the web app. A proposal carries of each record only what national
 * matching compared (names, sex, age, date) and the state: the other state's record is never
 * read here (JJ Act 2015 s.74: disclose no more than the decision needs).
 */
export const PROPOSAL_STATUSES = ['proposed', 'withdrawn', 'confirmed', 'rejected'] as const;

/** How a DCPU checked a match before confirming it (the note says the rest). */
export const CHECKED_BY = ['video_call', 'phone_call', 'visit', 'photos', 'documents', 'other'] as const;

const unknownKeys = {
  error: (iss: { code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys' ? `unknown field(s): ${iss.keys?.join(', ')}` : undefined,
};

export const proposalListQuery = z.strictObject({ status: z.enum(PROPOSAL_STATUSES).optional(), ...pageQuery }, unknownKeys);
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

/**
 * As a cross-district match (missing.model.ts `matchDecisionInput`): a rejection says why, a
 * confirmation how the match was checked (it leads to restoration, JJ Act 2015 s.37(1)(b)).
 */
export const proposalDecisionInput = z
  .strictObject(
    {
      decision: z.enum(['confirm', 'reject']),
      note: z.string().trim().max(2000, 'is too long (2000 characters at most)'),
      checkedBy: z.enum(CHECKED_BY).optional().nullable(),
    },
    unknownKeys,
  )
  .refine((d) => d.decision === 'confirm' || !!d.note, { path: ['note'], message: 'say why the two records are not the same child' })
  .refine((d) => d.decision !== 'confirm' || confirmNoteGiven(d.note), { path: ['note'], message: CONFIRM_NOTE_MESSAGE })
  .refine((d) => d.decision !== 'confirm' || !!d.checkedBy, { path: ['checkedBy'], message: 'say how the match was checked' });
export type ProposalDecisionInput = z.infer<typeof proposalDecisionInput>;

/** One side of a proposal: what the proposal carries, nothing read from the record itself. */
const sideOut = z.object({
  recordId: z.string(),
  stateCode: z.number(),
  stateName: z.string().nullable(),
  districtCode: z.number(),
  name: z.string().nullable(),
  nameLocal: z.string().nullable(),
  sex: z.string(),
  ageYears: z.number().nullable(),
  eventDate: day.nullable(),
});

export const proposalOut = z.object({
  id: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  /** Which side is this state's record. */
  ownSide: z.enum(['missing', 'found']),
  missing: sideOut,
  found: sideOut,
  probability: z.number(),
  explanation: z.string(),
  modelVersion: z.string(),
  proposedAt: timestamp,
  /** This state's decision, once taken (the other state's is not replicated here). */
  decision: z
    .object({ decision: z.enum(['confirm', 'reject']), note: z.string(), checkedBy: z.string().nullable(), decidedAt: timestamp })
    .nullable(),
});

export const proposalListOut = z.object({
  /** false: this state's database is not set up for national matching (docs/DEPLOYMENT.md). */
  federation: z.boolean(),
  items: z.array(proposalOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ProposalListOut = z.infer<typeof proposalListOut>;
export type ProposalOut = z.infer<typeof proposalOut>;
