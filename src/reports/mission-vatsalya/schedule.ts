/**
 * The monthly report on a schedule (issue #16): on the 5th of each month (pg-boss cron, IST),
 * last month's report of every district with recipients is computed, frozen (origin `scheduled`,
 * once per district and month however often the job runs) and queued to each recipient through
 * the notifications outbox (src/notifications), then the outbox is delivered by the configured
 * sender (SMTP in production). The e-mail carries the figures as text and the frozen report's id
 * and hash; the PDF is fetched from the app by whoever may read it (no attachment leaves the server).
 * Mission Vatsalya Guidelines 2022: the DCPU reports monthly to the SCPS and the DCPC reviews it.
 *
 * The quarterly state report the same way (migration 0924): on the 5th after each financial-year
 * quarter ends (January, April, July, October, 09:00 IST), the quarter's state report of every
 * state with recipients (a recipient with no district) is frozen and mailed through the outbox.
 */
import PgBoss from 'pg-boss';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { AppContext } from '../../http/context';
import { covers, requirePermission, type Actor } from '../../access/policy';
import { audit } from '../../audit/audit.service';
import { HttpError } from '../../http/errors';
import { istToday } from '../../kernel/clock';
import { getLocation } from '../../locations/locations.repository';
import { enqueue, type NewOutboxRow } from '../../notifications/outbox.repository';
import { deliverOutbox, type DeliveryResult } from '../../notifications/outbox.service';
import { sendersFromEnv, type Senders } from '../../notifications/senders';
import { bossErrorListener, countingFailures } from '../../kernel/ops-health';
import { pgBossDb } from '../../cases/pgboss.db';
import { monthlyReport, quarterlyReport, type MvReport } from './report';
import { t, type Lang } from './labels';
import { freezeReport, previousMonth } from './snapshots.service';
import { reportRecipient } from './snapshots.schema';

export const MONTHLY_REPORT_QUEUE = 'mv-monthly-report';
/** 09:00 IST on the 5th of every month. */
export const MONTHLY_REPORT_CRON = '0 9 5 * *';
export const QUARTERLY_REPORT_QUEUE = 'mv-quarterly-report';
/** 09:00 IST on the 5th after each financial-year quarter ends (Q1 April–June is sent on 5 July). */
export const QUARTERLY_REPORT_CRON = '0 9 5 1,4,7,10 *';

// ---------------------------------------------------------------- recipients

/** Whose recipients: a district's (its monthly report) or a state's (the quarterly state report). */
export interface RecipientArea {
  district?: number;
  state?: number;
}

async function recipientPlace(ctx: AppContext, actor: Actor, area: RecipientArea) {
  if (area.district === undefined) {
    // The state's report: its own users (the SCPS) and national users.
    requirePermission(actor, 'reports.recipients');
    const state = area.state!;
    const loc = await getLocation(ctx.db, `st:${state}`);
    if (!loc) throw new HttpError(400, 'invalid', `No state ${state}`, [{ field: 'state', message: 'unknown state' }]);
    const s = actor.scope;
    if (!(s.level === 'national' || (s.level === 'state' && s.stateCode === state))) {
      throw new HttpError(403, 'outside_jurisdiction', 'The state is outside your jurisdiction');
    }
    return { stateCode: state, districtCode: null };
  }
  const district = area.district;
  requirePermission(actor, 'convergence.manage');
  const loc = await getLocation(ctx.db, `di:${district}`);
  if (!loc) throw new HttpError(400, 'invalid', `No district ${district}`, [{ field: 'district', message: 'unknown district' }]);
  if (!covers(actor.scope, { stateCode: loc.stateCode, districtCode: district })) {
    throw new HttpError(403, 'outside_jurisdiction', 'The district is outside your jurisdiction');
  }
  return { stateCode: loc.stateCode, districtCode: district };
}

const areaWhere = (place: { stateCode: number; districtCode: number | null }) =>
  place.districtCode === null
    ? and(eq(reportRecipient.stateCode, place.stateCode), isNull(reportRecipient.districtCode))
    : eq(reportRecipient.districtCode, place.districtCode);

export async function listRecipients(ctx: AppContext, actor: Actor, area: RecipientArea) {
  const place = await recipientPlace(ctx, actor, area);
  const items = await ctx.db
    .select({ id: reportRecipient.id, address: reportRecipient.address, lang: reportRecipient.lang, addedAt: reportRecipient.addedAt })
    .from(reportRecipient)
    .where(areaWhere(place))
    .orderBy(asc(reportRecipient.address));
  return { items };
}

export async function addRecipient(ctx: AppContext, actor: Actor, input: RecipientArea & { address: string; lang: Lang }) {
  const place = await recipientPlace(ctx, actor, input);
  const [row] = await ctx.db
    .insert(reportRecipient)
    .values({ ...place, address: input.address.trim(), lang: input.lang, addedBy: actor.userId, addedAt: ctx.now() })
    .onConflictDoNothing()
    .returning({ id: reportRecipient.id, address: reportRecipient.address, lang: reportRecipient.lang, addedAt: reportRecipient.addedAt });
  if (!row)
    throw new HttpError(409, 'duplicate', 'This address already receives the report', [{ field: 'address', message: 'already listed' }]);
  await audit(ctx.db, actor, 'create', 'report_recipient', row.id, {
    stateCode: place.stateCode,
    districtCode: place.districtCode ?? undefined,
  });
  return row;
}

