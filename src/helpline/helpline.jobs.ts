import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { countingFailures } from '../kernel/ops-health';
import { insertNotifications } from '../cases/notifications.repository';
import { enqueue } from '../notifications/outbox.repository';
import { activeOfKindAt } from '../users/organisations.repository';
import { languagesOfUsers } from '../users/users.repository';
import { formatStamp, translate } from '../i18n/catalogue';
import { claimDueSoon, claimOverdue, markAlerted, markWarned } from './helpline.repository';
import { TRIAGE_TABLES, triageTableFor } from './triage.data';
import { istToday } from '../kernel/clock';
import { PARTNER_DELIVERY_QUEUE, deliverPartnerMessages } from './partner.service';

/**
 * The helpline's clock on pg-boss, like the case module's overdue sweep (src/cases/cases.jobs.ts):
 * a submitted call whose response target has passed with the child not reached raises, once,
 * an alert to the unit the call is with, to its operator and to the district's DCPU (the
 * district officer the issue asks to escalate to), and queues an outbox message
 * (src/notifications) for the configured sender. Ids, codes and times only: no names (JJ Act 2015 s.74).
 * Claimed with FOR UPDATE SKIP LOCKED, so several servers sweep side by side.
 */
export const HELPLINE_OVERDUE_QUEUE = 'helpline-overdue-sweep';

const ROUTE_WORDS: Record<string, string> = {
  district_unit: 'district child helpline unit',
  police_112: 'police (112)',
  womens_181: "women's helpline (181)",
  cwc: 'Child Welfare Committee',
  railway_desk: 'railway child help desk',
};

export async function sweepHelplineOverdue(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await claimOverdue(tx, now);
    if (!due.length) return 0;
    const dcpuOf = new Map<number, string[]>();
    for (const d of due) {
      if (!dcpuOf.has(d.districtCode))
        dcpuOf.set(
          d.districtCode,
          (await activeOfKindAt(tx, 'DCPU', `di:${d.districtCode}`)).map((u) => u.id),
        );
    }
    const rows = due.flatMap((d) => {
      const message = `1098 call #${d.number} (${d.urgency ?? 'call'}): child not reached by the target ${d.targetAt!.toISOString()}, with the ${ROUTE_WORDS[d.route ?? ''] ?? 'unit'}`;
      const units = new Set([d.assignedUnitId, d.operatorUnitId, ...(dcpuOf.get(d.districtCode) ?? [])].filter((u): u is string => !!u));
      const params = {
        key: 'alert.helplineOverdue' as const,
        number: Number(d.number),
        targetAt: d.targetAt!.toISOString(),
        route: d.route ?? null,
      };
      const base = { kind: 'helpline.overdue', caseId: null, ref: d.id, dueAt: d.targetAt, message, params, createdAt: now };
      return [{ ...base, userId: d.operatorUserId, unitId: null }, ...[...units].map((unitId) => ({ ...base, userId: null, unitId }))];
    });
    await insertNotifications(tx, rows);
    // The operator's message in the operator's language, the target as an IST time (issue #17).
    const langOf = await languagesOfUsers(tx, [...new Set(due.map((d) => d.operatorUserId).filter((u): u is string => !!u))]);
    const words = (d: (typeof due)[number]) => {
      const lang = (d.operatorUserId && langOf.get(d.operatorUserId)) || 'en';
      const vars = { number: Number(d.number), target: formatStamp(lang, d.targetAt!) };
      return { subject: translate(lang, 'email.helplineOverdueSubject', vars), body: translate(lang, 'email.helplineOverdueBody', vars) };
    };
    await enqueue(
      tx,
      due.map((d) => ({
        dedupeKey: `helpline-overdue:${d.id}`,
        kind: 'helpline_overdue',
        channel: 'log' as const,
        recipientUserId: d.operatorUserId,
        ...words(d),
        payload: { callId: d.id, route: d.route, targetAt: d.targetAt!.toISOString() },
        stateCode: d.stateCode,
        districtCode: d.districtCode,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
    await markAlerted(
      tx,
      due.map((d) => d.id),
      now,
    );
    return due.length;
  });
}

/**
 * The warning before a target is missed (issue #13): a call not yet reached whose target falls
 * within its state's `warnBeforeMinutes` (triage data, triage.data.ts) raises, once, an alert
 * to the unit the call is with and to its operator, so the unit's supervisor can act while there
 * is still time. Keyed in the catalogue (alert.helplineDueSoon): worded in the reader's language.
 */
export async function sweepHelplineDueSoon(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const widest = Math.max(...TRIAGE_TABLES.map((t) => t.warnBeforeMinutes));
    const claimed = await claimDueSoon(tx, now, widest);
    // Each state's own lead time: a call claimed for the widest one may not be due a warning yet.
    const due = claimed.filter(
      (d) => d.targetAt!.getTime() - now.getTime() <= triageTableFor(d.stateCode, istToday(now)).warnBeforeMinutes * 60_000,
    );
    if (!due.length) return 0;
    const rows = due.flatMap((d) => {
      const message = `1098 call #${d.number} (${d.urgency ?? 'call'}): the child must be reached by ${d.targetAt!.toISOString()} and is not yet, with the ${ROUTE_WORDS[d.route ?? ''] ?? 'unit'}`;
      const units = new Set([d.assignedUnitId, d.operatorUnitId].filter((u): u is string => !!u));
      const params = {
        key: 'alert.helplineDueSoon' as const,
        number: Number(d.number),
        targetAt: d.targetAt!.toISOString(),
        route: d.route ?? null,
      };
      const base = { kind: 'helpline.due_soon', caseId: null, ref: d.id, dueAt: d.targetAt, message, params, createdAt: now };
      return [
        ...(d.operatorUserId ? [{ ...base, userId: d.operatorUserId, unitId: null }] : []),
        ...[...units].map((unitId) => ({ ...base, userId: null, unitId })),
      ];
    });
    await insertNotifications(tx, rows);
    await markWarned(
      tx,
      due.map((d) => d.id),
      now,
    );
    return due.length;
  });
}

