/**
 * The first screen after sign-in, per role: a worker's day, the district's picture, the CWC's
 * pendency. Case numbers, kinds and dates only: a child's name is read on the case page, through
 * the permitted-fields policy and its CWC non-disclosure rule (JJ Act 2015 s.74).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { can, jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import { tasksFor } from '../cases/tasks.service';
import { caseTimelineConfig } from '../cases/timelines.config';
import { endOfDayIst, resolveTimelines, type Duration } from '../cases/domain';
import { dashCaseDue } from './dashboards.schema';
import { areaActor } from './area';
import { ensureFresh } from './summary.repository';
import { careTrend, decisionsDue, departmentsBehind } from './home.repository';
import { monthsEnding } from './domain/indicator';
import { indicatorValues, params } from './indicators.service';
import type { PendencyQuery, PendencyRow } from './dashboards.model';

const DAY_MS = 86_400_000;

export async function districtHome(ctx: AppContext, actor: Actor, district?: number) {
  const { actor: scoped, area } = await areaActor(ctx, actor, district);
  const p = params(ctx);
  const endOfToday = endOfDayIst(p.today);
  const figuresAt = await ensureFresh(ctx.db);
  const [indicators, care, decisions, behind] = await Promise.all([
    indicatorValues(ctx, scoped, p),
    careTrend(ctx.db, scoped, p, monthsEnding(p.today.slice(0, 7), 12)),
    // What needs a decision by the end of today: every due item of an open case in the area.
    // Case numbers are for those who may open cases (a nodal officer sees the counts only).
    can(actor, 'cases.read') ? decisionsDue(ctx.db, scoped, new Date(endOfToday)) : [],
    departmentsBehind(ctx.db, scoped, p.today),
  ]);
  await audit(ctx.db, actor, 'read', 'dashboard_home', null, null, { kind: 'district', district: area.districtCode });
  return {
    asOf: p.today,
    figuresAt,
    area,
    indicators,
    careTrend: care,
    decisionsToday: decisions.map((d) => ({ ...d, overdue: d.dueAt.getTime() < p.now.getTime() })),
    departmentsBehind: behind,
  };
}

/** A caseworker's or frontline worker's day: their tasks (the case module's list) and next visits. */
export async function myDay(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'cases.read');
  const p = params(ctx);
  const [tasks, visits] = await Promise.all([
    tasksFor(ctx, actor, { scope: 'mine', page: 1, pageSize: 10 }),
    tasksFor(ctx, actor, { scope: 'mine', kind: 'post_restoration_follow_up', page: 1, pageSize: 10 }),
  ]);
  const item = (t: (typeof tasks.items)[number]) => ({
    caseId: String(t.caseId),
    caseNumber: Number(t.caseNumber),
    kind: String(t.kind),
    dueAt: t.dueAt as Date,
    overdue: t.overdue,
    blockCode: null,
  });
  return {
    asOf: p.today,
    tasksDue: tasks.total,
    tasksOverdue: tasks.overdueCount,
    tasks: tasks.items.map(item),
    nextVisits: visits.items.map(item),
  };
}

const PENDING_KINDS = ['cwc_production', 'sir_submission', 'cwc_final_order'] as const;
const TIMELINE_OF = { cwc_production: 'cwcProduction', sir_submission: 'sirSubmission', cwc_final_order: 'cwcFinalOrder' } as const;

/** The instant a limit started: the due date less the limit (JJ Act 2015 s.31: production; s.36: SIR, final order). */
function since(dueAt: Date, within: Duration): Date {
  if ('hours' in within) return new Date(dueAt.getTime() - within.hours * 3_600_000);
  if ('days' in within) return new Date(dueAt.getTime() - within.days * DAY_MS);
  const start = new Date(dueAt);
  start.setUTCMonth(start.getUTCMonth() - within.months);
  return start;
}

/**
 * The CWC's pendency: children awaiting production, SIR or final order, each with the days
 * pending against the statutory limit (sortable). Read from the case module's due items.
 */
export async function cwcPendency(ctx: AppContext, actor: Actor, q: PendencyQuery) {
  requirePermission(actor, 'cases.read');
  const { actor: scoped, area } = await areaActor(ctx, actor, q.district);
  const p = params(ctx);
  const rows = await ctx.db
    .select({
      caseId: dashCaseDue.caseId,
      caseNumber: dashCaseDue.caseNumber,
      kind: dashCaseDue.kind,
      dueAt: dashCaseDue.dueAt,
      stateCode: dashCaseDue.stateCode,
      districtCode: dashCaseDue.districtCode,
      blockCode: dashCaseDue.blockCode,
    })
    .from(dashCaseDue)
    .where(and(jurisdictionWhere(scoped, dashCaseDue), inArray(dashCaseDue.kind, [...PENDING_KINDS]), eq(dashCaseDue.statutory, true)))
    .limit(2000);
  const config = caseTimelineConfig();
  const items: PendencyRow[] = rows.map((r) => {
    const kind = r.kind as (typeof PENDING_KINDS)[number];
    const rule = resolveTimelines(config, String(r.stateCode))[TIMELINE_OF[kind]];
    const start = since(r.dueAt, rule.within);
    const daysPending = Math.floor((p.now.getTime() - start.getTime()) / DAY_MS);
    const limitDays = Math.max(1, Math.round((r.dueAt.getTime() - start.getTime()) / DAY_MS));
    return {
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      kind,
      since: start,
      dueAt: r.dueAt,
      daysPending,
      limitDays,
      // Days begun past the limit: one hour past a 24-hour limit is already a day over.
      daysOver: p.now > r.dueAt ? Math.ceil((p.now.getTime() - r.dueAt.getTime()) / DAY_MS) : 0,
      basis: rule.basis,
      districtCode: r.districtCode,
      blockCode: r.blockCode,
    };
  });
  const key: Record<PendencyQuery['sort'], (r: PendencyRow) => number | string> = {
    days_over: (r) => r.daysOver * 100000 + r.daysPending - r.limitDays,
    days_pending: (r) => r.daysPending,
    kind: (r) => PENDING_KINDS.indexOf(r.kind),
    case: (r) => r.caseNumber,
  };
  const dir = q.dir === 'asc' ? 1 : -1;
  items.sort((a, b) => {
    const [x, y] = [key[q.sort](a), key[q.sort](b)];
    return (x < y ? -1 : x > y ? 1 : 0) * dir || a.caseNumber - b.caseNumber;
  });
  await audit(ctx.db, actor, 'list', 'dashboard_pendency', null, null, { district: area.districtCode, ids: items.map((i) => i.caseId) });
  return {
    asOf: p.today,
    counts: {
      cwc_production: items.filter((i) => i.kind === 'cwc_production').length,
      sir_submission: items.filter((i) => i.kind === 'sir_submission').length,
      cwc_final_order: items.filter((i) => i.kind === 'cwc_final_order').length,
      overLimit: items.filter((i) => i.daysOver > 0).length,
    },
    items,
  };
}
