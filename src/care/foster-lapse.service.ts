import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { HttpError } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { enqueue } from '../notifications/outbox.repository';
import { insertNotifications } from '../cases/notifications.repository';
import { alertText } from '../cases/alert-text';
import { activeOfKindAt, activeUsersOfUnits } from '../users/organisations.repository';
import { languagesOfUsers } from '../users/users.repository';
import { translate } from '../i18n/catalogue';
import { groupsOfArea } from '../convergence/groups.service';
import { raiseAction } from '../convergence/actions.service';
import { careFosterLapseAlert } from './care.schema';
import { addDays, fosterApprovalRules } from './domain';

/**
 * The foster approval lapse alert, raised for real (issue #14): the care module's daily job finds
 * every family with a child placed now whose committee approval has ended (review_due past) or
 * whose renewal was refused (JJ Model Rules 2016 r.23), and once per family and lapse
 * (care_foster_lapse_alert, migration 0960) queues a message to each of the district's DCPU
 * users (src/notifications' outbox) and to their in-app notifications list, and opens a convergence action item for the DCPU in the
 * district's convergence group (the convergence module's `raiseAction`, as an inspection's
 * follow-up does, institutions.service.ts). Only the CWC's order moves the child: nothing here
 * ends a placement. Ids, dates and counts only in the message, the action and the audit (JJ Act
 * 2015 s.74): the family is named by a reference, no child at all.
 */

/** The sweep acts for no user: the district's system, scoped to the family's district. */
const sweeper = (stateCode: number, districtCode: number): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'Foster approval sweep',
  role: 'dcpu_officer',
  organisationId: null,
  organisationKind: null,
  scope: { level: 'district', stateCode, districtCode },
});

export const familyRef = (carerId: string) => `F-${carerId.slice(0, 8).toUpperCase()}`;

interface Lapse {
  carer_id: string;
  state_code: number;
  district_code: number;
  state: 'lapsed' | 'refused';
  lapse: string;
  ended_on: string | null;
  placed: number;
}

/** Families with a child placed now whose approval no longer holds, with the lapse that names the alert. */
async function lapses(db: Db, today: string): Promise<Lapse[]> {
  const res = (await db.execute(sql`
    SELECT c.id AS carer_id, c.state_code, c.district_code,
           CASE WHEN c.status = 'ended' THEN 'refused' ELSE 'lapsed' END AS state,
           CASE WHEN c.status = 'ended' THEN 'refused:' || r.id::text ELSE 'lapsed:' || c.review_due::text END AS lapse,
           CASE WHEN c.status = 'ended' THEN r.meeting_on::text ELSE c.review_due::text END AS ended_on,
           (SELECT count(*) FROM care_family_placement fp WHERE fp.carer_id = c.id AND fp.ended_on IS NULL)::int AS placed
    FROM care_foster_carer c
    LEFT JOIN LATERAL (
      SELECT r.id, r.meeting_on FROM care_foster_renewal r
      WHERE r.carer_id = c.id AND r.status = 'refused' ORDER BY r.meeting_on DESC, r.created_at DESC LIMIT 1
    ) r ON true
    WHERE EXISTS (SELECT 1 FROM care_family_placement fp WHERE fp.carer_id = c.id AND fp.ended_on IS NULL)
      AND ((c.status = 'approved' AND c.review_due < ${today}::date) OR (c.status = 'ended' AND r.id IS NOT NULL))
    ORDER BY c.state_code, c.district_code, c.id`)) as unknown as { rows: Lapse[] };
  return res.rows.map((r) => ({ ...r, placed: Number(r.placed) }));
}

/** The DCPU's action item in the district's convergence group; a refusal is kept as the problem (retried next run). */
async function openAction(
  db: Db,
  l: Pick<Lapse, 'carer_id' | 'state_code' | 'district_code' | 'state' | 'ended_on' | 'placed'>,
  today: string,
) {
  const actor = sweeper(l.state_code, l.district_code);
  const { rows } = await groupsOfArea(db, actor);
  const group = rows.find((g) => g.level === 'district' && g.districtCode === l.district_code);
  if (!group) return { actionId: null, problem: 'no_district_group' };
  const ref = familyRef(l.carer_id);
  const why =
    l.state === 'refused' ? `the committee refused to renew its approval (${l.ended_on})` : `its committee approval ended on ${l.ended_on}`;
  try {
    // A savepoint: a refusal leaves the sweep's transaction usable.
    const action = await db.transaction((sp) =>
      raiseAction(
        sp,
        actor,
        group.id,
        {
          department: 'DCPU',
          description: `Foster family ${ref}: ${why} while ${l.placed} child(ren) stay placed. Bring the placement before the CWC for its order (JJ Model Rules 2016 r.23).`,
          dueDate: addDays(today, fosterApprovalRules().renewal.lapseActionDueDays),
        },
        { today, source: 'foster_approval_lapse' },
      ),
    );
    return { actionId: (action as { id: string }).id, problem: null };
  } catch (e) {
    if (e instanceof HttpError) return { actionId: null, problem: e.code };
    throw e;
  }
}

export interface LapseSweepResult {
  raised: number;
  notified: number;
  actions: number;
  actionProblems: number;
  /** DCPU users told that an alert's action item could not be opened (once per alert). */
  problemNotices: number;
}

/** The active users of the district's DCPU units (who hear of a lapse). */
async function dcpuUsersOf(tx: Db, districtCode: number) {
  const units = await activeOfKindAt(tx, 'DCPU', `di:${districtCode}`);
  return activeUsersOfUnits(
    tx,
    units.map((u) => u.id),
  );
}

/**
 * Tells each DCPU user in-app, once per alert, that its action item could not be opened and why
 * (the retry goes on daily, silently after this). With no user to tell, nothing is marked: the
 * next run tries again. Returns how many were told.
 */
