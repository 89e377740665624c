import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { mayRead, shapeRow } from '../access/fields';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { tableFile, type Column } from '../exports/tables';
import { childConditions, listChildren } from './children.repository';
import { searchChildren, type ChildListQuery } from './children.service';

const MAX_EXPORT_ROWS = 100_000;

type Row = Record<string, unknown> & { id: string };
type Cell = string | number | boolean | null | undefined;

/**
 * The filtered list as a file: the same rows and fields the actor may read (selected through
 * the permitted-fields policy), so a column the role may not see is not in the file and a child
 * under a CWC non-disclosure order has initials and no date of birth (JJ Act 2015 s.74).
 */
export async function exportChildren(ctx: AppContext, actor: Actor, query: ChildListQuery, format: 'csv' | 'xlsx') {
  requirePermission(actor, 'registry.export');
  const { q, page: _p, pageSize: _s, ...filter } = query;
  const now = ctx.now();
  // With a name search the export holds what the search shows; without, every filtered row.
  const rows: Row[] = (
    q?.trim()
      ? await searchChildren(ctx, actor, q, filter, now)
      : await listChildren(ctx.db, actor, childConditions(actor, filter, now), MAX_EXPORT_ROWS, 0, istToday(now))
  ).map((r) => shapeRow(r, 'child'));
  const all: [field: string, header: string][] = [
    ['id', 'id'],
    ['name', 'name'],
    ['nameLocal', 'name_local'],
    ['sex', 'sex'],
    ['age', 'age'],
    ['dob', 'dob'],
    ['careStatus', 'care_status'],
    ['schoolStatus', 'school_status'],
    ['districtCode', 'district_lgd'],
    ['villageId', 'village_id'],
  ];
  const columns: Column<Row>[] = all
    .filter(([field]) => mayRead(actor, 'child', field))
    .map(([key, header]) => ({ key, header, value: (r: Row) => r[key] as Cell }));
  await audit(ctx.db, actor, 'export', 'child', null, null, { ids: rows.map((r) => r.id), format }, { children: rows.map((r) => r.id) });
  return tableFile('children', columns, rows, format);
}
