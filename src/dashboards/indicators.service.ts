/**
 * The indicator figures for an area: every live indicator's numerator, denominator, rate,
 * median and 12-month trend; one indicator broken down; the districts of a state side by side.
 * Counts only (no child's particulars leave here), audited as reads of the dashboard.
 */
import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import { HttpError } from '../http/errors';
import { istToday } from '../kernel/clock';
import { listLocations } from '../locations/locations.repository';
import { INDICATORS } from './indicators.data';
import { countIndicator, trendIndicator, type GroupBy, type Params } from './indicators.repository';
import { monthsEnding, rate, SOURCE_DISAGGREGATIONS, type Indicator } from './domain/indicator';
import { areaActor, requireDashboard } from './area';
import { ensureFresh } from './summary.repository';
import { batchFigures, batchServes, type Figures } from './indicators.batch';
import { rollupServes } from './indicators.rollup';
import { keptFigures, KEPT_SOURCES, type KeptFigures, type KeptSource } from './indicators.kept';
import type { BreakdownQuery, ComparisonQuery, IndicatorValue } from './dashboards.model';

export function params(ctx: AppContext): Params {
  const now = ctx.now();
  return { now, today: istToday(now) };
}

export function indicatorById(id: string): Indicator {
  const ind = INDICATORS.indicators.find((i) => i.id === id);
  if (!ind) throw new HttpError(404, 'not_found', `No indicator ${id}`);
  return ind;
}

/** The figures of every indicator for the actor's area; `trendMonths` 0 leaves the trend out. */
export async function indicatorValues(ctx: AppContext, actor: Actor, p: Params, trendMonths = 12): Promise<IndicatorValue[]> {
  const months = trendMonths ? monthsEnding(p.today.slice(0, 7), trendMonths) : [];
  // The child and due-item figures in two statements (indicators.batch.ts); the rest one or two
  // statements each, at once: on PostgreSQL the pool runs them side by side (PGlite one after another).
  const inds = INDICATORS.indicators;
  const [batched, ...values] = await Promise.all([
    batchFigures(ctx.db, actor, inds, p, months),
    ...inds.map((ind) => (batchServes(actor, ind) ? null : indicatorValue(ctx, actor, ind, p, months))),
  ]);
  return inds.map((ind, n) => values[n] ?? withFigures(ind, batched.get(ind.id)!));
}

function base(ind: Indicator) {
  return {
    id: ind.id,
    version: ind.version,
    title: ind.title,
    section: ind.section,
    status: ind.status,
    awaits: ind.awaits ?? null,
    better: ind.better,
  };
}

function withFigures(ind: Indicator, f: Figures): IndicatorValue {
  return { ...base(ind), ...f.row, rate: rate(f.row.numerator, f.row.denominator), trend: f.trend };
}

async function indicatorValue(ctx: AppContext, actor: Actor, ind: Indicator, p: Params, months: string[]): Promise<IndicatorValue> {
  if (ind.status !== 'live') return { ...base(ind), numerator: null, denominator: null, rate: null, medianDays: null, trend: [] };
  const [[row], trend] = await Promise.all([countIndicator(ctx.db, actor, ind, p), trendIndicator(ctx.db, actor, ind, p, months)]);
  return { ...base(ind), ...row, rate: rate(row.numerator, row.denominator), trend };
}

export async function indicatorValuesFor(ctx: AppContext, actor: Actor, district?: number) {
  const { actor: scoped, area } = await areaActor(ctx, actor, district);
  const p = params(ctx);
  const figuresAt = await ensureFresh(ctx.db);
  const indicators = await indicatorValues(ctx, scoped, p);
  await audit(ctx.db, actor, 'read', 'dashboard_indicators', null, null, { area: area.level, district: area.districtCode });
  return { asOf: p.today, figuresAt, area, indicators };
}

/** Place names for block, village and district keys (codes otherwise). */
async function placeLabels(ctx: AppContext, by: GroupBy, stateCode: number | null, districtCode: number | null) {
  if (by === 'district' && stateCode) {
    const rows = await listLocations(ctx.db, { parentId: `st:${stateCode}`, level: 'district' });
    return new Map(rows.map((r) => [String(r.districtCode), r.name]));
  }
  if ((by === 'block' || by === 'village') && districtCode) {
    const rows = await listLocations(ctx.db, { districtCode, level: by });
    return new Map(rows.map((r) => [by === 'block' ? String(r.blockCode) : r.id, r.name]));
  }
  return new Map<string, string>();
}

