/**
 * Vocabulary shared by the convergence modules: departments, domains, governance levels.
 *
 * The department kinds are the offices the Amravati–Akola convergence group brought to one
 * table (seed 000; brief §1). Programmes (ICDS, NHM/RBSK, MGNREGA…) are not kinds: they are
 * data in the Convergence Matrix, each owned by one department kind, so a state can add its
 * own schemes without a code change.
 */
import { z } from 'zod';

export const DEPARTMENT_KINDS = [
  'DWCD',
  'DCPU',
  'CWC',
  'DLSA',
  'EDUCATION',
  'HEALTH',
  'POLICE',
  'LABOUR',
  'SOCIAL_JUSTICE',
  'RURAL_DEVELOPMENT',
  'PANCHAYAT',
  'REVENUE',
  'NGO',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const departmentKindSchema = z.enum(DEPARTMENT_KINDS);

/** Convergence domains: the areas of a child's and family's life the Matrix maps. */
export const CONVERGENCE_DOMAINS = [
  'health',
  'education',
  'nutrition',
  'livelihood',
  'social_protection',
  'legal_aid_documents',
  'protection_safety',
  'family_strengthening',
  'alternative_care',
  'psychosocial',
] as const;
export type ConvergenceDomain = (typeof CONVERGENCE_DOMAINS)[number];
export const convergenceDomainSchema = z.enum(CONVERGENCE_DOMAINS);

/** Governance levels, bottom-up: the order cases escalate in (village → block → district → state). */
export const GOVERNANCE_LEVELS = ['village', 'block', 'district', 'state', 'national'] as const;
export type GovernanceLevel = (typeof GOVERNANCE_LEVELS)[number];
export const governanceLevelSchema = z.enum(GOVERNANCE_LEVELS);

/** Levels at which families are counted in coverage reports (LGD village/block/district codes). */
export type AreaLevel = 'village' | 'block' | 'district';

/** A calendar date, 'YYYY-MM-DD' (dates in meetings and due dates are days, not instants). */
export type IsoDate = string;
/** A calendar month, 'YYYY-MM'. */
export type IsoMonth = string;

/** A refusal or validation problem: a stable code for programs and a sentence for people. */
export interface Problem {
  code: string;
  message: string;
  /** Field the problem is about, when there is one. */
  path?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = <T = never>(...problems: Problem[]): Outcome<T> => ({ ok: false, problems });
