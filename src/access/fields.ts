import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { HttpError } from '../http/errors';
import { covers, jurisdictionWhere, type Actor, type Placement, type ScopeColumns } from './policy';
import type { Role } from './roles';
import { DEPARTMENT_KINDS } from '../convergence/domain/types';
import { caseAccessColumn, caseVisibleWhere } from '../cases/cases.access';
import { caseRecord as caseRecordColumns } from '../cases/cases.schema';
import {
  FIELD_POLICY,
  readableFields,
  readSetName,
  rowRule,
  identityFields,
  writableFields,
  RECORD_TYPES,
  type RecordType,
  type RowRule,
} from './fields/load';
import { columnMap, type ColumnContext, type ColumnSource } from './fields/columns';
import { identityWithheld, identityWithheldWhere, initialsOf, initialsSql, nameSearchable, type OrderedCase } from './fields/identity';

/**
 * The permitted-fields policy (the idea of Primero's PermittedFieldService, applied in the
 * query). The data is in fields/policy.data.ts (validated at load by fields/load.ts); this
 * module composes it with the jurisdiction rule (policy.ts), the case rule
 * (src/cases/cases.access.ts) and the CWC non-disclosure order (fields/identity.ts):
 *
 * - `permittedColumns(actor, type, ctx)`: the Drizzle select object of the fields the actor
 *   may read. A field that is not permitted is not selected; under a non-disclosure order the
 *   identifying fields come back as initials or NULL from the database, and `shapeRow` turns
 *   those NULLs into ABSENT keys and names them in `withheld`.
 * - `rowsWhere(actor, type, cols)`: which records of the type the actor sees at all.
 * - `requireWritable(actor, type, fields)`: a write naming a field the role may not write is
 *   refused (403 naming the field), and nothing is written.
 * - `evaluateRecord(actor, type, facts)`: the same rules in plain code, for one record; the
 *   property test (fields.property.test.ts) checks the SQL and this agree.
 */
export { FIELD_POLICY, RECORD_TYPES, readableFields, readSetName, identityWithheld, identityWithheldWhere, initialsOf, nameSearchable };
export type { RecordType, RowRule, OrderedCase, ColumnContext };

/** Marker column: the row is identity-withheld (removed by `shapeRow`). */
const ND = '__identityWithheld';

/** The department of the actor's organisation, when it is one the convergence matrix knows. */
export function departmentOf(actor: Actor): string | null {
  return (DEPARTMENT_KINDS as readonly string[]).includes(actor.organisationKind ?? '') ? actor.organisationKind : null;
}

/** The registry view the role gets (the thin `registryView` of policy.ts, from the data). */
export function registryViewOf(role: Role): 'full' | 'minimal' | null {
  const v = readSetName(role, 'child');
  return v === 'full' || v === 'minimal' ? v : null;
}

/** True when the actor may read the field of the type (before any non-disclosure order). */
export function mayRead(actor: Actor, type: RecordType, field: string): boolean {
  return readableFields(actor.role, type).has(field);
}

/** The fields of the type the role does not get at all (for the web app to label as withheld). */
export function roleWithheld(actor: Actor, type: RecordType): string[] {
  const can = readableFields(actor.role, type);
  return FIELD_POLICY.records[type].fields.filter((f: string) => !can.has(f));
}

/**
 * The columns to SELECT for the actor: only permitted fields, with the non-disclosure order
 * applied in SQL. Pass `extra` for columns the caller needs that are not part of the record
 * (they are selected as given).
 */
