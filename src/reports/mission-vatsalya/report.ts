/**
 * The Mission Vatsalya monthly progress report of a district and quarterly report of a state,
 * computed from the records through the dashboards' indicators (src/dashboards). A report is a
 * plain object (sections of rows) rendered to PDF, Excel or CSV by render.ts; it carries the
 * indicator set's version and the instant its figures were computed, so a report sent says
 * which definitions and which state of the data it shows.
 */
import type { AppContext } from '../../http/context';
import type { Actor } from '../../access/policy';
import { HttpError } from '../../http/errors';
import { listLocations } from '../../locations/locations.repository';
import { INDICATORS } from '../../dashboards/indicators.data';
import { countIndicator, trendIndicator } from '../../dashboards/indicators.repository';
import { areaActor, requireDashboard } from '../../dashboards/area';
import { params } from '../../dashboards/indicators.service';
import { ensureFresh } from '../../dashboards/summary.repository';
import { rate, type Indicator } from '../../dashboards/domain/indicator';

export interface ReportRow {
  id: string;
  title: Indicator['title'];
  basis: string;
  status: Indicator['status'];
  /** Entered the numerator in the period (by the indicator's date); null without a date. */
  inPeriod: number | null;
  current: number | null;
  denominator: number | null;
  rate: number | null;
  medianDays: number | null;
}

export interface ReportSection {
  id: Indicator['section'];
  rows: ReportRow[];
}

export interface DistrictColumn {
  districtCode: number;
  name: string;
  values: Record<string, { current: number; rate: number | null }>;
}

export interface MvReport {
  kind: 'monthly' | 'quarterly';
  area: { name: string; stateCode: number; districtCode: number | null };
  period: { label: string; months: string[] };
  indicatorSetVersion: number;
  computedAt: string;
  /** The instant of the data the figures show (the children's summary refreshed just before). */
  figuresAt: string;
  sections: ReportSection[];
  /** Quarterly: the districts side by side. */
  districts?: DistrictColumn[];
  /** Action items per department (section D's table). */
  departments: { department: string; done: number; due: number; rate: number | null }[];
}

const SECTION_ORDER: Indicator['section'][] = ['identification', 'care', 'statutory', 'convergence', 'schemes', 'missing', 'helpline'];

type Progress = (done: number, total: number) => void;

async function sectionsFor(ctx: AppContext, actor: Actor, months: string[], onProgress?: Progress): Promise<ReportSection[]> {
  const p = params(ctx);
  const rows: ReportRow[] = [];
  let done = 0;
  for (const ind of INDICATORS.indicators) {
    const base = { id: ind.id, title: ind.title, basis: ind.basis, status: ind.status };
    if (ind.status !== 'live') {
      rows.push({ ...base, inPeriod: null, current: null, denominator: null, rate: null, medianDays: null });
    } else {
      const [[now], flow] = await Promise.all([
        countIndicator(ctx.db, actor, ind, p),
        ind.trend ? trendIndicator(ctx.db, actor, { ...ind, trend: { ...ind.trend, mode: 'flow' } }, p, months) : Promise.resolve(null),
      ]);
      rows.push({
        ...base,
        inPeriod: flow ? flow.reduce((s, f) => s + f.numerator, 0) : null,
        current: now.numerator,
        denominator: now.denominator,
        rate: rate(now.numerator, now.denominator),
        medianDays: now.medianDays,
      });
    }
    onProgress?.(++done, INDICATORS.indicators.length);
  }
  const sectionOf = new Map(INDICATORS.indicators.map((i) => [i.id, i.section]));
  return SECTION_ORDER.map((id) => ({ id, rows: rows.filter((r) => sectionOf.get(r.id) === id) }));
}

async function departments(ctx: AppContext, actor: Actor) {
  const ind = INDICATORS.indicators.find((i) => i.id === 'actions_done_on_time')!;
  const rows = await countIndicator(ctx.db, actor, ind, params(ctx), 'department');
  return rows.map((r) => ({
    department: r.key ?? '—',
    done: r.numerator,
    due: r.denominator ?? 0,
    rate: rate(r.numerator, r.denominator),
  }));
}

