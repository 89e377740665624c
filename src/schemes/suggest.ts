// Scheme suggestions for a family and its children: for every scheme and
// every subject it applies to (each child, the family, the caregiver), the
// status, the reasons, and the documents still to get. This is what the
// convergence meeting's "link families to schemes" work (seed 000: 62 of 149
// families linked) needs on one screen.

import { blankFacts, cleanInto, deriveInPlace } from './derive-facts';
import {
  DOCUMENT_INDEX,
  DOCUMENT_LABELS,
  DOCUMENT_STATUS_RANK,
  documentRanks,
  statusFromRank,
  type DocumentStatus,
  type DocumentType,
  type DocumentsHeld,
} from './documents';
import {
  STATUS_ORDER,
  compiled,
  judge,
  type CompiledScheme,
  type CompiledVersion,
  type Detail,
  type EligibilityStatus,
  type SchemeResult,
} from './eligibility';
import type { Facts, IsoDate } from './facts';
import { F, T, U, type Tri } from './rule-engine';
import type { Condition } from './rules';
import { annualValue, type LocalisedName, type Scheme, type SchemeVersion, type Subject } from './scheme';

export interface ChildInput {
  id: string;
  /** Child-level facts; they override the family's for this child. */
  facts: unknown;
  documents?: DocumentsHeld;
}

export interface FamilyInput {
  id: string;
  /** Family-level facts: income, area, ration card, parents' status, state ... */
  facts: unknown;
  documents?: DocumentsHeld;
  children: readonly ChildInput[];
}

export interface MissingDocument {
  doc: DocumentType;
  label: string;
  /** Best status among the document and its alternatives. */
  status: DocumentStatus;
  alternatives: DocumentType[];
  /** Needed only if a fact not yet recorded turns out a certain way. */
  conditional: boolean;
}

export interface Suggestion extends SchemeResult {
  schemeName: LocalisedName;
  department: string;
  subject: Subject;
  /** Child id, family id, or `${familyId}:caregiver`. */
  subjectId: string;
  channel: Scheme['channel'];
  /** Documents the version asks of this subject (conditions applied); empty for not_eligible. */
  requiredDocuments: DocumentType[];
  /** Filled for eligible and maybe; empty for not_eligible. */
  missingDocuments: MissingDocument[];
  /** Rupees per year, for ordering; 0 for in-kind benefits without a value. */
  annualValue: number;
}

export interface FamilySuggestions {
  familyId: string;
  suggestions: Suggestion[];
}

export interface SuggestOptions {
  detail?: Detail;
  /** Statuses to keep (default all three). */
  include?: readonly EligibilityStatus[];
}

export interface CompiledCatalogue {
  schemes: readonly CompiledScheme[];
}

/** Compiles every scheme's rules to closures once; reuse the result across calls. */
export function compileCatalogue(schemes: readonly Scheme[]): CompiledCatalogue {
  return { schemes: schemes.map(compiled) };
}

interface DocReq {
  doc: DocumentType;
  /** DOCUMENT_INDEX of the document and its alternatives. */
  slots: number[];
  alternatives: DocumentType[];
  when: ((f: Facts) => Tri) | null;
}

const docCache = new WeakMap<SchemeVersion, DocReq[]>();

function conditionTest(c: Condition): (f: Facts) => Tri {
  const allowed = new Set<unknown>('eq' in c ? [c.eq] : c.in);
  return (f) => {
    const v = f[c.fact];
    return v === undefined ? U : allowed.has(v) ? T : F;
  };
}

function docRequirements(v: SchemeVersion): DocReq[] {
  let reqs = docCache.get(v);
  if (!reqs) {
    reqs = v.documents.map((d) => {
      const doc = typeof d === 'string' ? d : d.doc;
      const alternatives = typeof d === 'string' ? [] : [...(d.alternatives ?? [])];
      const when = typeof d === 'string' || !d.when ? null : conditionTest(d.when);
      return { doc, alternatives, slots: [doc, ...alternatives].map((x) => DOCUMENT_INDEX[x]), when };
    });
    docCache.set(v, reqs);
  }
  return reqs;
}

const USABLE = DOCUMENT_STATUS_RANK.issued;

function documentsFor(v: SchemeVersion, facts: Facts, held: Uint8Array): { required: DocumentType[]; missing: MissingDocument[] } {
  const required: DocumentType[] = [];
  const missing: MissingDocument[] = [];
  for (const r of docRequirements(v)) {
    const w = r.when ? r.when(facts) : T;
    if (w === F) continue;
    required.push(r.doc);
    let best = 0;
    for (const i of r.slots) if (held[i] > best) best = held[i];
    if (best >= USABLE) continue;
    missing.push({
      doc: r.doc,
      label: DOCUMENT_LABELS[r.doc],
      status: statusFromRank(best),
      alternatives: r.alternatives,
      conditional: w !== T,
    });
  }
  return { required, missing };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bySuggestionOrder(a: Suggestion, b: Suggestion): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    b.annualValue - a.annualValue ||
    cmp(a.schemeId, b.schemeId) ||
    cmp(a.subjectId, b.subjectId)
  );
}

