/**
 * The Convergence Matrix as validated data: domain × department × governance level → the
 * role that department plays there.
 *
 * Mission Vatsalya introduced the Matrix as a visual tool; in the Amravati–Akola group the
 * early failure was "unclear departmental roles" (seed 000), so Samanvay keeps the Matrix as
 * versioned data (with sources and an effective date) that a state can edit, validates it
 * strictly, and uses it to suggest which department to assign a need to.
 */
import { z } from 'zod';
import { isoDate } from '../../http/iso-date';
import defaultMatrixJson from './matrix.default.json';
import {
  CONVERGENCE_DOMAINS,
  GOVERNANCE_LEVELS,
  convergenceDomainSchema,
  departmentKindSchema,
  governanceLevelSchema,
  type ConvergenceDomain,
  type DepartmentKind,
  type GovernanceLevel,
} from './types';

const programmeSchema = z
  .object({
    id: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'programme ids are UPPER_SNAKE_CASE, e.g. "ICDS"'),
    name: z.string().min(1, 'a programme needs a name'),
    department: departmentKindSchema,
    note: z.string().optional(),
  })
  .strict();

const cellSchema = z
  .object({
    domain: convergenceDomainSchema,
    department: departmentKindSchema,
    level: governanceLevelSchema,
    /** 'lead' departments are suggested before 'support' ones. */
    responsibility: z.enum(['lead', 'support']),
    role: z.string().min(1, 'describe the role (what this department does here)'),
    programmes: z.array(z.string()).default([]),
  })
  .strict();

export const convergenceMatrixSchema = z
  .object({
    version: z.string().min(1),
    effectiveFrom: isoDate,
    sources: z.array(z.string().min(1)).min(1, 'cite at least one source for the matrix'),
    programmes: z.array(programmeSchema),
    cells: z.array(cellSchema).min(1, 'the matrix has no cells'),
  })
  .strict()
  .superRefine((m, ctx) => {
    const programmeIds = new Map<string, number>();
    m.programmes.forEach((p, i) => {
      const first = programmeIds.get(p.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['programmes', i, 'id'],
          message: `duplicate programme "${p.id}" (first at programmes[${first}])`,
        });
      else programmeIds.set(p.id, i);
    });
    const seen = new Map<string, number>();
    m.cells.forEach((c, i) => {
      const key = `${c.domain}|${c.department}|${c.level}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['cells', i],
          message: `duplicate cell ${c.domain} × ${c.department} × ${c.level} (first at cells[${first}])`,
        });
      } else seen.set(key, i);
      c.programmes.forEach((p, k) => {
        if (!programmeIds.has(p))
          ctx.addIssue({
            code: 'custom',
            path: ['cells', i, 'programmes', k],
            message: `unknown programme "${p}": add it to "programmes" first`,
          });
      });
    });
    // The district group must be able to hand every domain to someone (brief §1).
    for (const domain of CONVERGENCE_DOMAINS) {
      if (!m.cells.some((c) => c.domain === domain && c.level === 'district' && c.responsibility === 'lead')) {
        ctx.addIssue({ code: 'custom', path: ['cells'], message: `domain "${domain}" has no lead department at district level` });
      }
    }
  });

export type ConvergenceMatrix = z.infer<typeof convergenceMatrixSchema>;
export type MatrixCell = ConvergenceMatrix['cells'][number];
export type Programme = ConvergenceMatrix['programmes'][number];

export class MatrixValidationError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid convergence matrix:\n- ${issues.join('\n- ')}`);
    this.name = 'MatrixValidationError';
  }
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** Validates matrix JSON; the result lists every problem as "path: message". */
export function safeParseMatrix(input: unknown): { ok: true; matrix: ConvergenceMatrix } | { ok: false; issues: string[] } {
  const r = convergenceMatrixSchema.safeParse(input);
  if (r.success) return { ok: true, matrix: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`) };
}

/** Validates matrix JSON or throws MatrixValidationError with every problem listed. */
export function parseMatrix(input: unknown): ConvergenceMatrix {
  const r = safeParseMatrix(input);
  if (!r.ok) throw new MatrixValidationError(r.issues);
  return r.matrix;
}

let defaultMatrix: ConvergenceMatrix | null = null;
/** The bundled matrix (see its `sources`); validated once. */
export function loadDefaultMatrix(): ConvergenceMatrix {
  defaultMatrix ??= parseMatrix(defaultMatrixJson);
  return defaultMatrix;
}

const RESPONSIBILITY_RANK = { lead: 0, support: 1 } as const;

/**
 * The cells for a domain at a level, leads first, then in file order (the order a state
 * wrote them is its order of preference). When nobody has a role at that level, the
 * nearest higher level that has one answers instead, which is how the Amravati–Akola
 * model escalates: village → block → district → state.
 */
export function matrixCells(matrix: ConvergenceMatrix, domain: ConvergenceDomain, level: GovernanceLevel): MatrixCell[] {
  for (let i = GOVERNANCE_LEVELS.indexOf(level); i < GOVERNANCE_LEVELS.length; i++) {
    const cells = matrix.cells
      .map((cell, order) => ({ cell, order }))
      .filter(({ cell }) => cell.domain === domain && cell.level === GOVERNANCE_LEVELS[i])
      .sort((a, b) => RESPONSIBILITY_RANK[a.cell.responsibility] - RESPONSIBILITY_RANK[b.cell.responsibility] || a.order - b.order)
      .map(({ cell }) => cell);
    if (cells.length > 0) return cells;
  }
  return [];
}

/** Ranked department kinds to assign a need in `domain` to, at `level`. */
export function suggestDepartments(matrix: ConvergenceMatrix, domain: ConvergenceDomain, level: GovernanceLevel): DepartmentKind[] {
  return [...new Set(matrixCells(matrix, domain, level).map((c) => c.department))];
}

/** The role text of a department for a domain at a level, if the matrix gives it one. */
export function departmentRole(
  matrix: ConvergenceMatrix,
  department: DepartmentKind,
  domain: ConvergenceDomain,
  level: GovernanceLevel,
): MatrixCell | undefined {
  return matrix.cells.find((c) => c.department === department && c.domain === domain && c.level === level);
}

/** Domains in which a department has any role (at any level): what it should be asked about. */
export function domainsOfDepartment(matrix: ConvergenceMatrix, department: DepartmentKind): ConvergenceDomain[] {
  return CONVERGENCE_DOMAINS.filter((d) => matrix.cells.some((c) => c.department === department && c.domain === d));
}
