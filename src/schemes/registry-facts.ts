// Registry rows → the engine's FamilyInput (README "Mapping database rows to
// Facts"). Pure: the repository loads the rows, this decides what they mean.
// Anything the registry does not record stays undefined, so the engine says
// "maybe" and names the fact, rather than a wrong "not eligible".

import type { DocumentStatus, DocumentType } from './documents';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from './documents';
import type { CareStatus, CasteCategory, DeathCause, Facts, ParentStatus, RationCardType, Sex } from './facts';
import type { ChildInput, FamilyInput } from './suggest';

export interface FamilyFactsRow {
  id: string;
  stateCode: number;
  districtCode: number;
  areaType: string | null;
  annualIncome: number | null;
  rationCard: string | null;
  bpl: boolean | null;
  casteCategory: string | null;
  caregiverType: string | null;
}

export interface MemberFactsRow {
  familyId: string;
  relationship: string;
  sex?: string | null;
  age: number | null;
  alive: boolean;
  deathDate: string | null;
  deathCause: string | null;
  imprisoned: boolean;
  chronicIllness: string | null;
  disability: string | null;
}

export interface ChildFactsRow {
  id: string;
  familyId: string | null;
  dob: string | null;
  sex: string | null;
  careStatus: string | null;
  schoolStatus: string | null;
  disability: string | null;
  /** True once a CWC sponsorship or foster care order is on the child's case. */
  cwcRecommendation?: boolean | null;
}

export interface DocumentFactsRow {
  familyId: string | null;
  childId: string | null;
  docType: string;
  status: string;
}

const RATION: Record<string, RationCardType> = { aay: 'AAY', phh: 'PHH', apl: 'NPHH', none: 'none' };
const CASTE: Record<string, CasteCategory> = { sc: 'SC', st: 'ST', obc: 'OBC', vjnt: 'VJNT', nt: 'NT', sbc: 'SBC', general: 'General' };
const CARE: Record<string, CareStatus> = {
  birth_family: 'birth_family',
  kinship_care: 'kinship',
  foster_care: 'foster',
  cci: 'cci',
  aftercare: 'aftercare',
  adopted: 'adopted',
  missing: 'missing',
  street_connected: 'street_connected',
};
const SEX: Record<string, Sex> = { female: 'female', male: 'male' };
const CAUSES: ReadonlySet<string> = new Set<DeathCause>(['covid19', 'illness', 'accident', 'suicide', 'violence', 'other']);
// 'not_applicable' is a child under school age: not enrolled, which is true.
const SCHOOL: Record<string, boolean> = {
  enrolled: true,
  out_of_school: false,
  dropped_out: false,
  never_enrolled: false,
  not_applicable: false,
};

const nonEmpty = (s: string | null | undefined) => typeof s === 'string' && s.trim() !== '';

/** The status that matters most for support when several apply (a death outranks illness). */
export function parentStatus(m: MemberFactsRow): ParentStatus {
  if (!m.alive) return 'dead';
  if (m.imprisoned) return 'imprisoned';
  if (nonEmpty(m.chronicIllness)) return 'seriously_ill';
  if (nonEmpty(m.disability)) return 'disabled';
  return 'alive';
}

interface Parent {
  status?: ParentStatus;
  deathDate?: string;
  deathCause?: DeathCause;
  age?: number;
}

function parentFrom(rows: readonly MemberFactsRow[], relationship: 'father' | 'mother', absentWhen: boolean): Parent {
  const m = rows.find((r) => r.relationship === relationship);
  if (!m) {
    // The family is recorded as single-parent and this parent has no row: gone from
    // the home (divorce, separation or desertion). Otherwise we simply do not know.
    return absentWhen ? { status: 'divorced_separated' } : {};
  }
  return {
    status: parentStatus(m),
    deathDate: !m.alive && m.deathDate ? m.deathDate : undefined,
    deathCause: !m.alive && m.deathCause && CAUSES.has(m.deathCause) ? (m.deathCause as DeathCause) : undefined,
    age: m.age ?? undefined,
  };
}