interface Active {
  cs: CompiledScheme;
  cv: CompiledVersion | null;
  annual: number;
}

const NONE: DocumentType[] = Object.freeze([]) as unknown as DocumentType[];
const NO_MISSING: MissingDocument[] = Object.freeze([]) as unknown as MissingDocument[];
const NO_DOCS = { required: NONE, missing: NO_MISSING };

function suggestFor(a: Active, subjectId: string, facts: Facts, docs: Uint8Array, asOf: IsoDate, detail: Detail): Suggestion {
  const r = judge(a.cs.scheme, a.cv, facts, asOf, detail);
  const s = a.cs.scheme;
  // Documents only matter for schemes the subject may get.
  const d = a.cv && r.status !== 'not_eligible' ? documentsFor(a.cv.version, facts, docs) : NO_DOCS;
  return {
    schemeId: r.schemeId,
    status: r.status,
    reasons: r.reasons,
    missingFacts: r.missingFacts,
    version: r.version,
    benefit: r.benefit,
    source: r.source,
    schemeName: s.name,
    department: s.department,
    subject: s.subject,
    subjectId,
    channel: s.channel,
    requiredDocuments: d.required,
    missingDocuments: d.missing,
    annualValue: a.annual,
  };
}

function suggestOne(active: readonly Active[], family: FamilyInput, asOf: IsoDate, opts: SuggestOptions): FamilySuggestions {
  const detail = opts.detail ?? 'full';
  const include = opts.include;
  const famId = String(family?.id);
  const fam = cleanInto(blankFacts(), family?.facts);
  const famFacts = deriveInPlace(Object.assign(blankFacts(), fam), asOf);
  const famDocs = documentRanks(family?.documents);
  const kids = Array.isArray(family?.children) ? family.children : [];
  const children = kids.map((c, i) => ({
    id: typeof c?.id === 'string' ? c.id : `${famId}:child${i}`,
    facts: deriveInPlace(cleanInto(Object.assign(blankFacts(), fam), c?.facts), asOf),
    docs: c?.documents ? documentRanks(family?.documents, c.documents) : famDocs,
  }));
  const out: Suggestion[] = [];
  for (const a of active) {
    const subject = a.cs.scheme.subject;
    if (subject === 'child') {
      for (const c of children) out.push(suggestFor(a, c.id, c.facts, c.docs, asOf, detail));
    } else {
      const id = subject === 'family' ? famId : `${famId}:caregiver`;
      out.push(suggestFor(a, id, famFacts, famDocs, asOf, detail));
    }
  }
  const kept = include ? out.filter((s) => include.includes(s.status)) : out;
  kept.sort(bySuggestionOrder);
  return { familyId: famId, suggestions: kept };
}

function activate(catalogue: CompiledCatalogue | readonly Scheme[], asOf: IsoDate): Active[] {
  const cat = 'schemes' in catalogue ? catalogue : compileCatalogue(catalogue as readonly Scheme[]);
  return cat.schemes.map((cs) => {
    const cv = cs.versionAt(asOf);
    return { cs, cv, annual: cv ? annualValue(cv.version.benefit) : 0 };
  });
}

/** Suggestions for one family and its children, sorted eligible → maybe → not_eligible. */
export function suggestForFamily(
  catalogue: CompiledCatalogue | readonly Scheme[],
  family: FamilyInput,
  asOf: IsoDate,
  opts: SuggestOptions = {},
): Suggestion[] {
  return suggestOne(activate(catalogue, asOf), family, asOf, opts).suggestions;
}

/**
 * Suggestions for many families, yielded one family at a time so 100,000
 * families do not have to sit in memory at once. Rules are compiled and the
 * version in force is picked once for the whole run.
 */
export function* suggestEach(
  catalogue: CompiledCatalogue | readonly Scheme[],
  families: Iterable<FamilyInput>,
  asOf: IsoDate,
  opts: SuggestOptions = {},
): Generator<FamilySuggestions> {
  const active = activate(catalogue, asOf);
  for (const f of families) yield suggestOne(active, f, asOf, opts);
}

/** suggestEach collected into an array. */
export function suggestBatch(
  catalogue: CompiledCatalogue | readonly Scheme[],
  families: Iterable<FamilyInput>,
  asOf: IsoDate,
  opts: SuggestOptions = {},
): FamilySuggestions[] {
  return [...suggestEach(catalogue, families, asOf, opts)];
}
