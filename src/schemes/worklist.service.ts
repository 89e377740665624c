import { and, inArray } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { badRequest } from '../http/errors';
import { audit } from '../audit/audit.service';
import { family } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { tableFile, type Column } from '../exports/tables';
import { catalogueOf } from './catalogue.service';
import { scanFamilies, visibleFamily } from './facts.repository';
import { areaWhere, resolveArea } from './area';
import { requireSchemesRecord, todayIn } from './schemes.access';
import { subjectsOf } from './suggestions.service';
import { compileCatalogue, suggestEach } from './suggest';
import type { DocumentType } from './documents';
import type { LocalisedName, Subject } from './scheme';

export interface WorklistQuery {
  locationId?: string;
  schemeId?: string;
  /** eligible (default): the engine is sure; maybe: a recorded fact would decide it. */
  status?: 'eligible' | 'maybe';
  page: number;
  pageSize: number;
}

export interface WorklistScheme {
  schemeId: string;
  schemeName: LocalisedName;
  subject: Subject;
  subjects: { id: string; name: string; age?: number | null }[];
  missingDocuments: DocumentType[];
  annualValue: number;
}

export interface WorklistRow {
  familyId: string;
  headName: string;
  headNameLocal: string | null;
  villageId: string | null;
  villageName: string | null;
  districtCode: number;
  schemes: WorklistScheme[];
}

/**
 * Families in the actor's jurisdiction (filtered in SQL) with a child, the household or
 * the caregiver eligible for a scheme they have no open application for. The whole
 * jurisdiction goes through the batch engine (rules compiled once, families streamed a
 * thousand at a time); only the page asked for is returned.
 */
export async function computeWorklist(ctx: AppContext, actor: Actor, q: Omit<WorklistQuery, 'page' | 'pageSize'>) {
  requireSchemesRecord(actor);
  const area = await resolveArea(ctx.db, actor, q.locationId);
  const state = await catalogueOf(ctx.db);
  let catalogue = state.compiled;
  if (q.schemeId) {
    const s = state.byId.get(q.schemeId);
    if (!s) throw badRequest('schemeId', `no scheme "${q.schemeId}" in the catalogue`);
    catalogue = compileCatalogue([s]);
  }
  const status = q.status ?? 'eligible';
  const asOf = todayIn(ctx);
  const now = ctx.now();
  const rows: WorklistRow[] = [];
  const where = and(visibleFamily(actor), areaWhere(area, family))!;
  for await (const batch of scanFamilies(ctx.db, actor, where)) {
    const open = new Set(batch.open.map((a) => `${a.schemeId}|${a.subjectId}`));
    const byId = new Map(batch.families.map((f) => [f.id, f]));
    // Members and children grouped once per batch (subjectsOf filters what it is given).
    const people = new Map<string, { members: typeof batch.members; children: typeof batch.children }>();
    const of = (id: string) => {
      let p = people.get(id);
      if (!p) people.set(id, (p = { members: [], children: [] }));
      return p;
    };
    for (const m of batch.members) of(m.familyId).members.push(m);
    for (const c of batch.children) if (c.familyId) of(c.familyId).children.push(c);
    for (const fs of suggestEach(catalogue, batch.inputs, asOf, { detail: 'status', include: [status] })) {
      const todo = fs.suggestions.filter((s) => !open.has(`${s.schemeId}|${s.subjectId}`));
      if (!todo.length) continue;
      const fam = byId.get(fs.familyId)!;
      const who = subjectsOf(fam, people.get(fam.id) ?? { members: [], children: [] }, now);
      const schemes = new Map<string, WorklistScheme>();
      for (const s of todo) {
        let w = schemes.get(s.schemeId);
        if (!w) {
          w = {
            schemeId: s.schemeId,
            schemeName: s.schemeName,
            subject: s.subject,
            subjects: [],
            missingDocuments: [],
            annualValue: s.annualValue,
          };
          schemes.set(s.schemeId, w);
        }
        const info = who.get(s.subjectId);
        w.subjects.push({ id: s.subjectId, name: info?.name ?? s.subjectId, ...(info?.kind === 'child' ? { age: info.age } : {}) });
        for (const m of s.missingDocuments) if (!w.missingDocuments.includes(m.doc)) w.missingDocuments.push(m.doc);
      }
      rows.push({
        familyId: fam.id,
        headName: fam.headName,
        headNameLocal: fam.headNameLocal,
        villageId: fam.villageId,
        villageName: null,
        districtCode: fam.districtCode,
        schemes: [...schemes.values()],
      });
    }
  }
  const villageIds = [...new Set(rows.map((r) => r.villageId).filter((v): v is string => !!v))];
  const names = villageIds.length
    ? new Map(
        (await ctx.db.select({ id: location.id, name: location.name }).from(location).where(inArray(location.id, villageIds))).map((l) => [
          l.id,
          l.name,
        ]),
      )
    : new Map<string, string>();
  for (const r of rows) r.villageName = r.villageId ? (names.get(r.villageId) ?? null) : null;
  rows.sort(
    (a, b) =>
      (a.villageName ?? '').localeCompare(b.villageName ?? '') ||
      a.headName.localeCompare(b.headName) ||
      a.familyId.localeCompare(b.familyId),
  );
  const byScheme: Record<string, number> = {};
  for (const r of rows) for (const s of r.schemes) byScheme[s.schemeId] = (byScheme[s.schemeId] ?? 0) + 1;
  return { asOf, status, schemeId: q.schemeId ?? null, locationId: area?.id ?? null, rows, byScheme, catalogueSeq: state.seq };
}