export function permittedColumns(
  actor: Actor,
  type: RecordType,
  ctx: ColumnContext,
  /**
   * `oneIdentityCheck`: the non-disclosure check evaluated once per row, not once per identifying
   * column: the withheld fields travel in one jsonb column (`IDENTITY_BUNDLE`) built under one
   * CASE, which `shapeRow` unpacks. For types whose withheld fields are all text, jsonb, numbers
   * or booleans (they decode alike from JSON) and none is shown as initials; otherwise ignored.
   */
  opts: { oneIdentityCheck?: boolean; identityWithheld?: SQL<boolean> } = {},
): Record<string, ColumnSource> {
  const map = columnMap(type, ctx);
  const can = readableFields(actor.role, type);
  const { initials, withhold } = identityFields(type);
  const identityRead = [...initials, ...withhold].some((f) => can.has(f));
  // `identityWithheld`: the same check on the same subject, already evaluated once for the row by
  // the caller (caseViewJoin), instead of one sub-plan per identifying column.
  const nd = identityRead ? (opts.identityWithheld ?? identityWithheldWhere(actor, map.subject)) : null;
  const bundled =
    nd && opts.oneIdentityCheck && !initials.some((f) => can.has(f))
      ? withhold.filter((f) => can.has(f) && f in map.cols && jsonAlike(map.cols[f]))
      : [];
  const out: Record<string, ColumnSource> = {};
  for (const [field, source] of Object.entries(map.cols)) {
    if (!can.has(field) || bundled.includes(field)) continue;
    if (nd && initials.includes(field)) out[field] = sql`CASE WHEN ${nd} THEN ${initialsSql(source)} ELSE ${source} END`;
    else if (nd && withhold.includes(field)) out[field] = decodeLike(sql`CASE WHEN ${nd} THEN NULL ELSE ${source} END`, source);
    else out[field] = source;
  }
  if (nd && bundled.length && bundled.length === withhold.filter((f) => can.has(f)).length) {
    // One evaluation of the order per row: {"__nd": true, field: null…} under an order, else the fields.
    const pairs = (withValues: boolean) =>
      sql.join(
        bundled.map((f) => sql`${f}::text, ${withValues ? map.cols[f] : sql`NULL`}`),
        sql`, `,
      );
    out[IDENTITY_BUNDLE] =
      sql`CASE WHEN ${nd} THEN jsonb_build_object('__nd', true, ${pairs(false)}) ELSE jsonb_build_object(${pairs(true)}) END`;
  } else if (nd) {
    for (const f of bundled) out[f] = decodeLike(sql`CASE WHEN ${nd} THEN NULL ELSE ${map.cols[f]} END`, map.cols[f]);
    out[ND] = sql<boolean>`${nd}`.mapWith(Boolean);
  }
  return out;
}

/** Marker column of `oneIdentityCheck`: the withheld fields in one jsonb (unpacked by `shapeRow`). */
const IDENTITY_BUNDLE = '__identityFields';
const JSON_ALIKE = new Set(['PgText', 'PgJsonb', 'PgDoublePrecision', 'PgInteger', 'PgBoolean', 'PgUUID', 'PgVarchar']);
const jsonAlike = (source: ColumnSource) => 'columnType' in source && JSON_ALIKE.has((source as { columnType: string }).columnType);

/**
 * The non-disclosure order applied to columns a module selects for its own purpose (e.g. the
 * eligibility engine, which needs the date of birth but shows only names): the listed
 * identifying fields of the type become initials or NULL under an order the actor may not see
 * past. The caller passes the rows through `shapeRow`.
 */
export function identityColumns<C extends Record<string, ColumnSource>>(
  actor: Actor,
  type: RecordType,
  subject: Parameters<typeof identityWithheldWhere>[1],
  cols: C,
  only: readonly string[],
): C {
  const nd = identityWithheldWhere(actor, subject);
  const { initials, withhold } = identityFields(type);
  const out: Record<string, ColumnSource> = { ...cols };
  for (const f of only) {
    if (!(f in cols)) continue;
    if (initials.includes(f)) out[f] = sql`CASE WHEN ${nd} THEN ${initialsSql(cols[f])} ELSE ${cols[f]} END`;
    else if (withhold.includes(f)) out[f] = decodeLike(sql`CASE WHEN ${nd} THEN NULL ELSE ${cols[f]} END`, cols[f]);
  }
  out[ND] = sql<boolean>`${nd}`.mapWith(Boolean);
  return out as C;
}

function decodeLike(expr: SQL, source: ColumnSource): SQL {
  return 'mapFromDriverValue' in source ? expr.mapWith(source as AnyPgColumn) : expr;
}

/**
 * A case read once for whichever view the actor gets (issue #19: the case was read twice, once for
 * the access level and once for that level's columns). `caseViewJoin` adds a LATERAL `case_view`
 * holding the case rule's answer (`access`: caseAccessColumn) and the view whose fields may be
 * read (`view`: the access, where `rowsWhere` of that view's record type lets the row through);
 * `caseViewColumns` selects every field of the 'case' and 'caseReferral' read sets wrapped in
 * `CASE WHEN case_view.view = …`, so a field leaves the database only under the view that permits
 * it, non-disclosure applied as in `permittedColumns`. `caseViewRow` keeps the view's fields.
 */
const CASE_VIEWS = [
  ['full', 'case'],
  ['referral', 'caseReferral'],
] as const;

