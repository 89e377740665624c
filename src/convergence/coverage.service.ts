import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { jurisdictionWhere, registryView, type Actor } from '../access/policy';
import { HttpError, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { location } from '../locations/locations.schema';
import { family } from '../registry/registry.schema';
import {
  aggregateCoverage,
  familyCoverage,
  suggestDepartments,
  type AreaLevel,
  type ConvergenceDomain,
  type FamilyCoverage,
  type GovernanceLevel,
} from './domain';
import { familiesWhere, servicesOf, type FamilyRowLite } from './coverage.repository';
import { currentMatrix } from './matrix.service';

/**
 * Service coverage per family and per area: which needs have a service behind them and
 * which are gaps (the domain's familyCoverage/aggregateCoverage). Needs registry access in
 * full (the coverage of a family is part of its record: a department nodal officer, who
 * sees names only, gets 403; a village Anganwadi worker sees her village's); the families
 * are those of the actor's jurisdiction, filtered in SQL.
 */
function requireCoverageReader(actor: Actor) {
  if (registryView(actor) !== 'full')
    throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not see families' service coverage (needs registry.read)`);
}

interface AreaFilter {
  districtCode?: number;
  blockCode?: number;
  villageId?: string;
}

function familyFilter(actor: Actor, f: AreaFilter): SQL {
  const conds: (SQL | undefined)[] = [jurisdictionWhere(actor, family)];
  if (f.districtCode) conds.push(eq(family.districtCode, f.districtCode));
  if (f.blockCode) conds.push(eq(family.blockCode, f.blockCode));
  if (f.villageId) conds.push(eq(family.villageId, f.villageId));
  return and(...conds)!;
}

async function coverageOf(ctx: AppContext, actor: Actor, families: FamilyRowLite[]) {
  const { inputs, sources } = await servicesOf(ctx.db, actor, families);
  return { coverage: inputs.map((i) => familyCoverage(i)), sources };
}

async function areaNames(ctx: AppContext, level: AreaLevel, codes: string[]): Promise<Map<string, string>> {
  const ids = codes.filter(Boolean).map((c) => (level === 'district' ? `di:${c}` : level === 'block' ? `bl:${c}` : c));
  if (!ids.length) return new Map();
  const rows = await ctx.db.select({ id: location.id, name: location.name }).from(location).where(inArray(location.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return new Map(codes.map((c) => [c, byId.get(level === 'district' ? `di:${c}` : level === 'block' ? `bl:${c}` : c) ?? c]));
}

export async function coverageSummary(ctx: AppContext, actor: Actor, q: AreaFilter & { level: AreaLevel }) {
  requireCoverageReader(actor);
  const families = await familiesWhere(ctx.db, actor, familyFilter(actor, q));
  const { coverage, sources } = await coverageOf(ctx, actor, families);
  const areas = aggregateCoverage(coverage, q.level);
  const names = await areaNames(
    ctx,
    q.level,
    areas.map((a) => a.area),
  );
  const [totals] = aggregateCoverage(
    coverage.map((c) => ({ ...c, area: {} })),
    'district',
  );
  await audit(ctx.db, actor, 'read', 'convergence_coverage', null, null, { level: q.level, families: families.length });
  return {
    level: q.level,
    sources,
    families: families.length,
    areas: areas.map((a) => ({ ...a, name: names.get(a.area) ?? a.area })),
    totals: totals ? { ...totals, area: 'all', name: null } : null,
  };
}

const familyLine = (f: FamilyRowLite & { initialsOnly?: true }, c: FamilyCoverage, villages: Map<string, string>) => ({
  familyId: f.id,
  headName: f.headName,
  initialsOnly: f.initialsOnly,
  village: f.villageId ? { id: f.villageId, name: villages.get(f.villageId) ?? f.villageId } : null,
  gaps: c.gaps,
  pending: c.domains.filter((d) => d.status === 'pending').map((d) => d.domain),
  met: c.domains.filter((d) => d.status === 'met').map((d) => d.domain),
  departments: c.departments,
  multiDepartmentSupport: c.multiDepartmentSupport,
});

/** Families with gaps (in one domain, or any), for the convergence group's worklist. */
export async function coverageFamilies(
  ctx: AppContext,
  actor: Actor,
  q: AreaFilter & { domain?: ConvergenceDomain; gapsOnly: boolean; page: number; pageSize: number },
) {
  requireCoverageReader(actor);
  const families = await familiesWhere(ctx.db, actor, familyFilter(actor, q));
  const { coverage, sources } = await coverageOf(ctx, actor, families);
  const rows = families
    .map((f, i) => ({ f, c: coverage[i] }))
    .filter(({ c }) =>
      q.domain
        ? q.gapsOnly
          ? c.gaps.includes(q.domain)
          : c.domains.find((d) => d.domain === q.domain)!.need
        : !q.gapsOnly || c.gaps.length > 0,
    )
    .sort((a, b) => b.c.gaps.length - a.c.gaps.length || a.f.headName.localeCompare(b.f.headName));
  const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const villages = await areaNames(ctx, 'village', [...new Set(page.map((r) => r.f.villageId ?? ''))]);
  await audit(
    ctx.db,
    actor,
    'list',
    'family',
    null,
    null,
    { ids: page.map((r) => r.f.id), total: rows.length, purpose: 'convergence_coverage' },
    { families: page.map((r) => r.f.id) },
  );
  return { items: page.map(({ f, c }) => familyLine(f, c, villages)), total: rows.length, page: q.page, pageSize: q.pageSize, sources };
}

/** One family's coverage, with the Matrix's suggestion of whom to ask for each gap. */
export async function familyCoverageFor(ctx: AppContext, actor: Actor, familyId: string, level: GovernanceLevel = 'district') {
  requireCoverageReader(actor);
  const families = await familiesWhere(ctx.db, actor, and(eq(family.id, familyId), jurisdictionWhere(actor, family))!);
  if (!families.length) throw notFound('Family');
  const { coverage, sources } = await coverageOf(ctx, actor, families);
  const c = coverage[0];
  const matrix = (await currentMatrix(ctx.db, actor.scope.stateCode ?? 0)).matrix;
  await audit(ctx.db, actor, 'read', 'family', familyId, { districtCode: families[0].districtCode }, { purpose: 'convergence_coverage' });
  return {
    ...c,
    sources,
    suggestions: Object.fromEntries(
      c.domains.filter((d) => d.gap || d.status === 'pending').map((d) => [d.domain, suggestDepartments(matrix, d.domain, level)]),
    ),
  };
}