export async function removeRecipient(ctx: AppContext, actor: Actor, area: RecipientArea, id: string) {
  const place = await recipientPlace(ctx, actor, area);
  const gone = await ctx.db
    .delete(reportRecipient)
    .where(and(eq(reportRecipient.id, id), areaWhere(place)))
    .returning({ id: reportRecipient.id });
  if (!gone.length) throw new HttpError(404, 'not_found', 'No such recipient');
  await audit(ctx.db, actor, 'delete', 'report_recipient', id, {
    stateCode: place.stateCode,
    districtCode: place.districtCode ?? undefined,
  });
  return { ok: true as const };
}

// ---------------------------------------------------------------- the monthly run

/** The e-mail: the report's figures as text, in the recipient's language (counts only, s.74). */
export function reportMail(r: MvReport, snapshotId: string, sha256: string, lang: Lang): { subject: string; body: string } {
  const dash = (v: number | null) => (v === null ? '—' : String(v));
  const title = r.kind === 'quarterly' ? 'quarterlyTitle' : 'monthlyTitle';
  const lines = [
    `${t(lang, title)} — ${r.area.name} — ${r.period.label}`,
    '',
    ...r.sections.flatMap((s) =>
      s.rows.length
        ? [
            t(lang, `section.${s.id}` as Parameters<typeof t>[1]),
            ...s.rows.map(
              (row) =>
                `  ${row.title[lang]}: ${dash(row.current)}${row.denominator !== null ? ` / ${row.denominator} (${dash(row.rate)}%)` : ''}`,
            ),
            '',
          ]
        : [],
    ),
    `${t(lang, 'generated')}: ${r.figuresAt} · v${r.indicatorSetVersion}`,
    `id ${snapshotId} · sha256 ${sha256}`,
    t(lang, 'confidential'),
  ];
  return { subject: `${t(lang, title)}: ${r.area.name} ${r.period.label}`, body: lines.join('\n') };
}

/** The reader the schedule computes a district's report as: that district, no person behind it. */
function scheduleActor(stateCode: number, districtCode: number): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: '(schedule)',
    displayName: 'monthly report schedule',
    role: 'dcpu_officer',
    organisationId: null,
    organisationKind: null,
    scope: { level: 'district', stateCode, districtCode },
  };
}

export interface MonthlyRun {
  month: string;
  districts: number;
  queued: number;
  delivery: DeliveryResult;
}

/**
 * Last month's report for every district with recipients, frozen and queued (idempotent: the
 * frozen copy and each message's dedupe key are per district and month), then the outbox delivered.
 */
export async function runMonthlyReports(
  ctx: AppContext,
  senders: Senders,
  month = previousMonth(istToday(ctx.now())),
): Promise<MonthlyRun> {
  const recipients = await ctx.db
    .select()
    .from(reportRecipient)
    .where(isNotNull(reportRecipient.districtCode))
    .orderBy(asc(reportRecipient.districtCode));
  const byDistrict = new Map<number, (typeof recipients)[number][]>();
  for (const r of recipients) byDistrict.set(r.districtCode!, [...(byDistrict.get(r.districtCode!) ?? []), r]);
  let queued = 0;
  for (const [districtCode, list] of byDistrict) {
    const actor = scheduleActor(list[0].stateCode, districtCode);
    const snap = await freezeReport(ctx, await monthlyReport(ctx, actor, districtCode, month), 'scheduled', null, 'return');
    const now = ctx.now();
    const rows: NewOutboxRow[] = list.map((r) => ({
      dedupeKey: `mv-monthly:${districtCode}:${month}:${r.id}`,
      kind: 'mv_monthly_report',
      channel: 'email',
      recipientAddress: r.address,
      ...reportMail(snap.report, snap.id, snap.sha256, r.lang),
      payload: { snapshotId: snap.id, district: districtCode, month },
      stateCode: r.stateCode,
      districtCode,
      nextAttemptAt: now,
      createdAt: now,
    }));
    queued += (await enqueue(ctx.db, rows)).length;
  }
  const delivery = await deliverOutbox(ctx.db, senders, ctx.now());
  return { month, districts: byDistrict.size, queued, delivery };
}

/** The financial-year quarter that ended last (IST): Q1 is April–June, so on 5 July 2026 it is 2026-Q1. */
export function previousQuarter(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const fy = m >= 4 ? y : y - 1; // the financial year today falls in
  const q = m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4; // today's quarter
  return q === 1 ? `${fy - 1}-Q4` : `${fy}-Q${q - 1}`;
}

/** The reader the schedule computes a state's quarterly report as: that state, no person behind it. */
function stateScheduleActor(stateCode: number): Actor {
  return {
    ...scheduleActor(stateCode, 0),
    displayName: 'quarterly report schedule',
    role: 'scps_officer',
    scope: { level: 'state', stateCode },
  };
}