export function caseViewJoin(actor: Actor): SQL {
  const gate = (type: RecordType) => (rowRule(actor.role, type) === 'case_access' ? sql`true` : rowsWhere(actor, type, caseRecordColumns));
  // OFFSET 0 keeps PostgreSQL from pulling the sub-queries up into the outer query, where each
  // reference to `case_view.view` became a copy of the case rule, and each copy a sub-plan of its
  // own reading every case_referral partition: 92 sub-plans in a case read (issue #19, docs/SCALE.md §2).
  // The non-disclosure check of the case's child (the subject of both views, fields/columns.ts),
  // once per row (`nd`), for `caseViewColumns`; PostgreSQL drops it where no column reads it.
  return sql`LATERAL (SELECT a.access, CASE WHEN a.access = 'full' AND (${gate('case')}) THEN 'full'
    WHEN a.access = 'referral' AND (${gate('caseReferral')}) THEN 'referral' END AS view,
    ${identityWithheldWhere(actor, CASE_SUBJECT)} AS nd
    FROM (SELECT ${caseAccessColumn(actor)} AS access OFFSET 0) a OFFSET 0) AS case_view`;
}

const CASE_SUBJECT = { childId: caseRecordColumns.childId };

export function caseViewColumns(actor: Actor, ctx: ColumnContext): Record<string, ColumnSource> {
  const out: Record<string, ColumnSource> = {
    [`${CASE_VIEW_KEY}access`]: sql<string | null>`case_view.access`,
    [`${CASE_VIEW_KEY}view`]: sql<string | null>`case_view.view`,
  };
  for (const [view, type] of CASE_VIEWS)
    for (const [field, source] of Object.entries(permittedColumns(actor, type, ctx, { identityWithheld: sql<boolean>`case_view.nd` }))) {
      const expr = sql`CASE WHEN case_view.view = ${view} THEN ${source} END`;
      out[`${view}:${field}`] =
        'mapFromDriverValue' in source
          ? expr.mapWith(source as AnyPgColumn)
          : expr.mapWith((source as unknown as { decoder: DecoderLike }).decoder);
    }
  return out;
}

type DecoderLike = { mapFromDriverValue: (v: unknown) => unknown };
const CASE_VIEW_KEY = 'case_view:';

/** The access, the view and the view's fields (as `permittedColumns` would have selected them) of a row selected with `caseViewColumns`. */
export function caseViewRow(raw: Record<string, unknown>): {
  access: 'full' | 'referral' | null;
  view: 'full' | 'referral' | null;
  fields: Record<string, unknown>;
} {
  const view = raw[`${CASE_VIEW_KEY}view`] as 'full' | 'referral' | null;
  const fields: Record<string, unknown> = {};
  if (view) for (const [k, v] of Object.entries(raw)) if (k.startsWith(`${view}:`)) fields[k.slice(view.length + 1)] = v;
  return { access: raw[`${CASE_VIEW_KEY}access`] as 'full' | 'referral' | null, view, fields };
}

/** What a shaped row carries besides its fields. */
export interface WithheldMarks {
  /** Fields of this record absent from the response (JJ Act 2015 s.74). */
  withheld?: string[];
  /** The name is initials only (a CWC non-disclosure order). */
  initialsOnly?: true;
}

/**
 * A row as it may leave the server: under a non-disclosure order the withheld fields are
 * removed (absent, not null) and listed in `withheld`; `roleLevel` adds the fields the role
 * never gets (for a single record's page).
 */
export function shapeRow<T extends Record<string, unknown>>(row: T, type: RecordType, actor?: Actor, roleLevel = false): T & WithheldMarks {
  const { [ND]: flag, [IDENTITY_BUNDLE]: bundle, ...rest } = row as Record<string, unknown>;
  const out = rest as Record<string, unknown>;
  let nd = flag;
  if (bundle && typeof bundle === 'object') {
    const { __nd, ...fields } = bundle as Record<string, unknown>;
    Object.assign(out, fields);
    nd = __nd === true;
  }
  const withheld: string[] = roleLevel && actor ? roleWithheld(actor, type) : [];
  if (nd === true) {
    const { withhold, initials } = identityFields(type);
    for (const f of withhold)
      if (f in out) {
        delete out[f];
        withheld.push(f);
      }
    if (initials.some((f) => f in out)) out.initialsOnly = true;
  }
  if (withheld.length) out.withheld = withheld;
  return out as T & WithheldMarks;
}

/** True when the row (selected through `permittedColumns`) is under a non-disclosure order for the actor. */
export function isIdentityWithheld(row: Record<string, unknown>): boolean {
  const bundle = row[IDENTITY_BUNDLE] as { __nd?: boolean } | null | undefined;
  return row[ND] === true || bundle?.__nd === true;
}