/** Whom worklist rows name: their families and the children a scheme is for (the caregiver's id is `<family>:caregiver`). */
function disclosed(rows: WorklistRow[]) {
  return {
    families: rows.map((r) => r.familyId),
    children: rows.flatMap((r) =>
      r.schemes.flatMap((s) => s.subjects.filter((x) => x.id !== r.familyId && !x.id.includes(':')).map((x) => x.id)),
    ),
  };
}

export async function worklist(ctx: AppContext, actor: Actor, q: WorklistQuery) {
  const w = await computeWorklist(ctx, actor, q);
  const items = w.rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  await audit(
    ctx.db,
    actor,
    'list',
    'family',
    null,
    null,
    { view: 'scheme_worklist', ids: items.map((i) => i.familyId), total: w.rows.length, schemeId: q.schemeId ?? null },
    disclosed(items),
  );
  const { rows: _rows, ...meta } = w;
  return { ...meta, items, total: w.rows.length, page: q.page, pageSize: q.pageSize };
}

interface ExportRow {
  row: WorklistRow;
  scheme: WorklistScheme;
}

export async function exportWorklist(ctx: AppContext, actor: Actor, q: Omit<WorklistQuery, 'page' | 'pageSize'>, format: 'csv' | 'xlsx') {
  requirePermission(actor, 'registry.export');
  const w = await computeWorklist(ctx, actor, q);
  const flat: ExportRow[] = w.rows.flatMap((row) => row.schemes.map((scheme) => ({ row, scheme })));
  const columns: Column<ExportRow>[] = [
    { key: 'familyId', header: 'family_id', value: (r) => r.row.familyId },
    { key: 'headName', header: 'head_name', value: (r) => r.row.headName },
    { key: 'headNameLocal', header: 'head_name_local', value: (r) => r.row.headNameLocal },
    { key: 'village', header: 'village', value: (r) => r.row.villageName },
    { key: 'villageId', header: 'village_id', value: (r) => r.row.villageId },
    { key: 'district', header: 'district_lgd', value: (r) => r.row.districtCode },
    { key: 'schemeId', header: 'scheme_id', value: (r) => r.scheme.schemeId },
    { key: 'scheme', header: 'scheme', value: (r) => r.scheme.schemeName.en },
    { key: 'for', header: 'for', value: (r) => r.scheme.subject },
    {
      key: 'subjects',
      header: 'who',
      value: (r) => r.scheme.subjects.map((s) => (s.age != null ? `${s.name} (${s.age})` : s.name)).join('; '),
    },
    { key: 'status', header: 'status', value: () => w.status },
    { key: 'missing', header: 'missing_documents', value: (r) => r.scheme.missingDocuments.join('; ') },
    { key: 'asOf', header: 'as_of', value: () => w.asOf },
  ];
  await audit(
    ctx.db,
    actor,
    'export',
    'family',
    null,
    null,
    { view: 'scheme_worklist', ids: w.rows.map((r) => r.familyId), format, schemeId: q.schemeId ?? null },
    disclosed(w.rows),
  );
  return tableFile(`scheme-worklist-${w.asOf}`, columns, flat, format);
}