export function parseMonth(month: string): string[] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new HttpError(400, 'invalid', 'month as YYYY-MM', [{ field: 'month', message: 'YYYY-MM' }]);
  return [month];
}

/** A financial-year quarter (Q1 = April–June of the year named, as Indian government reporting uses). */
export function quarterMonths(quarter: string): string[] {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new HttpError(400, 'invalid', 'quarter as YYYY-Qn', [{ field: 'quarter', message: 'YYYY-Qn (Q1 = April–June)' }]);
  const [y, q] = [Number(m[1]), Number(m[2])];
  const first = 4 + (q - 1) * 3; // April, July, October, January (next calendar year)
  return [0, 1, 2].map((i) => {
    const mo = first + i;
    return mo > 12 ? `${y + 1}-${String(mo - 12).padStart(2, '0')}` : `${y}-${String(mo).padStart(2, '0')}`;
  });
}

export async function monthlyReport(
  ctx: AppContext,
  actor: Actor,
  district: number,
  month: string,
  onProgress?: Progress,
): Promise<MvReport> {
  const months = parseMonth(month);
  const { actor: scoped, area } = await areaActor(ctx, actor, district);
  // A report's figures are those of the moment it names: the summary is refreshed first.
  const figuresAt = (await ensureFresh(ctx.db, 0)).toISOString();
  const computedAt = ctx.now().toISOString();
  if (area.districtCode === null || area.stateCode === null)
    throw new HttpError(400, 'invalid', 'a district is needed', [{ field: 'district', message: 'required' }]);
  return {
    kind: 'monthly',
    area: { name: area.name, stateCode: area.stateCode, districtCode: area.districtCode },
    period: { label: month, months },
    indicatorSetVersion: INDICATORS.version,
    computedAt,
    figuresAt,
    sections: await sectionsFor(ctx, scoped, months, onProgress),
    departments: await departments(ctx, scoped),
  };
}

export async function quarterlyReport(
  ctx: AppContext,
  actor: Actor,
  state: number,
  quarter: string,
  onProgress?: Progress,
): Promise<MvReport> {
  const months = quarterMonths(quarter);
  const s = actor.scope;
  if (!(s.level === 'national' || (s.level === 'state' && s.stateCode === state))) {
    throw new HttpError(403, 'outside_jurisdiction', 'The quarterly state report is for the state’s own users and national users');
  }
  requireDashboard(actor);
  const figuresAt = (await ensureFresh(ctx.db, 0)).toISOString();
  const computedAt = ctx.now().toISOString();
  const scoped: Actor = { ...actor, scope: { level: 'state', stateCode: state } };
  const stateLoc = (await listLocations(ctx.db, { level: 'state' })).find((l) => l.stateCode === state);
  const districts = await listLocations(ctx.db, { parentId: `st:${state}`, level: 'district' });
  const live = INDICATORS.indicators.filter((i) => i.status === 'live');
  const cols = new Map<number, DistrictColumn>(
    districts.map((d) => [d.districtCode!, { districtCode: d.districtCode!, name: d.name, values: {} }]),
  );
  for (const ind of live) {
    for (const r of await countIndicator(ctx.db, scoped, ind, params(ctx), 'district')) {
      const c = cols.get(Number(r.key));
      if (c) c.values[ind.id] = { current: r.numerator, rate: rate(r.numerator, r.denominator) };
    }
  }
  return {
    kind: 'quarterly',
    area: { name: stateLoc?.name ?? String(state), stateCode: state, districtCode: null },
    period: { label: quarter, months },
    indicatorSetVersion: INDICATORS.version,
    computedAt,
    figuresAt,
    sections: await sectionsFor(ctx, scoped, months, onProgress),
    districts: [...cols.values()],
    departments: await departments(ctx, scoped),
  };
}
