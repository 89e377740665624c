// Documents schemes ask for, and where a family stands with each. The
// Amravati–Akola convergence group spent much of its effort getting parents'
// death certificates, caste and orphan certificates for children (seed 000),
// so acquisition is tracked per document, not as a yes/no.

export const DOCUMENT_TYPES = [
  'birth_certificate',
  'aadhaar',
  'parent_death_certificate',
  'caste_certificate',
  'orphan_certificate',
  'income_certificate',
  'domicile',
  'ration_card',
  'bank_account',
  'photo',
  'disability_certificate',
  'school_certificate',
  'cwc_order',
  'medical_certificate',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_LABELS: Record<DocumentType, string> = {
  birth_certificate: 'birth certificate',
  aadhaar: 'Aadhaar',
  parent_death_certificate: "parent's (or spouse's) death certificate",
  caste_certificate: 'caste certificate',
  orphan_certificate: 'orphan certificate',
  income_certificate: 'income certificate (Tehsildar/Talathi)',
  domicile: 'domicile certificate',
  ration_card: 'ration card',
  bank_account: 'bank account passbook',
  photo: 'passport-size photograph',
  disability_certificate: 'disability certificate (UDID)',
  school_certificate: 'school bonafide certificate',
  cwc_order: 'Child Welfare Committee order/recommendation',
  medical_certificate: 'medical certificate (civil surgeon)',
};

// The statuses and the moves between them are the registry's (src/registry/document-status.ts):
// one rule for the registry's PUT and the schemes module's document tracking.
import {
  DOCUMENT_STATUS_VALUES,
  USABLE_STATUSES,
  allowedDocumentTransitions,
  canChangeDocumentStatus,
  type DocumentStatusValue,
} from '../registry/document-status';

export const DOCUMENT_STATUSES = DOCUMENT_STATUS_VALUES;
export type DocumentStatus = DocumentStatusValue;

/** Statuses under which a scheme application can use the document. */
export const USABLE_DOCUMENT_STATUSES: ReadonlySet<DocumentStatus> = USABLE_STATUSES;

export { allowedDocumentTransitions, canChangeDocumentStatus };

/** Documents a subject has: a plain list (all held) or a status per document. */
export type DocumentsHeld = readonly DocumentType[] | Partial<Record<DocumentType, DocumentStatus>>;

export function documentStatus(held: DocumentsHeld | undefined, doc: DocumentType): DocumentStatus {
  if (!held) return 'missing';
  if (Array.isArray(held)) return held.includes(doc) ? 'held' : 'missing';
  return (held as Partial<Record<DocumentType, DocumentStatus>>)[doc] ?? 'missing';
}

/** Order of usefulness; held and issued can be used in an application. */
export const DOCUMENT_STATUS_RANK: Readonly<Record<DocumentStatus, number>> = {
  held: 4,
  issued: 3,
  applied_for: 2,
  not_possible: 1,
  missing: 0,
};
const RANK = DOCUMENT_STATUS_RANK;
const BY_RANK: readonly DocumentStatus[] = ['missing', 'not_possible', 'applied_for', 'issued', 'held'];
export const DOCUMENT_INDEX: Readonly<Record<DocumentType, number>> = Object.fromEntries(DOCUMENT_TYPES.map((d, i) => [d, i])) as Record<
  DocumentType,
  number
>;

/**
 * Documents as a status rank per DOCUMENT_TYPES index (the batch path's
 * form of mergeDocuments: no per-document objects, no shape changes).
 */
export function documentRanks(...sources: Array<DocumentsHeld | undefined>): Uint8Array {
  const out = new Uint8Array(DOCUMENT_TYPES.length);
  for (const src of sources) {
    if (!src || typeof src !== 'object') continue;
    if (Array.isArray(src)) {
      for (const doc of src as readonly DocumentType[]) {
        const i = DOCUMENT_INDEX[doc];
        if (i !== undefined) out[i] = RANK.held;
      }
      continue;
    }
    const map = src as Partial<Record<DocumentType, DocumentStatus>>;
    for (const doc in map) {
      const i = DOCUMENT_INDEX[doc as DocumentType];
      const r = RANK[map[doc as DocumentType] as DocumentStatus];
      if (i !== undefined && r !== undefined && r > out[i]) out[i] = r;
    }
  }
  return out;
}

export function statusFromRank(rank: number): DocumentStatus {
  return BY_RANK[rank] ?? 'missing';
}

/** Merges family-level and child-level documents; the better status wins. */
export function mergeDocuments(...sources: Array<DocumentsHeld | undefined>): Partial<Record<DocumentType, DocumentStatus>> {
  const out: Partial<Record<DocumentType, DocumentStatus>> = {};
  for (const src of sources) {
    if (!src || typeof src !== 'object') continue;
    if (Array.isArray(src)) {
      for (const doc of src as readonly DocumentType[]) out[doc] = 'held';
      continue;
    }
    const map = src as Partial<Record<DocumentType, DocumentStatus>>;
    for (const doc in map) {
      const st = map[doc as DocumentType];
      if (st === undefined || RANK[st] === undefined) continue;
      const cur = out[doc as DocumentType];
      if (cur === undefined || RANK[st] > RANK[cur]) out[doc as DocumentType] = st;
    }
  }
  return out;
}
