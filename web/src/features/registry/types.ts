/** What the registry API returns (src/registry/*.service.ts), as the screens use it. */
export interface ChildSummary {
  id: string;
  familyId?: string | null;
  districtCode: number;
  villageId: string | null;
  name: string;
  nameLocal: string | null;
  sex: string;
  /** Absent for roles that get the age only, and under a CWC non-disclosure order (see `withheld`). */
  dob?: string | null;
  dobEstimated?: boolean;
  age: number | null;
  careStatus?: string;
  schoolStatus?: string | null;
  version: number;
  /** Fields the server left out for this reader (src/access/fields.ts; JJ Act 2015 s.74). */
  withheld?: string[];
  /** The name is initials only (a CWC non-disclosure order). */
  initialsOnly?: true;
}

export interface DocumentRow {
  id: string;
  familyId: string | null;
  childId: string | null;
  docType: string;
  status: string;
  issuingOffice: string | null;
  appliedOn: string | null;
  issuedOn: string | null;
  notes: string | null;
  updatedAt: string;
}

export interface ChildRecord extends ChildSummary {
  view: 'full' | 'minimal';
  otherNames?: string[];
  school?: string | null;
  healthNotes?: string | null;
  disability?: string | null;
  updatedAt?: string;
  family?: {
    id: string;
    headName: string;
    headNameLocal?: string | null;
    villageId: string | null;
    vulnerabilityFactors: string[];
    initialsOnly?: true;
  } | null;
  documents?: DocumentRow[];
}

export interface FamilySummary {
  id: string;
  villageId: string | null;
  headName: string;
  headNameLocal: string | null;
  caregiverType?: string;
  vulnerabilityFactors?: string[];
  annualIncome?: number | null;
  address?: string | null;
  version: number;
  withheld?: string[];
  initialsOnly?: true;
}

export interface Member {
  id: string;
  name: string;
  nameLocal: string | null;
  relationship: string;
  sex: string | null;
  age: number | null;
  alive: boolean;
  deathDate: string | null;
  deathCause: string | null;
  isPrimaryCaregiver: boolean;
  occupation: string | null;
  disability: string | null;
  chronicIllness: string | null;
  imprisoned: boolean;
}

export interface Assessment {
  id: string;
  childId: string | null;
  assessedOn: string;
  domainScores: Record<string, number>;
  overall: number;
  answers: Record<string, number>;
  notes: string | null;
}

export interface FamilyRecord extends FamilySummary {
  view: 'full' | 'minimal';
  areaType?: string;
  rationCard?: string | null;
  bpl?: boolean | null;
  occupation?: string | null;
  migration?: string | null;
  casteCategory?: string | null;
  socialGroup?: string | null;
  notes?: string | null;
  updatedAt?: string;
  members?: Member[];
  children?: (ChildSummary & { documents: DocumentRow[]; missingDocuments: string[] })[];
  assessments?: Assessment[];
  documents?: DocumentRow[];
  missingDocuments?: string[];
}

/** GET /assessment-instrument (src/registry/instrument.ts). */
export interface Instrument {
  id: string;
  version: number;
  title: string;
  scale: Record<'1' | '2' | '3' | '4', string>;
  domains: { id: string; items: { id: string; label: string }[] }[];
}

export interface VillageRisk {
  villageId: string | null;
  villageName: string | null;
  villageNameLocal: string | null;
  subdistrictCode: number | null;
  districtCode: number;
  families: number;
  familiesAtRisk: number;
  children: number;
  childrenAtRisk: number;
  childrenWithBirthFamily: number;
  householdsVisited: number;
  factors: Record<string, number>;
}

export interface VulnerabilityMap {
  villages: VillageRisk[];
  total: (Omit<VillageRisk, 'villageId' | 'villageName' | 'villageNameLocal'> & { villages: number }) | null;
}
