/**
 * Service coverage: for each family, which needs have a service behind them and which are
 * gaps, and how many families in an area have an unmet need per domain.
 *
 * This is the monitoring view the seed asks of the Matrix: "stakeholders can see if families
 * receive support from multiple services or if gaps exist" (seed 000; brief §2 item 3).
 * Pure: the repository gathers assessments, case-plan needs, referrals, scheme enrolments
 * and action items per family; this module only decides.
 */
import { CONVERGENCE_DOMAINS, type AreaLevel, type ConvergenceDomain, type DepartmentKind, type IsoDate } from './types';
import type { ActionStatus } from './actions';

/** Referral statuses of the case module (src/cases/domain/state.ts). */
export type ReferralStatus = 'pending' | 'accepted' | 'declined' | 'done' | 'cancelled';
/** The scheme application pipeline (brief §2 item 4) plus its two dead ends. */
export type EnrolmentStatus = 'identified' | 'documents' | 'applied' | 'sanctioned' | 'receiving' | 'rejected' | 'stopped';

/**
 * How far a service link goes toward meeting a need: `delivered` and `active` meet it,
 * `pending` is promised but not yet real (still a gap), `ineffective` ended without help.
 */
export type ServiceState = 'delivered' | 'active' | 'pending' | 'ineffective';

const REFERRAL_STATE: Record<ReferralStatus, ServiceState> = {
  done: 'delivered',
  accepted: 'active',
  pending: 'pending',
  declined: 'ineffective',
  cancelled: 'ineffective',
};
const ENROLMENT_STATE: Record<EnrolmentStatus, ServiceState> = {
  receiving: 'delivered',
  sanctioned: 'active',
  applied: 'pending',
  documents: 'pending',
  identified: 'pending',
  rejected: 'ineffective',
  stopped: 'ineffective',
};
// A blocked action is stalled, not dead: the group is still expected to move it.
const ACTION_STATE: Record<ActionStatus, ServiceState> = { done: 'delivered', open: 'pending', reopened: 'pending', blocked: 'pending' };

export interface AssessmentScore {
  /** Assessment domain or item id of the instrument (e.g. 'household_economy', 'health.nutrition'). */
  key: string;
  score: number;
  assessedOn: IsoDate;
  childId?: string;
}

export interface CasePlanNeed {
  /** An ICP domain (JJ Model Rules Form 7, e.g. 'education_training') or a convergence domain. */
  domain: string;
  childId?: string;
  description?: string;
}

export interface ReferralLink {
  id: string;
  /** ICP or convergence domain of the referral. */
  domain: string;
  department: DepartmentKind;
  status: ReferralStatus;
  childId?: string;
}

export interface EnrolmentLink {
  id: string;
  schemeId: string;
  /** Convergence domains the scheme serves (from the scheme catalogue). */
  domains: ConvergenceDomain[];
  department: DepartmentKind;
  status: EnrolmentStatus;
  childId?: string;
}

export interface ActionLink {
  id: string;
  domain: ConvergenceDomain;
  department: DepartmentKind;
  status: ActionStatus;
}

export interface FamilyServicesInput {
  familyId: string;
  /** LGD codes of the family's village, block and district. */
  area: Partial<Record<AreaLevel, string>>;
  assessments: AssessmentScore[];
  casePlanNeeds: CasePlanNeed[];
  referrals: ReferralLink[];
  enrolments: EnrolmentLink[];
  actions: ActionLink[];
}

export interface CoverageOptions {
  /** A score at or below this marks a need. 2 = "vulnerable" on the 1–4 family vulnerability scale. */
  needThreshold: number;
  /** Maps assessment domains/items and ICP domains to convergence domains. */
  domainMap: Readonly<Record<string, readonly ConvergenceDomain[]>>;
}

/**
 * Default vocabulary mapping: the family vulnerability instrument v1
 * (src/registry/instrument/family-vulnerability.v1.json), its items (finer, used when item
 * scores are passed), and the ICP domains of JJ Model Rules 2016 Form 7 used by case plans
 * and referrals. Convergence domain ids always map to themselves.
 */