async function tellActionProblem(tx: Db, alertId: string, carerId: string, districtCode: number, problem: string, now: Date) {
  const users = await dcpuUsersOf(tx, districtCode);
  if (!users.length) return 0;
  const ref = familyRef(carerId);
  const params = { key: 'alert.fosterLapseNoAction' as const, ref, problem };
  await insertNotifications(
    tx,
    users.map((u) => ({ userId: u.id, kind: 'foster_lapse_no_action', ref, message: alertText('en', params, ''), params, createdAt: now })),
  );
  await tx.update(careFosterLapseAlert).set({ problemNotifiedAt: now }).where(eq(careFosterLapseAlert.id, alertId));
  return users.length;
}

/**
 * The sweep. Each new lapse is claimed by inserting its alert (ON CONFLICT DO NOTHING on the
 * unique key): a re-run, or a second server, finds it taken and raises nothing again. An alert
 * whose action item could not be opened (no district group, the DCPU without a seat) is retried
 * daily, and the DCPU users are told once, in-app, that it could not be opened and why.
 */
export async function sweepFosterLapses(db: Db, now: Date): Promise<LapseSweepResult> {
  const today = istToday(now);
  const out: LapseSweepResult = { raised: 0, notified: 0, actions: 0, actionProblems: 0, problemNotices: 0 };
  for (const l of await lapses(db, today)) {
    await db.transaction(async (tx) => {
      const [alert] = await tx
        .insert(careFosterLapseAlert)
        .values({
          carerId: l.carer_id,
          stateCode: l.state_code,
          districtCode: l.district_code,
          lapse: l.lapse,
          state: l.state,
          endedOn: l.ended_on,
          childrenPlaced: l.placed,
          raisedOn: today,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!alert) return;
      out.raised++;
      const users = await dcpuUsersOf(tx, l.district_code);
      const langOf = await languagesOfUsers(
        tx,
        users.map((u) => u.id),
      );
      const queued = await enqueue(
        tx,
        users.map((u) => {
          const lang = langOf.get(u.id) ?? 'en';
          const vars = { ref: familyRef(l.carer_id), ended: l.ended_on ?? '', count: l.placed };
          const body = l.state === 'refused' ? 'email.fosterRefusedBody' : 'email.fosterLapsedBody';
          return {
            dedupeKey: `foster-lapse:${alert.id}:${u.id}`,
            kind: 'foster_approval_lapse',
            channel: 'log' as const,
            recipientUserId: u.id,
            subject: translate(lang, 'email.fosterLapseSubject', vars),
            body: translate(lang, body, vars),
            payload: { carerId: l.carer_id, state: l.state, endedOn: l.ended_on, childrenPlaced: l.placed },
            stateCode: l.state_code,
            districtCode: l.district_code,
            nextAttemptAt: now,
            createdAt: now,
          };
        }),
      );
      // The same alert in each DCPU user's in-app list (the notifications of src/cases, worded in the reader's language).
      const ref = familyRef(l.carer_id);
      await insertNotifications(
        tx,
        users.map((u) => ({
          userId: u.id,
          kind: 'foster_approval_lapse',
          ref,
          message: translate('en', 'email.fosterLapseSubject', { ref }),
          params: { key: 'alert.fosterLapse' as const, ref, state: l.state, endedOn: l.ended_on, count: l.placed },
          createdAt: now,
        })),
      );
      const { actionId, problem } = await openAction(tx, l, today);
      await tx
        .update(careFosterLapseAlert)
        .set({ notified: queued.length, convergenceActionId: actionId, actionProblem: problem })
        .where(eq(careFosterLapseAlert.id, alert.id));
      out.notified += queued.length;
      if (actionId) out.actions++;
      else {
        out.actionProblems++;
        out.problemNotices += await tellActionProblem(tx, alert.id, l.carer_id, l.district_code, problem ?? 'unknown', now);
      }
      await audit(
        tx,
        null,
        'create',
        'care_foster_lapse_alert',
        alert.id,
        { stateCode: l.state_code, districtCode: l.district_code },
        {
          carerId: l.carer_id,
          state: l.state,
          notified: queued.length,
          convergenceActionId: actionId,
          actionProblem: problem,
        },
      );
    });
  }
  // Alerts whose action item could not be opened last time: the group or the seat may exist now.
  const pending = await db.select().from(careFosterLapseAlert).where(isNull(careFosterLapseAlert.convergenceActionId)).limit(500);
  for (const a of pending) {
    await db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(careFosterLapseAlert)
        .where(and(eq(careFosterLapseAlert.id, a.id), isNull(careFosterLapseAlert.convergenceActionId)))
        .for('update', { skipLocked: true });
      if (!locked) return;
      const { actionId, problem } = await openAction(
        tx,
        {
          carer_id: a.carerId,
          state_code: a.stateCode,
          district_code: a.districtCode,
          state: a.state,
          ended_on: a.endedOn,
          placed: a.childrenPlaced,
        },
        today,
      );
      if (!actionId) {
        // Still not opened: told once (a DCPU user may have joined since a first run with nobody to tell).
        if (!locked.problemNotifiedAt)
          out.problemNotices += await tellActionProblem(tx, a.id, a.carerId, a.districtCode, problem ?? 'unknown', now);
        return;
      }
      await tx
        .update(careFosterLapseAlert)
        .set({ convergenceActionId: actionId, actionProblem: problem })
        .where(eq(careFosterLapseAlert.id, a.id));
      out.actions++;
      await audit(tx, null, 'update', 'care_foster_lapse_alert', a.id, a, { convergenceActionId: actionId });
    });
  }
  return out;
}
