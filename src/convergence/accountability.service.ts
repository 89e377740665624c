import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import { getLocation } from '../locations/locations.repository';
import {
  accountabilityByMonth,
  accountabilityReportPdf,
  accountabilityTrend,
  accountabilityWorkbook,
  attendanceSummary,
  monthOf,
  summariseAccountability,
  trendChartData,
  type IsoMonth,
  type Lang,
  type TrendMetric,
} from './domain';
import { convergenceView } from './convergence.access';
import { istDay } from './convergence.time';
import { groupsOfArea } from './groups.service';
import { meetingsOfGroups } from './meetings.repository';
import { actionsOfGroups } from './actions.repository';
import type { AccountabilityQuery } from './convergence.model';

function monthsBack(m: IsoMonth, n: number): IsoMonth {
  const [y, mo] = m.split('-').map(Number);
  const t = y * 12 + (mo - 1) - n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/**
 * Department accountability per month (the domain's definitions) over the groups the actor
 * sees — one group, or every group of their district and blocks. Department-level counts
 * only: nothing here identifies a child, so every convergence reader may see it.
 */
async function compute(ctx: AppContext, actor: Actor, q: Omit<AccountabilityQuery, 'metric'>) {
  convergenceView(actor);
  const today = istDay(ctx.now());
  const toMonth = q.to ?? monthOf(today);
  const fromMonth = q.from ?? monthsBack(toMonth, 5);
  const { rows: groupRows, groups } = await groupsOfArea(ctx.db, actor, q.groupId);
  const ids = groupRows.map((g) => g.id);
  const [{ items: actions }, meetings] = await Promise.all([actionsOfGroups(ctx.db, ids), meetingsOfGroups(ctx.db, ids)]);
  const rows = accountabilityByMonth({ actions, groups, meetings: meetings.map((m) => m.domain), fromMonth, toMonth, asOf: today });
  return { today, fromMonth, toMonth, groupRows, groups, meetings, rows };
}

export async function accountabilityFor(ctx: AppContext, actor: Actor, q: AccountabilityQuery) {
  const r = await compute(ctx, actor, q);
  const trend = accountabilityTrend(r.rows, q.metric as TrendMetric);
  await audit(ctx.db, actor, 'read', 'convergence_accountability', q.groupId ?? null, null, {
    from: r.fromMonth,
    to: r.toMonth,
    groups: r.groupRows.map((g) => g.id),
  });
  return {
    asOf: r.today,
    from: r.fromMonth,
    to: r.toMonth,
    groups: r.groupRows.map((g) => ({ id: g.id, name: g.name, level: g.level })),
    rows: r.rows,
    summary: summariseAccountability(r.rows),
    trend,
    chart: trendChartData(trend),
    attendance: r.groups.map((g) => ({
      groupId: g.id,
      group: g.name,
      departments: attendanceSummary(
        g,
        r.meetings.map((m) => m.domain),
      ),
    })),
  };
}

export async function accountabilityExport(
  ctx: AppContext,
  actor: Actor,
  q: Omit<AccountabilityQuery, 'metric'>,
  format: 'xlsx' | 'pdf',
  lang: Lang,
) {
  const r = await compute(ctx, actor, q);
  let area = r.groupRows.length === 1 ? r.groupRows[0].name : '';
  if (!area) {
    const loc = actor.scope.districtCode ? await getLocation(ctx.db, `di:${actor.scope.districtCode}`) : null;
    area = loc ? `${loc.name} district` : r.groupRows.map((g) => g.name).join(', ') || '—';
  }
  const meta = { area, generatedOn: r.today };
  const body = format === 'xlsx' ? await accountabilityWorkbook(r.rows, meta, lang) : await accountabilityReportPdf(r.rows, meta, lang);
  await audit(ctx.db, actor, 'export', 'convergence_accountability', q.groupId ?? null, null, { format, from: r.fromMonth, to: r.toMonth });
  return {
    body,
    filename: `convergence-accountability-${r.fromMonth}-to-${r.toMonth}-${lang}.${format}`,
    contentType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
  };
}
