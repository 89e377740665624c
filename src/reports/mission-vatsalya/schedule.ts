/**
 * The monthly report on a schedule (issue #16): on the 5th of each month (pg-boss cron, IST),
 * last month's report of every district with recipients is computed, frozen (origin `scheduled`,
 * once per district and month however often the job runs) and queued to each recipient through
 * the notifications outbox (src/notifications), then the outbox is delivered by the configured
 * sender (SMTP in production). The e-mail carries the figures as text and the frozen report's id
 * and hash; the PDF is fetched from the app by whoever may read it (no attachment leaves the server).
 * Mission Vatsalya Guidelines 2022: the DCPU reports monthly to the SCPS and the DCPC reviews it.
 */
import PgBoss from 'pg-boss';
import { and, asc, eq } from 'drizzle-orm';
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
import { monthlyReport, type MvReport } from './report';
import { t, type Lang } from './labels';
import { freezeReport, previousMonth } from './snapshots.service';
import { reportRecipient } from './snapshots.schema';

export const MONTHLY_REPORT_QUEUE = 'mv-monthly-report';
/** 09:00 IST on the 5th of every month. */
export const MONTHLY_REPORT_CRON = '0 9 5 * *';

// ---------------------------------------------------------------- recipients

async function districtPlace(ctx: AppContext, actor: Actor, district: number) {
  requirePermission(actor, 'convergence.manage');
  const loc = await getLocation(ctx.db, `di:${district}`);
  if (!loc) throw new HttpError(400, 'invalid', `No district ${district}`, [{ field: 'district', message: 'unknown district' }]);
  if (!covers(actor.scope, { stateCode: loc.stateCode, districtCode: district })) {
    throw new HttpError(403, 'outside_jurisdiction', 'The district is outside your jurisdiction');
  }
  return { stateCode: loc.stateCode, districtCode: district };
}

export async function listRecipients(ctx: AppContext, actor: Actor, district: number) {
  await districtPlace(ctx, actor, district);
  const items = await ctx.db
    .select({ id: reportRecipient.id, address: reportRecipient.address, lang: reportRecipient.lang, addedAt: reportRecipient.addedAt })
    .from(reportRecipient)
    .where(eq(reportRecipient.districtCode, district))
    .orderBy(asc(reportRecipient.address));
  return { items };
}

export async function addRecipient(ctx: AppContext, actor: Actor, input: { district: number; address: string; lang: Lang }) {
  const place = await districtPlace(ctx, actor, input.district);
  const [row] = await ctx.db
    .insert(reportRecipient)
    .values({ ...place, address: input.address.trim(), lang: input.lang, addedBy: actor.userId, addedAt: ctx.now() })
    .onConflictDoNothing()
    .returning({ id: reportRecipient.id, address: reportRecipient.address, lang: reportRecipient.lang, addedAt: reportRecipient.addedAt });
  if (!row)
    throw new HttpError(409, 'duplicate', 'This address already receives the report', [{ field: 'address', message: 'already listed' }]);
  await audit(ctx.db, actor, 'create', 'report_recipient', row.id, place);
  return row;
}

export async function removeRecipient(ctx: AppContext, actor: Actor, district: number, id: string) {
  const place = await districtPlace(ctx, actor, district);
  const gone = await ctx.db
    .delete(reportRecipient)
    .where(and(eq(reportRecipient.id, id), eq(reportRecipient.districtCode, district)))
    .returning({ id: reportRecipient.id });
  if (!gone.length) throw new HttpError(404, 'not_found', 'No such recipient');
  await audit(ctx.db, actor, 'delete', 'report_recipient', id, place);
  return { ok: true as const };
}

// ---------------------------------------------------------------- the monthly run

/** The e-mail: the report's figures as text, in the recipient's language (counts only, s.74). */
export function reportMail(r: MvReport, snapshotId: string, sha256: string, lang: Lang): { subject: string; body: string } {
  const dash = (v: number | null) => (v === null ? '—' : String(v));
  const lines = [
    `${t(lang, 'monthlyTitle')} — ${r.area.name} — ${r.period.label}`,
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
  return { subject: `${t(lang, 'monthlyTitle')}: ${r.area.name} ${r.period.label}`, body: lines.join('\n') };
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
  const recipients = await ctx.db.select().from(reportRecipient).orderBy(asc(reportRecipient.districtCode));
  const byDistrict = new Map<number, (typeof recipients)[number][]>();
  for (const r of recipients) byDistrict.set(r.districtCode, [...(byDistrict.get(r.districtCode) ?? []), r]);
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

export interface ReportJobsOptions {
  senders?: Senders;
  /** pg-boss cron (IST); null for none. Default: the 5th of each month at 09:00. */
  cron?: string | null;
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