export async function indicatorBreakdown(ctx: AppContext, actor: Actor, id: string, q: BreakdownQuery) {
  const ind = indicatorById(id);
  const { actor: scoped, area } = await areaActor(ctx, actor, q.district);
  if (ind.status !== 'live') throw new HttpError(409, 'awaiting_module', `${id} is counted by ${ind.awaits}, not wired yet`);
  if (q.by !== 'district' && !SOURCE_DISAGGREGATIONS[ind.source].includes(q.by)) {
    throw new HttpError(400, 'invalid', `${id} cannot be broken down by ${q.by}`, [
      { field: 'by', message: 'not a disaggregation of this indicator' },
    ]);
  }
  await ensureFresh(ctx.db);
  const rows = await countIndicator(ctx.db, scoped, ind, params(ctx), q.by);
  const labels = await placeLabels(ctx, q.by, area.stateCode, area.districtCode);
  await audit(ctx.db, actor, 'read', 'dashboard_indicators', null, null, { indicator: id, by: q.by, district: area.districtCode });
  return {
    indicator: id,
    by: q.by,
    rows: rows.map((r) => ({
      key: r.key,
      label: (r.key && labels.get(r.key)) ?? r.key ?? '—',
      numerator: r.numerator,
      denominator: r.denominator,
      rate: rate(r.numerator, r.denominator),
    })),
  };
}

type Cell = { numerator: number; denominator: number | null; rate: number | null };

/**
 * The districts of a state side by side, worst first on the ranking indicator (lowest rate
 * where higher is better, highest where lower is better), with the state total. A national
 * user without `state` gets the states side by side (the national view) and names a state to
 * see its districts.
 */
export async function stateComparison(ctx: AppContext, actor: Actor, q: ComparisonQuery) {
  requireDashboard(actor);
  const s = actor.scope;
  const national = s.level === 'national' && q.state === undefined;
  const stateCode = s.level === 'national' ? (q.state ?? null) : s.level === 'state' ? s.stateCode! : null;
  if (!national && stateCode === null) {
    throw new HttpError(403, 'forbidden', 'The comparison of districts is for state and national users');
  }
  const scoped: Actor = national ? actor : { ...actor, scope: { level: 'state', stateCode } };
  const p = params(ctx);
  const figuresAt = await ensureFresh(ctx.db);
  const live = INDICATORS.indicators.filter((i) => i.status === 'live');
  const rankedBy = q.rank ?? 'cases_past_production';
  const rankInd = indicatorById(rankedBy);
  const states = await listLocations(ctx.db, { level: 'state' });
  const units = national ? states : await listLocations(ctx.db, { parentId: `st:${stateCode}`, level: 'district' });
  const codeOf = (u: (typeof units)[number]) => (national ? u.stateCode : u.districtCode!);
  const byUnit = new Map<number, Record<string, Cell>>(units.map((u) => [codeOf(u), {}]));
  const total: Record<string, Cell> = {};
  const by = national ? 'state' : 'district';
  // The care-now and missing indicators of a kept source in one statement each (indicators.kept.ts).
  const kept = new Map<KeptSource, Promise<Map<string, KeptFigures>>>();
  const keptOf = (source: KeptSource) => {
    if (!kept.has(source)) {
      const inds = live.filter((i) => i.source === source && rollupServes(scoped, i, by));
      kept.set(source, keptFigures(ctx.db, scoped, source, inds, p, [], by));
    }
    return kept.get(source)!;
  };
  const counted = await Promise.all(
    live.map((ind) =>
      KEPT_SOURCES.includes(ind.source) && rollupServes(scoped, ind, by)
        ? keptOf(ind.source as KeptSource).then((m) => m.get(ind.id)!.rows)
        : countIndicator(ctx.db, scoped, ind, p, by),
    ),
  );
  for (const [n_, ind] of live.entries()) {
    const rows = counted[n_];
    let n = 0;
    let d: number | null = ind.denominator ? 0 : null;
    for (const r of rows) {
      const cells = byUnit.get(Number(r.key));
      if (cells) cells[ind.id] = { numerator: r.numerator, denominator: r.denominator, rate: rate(r.numerator, r.denominator) };
      n += r.numerator;
      if (d !== null) d += r.denominator ?? 0;
    }
    for (const cells of byUnit.values()) cells[ind.id] ??= { numerator: 0, denominator: ind.denominator ? 0 : null, rate: null };
    total[ind.id] = { numerator: n, denominator: d, rate: rate(n, d) };
  }
  const score = (c: Cell | undefined) => {
    const v = rankInd.denominator ? c?.rate : c?.numerator;
    if (v == null) return -Infinity; // nothing to count: not the worst
    return rankInd.better === 'higher' ? -v : v;
  };
  const rows = units
    .map((u) => ({ districtCode: codeOf(u), name: u.name, cells: byUnit.get(codeOf(u))! }))
    .sort((a, b) => {
      const [sa, sb] = [score(a.cells[rankedBy]), score(b.cells[rankedBy])];
      return sa === sb ? a.name.localeCompare(b.name) : sa < sb ? 1 : -1;
    });
  await audit(ctx.db, actor, 'read', 'dashboard_comparison', null, null, { state: stateCode, rankedBy });
  const stateLoc = states.find((l) => l.stateCode === stateCode);
  return {
    asOf: p.today,
    figuresAt,
    unit: national ? ('state' as const) : ('district' as const),
    state: national
      ? { level: 'national', stateCode: null, districtCode: null, name: 'India' }
      : { level: 'state', stateCode, districtCode: null, name: stateLoc?.name ?? String(stateCode) },
    rankedBy,
    indicators: live.map((i) => ({ id: i.id, title: i.title, better: i.better, hasRate: i.denominator !== null })),
    districts: rows,
    total,
  };
}
