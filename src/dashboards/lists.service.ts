/**
 * The records behind a figure (issue #16: "every number opens its list"). The dashboards module
 * computes only WHICH ids a figure counts (a subquery over its views, within the area); the list
 * itself is the owning module's own list (registry, cases, convergence actions, missing reports,
 * helpline calls), so the one access policy applies as on any list: the permitted fields of the role, its row rule and jurisdiction, initials under a CWC
 * non-disclosure order (JJ Act 2015 s.74), paging and the access log of every child disclosed.
 * A figure counted where a child is placed (an institution in another district) may therefore list
 * fewer children than it counts: the reader sees only records their jurisdiction covers.
 */
import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import { mayRead } from '../access/fields';
import { requirePermission } from '../access/policy';
import { HttpError } from '../http/errors';
import { tableFile, type Column } from '../exports/tables';
import { listChildrenFor } from '../registry/children.service';
import { listCasesFor } from '../cases/cases.service';
import { listActionsFor } from '../convergence/actions.service';
import { listRecordsFor } from '../missing/missing.service';
import { listCallsFor } from '../helpline/helpline.service';
import { indicatorById, params } from './indicators.service';
import { LISTABLE, recordIdsQuery, type ListKind } from './indicators.repository';
import { SOURCE_DISAGGREGATIONS } from './domain/indicator';
import { areaActor } from './area';
import { ensureFresh } from './summary.repository';
import type { RecordsQuery } from './dashboards.model';

/** Rows of an export at most (the registry's own export allows 100 000; a figure's list is smaller). */
export const MAX_LIST_EXPORT = 10_000;

async function target(ctx: AppContext, actor: Actor, id: string, q: Omit<RecordsQuery, 'page' | 'pageSize'>) {
  const ind = indicatorById(id);
  if (ind.status !== 'live') throw new HttpError(409, 'awaiting_module', `${id} is counted by ${ind.awaits}, not wired yet`);
  const kind = LISTABLE[ind.source];
  if (q.set === 'denominator' && !ind.denominator) {
    throw new HttpError(400, 'invalid', `${id} is a plain count`, [{ field: 'set', message: 'this indicator has no denominator' }]);
  }
  if ((q.by === undefined) !== (q.key === undefined)) {
    throw new HttpError(400, 'invalid', 'by and key go together', [{ field: q.by ? 'key' : 'by', message: 'give both by and key' }]);
  }
  if (q.by && q.by !== 'district' && !SOURCE_DISAGGREGATIONS[ind.source].includes(q.by)) {
    throw new HttpError(400, 'invalid', `${id} cannot be broken down by ${q.by}`, [
      { field: 'by', message: 'not a disaggregation of this indicator' },
    ]);
  }
  const { actor: scoped } = await areaActor(ctx, actor, q.district);
  if (ind.source === 'child') await ensureFresh(ctx.db);
  const idsIn = recordIdsQuery(scoped, ind, params(ctx), q.set, q.by && q.key ? { by: q.by, key: q.key } : undefined);
  return { kind, idsIn };
}

type Page = { items: Record<string, unknown>[]; total: number; withheld?: string[] };

/**
 * One page of the records through the owning module's own list: its permission, row and field
 * rules, s.74 initials and access log apply as on that module's screen.
 */
function listPage(ctx: AppContext, actor: Actor, kind: ListKind, idsIn: SQL, page: number, pageSize: number): Promise<Page> {
  switch (kind) {
    case 'child':
      return listChildrenFor(ctx, actor, { idsIn, page, pageSize });
    case 'case':
      return listCasesFor(ctx, actor, { idsIn, page, pageSize });
    case 'action':
      return listActionsFor(ctx, actor, { idsIn, page, pageSize });
    case 'missing':
      return listRecordsFor(ctx, actor, { idsIn, page, pageSize });
    case 'call':
      return listCallsFor(ctx, actor, { idsIn, page, pageSize });
  }
}

const FIELD: Record<ListKind, 'children' | 'cases' | 'actions' | 'missing' | 'calls'> = {
  child: 'children',
  case: 'cases',
  action: 'actions',
  missing: 'missing',
  call: 'calls',
};

/** One page of the records a figure counts, as the reader may see them. */
export async function indicatorRecords(ctx: AppContext, actor: Actor, id: string, q: RecordsQuery) {
  const { kind, idsIn } = await target(ctx, actor, id, q);
  const list = await listPage(ctx, actor, kind, idsIn, q.page, q.pageSize);
  const empty = { children: [], cases: [], actions: [], missing: [], calls: [] };
  return {
    indicator: id,
    kind,
    ...empty,
    [FIELD[kind]]: list.items,
    total: list.total,
    page: q.page,
    pageSize: q.pageSize,
    withheld: list.withheld ?? [],
  };
}

type Row = Record<string, unknown>;
type Cell = string | number | boolean | null | undefined;

const COLUMNS: Record<ListKind, string[]> = {
  child: ['id', 'name', 'nameLocal', 'sex', 'age', 'careStatus', 'districtCode', 'blockCode', 'villageId'],
  case: ['id', 'number', 'status', 'risk', 'level', 'nextDueAt', 'nextDueKind', 'districtCode', 'blockCode', 'villageId'],
  action: ['id', 'department', 'description', 'assignedOn', 'dueDate', 'status', 'doneOn', 'daysOverdue'],
  missing: ['id', 'reference', 'kind', 'status', 'districtCode', 'name', 'sex', 'ageYears', 'createdAt'],
  call: ['id', 'number', 'status', 'urgency', 'route', 'districtCode', 'receivedAt', 'targetAt', 'reachedAt'],
};

/**
 * The whole list as CSV: the same rows and fields as the pages (read through the same lists, so
 * the same policy and access log), for those who may export the registry.
 */
export async function exportIndicatorRecords(ctx: AppContext, actor: Actor, id: string, q: Omit<RecordsQuery, 'page' | 'pageSize'>) {
  requirePermission(actor, 'registry.export');
  const { kind, idsIn } = await target(ctx, actor, id, q);
  const rows: Row[] = [];
  for (let page = 1; rows.length < MAX_LIST_EXPORT; page++) {
    const list = await listPage(ctx, actor, kind, idsIn, page, 1000);
    rows.push(...list.items);
    if (list.items.length < 1000) break;
  }
  const type = kind === 'child' || kind === 'case' ? kind : null;
  const cols = COLUMNS[kind].filter(
    // A field the role may not read is never a column; one withheld on every row is left out too.
    (f) => f === 'id' || (type && mayRead(actor, type, f) && !rows.length) || rows.some((r) => f in r),
  );
  const columns: Column<Row>[] = cols.map((key) => ({
    key,
    header: key,
    value: (r: Row) => {
      const v = r[key];
      return v instanceof Date ? v.toISOString() : (v as Cell);
    },
  }));
  return tableFile(`${id}-${FIELD[kind]}`, columns, rows, 'csv');
}