export const DEFAULT_DOMAIN_MAP: Readonly<Record<string, readonly ConvergenceDomain[]>> = {
  health: ['health'],
  education: ['education'],
  family_relationships: ['family_strengthening'],
  household_economy: ['livelihood', 'social_protection'],
  living_conditions: ['social_protection'],
  safety: ['protection_safety'],
  'health.access': ['health'],
  'health.nutrition': ['nutrition'],
  'health.illness': ['health'],
  'education.enrolment': ['education'],
  'education.support': ['education'],
  'family.care': ['family_strengthening'],
  'family.bonds': ['family_strengthening'],
  'family.community': ['family_strengthening'],
  'economy.income': ['livelihood'],
  'economy.entitlements': ['social_protection', 'legal_aid_documents'],
  'living.shelter': ['social_protection'],
  'living.water': ['social_protection'],
  'safety.violence': ['protection_safety', 'psychosocial'],
  'safety.exploitation': ['protection_safety'],
  emotional_psychological: ['psychosocial'],
  education_training: ['education'],
  leisure: ['psychosocial'],
  attachments: ['family_strengthening'],
  religious_beliefs: ['psychosocial'],
  protection_from_abuse: ['protection_safety'],
  social_mainstreaming: ['social_protection'],
  follow_up_after_restoration: ['family_strengthening'],
  // Form 7's tenth ICP domain (issue #18): self-care and life-skill training.
  self_care_life_skills: ['education'],
};

export const DEFAULT_COVERAGE_OPTIONS: CoverageOptions = { needThreshold: 2, domainMap: DEFAULT_DOMAIN_MAP };

export interface ServiceLink {
  kind: 'referral' | 'scheme' | 'action';
  id: string;
  department: DepartmentKind;
  state: ServiceState;
  /** Scheme id for scheme enrolments. */
  schemeId?: string;
}

export type DomainStatus = 'met' | 'pending' | 'unmet' | 'served' | 'none';

export interface DomainCoverage {
  domain: ConvergenceDomain;
  need: boolean;
  needSources: ('assessment' | 'case_plan')[];
  /** Children the need was recorded for (family-level needs add none). */
  children: string[];
  /** Every linked service, whatever its state. */
  services: ServiceLink[];
  /** Departments whose service here is delivered or active. */
  departments: DepartmentKind[];
  /** met: need with a delivered/active service; pending: need with only pending ones; unmet: need with none;
   *  served: a service without a recorded need; none: neither. */
  status: DomainStatus;
  /** A need that no delivered or active service meets. */
  gap: boolean;
}

export interface FamilyCoverage {
  familyId: string;
  area: Partial<Record<AreaLevel, string>>;
  /** One entry per convergence domain, in CONVERGENCE_DOMAINS order. */
  domains: DomainCoverage[];
  gaps: ConvergenceDomain[];
  /** Departments with a delivered or active service in any domain. */
  departments: DepartmentKind[];
  /** True when two or more departments actually support the family: convergence at work. */
  multiDepartmentSupport: boolean;
  /** Input domain keys the map does not know; shown so a mapping gap is not mistaken for "no need". */
  unmappedKeys: string[];
}

const isConvergenceDomain = (k: string): k is ConvergenceDomain => (CONVERGENCE_DOMAINS as readonly string[]).includes(k);
const supports = (s: ServiceLink) => s.state === 'delivered' || s.state === 'active';

/** Latest score per (key, child): an old low score that a re-assessment improved is no longer a need. */
function latestScores(scores: AssessmentScore[]): AssessmentScore[] {
  const latest = new Map<string, AssessmentScore>();
  for (const s of scores) {
    const k = `${s.key}\u0000${s.childId ?? ''}`;
    const prev = latest.get(k);
    if (!prev || s.assessedOn > prev.assessedOn) latest.set(k, s);
  }
  return [...latest.values()];
}

