import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import { basisOf, citationOf } from './timelines.config';
import { countTasks, listTasks, taskConditions } from './tasks.repository';
import { shapeRow } from '../access/fields';
import type { TaskQuery } from './cases.model';

/** What is due and overdue for me (scope=mine) or my unit (scope=unit), soonest first. */
export async function tasksFor(ctx: AppContext, actor: Actor, q: TaskQuery) {
  requirePermission(actor, 'cases.read', 'cases.referral');
  const now = ctx.now();
  const where = taskConditions(actor, q.scope, { overdue: q.overdue, kind: q.kind }, now);
  const [rows, counts] = await Promise.all([
    listTasks(ctx.db, actor, where, q.pageSize, (q.page - 1) * q.pageSize),
    countTasks(ctx.db, where, now),
  ]);
  await audit(
    ctx.db,
    actor,
    'list',
    'case_task',
    null,
    null,
    { ids: [...new Set(rows.map((r) => r.caseId))], total: counts.total },
    { children: rows.map((r) => r.childId) },
  );
  return {
    items: rows.map(({ fullView, status, level, risk, stateCode, ref, childId: _c, ...r }) => ({
      ...shapeRow(r, 'case'),
      ref: ref || null,
      overdue: r.dueAt < now,
      basis: basisOf(r.kind, stateCode),
      citation: citationOf(r.kind, stateCode),
      // A referred-to department sees its referral task, not the state of the case.
      ...(fullView ? { status, level, risk } : {}),
    })),
    total: counts.total,
    overdueCount: counts.overdue,
    page: q.page,
    pageSize: q.pageSize,
    asOf: now.toISOString(),
  };
}
