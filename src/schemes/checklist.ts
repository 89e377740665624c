// The documents an application needs, as a checklist (pure): which the subject
// holds, which are missing, and where each is recorded, so the screen can move a
// missing one along (applied for → issued → held) or ask a department for it.

import { DOCUMENT_LABELS, DOCUMENT_STATUS_RANK, type DocumentStatus, type DocumentType } from './documents';
import type { SchemeVersion, Subject } from './scheme';
import type { Suggestion } from './suggest';

/** Documents that belong to the household, recorded on the family (the rest are the child's own). */
export const HOUSEHOLD_DOCUMENTS: ReadonlySet<DocumentType> = new Set<DocumentType>([
  'ration_card',
  'income_certificate',
  'domicile',
  'caste_certificate',
  'parent_death_certificate',
]);

/** Where a document of this type is recorded for this subject. */
export function documentOwner(subject: Subject, doc: DocumentType): 'child' | 'family' {
  return subject === 'child' && !HOUSEHOLD_DOCUMENTS.has(doc) ? 'child' : 'family';
}

export interface DocRecord {
  id: string;
  familyId: string | null;
  childId: string | null;
  docType: string;
  status: string;
  issuingOffice: string | null;
  appliedOn: string | null;
  issuedOn: string | null;
  version: number;
}

export interface ChecklistItem {
  doc: DocumentType;
  label: string;
  alternatives: DocumentType[];
  /** Needed only if a fact not yet recorded turns out a certain way. */
  conditional: boolean;
  held: boolean;
  /** Best status among the document and its alternatives. */
  status: DocumentStatus;
  /** The document (or alternative) in hand, when held. */
  satisfiedBy: DocumentType | null;
  /** Where a change of status is recorded: the child's or the family's record. */
  owner: 'child' | 'family';
  /** The record the status comes from (null: nothing recorded yet, i.e. missing). */
  record: DocRecord | null;
}

const rank = (s: string) => DOCUMENT_STATUS_RANK[s as DocumentStatus] ?? 0;

export function alternativesIn(version: SchemeVersion | null, doc: DocumentType): DocumentType[] {
  for (const d of version?.documents ?? []) {
    if (typeof d !== 'string' && d.doc === doc) return [...(d.alternatives ?? [])];
  }
  return [];
}

/**
 * `records` are the subject's document rows: the child's own and the family's household
 * ones (child id null). The engine's suggestion decides what is required; this adds where
 * each document stands.
 */
export function buildChecklist(
  s: Pick<Suggestion, 'requiredDocuments' | 'missingDocuments' | 'subject'>,
  version: SchemeVersion | null,
  records: readonly DocRecord[],
  childId: string | null,
): ChecklistItem[] {
  const missing = new Map(s.missingDocuments.map((m) => [m.doc, m]));
  const own = (r: DocRecord) => r.childId === null || (childId !== null && r.childId === childId);
  return s.requiredDocuments.map((doc) => {
    const alternatives = missing.get(doc)?.alternatives ?? alternativesIn(version, doc);
    let best: DocRecord | null = null;
    for (const type of [doc, ...alternatives]) {
      for (const r of records) {
        if (r.docType !== type || !own(r)) continue;
        if (!best || rank(r.status) > rank(best.status)) best = r;
      }
    }
    const m = missing.get(doc);
    const held = !m;
    const owner = documentOwner(s.subject, doc);
    // The record to move along: the one in hand, else the required document's own record.
    const record = held
      ? best
      : (records.find((r) => r.docType === doc && own(r) && (owner === 'family' ? r.childId === null : r.childId === childId)) ?? best);
    return {
      doc,
      label: DOCUMENT_LABELS[doc],
      alternatives,
      conditional: m?.conditional ?? false,
      held,
      status: m ? m.status : ((best?.status as DocumentStatus) ?? 'held'),
      satisfiedBy: held ? ((best?.docType as DocumentType) ?? doc) : null,
      owner,
      record,
    };
  });
}
