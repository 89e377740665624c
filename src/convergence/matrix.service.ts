import { desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { requirePermission, type Actor } from '../access/policy';
import { HttpError, conflict } from '../http/errors';
import { audit } from '../audit/audit.service';
import {
  CONVERGENCE_DOMAINS,
  DEPARTMENT_KINDS,
  GOVERNANCE_LEVELS,
  LANGS,
  MatrixValidationError,
  departmentLabel,
  domainLabel,
  loadDefaultMatrix,
  matrixCells,
  parseMatrix,
  type ConvergenceDomain,
  type ConvergenceMatrix,
  type GovernanceLevel,
} from './domain';
import { convergenceMatrix } from './convergence.schema';
import { convergenceView } from './convergence.access';

/**
 * The Convergence Matrix in force for a state: its latest saved version, else the national
 * one (state 0), else the bundled default (version 0). Every save is a new version.
 */
export const NATIONAL = 0;

export interface CurrentMatrix {
  stateCode: number;
  version: number;
  matrix: ConvergenceMatrix;
  note: string | null;
  savedAt: Date | null;
  savedBy: string | null;
  source: 'state' | 'national' | 'default';
}

export async function currentMatrix(db: Db, stateCode: number): Promise<CurrentMatrix> {
  const [row] = await db
    .select()
    .from(convergenceMatrix)
    .where(inArray(convergenceMatrix.stateCode, [stateCode, NATIONAL]))
    .orderBy(desc(eq(convergenceMatrix.stateCode, stateCode)), desc(convergenceMatrix.version))
    .limit(1);
  if (row) {
    return {
      stateCode: row.stateCode,
      version: row.version,
      matrix: parseMatrix(row.matrix),
      note: row.note,
      savedAt: row.createdAt,
      savedBy: row.createdBy,
      source: row.stateCode === NATIONAL && stateCode !== NATIONAL ? 'national' : 'state',
    };
  }
  return { stateCode, version: 0, matrix: loadDefaultMatrix(), note: null, savedAt: null, savedBy: null, source: 'default' };
}

const stateOf = (actor: Actor) => actor.scope.stateCode ?? NATIONAL;

/** The matrix as a grid: one row per domain, one column per department, at one level. */
export function matrixGrid(matrix: ConvergenceMatrix, level: GovernanceLevel) {
  const departments = DEPARTMENT_KINDS.filter((d) => matrix.cells.some((c) => c.department === d));
  const programmes = new Map(matrix.programmes.map((p) => [p.id, p]));
  return {
    level,
    departments,
    domains: [...CONVERGENCE_DOMAINS],
    rows: CONVERGENCE_DOMAINS.map((domain) => ({
      domain,
      cells: departments.map((department) => {
        const cell = matrix.cells.find((c) => c.domain === domain && c.department === department && c.level === level);
        return cell
          ? {
              department,
              responsibility: cell.responsibility,
              role: cell.role,
              programmes: cell.programmes.map((id) => ({ id, name: programmes.get(id)?.name ?? id })),
            }
          : null;
      }),
      /** Who the group would be told to assign a need here to (the Matrix's suggestion). */
      suggested: matrixCells(matrix, domain, level).map((c) => c.department),
    })),
  };
}

export function matrixLabels() {
  return {
    departments: Object.fromEntries(DEPARTMENT_KINDS.map((d) => [d, Object.fromEntries(LANGS.map((l) => [l, departmentLabel(l, d)]))])),
    domains: Object.fromEntries(CONVERGENCE_DOMAINS.map((d) => [d, Object.fromEntries(LANGS.map((l) => [l, domainLabel(l, d)]))])),
  };
}

export async function readMatrix(ctx: AppContext, actor: Actor, level: GovernanceLevel) {
  convergenceView(actor);
  const cur = await currentMatrix(ctx.db, stateOf(actor));
  return {
    stateCode: cur.stateCode,
    version: cur.version,
    source: cur.source,
    savedAt: cur.savedAt,
    note: cur.note,
    matrix: cur.matrix,
    levels: GOVERNANCE_LEVELS,
    grid: matrixGrid(cur.matrix, level),
    labels: matrixLabels(),
  };
}

export async function matrixVersions(ctx: AppContext, actor: Actor) {
  convergenceView(actor);
  const rows = await ctx.db
    .select({
      stateCode: convergenceMatrix.stateCode,
      version: convergenceMatrix.version,
      note: convergenceMatrix.note,
      createdAt: convergenceMatrix.createdAt,
      createdBy: convergenceMatrix.createdBy,
    })
    .from(convergenceMatrix)
    .where(eq(convergenceMatrix.stateCode, stateOf(actor)))
    .orderBy(desc(convergenceMatrix.version));
  return { items: rows };
}

/**
 * Saves an edited matrix as the next version. Validated with the domain's parseMatrix: a
 * 400 lists every problem with its path. 409 when someone saved since the editor loaded it.
 */
export async function saveMatrix(ctx: AppContext, actor: Actor, input: { version: number; matrix: unknown; note?: string }) {
  requirePermission(actor, 'config.edit');
  let matrix: ConvergenceMatrix;
  try {
    matrix = parseMatrix(input.matrix);
  } catch (err) {
    if (!(err instanceof MatrixValidationError)) throw err;
    const issues = err.issues.map((s) => {
      const i = s.indexOf(': ');
      return { field: `matrix.${s.slice(0, i)}`.replace('matrix.(root)', 'matrix'), message: s.slice(i + 2) };
    });
    throw new HttpError(
      400,
      'matrix_invalid',
      `The matrix is not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const stateCode = stateOf(actor);
  return ctx.db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: convergenceMatrix.version })
      .from(convergenceMatrix)
      .where(eq(convergenceMatrix.stateCode, stateCode))
      .orderBy(desc(convergenceMatrix.version))
      .limit(1)
      .for('update');
    const current = latest?.version ?? 0;
    if (input.version !== current)
      throw conflict(`The matrix was saved by someone else (now version ${current}, you edited version ${input.version})`, {
        version: current,
      });
    try {
      await tx
        .insert(convergenceMatrix)
        .values({ stateCode, version: current + 1, matrix, note: input.note ?? null, createdBy: actor.userId });
    } catch (err) {
      const e = err as { code?: string; cause?: { code?: string } };
      if (e.code === '23505' || e.cause?.code === '23505')
        throw conflict('The matrix was saved by someone else at the same moment; reload it');
      throw err;
    }
    await audit(tx, actor, 'update', 'convergence_matrix', `${stateCode}:${current + 1}`, { stateCode }, { version: current + 1 });
    return { stateCode, version: current + 1, matrix };
  });
}

export async function suggestFor(ctx: AppContext, actor: Actor, domain: ConvergenceDomain, level: GovernanceLevel) {
  convergenceView(actor);
  const cur = await currentMatrix(ctx.db, stateOf(actor));
  return {
    domain,
    level,
    matrixVersion: cur.version,
    departments: matrixCells(cur.matrix, domain, level).map((c) => ({
      department: c.department,
      responsibility: c.responsibility,
      role: c.role,
      level: c.level,
      programmes: c.programmes,
    })),
  };
}