export interface RowColumns extends ScopeColumns {
  department?: AnyPgColumn;
  /** The organisation a record belongs to (rule own_organisation: a stay's institution, a pathway's NGO). */
  organisation?: AnyPgColumn;
}

/**
 * SQL: the records of the type the actor may see at all. `case_access` types follow the case
 * rule (src/cases/cases.access.ts): the whole case ('case', 'attachment') where the actor has
 * full access, the referred part ('caseReferral') where only a referral to its organisation
 * lets it see the case; the columns are the case record's.
 */
export function rowsWhere(actor: Actor, type: RecordType, cols: RowColumns): SQL {
  const rule = rowRule(actor.role, type);
  switch (rule) {
    case 'jurisdiction':
      return jurisdictionWhere(actor, cols);
    case 'own_department': {
      const dept = departmentOf(actor);
      return dept && cols.department ? and(jurisdictionWhere(actor, cols), eq(cols.department, dept))! : sql`false`;
    }
    case 'own_organisation':
      return actor.organisationId && cols.organisation
        ? and(jurisdictionWhere(actor, cols), eq(cols.organisation, actor.organisationId))!
        : sql`false`;
    case 'case_access':
      return type === 'caseReferral' ? sql`${caseAccessColumn(actor)} = 'referral'` : caseVisibleWhere(actor);
    case 'none':
      return sql`false`;
  }
}

/**
 * Refuses a write naming a field the role may not write (403, the field in `issues`), or an
 * identifying field of a record under a non-disclosure order the actor may not identify.
 */
export function requireWritable(
  actor: Actor,
  type: RecordType,
  fields: readonly string[],
  opts: {
    identityWithheld?: boolean;
    /** How the request names a policy field (a photo's `content` is the upload `photo`). */ as?: Record<string, string>;
  } = {},
): void {
  const allowed = new Set(writableFields(actor.role, type));
  const { initials, withhold } = identityFields(type);
  const hidden = new Set(opts.identityWithheld ? [...initials, ...withhold] : []);
  const refused = fields.filter((f) => f !== 'version' && (!allowed.has(f) || hidden.has(f)));
  if (!refused.length) return;
  const why = (f: string) =>
    hidden.has(f)
      ? `withheld from you by a CWC non-disclosure order (${FIELD_POLICY.nonDisclosure.citation})`
      : `your role (${actor.role}) may not change this field`;
  const named = (f: string) => opts.as?.[f] ?? f;
  throw new HttpError(
    403,
    'field_forbidden',
    `You may not change ${refused.map(named).join(', ')}`,
    refused.map((f) => ({ field: named(f), message: why(f) })),
  );
}

/** What the plain rule needs to know about one record. */
export interface RecordFacts extends Placement {
  /** The department a record is addressed to (document requests, action items). */
  department?: string | null;
  /** The organisation the record belongs to (rule own_organisation). */
  organisationId?: string | null;
  /** The case rule's answer for this actor (case record types). */
  caseAccess?: 'full' | 'referral' | null;
  /** The cases of the record's child/family under a non-disclosure order. */
  orderedCases: readonly OrderedCase[];
}

/** The plain rule for one record: visible or not, the fields that come back, initials or not. */
export function evaluateRecord(actor: Actor, type: RecordType, facts: RecordFacts, mapped?: Iterable<string>) {
  const rule = rowRule(actor.role, type);
  const visible =
    rule === 'jurisdiction'
      ? covers(actor.scope, facts)
      : rule === 'own_department'
        ? covers(actor.scope, facts) && !!departmentOf(actor) && facts.department === departmentOf(actor)
        : rule === 'own_organisation'
          ? covers(actor.scope, facts) && !!actor.organisationId && facts.organisationId === actor.organisationId
          : rule === 'case_access'
            ? facts.caseAccess === (type === 'caseReferral' ? 'referral' : 'full')
            : false;
  if (!visible) return { visible, fields: new Set<string>(), initialsOnly: false };
  const can = readableFields(actor.role, type);
  const fields = new Set([...(mapped ?? can)].filter((f) => can.has(f)));
  const { initials, withhold } = identityFields(type);
  const identityRead = [...initials, ...withhold].some((f) => can.has(f));
  const nd = identityRead && identityWithheld(actor, facts.orderedCases);
  if (nd) for (const f of withhold) fields.delete(f);
  return { visible, fields, initialsOnly: nd && initials.some((f) => fields.has(f)) };
}

/** The names of the fields a column map provides for a type (for tests and docs). */
export function mappedFields(type: RecordType): string[] {
  return Object.keys(columnMap(type, { today: '2000-01-01' }).cols);
}
