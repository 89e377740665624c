/**
 * Frozen monthly reports (issue #16: "the figures in a report are frozen with the data's time so
 * that a report sent can be reproduced"). Submitting stores the report object itself (every figure,
 * the indicator set's version, the instant of the data), a sha256 of its canonical JSON, who and
 * when; the table refuses UPDATE and DELETE (migrations/0790). Reading a snapshot re-runs the same
 * report on today's records and lists what differs; its files are rendered from the stored figures.
 * Mission Vatsalya Guidelines 2022: the DCPU's monthly progress report to the SCPS.
 */
import { createHash } from 'node:crypto';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../http/context';
import { jurisdictionWhere, requirePermission, type Actor } from '../../access/policy';
import { audit } from '../../audit/audit.service';
import { HttpError } from '../../http/errors';
import { istToday } from '../../kernel/clock';
import { requireDashboard } from '../../dashboards/area';
import { monthlyReport, quarterlyReport, type MvReport, type ReportRow } from './report';
import { renderReport } from './render';
import { reportSnapshot } from './snapshots.schema';
import type { Lang } from './labels';

/** JSON with object keys sorted, so the hash does not depend on how jsonb orders them. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export const reportHash = (r: MvReport) => createHash('sha256').update(canonicalJson(r)).digest('hex');

const FIGURES = ['inPeriod', 'current', 'denominator', 'rate', 'medianDays'] as const satisfies readonly (keyof ReportRow)[];

export interface FigureChange {
  indicator: string;
  figure: (typeof FIGURES)[number];
  frozen: number | null;
  now: number | null;
}

/** What a re-run changes: every figure of every indicator that is not what was frozen. */
export function reportDiff(frozen: MvReport, now: MvReport): FigureChange[] {
  const rowsOf = (r: MvReport) => new Map(r.sections.flatMap((s) => s.rows).map((row) => [row.id, row]));
  const [a, b] = [rowsOf(frozen), rowsOf(now)];
  const out: FigureChange[] = [];
  for (const [id, row] of a) {
    for (const f of FIGURES) {
      const was = row[f];
      const is = b.get(id)?.[f] ?? null;
      if (was !== is) out.push({ indicator: id, figure: f, frozen: was, now: is });
    }
  }
  return out;
}

/** The month before today's (IST): the report sent on the 5th is last month's. */
export function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

type Snapshot = typeof reportSnapshot.$inferSelect;

const meta = (s: Snapshot) => ({
  id: s.id,
  kind: s.kind,
  origin: s.origin,
  stateCode: s.stateCode,
  districtCode: s.districtCode,
  period: s.period,
  indicatorSetVersion: s.indicatorSetVersion,
  figuresAt: s.figuresAt,
  sha256: s.sha256,
  submittedBy: s.submittedBy,
  submittedAt: s.submittedAt,
});

/**
 * Stores a frozen report; a second one of the same origin for the district and month is refused
 * (409), or with `existing: 'return'` (the schedule's retries) the stored one is returned.
 */
export async function freezeReport(
  ctx: AppContext,
  report: MvReport,
  origin: Snapshot['origin'],
  by: string | null,
  existing: 'refuse' | 'return' = 'refuse',
): Promise<Snapshot> {
  // A quarterly report is the state's (no district; migrations/0924).
  const kind = report.kind === 'quarterly' ? 'quarterly' : 'monthly';
  const [row] = await ctx.db
    .insert(reportSnapshot)
    .values({
      kind,
      origin,
      stateCode: report.area.stateCode,
      districtCode: kind === 'quarterly' ? null : report.area.districtCode!,
      period: report.period.label,
      indicatorSetVersion: report.indicatorSetVersion,
      figuresAt: new Date(report.figuresAt),
      report,
      sha256: reportHash(report),
      submittedBy: by,
      submittedAt: ctx.now(),
    })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  if (existing === 'refuse') {
    throw new HttpError(409, 'already_submitted', `The report of ${report.period.label} is already submitted; it is frozen`);
  }
  const [prior] = await ctx.db
    .select()
    .from(reportSnapshot)
    .where(
      and(
        eq(reportSnapshot.kind, kind),
        eq(reportSnapshot.origin, origin),
        eq(reportSnapshot.stateCode, report.area.stateCode),
        kind === 'quarterly' ? isNull(reportSnapshot.districtCode) : eq(reportSnapshot.districtCode, report.area.districtCode!),
        eq(reportSnapshot.period, report.period.label),
      ),
    );
  return prior;
}