export interface QuarterlyRun {
  quarter: string;
  states: number;
  queued: number;
  delivery: DeliveryResult;
}

/**
 * Last quarter's state report for every state with recipients, frozen (origin `scheduled`, once per
 * state and quarter) and queued to each (dedupe key per state, quarter and recipient), then the
 * outbox delivered: a retry freezes and queues nothing new.
 */
export async function runQuarterlyReports(
  ctx: AppContext,
  senders: Senders,
  quarter = previousQuarter(istToday(ctx.now())),
): Promise<QuarterlyRun> {
  const recipients = await ctx.db
    .select()
    .from(reportRecipient)
    .where(isNull(reportRecipient.districtCode))
    .orderBy(asc(reportRecipient.stateCode));
  const byState = new Map<number, (typeof recipients)[number][]>();
  for (const r of recipients) byState.set(r.stateCode, [...(byState.get(r.stateCode) ?? []), r]);
  let queued = 0;
  for (const [stateCode, list] of byState) {
    const actor = stateScheduleActor(stateCode);
    const snap = await freezeReport(ctx, await quarterlyReport(ctx, actor, stateCode, quarter), 'scheduled', null, 'return');
    const now = ctx.now();
    const rows: NewOutboxRow[] = list.map((r) => ({
      dedupeKey: `mv-quarterly:${stateCode}:${quarter}:${r.id}`,
      kind: 'mv_quarterly_report',
      channel: 'email',
      recipientAddress: r.address,
      ...reportMail(snap.report, snap.id, snap.sha256, r.lang),
      payload: { snapshotId: snap.id, state: stateCode, quarter },
      stateCode,
      districtCode: null,
      nextAttemptAt: now,
      createdAt: now,
    }));
    queued += (await enqueue(ctx.db, rows)).length;
  }
  const delivery = await deliverOutbox(ctx.db, senders, ctx.now());
  return { quarter, states: byState.size, queued, delivery };
}

export interface ReportJobsOptions {
  senders?: Senders;
  /** pg-boss cron (IST); null for none. Default: the 5th of each month at 09:00. */
  cron?: string | null;
  /** The quarterly state report's (IST); null for none. Default: 5 January, April, July, October at 09:00. */
  quarterlyCron?: string | null;
  pollingIntervalSeconds?: number;
}

export async function registerReportJobs(boss: PgBoss, ctx: AppContext, opts: ReportJobsOptions = {}) {
  const senders = opts.senders ?? sendersFromEnv();
  const cron = opts.cron === undefined ? MONTHLY_REPORT_CRON : opts.cron;
  await boss.createQueue(MONTHLY_REPORT_QUEUE, { name: MONTHLY_REPORT_QUEUE, policy: 'standard', retryLimit: 3, retryDelay: 300 });
  await boss.work(
    MONTHLY_REPORT_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 30, batchSize: 1 },
    countingFailures(MONTHLY_REPORT_QUEUE, async (jobs: PgBoss.Job<object>[]) => {
      const month = (jobs[0]?.data as { month?: string } | undefined)?.month;
      const r = await runMonthlyReports(ctx, senders, month);
      return { month: r.month, districts: r.districts, queued: r.queued, ...r.delivery };
    }),
  );
  if (cron) await boss.schedule(MONTHLY_REPORT_QUEUE, cron, {}, { tz: 'Asia/Kolkata' });
  const quarterlyCron = opts.quarterlyCron === undefined ? (opts.cron === null ? null : QUARTERLY_REPORT_CRON) : opts.quarterlyCron;
  await boss.createQueue(QUARTERLY_REPORT_QUEUE, { name: QUARTERLY_REPORT_QUEUE, policy: 'standard', retryLimit: 3, retryDelay: 300 });
  await boss.work(
    QUARTERLY_REPORT_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 30, batchSize: 1 },
    countingFailures(QUARTERLY_REPORT_QUEUE, async (jobs: PgBoss.Job<object>[]) => {
      const quarter = (jobs[0]?.data as { quarter?: string } | undefined)?.quarter;
      const r = await runQuarterlyReports(ctx, senders, quarter);
      return { quarter: r.quarter, states: r.states, queued: r.queued, ...r.delivery };
    }),
  );
  if (quarterlyCron) await boss.schedule(QUARTERLY_REPORT_QUEUE, quarterlyCron, {}, { tz: 'Asia/Kolkata' });
}

/** Its own pg-boss (tests, the CLI); the server registers on the shared one (src/server.ts). */
export async function startReportJobs(ctx: AppContext, opts: ReportJobsOptions = {}) {
  const boss = new PgBoss({
    db: pgBossDb(ctx.database) as unknown as PgBoss.Db,
    schema: 'pgboss',
    migrate: true,
    supervise: false,
    schedule: opts.cron !== null,
  });
  boss.on('error', bossErrorListener('pg-boss'));
  await boss.start();
  await registerReportJobs(boss, ctx, opts);
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }) };
}