/** Adds the sweep to a started pg-boss (src/server.ts), every 5 minutes by default. */
export async function registerHelplineJobs(boss: PgBoss, ctx: AppContext, opts: { cron?: string | null } = {}) {
  // Every 5 minutes: the warning (15 minutes ahead in the national table) comes 10 to 15 minutes before the target.
  const cron = opts.cron === undefined ? '*/5 * * * *' : opts.cron;
  await boss.createQueue(HELPLINE_OVERDUE_QUEUE, { name: HELPLINE_OVERDUE_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 30 });
  await boss.work(
    HELPLINE_OVERDUE_QUEUE,
    { pollingIntervalSeconds: 2, batchSize: 1 },
    countingFailures(HELPLINE_OVERDUE_QUEUE, async () => {
      const now = ctx.now();
      return { warnings: await sweepHelplineDueSoon(ctx.db, now), alerts: await sweepHelplineOverdue(ctx.db, now) };
    }),
  );
  if (cron) await boss.schedule(HELPLINE_OVERDUE_QUEUE, cron, {}, { tz: 'Asia/Kolkata' });
  // Handover messages to 112/181: each minute, retried with backoff until acknowledged (partner.service.ts).
  await boss.createQueue(PARTNER_DELIVERY_QUEUE, { name: PARTNER_DELIVERY_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 30 });
  await boss.work(
    PARTNER_DELIVERY_QUEUE,
    { pollingIntervalSeconds: 2, batchSize: 1 },
    countingFailures(PARTNER_DELIVERY_QUEUE, async () => ({ ...(await deliverPartnerMessages(ctx.db, ctx.now())) })),
  );
  if (cron) await boss.schedule(PARTNER_DELIVERY_QUEUE, '* * * * *', {}, { tz: 'Asia/Kolkata' });
}