/** Family-level facts from the family row and its members. */
export function familyFacts(f: FamilyFactsRow, members: readonly MemberFactsRow[]): Facts {
  const father = parentFrom(members, 'father', f.caregiverType === 'single_mother');
  const mother = parentFrom(members, 'mother', f.caregiverType === 'single_father');
  // The breadwinner who died: the father if he did, else the mother.
  const deceased = father.status === 'dead' ? father : mother.status === 'dead' ? mother : null;
  const facts: Facts = {
    stateCode: f.stateCode,
    districtCode: f.districtCode,
    area: f.areaType === 'urban' ? 'urban' : f.areaType === 'rural' ? 'rural' : undefined,
    annualIncome: f.annualIncome ?? undefined,
    bpl: f.bpl ?? undefined,
    rationCardType: f.rationCard ? RATION[f.rationCard] : undefined,
    casteCategory: f.casteCategory ? CASTE[f.casteCategory] : undefined,
    fatherStatus: father.status,
    motherStatus: mother.status,
    fatherDeathDate: father.deathDate,
    fatherDeathCause: father.deathCause,
    motherDeathDate: mother.deathDate,
    motherDeathCause: mother.deathCause,
    motherAge: mother.status !== 'dead' ? mother.age : undefined,
    breadwinnerAgeAtDeath: deceased?.age,
    breadwinnerDeathDate: deceased?.deathDate,
  };
  return facts;
}

/** Child-level facts (they override the family's for this child). */
export function childFacts(c: ChildFactsRow): Facts {
  return {
    dob: c.dob ?? undefined,
    sex: c.sex ? SEX[c.sex] : undefined,
    careStatus: c.careStatus ? CARE[c.careStatus] : undefined,
    enrolledInSchool: c.schoolStatus ? SCHOOL[c.schoolStatus] : undefined,
    disability: nonEmpty(c.disability) ? true : undefined,
    cwcRecommendation: c.cwcRecommendation === true ? true : undefined,
  };
}

const isDocType = (d: string): d is DocumentType => (DOCUMENT_TYPES as readonly string[]).includes(d);
const isDocStatus = (s: string): s is DocumentStatus => (DOCUMENT_STATUSES as readonly string[]).includes(s);

function docMap(rows: readonly DocumentFactsRow[]): Partial<Record<DocumentType, DocumentStatus>> {
  const out: Partial<Record<DocumentType, DocumentStatus>> = {};
  for (const d of rows) if (isDocType(d.docType) && isDocStatus(d.status)) out[d.docType] = d.status;
  return out;
}

/** One family with its children and documents, as the engine takes it. */
export function familyInputFromRows(
  f: FamilyFactsRow,
  members: readonly MemberFactsRow[],
  children: readonly ChildFactsRow[],
  documents: readonly DocumentFactsRow[],
): FamilyInput {
  const famDocs = documents.filter((d) => d.childId === null);
  const kids: ChildInput[] = children.map((c) => ({
    id: c.id,
    facts: childFacts(c),
    documents: docMap(documents.filter((d) => d.childId === c.id)),
  }));
  return { id: f.id, facts: familyFacts(f, members), documents: docMap(famDocs), children: kids };
}

/** Groups rows loaded for many families at once and maps each family. */
export function familyInputsFromRows(
  families: readonly FamilyFactsRow[],
  members: readonly MemberFactsRow[],
  children: readonly ChildFactsRow[],
  documents: readonly DocumentFactsRow[],
): FamilyInput[] {
  const by = <T>(rows: readonly T[], key: (r: T) => string | null) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const k = key(r);
      if (k === null) continue;
      let list = m.get(k);
      if (!list) m.set(k, (list = []));
      list.push(r);
    }
    return m;
  };
  const mem = by(members, (m) => m.familyId);
  const kids = by(children, (c) => c.familyId);
  const childFamily = new Map(children.map((c) => [c.id, c.familyId]));
  const docs = by(documents, (d) => d.familyId ?? (d.childId ? (childFamily.get(d.childId) ?? null) : null));
  return families.map((f) => familyInputFromRows(f, mem.get(f.id) ?? [], kids.get(f.id) ?? [], docs.get(f.id) ?? []));
}
