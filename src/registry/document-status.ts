// The one rule for moving a document's status, used by the registry's
// `PUT …/documents/:docType` and the schemes module's document tracking
// (`POST …/documents/:docType/status`) alike, and the refusal both answer with
// (`refusedMove` in documents.service.ts). Pure: no I/O, importable by the web app.

/**
 * held: in the family's hands. applied_for: application lodged with the issuing office.
 * issued: issued by the office, awaiting collection. not_possible: cannot be had (a death
 * never registered); needs an alternative such as a court or CWC order. missing: nothing done.
 */
export const DOCUMENT_STATUS_VALUES = ['held', 'applied_for', 'issued', 'not_possible', 'missing'] as const;
export type DocumentStatusValue = (typeof DOCUMENT_STATUS_VALUES)[number];

const NEXT: Record<DocumentStatusValue, readonly DocumentStatusValue[]> = {
  missing: ['applied_for', 'held', 'not_possible'],
  applied_for: ['issued', 'held', 'not_possible', 'missing'],
  issued: ['held', 'missing'],
  held: ['missing'], // lost or expired (income certificates are yearly)
  not_possible: ['applied_for', 'held', 'missing'],
};

export function allowedDocumentTransitions(from: DocumentStatusValue): readonly DocumentStatusValue[] {
  return NEXT[from];
}

export function canChangeDocumentStatus(from: DocumentStatusValue, to: DocumentStatusValue): boolean {
  return NEXT[from].includes(to);
}

/** Statuses under which the document can be used (in hand, or issued and waiting to be collected). */
export const USABLE_STATUSES: ReadonlySet<DocumentStatusValue> = new Set(['held', 'issued']);

/** Why a move is refused, machine-readable: the field, the reason code, where it stands and what may come next. */
export interface DocumentMoveRefusal {
  field: 'status';
  reason: 'transition_refused';
  from: DocumentStatusValue;
  to: DocumentStatusValue;
  allowedNext: readonly DocumentStatusValue[];
  message: string;
}

export function documentMoveRefusal(from: DocumentStatusValue, to: DocumentStatusValue): DocumentMoveRefusal | null {
  if (canChangeDocumentStatus(from, to)) return null;
  const allowedNext = NEXT[from];
  return {
    field: 'status',
    reason: 'transition_refused',
    from,
    to,
    allowedNext,
    message: `a document cannot go from ${from} to ${to}; allowed next: ${allowedNext.join(', ')}`,
  };
}