export function familyCoverage(input: FamilyServicesInput, options: CoverageOptions = DEFAULT_COVERAGE_OPTIONS): FamilyCoverage {
  const unmapped = new Set<string>();
  const mapKey = (key: string): readonly ConvergenceDomain[] => {
    const mapped = options.domainMap[key] ?? (isConvergenceDomain(key) ? [key] : undefined);
    if (!mapped) unmapped.add(key);
    return mapped ?? [];
  };
  const rows = new Map<ConvergenceDomain, DomainCoverage>(
    CONVERGENCE_DOMAINS.map((domain) => [
      domain,
      { domain, need: false, needSources: [], children: [], services: [], departments: [], status: 'none', gap: false },
    ]),
  );
  const addNeed = (domain: ConvergenceDomain, source: 'assessment' | 'case_plan', childId?: string) => {
    const row = rows.get(domain)!;
    row.need = true;
    if (!row.needSources.includes(source)) row.needSources.push(source);
    if (childId && !row.children.includes(childId)) row.children.push(childId);
  };
  for (const s of latestScores(input.assessments)) {
    if (s.score <= options.needThreshold) for (const d of mapKey(s.key)) addNeed(d, 'assessment', s.childId);
  }
  for (const n of input.casePlanNeeds) for (const d of mapKey(n.domain)) addNeed(d, 'case_plan', n.childId);

  const link = (domains: readonly ConvergenceDomain[], service: ServiceLink) => {
    for (const d of domains) rows.get(d)!.services.push(service);
  };
  for (const r of input.referrals)
    link(mapKey(r.domain), { kind: 'referral', id: r.id, department: r.department, state: REFERRAL_STATE[r.status] });
  for (const e of input.enrolments)
    link(e.domains, { kind: 'scheme', id: e.id, department: e.department, state: ENROLMENT_STATE[e.status], schemeId: e.schemeId });
  for (const a of input.actions) link([a.domain], { kind: 'action', id: a.id, department: a.department, state: ACTION_STATE[a.status] });

  const domains = [...rows.values()].map((row) => {
    const supporting = row.services.filter(supports);
    const departments = [...new Set(supporting.map((s) => s.department))];
    const anyPending = row.services.some((s) => s.state === 'pending');
    const status: DomainStatus = row.need
      ? supporting.length > 0
        ? 'met'
        : anyPending
          ? 'pending'
          : 'unmet'
      : supporting.length > 0
        ? 'served'
        : 'none';
    return { ...row, departments, status, gap: row.need && supporting.length === 0 };
  });
  const departments = [...new Set(domains.flatMap((d) => d.departments))];
  return {
    familyId: input.familyId,
    area: input.area,
    domains,
    gaps: domains.filter((d) => d.gap).map((d) => d.domain),
    departments,
    multiDepartmentSupport: departments.length >= 2,
    unmappedKeys: [...unmapped].sort(),
  };
}

export interface AreaCoverage {
  level: AreaLevel;
  /** LGD code; '' for families without a code at this level. */
  area: string;
  families: number;
  familiesWithNeed: Record<ConvergenceDomain, number>;
  /** Families with an unmet need (a gap) per domain: the number a convergence meeting acts on. */
  familiesWithGap: Record<ConvergenceDomain, number>;
  familiesWithAnyGap: number;
  multiDepartmentFamilies: number;
}

const zeroByDomain = () => Object.fromEntries(CONVERGENCE_DOMAINS.map((d) => [d, 0])) as Record<ConvergenceDomain, number>;

/** Counts per area at one level, sorted by area code. */
export function aggregateCoverage(families: FamilyCoverage[], level: AreaLevel): AreaCoverage[] {
  const byArea = new Map<string, AreaCoverage>();
  for (const f of families) {
    const area = f.area[level] ?? '';
    let agg = byArea.get(area);
    if (!agg) {
      agg = {
        level,
        area,
        families: 0,
        familiesWithNeed: zeroByDomain(),
        familiesWithGap: zeroByDomain(),
        familiesWithAnyGap: 0,
        multiDepartmentFamilies: 0,
      };
      byArea.set(area, agg);
    }
    agg.families += 1;
    for (const d of f.domains) {
      if (d.need) agg.familiesWithNeed[d.domain] += 1;
      if (d.gap) agg.familiesWithGap[d.domain] += 1;
    }
    if (f.gaps.length > 0) agg.familiesWithAnyGap += 1;
    if (f.multiDepartmentSupport) agg.multiDepartmentFamilies += 1;
  }
  return [...byArea.values()].sort((a, b) => a.area.localeCompare(b.area));
}