/** The district officer submits a finished month's report (the month must be over, IST). */
export async function submitMonthly(ctx: AppContext, actor: Actor, district: number, month: string) {
  requirePermission(actor, 'convergence.manage');
  if (month >= istToday(ctx.now()).slice(0, 7)) {
    throw new HttpError(400, 'invalid', 'Only a month that is over can be submitted', [{ field: 'month', message: 'a past month' }]);
  }
  const report = await monthlyReport(ctx, actor, district, month);
  const row = await freezeReport(ctx, report, 'submitted', actor.userId);
  await audit(
    ctx.db,
    actor,
    'create',
    'report_snapshot',
    row.id,
    { stateCode: row.stateCode, districtCode: row.districtCode ?? undefined },
    {
      period: month,
      sha256: row.sha256,
    },
  );
  return meta(row);
}

export async function listSnapshots(ctx: AppContext, actor: Actor, q: { district?: number; page: number; pageSize: number }) {
  requireDashboard(actor);
  const where = and(
    jurisdictionWhere(actor, reportSnapshot),
    q.district !== undefined ? eq(reportSnapshot.districtCode, q.district) : sql`true`,
  );
  const [items, [{ n }]] = await Promise.all([
    ctx.db
      .select()
      .from(reportSnapshot)
      .where(where)
      .orderBy(desc(reportSnapshot.period), desc(reportSnapshot.submittedAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(reportSnapshot).where(where),
  ]);
  return { items: items.map(meta), total: Number(n), page: q.page, pageSize: q.pageSize };
}

async function loadSnapshot(ctx: AppContext, actor: Actor, id: string): Promise<Snapshot> {
  requireDashboard(actor);
  const [row] = await ctx.db
    .select()
    .from(reportSnapshot)
    .where(and(eq(reportSnapshot.id, id), jurisdictionWhere(actor, reportSnapshot)));
  if (!row) throw new HttpError(404, 'not_found', 'No such report in your jurisdiction');
  return row;
}

/** A frozen report with its figures, whether they are intact (hash), and what a re-run today gives differently. */
export async function readSnapshot(ctx: AppContext, actor: Actor, id: string) {
  const row = await loadSnapshot(ctx, actor, id);
  const now =
    row.districtCode === null
      ? await quarterlyReport(ctx, actor, row.stateCode, row.period)
      : await monthlyReport(ctx, actor, row.districtCode, row.period);
  await audit(ctx.db, actor, 'read', 'report_snapshot', id, { stateCode: row.stateCode, districtCode: row.districtCode ?? undefined });
  return {
    ...meta(row),
    intact: reportHash(row.report) === row.sha256,
    report: row.report,
    rerunAt: now.figuresAt,
    changes: reportDiff(row.report, now),
  };
}

/** The frozen report as PDF, Excel or CSV: rendered from the stored figures, never recomputed. */
export async function snapshotFile(ctx: AppContext, actor: Actor, id: string, format: 'pdf' | 'xlsx' | 'csv', lang: Lang) {
  const row = await loadSnapshot(ctx, actor, id);
  await audit(
    ctx.db,
    actor,
    'export',
    'report_snapshot',
    id,
    { stateCode: row.stateCode, districtCode: row.districtCode ?? undefined },
    { format },
  );
  return renderReport(row.report, format, lang);
}
