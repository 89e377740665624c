// How a missing document is followed up, and how the follow-up stands: shapes shared by the
// server (document-followup.service.ts) and the web app (web/src/features/schemes). Pure: no I/O.

export const FOLLOW_UPS = ['request', 'convergence_action', 'case_task'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/**
 * How a request's convergence action item or case task stands, as the checklist and the request list show it.
 * `kind`, `status` and `done` for every reader of the request; the rest (ids, case reference, dates, the
 * result text) only when the reader may also see the linked action item (convergence rule) or case (case rule).
 */
export interface FollowUpView {
  kind: Exclude<FollowUp, 'request'>;
  /** open / blocked / reopened / done (action); pending / accepted / declined / done / cancelled (case task). */
  status: string;
  done: boolean;
  id?: string;
  doneOn?: string | null;
  result?: string | null;
  dueOn?: string | null;
  caseId?: string;
  caseRef?: string;
  department?: string;
}
