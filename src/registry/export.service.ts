import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import { tableFile, type Column } from '../exports/tables';
import { childConditions, listChildren } from './children.repository';
import { ageOn } from './age';
import { searchChildren, type ChildListQuery } from './children.service';

const MAX_EXPORT_ROWS = 100_000;

type Row = Awaited<ReturnType<typeof listChildren>>[number] & { careStatus?: string; schoolStatus?: string | null };

export async function exportChildren(ctx: AppContext, actor: Actor, query: ChildListQuery, format: 'csv' | 'xlsx') {
  requirePermission(actor, 'registry.export');
  const { q, page: _p, pageSize: _s, ...filter } = query;
  const today = ctx.now();
  // With a name search the export holds what the search shows; without, every filtered row.
  const rows = (q?.trim()
    ? await searchChildren(ctx, actor, 'full', q, filter, today)
    : await listChildren(ctx.db, actor, 'full', childConditions(actor, filter, today), MAX_EXPORT_ROWS, 0)) as Row[];
  const columns: Column<Row>[] = [
    { key: 'id', header: 'id', value: (r) => r.id },
    { key: 'name', header: 'name', value: (r) => r.name },
    { key: 'nameLocal', header: 'name_local', value: (r) => r.nameLocal },
    { key: 'sex', header: 'sex', value: (r) => r.sex },
    { key: 'age', header: 'age', value: (r) => ageOn(r.dob, today) },
    { key: 'dob', header: 'dob', value: (r) => r.dob },
    { key: 'careStatus', header: 'care_status', value: (r) => r.careStatus },
    { key: 'schoolStatus', header: 'school_status', value: (r) => r.schoolStatus },
    { key: 'districtCode', header: 'district_lgd', value: (r) => r.districtCode },
    { key: 'villageId', header: 'village_id', value: (r) => r.villageId },
  ];
  await audit(ctx.db, actor, 'export', 'child', null, null, { ids: rows.map((r) => r.id), format }, { children: rows.map((r) => r.id) });
  return tableFile('children', columns, rows, format);
}
