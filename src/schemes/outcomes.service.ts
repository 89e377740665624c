import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { badRequest } from '../http/errors';
import { audit } from '../audit/audit.service';
import { tableFile, type Column } from '../exports/tables';
import { catalogueOf } from './catalogue.service';
import { childLevel, resolveArea } from './area';
import { applicationSteps, documentsSecured, familiesPerArea, locationNames, type GroupLevel } from './outcomes.repository';
import { computeOutcomes, monthsBetween, type AreaFigures, type MonthFigures } from './outcomes';
import { todayIn } from './schemes.access';

export interface OutcomesQuery {
  locationId?: string;
  from?: string;
  to?: string;
  groupBy?: GroupLevel;
}

const MAX_MONTHS = 60;

function firstOfMonthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Families linked to at least one scheme, children receiving each scheme and documents
 * secured, per place (one level down from the place asked about) and per month, computed
 * from the application steps and document records in the actor's jurisdiction.
 */
export async function schemeOutcomes(ctx: AppContext, actor: Actor, q: OutcomesQuery) {
  requirePermission(actor, 'schemes.read');
  const today = todayIn(ctx);
  const to = q.to ?? today;
  const from = q.from ?? firstOfMonthsBefore(to, 11);
  if (to > today) throw badRequest('to', `${to} is in the future`);
  if (from > to) throw badRequest('from', `must not be after "to" (${to})`);
  if (monthsBetween(from, to).length > MAX_MONTHS) throw badRequest('from', `a report covers at most ${MAX_MONTHS} months`);
  const area = await resolveArea(ctx.db, actor, q.locationId);
  const level = q.groupBy ?? childLevel(area, actor);
  const [state, families, steps, secured] = await Promise.all([
    catalogueOf(ctx.db),
    familiesPerArea(ctx.db, actor, area, level),
    applicationSteps(ctx.db, actor, area, level, to),
    documentsSecured(ctx.db, actor, area, level, from, to),
  ]);
  const out = computeOutcomes({ from, to, families: families.map((f) => ({ key: f.key, n: Number(f.n) })), steps, secured });
  const names = await locationNames(
    ctx.db,
    out.areas.map((a) => a.key),
  );
  await audit(
    ctx.db,
    actor,
    'report',
    'scheme_outcomes',
    area?.id ?? null,
    area ? { stateCode: area.stateCode, districtCode: area.districtCode ?? undefined } : null,
    { from, to, groupBy: level },
  );
  const schemeName = (id: string) => state.byId.get(id)?.name ?? { en: id, hi: id, mr: id };
  const label = (a: AreaFigures) => {
    const n = names.get(a.key);
    return { id: a.key, name: n?.name ?? a.key, nameLocal: n?.nameLocal ?? null, level };
  };
  return {
    area: area ? { id: area.id, name: area.name, nameLocal: area.nameLocal, level: area.level } : null,
    from,
    to,
    groupBy: level,
    schemes: out.schemes.map((id) => ({ id, name: schemeName(id) })),
    totals: strip(out.all),
    months: out.all.months,
    areas: out.areas.map((a) => ({ ...label(a), ...strip(a), months: a.months })),
  };
}

function strip(a: AreaFigures) {
  const { months: _m, key: _k, ...rest } = a;
  return rest;
}

interface ExportRow {
  areaId: string;
  areaName: string;
  level: string;
  families: number;
  m: MonthFigures;
}

export async function exportOutcomes(ctx: AppContext, actor: Actor, q: OutcomesQuery, format: 'csv' | 'xlsx') {
  const r = await schemeOutcomes(ctx, actor, q);
  const docTypes = [...new Set(r.months.flatMap((m) => Object.keys(m.documentsSecuredByType)))].sort();
  const rows: ExportRow[] = [
    ...r.months.map((m) => ({
      areaId: r.area?.id ?? 'all',
      areaName: r.area?.name ?? 'All (your jurisdiction)',
      level: r.area?.level ?? 'all',
      families: r.totals.families,
      m,
    })),
    ...r.areas.flatMap((a) => a.months.map((m) => ({ areaId: a.id, areaName: a.name, level: a.level, families: a.families, m }))),
  ];
  const columns: Column<ExportRow>[] = [
    { key: 'areaId', header: 'area_id', value: (x) => x.areaId },
    { key: 'areaName', header: 'area', value: (x) => x.areaName },
    { key: 'level', header: 'level', value: (x) => x.level },
    { key: 'month', header: 'month', value: (x) => x.m.month },
    { key: 'families', header: 'families_registered', value: (x) => x.families },
    { key: 'linked', header: 'families_linked', value: (x) => x.m.familiesLinked },
    { key: 'newly', header: 'families_newly_linked', value: (x) => x.m.newlyLinked },
    { key: 'any', header: 'children_receiving_any_scheme', value: (x) => x.m.childrenReceivingAny },
    ...r.schemes.map((s) => ({
      key: `recv_${s.id}`,
      header: `children_receiving:${s.id}`,
      value: (x: ExportRow) => x.m.childrenReceiving[s.id] ?? 0,
    })),
    { key: 'docs', header: 'documents_secured', value: (x) => x.m.documentsSecured },
    { key: 'certs', header: 'certificates_secured', value: (x) => x.m.certificatesSecured },
    ...docTypes.map((t) => ({
      key: `doc_${t}`,
      header: `documents_secured:${t}`,
      value: (x: ExportRow) => x.m.documentsSecuredByType[t] ?? 0,
    })),
  ];
  return tableFile(`scheme-outcomes-${r.from}-to-${r.to}`, columns, rows, format);
}
