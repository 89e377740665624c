import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { missingMatch, missingRecord } from '../missing/missing.schema';
import { can, covers, jurisdictionWhere, type Actor, type Placement } from './policy';
import { permittedColumns, rowsWhere } from './fields';
import { rowRule } from './fields/load';
import type { ColumnSource } from './fields/columns';

/**
 * Who sees which missing-child report and found-child record, and how much of it (issues #11,
 * #12). Applied in the SQL query (src/missing/missing.repository.ts selects through
 * `recordProjection`), never by loading a record and trimming it afterwards. It is composed
 * with the permitted-fields policy (fields.ts, `missingRecord`, `missingMatch` and `photo` in
 * fields/policy.data.ts): the role's fields (`permittedColumns`) are selected, each guarded by
 * the view below; the role's rows (`rowsWhere`) are its own jurisdiction's; a role that reads
 * no matches sees no other district's record through one; and the CWC non-disclosure order
 * (JJ Act 2015 s.74) leaves initials for a report linked to a registry child under an order.
 *
 * A report is placed at the child's home district, a found child where the child was found.
 * A reader with `missing.read` gets:
 * - **own** — a record in the reader's jurisdiction: all of it.
 * - **full** — another district's record through a live match reaching into the reader's
 *   jurisdiction, once a reviewer of the record's own jurisdiction has agreed to that match
 *   (or the match is confirmed): all of it but what only its own district uses (the registry
 *   link, the village, moderation and bookkeeping).
 * - **compared** — the same before the record's own district has agreed: only what a reviewer
 *   needs to judge the pair, i.e. the fields the linkage engine compares (names, sex, age,
 *   parents' names, place, date, language, marks), the reporter's relation and masked phone
 *   and email; no address, no description, no police details, no registry link, no photo.
 * - **reference** — another district's record through a match that was rejected or
 *   superseded: its reference, kind, status and district only.
 * - nothing (404) otherwise.
 *
 * The photo is disclosed with the full view only. A child's photo identifies the child more
 * than any field (JJ Act 2015 s.74); a reviewer judges a proposed pair on the compared fields,
 * and the side that holds a photo shows it to the other district by agreeing to the match.
 * Either side may agree first: agreeing says "this may well be our child: let the other
 * district see our record" (the finding district typically agrees first, so that the home
 * district can show the parents the found child's photo).
 *
 * Confirming a match between two districts needs a reviewer (`missing.review`) of each side,
 * or the Child Welfare Committee of the report's district alone: the CWC decides on the
 * child's restoration (JJ Act 2015 s.37(1)(b), s.40). A reviewer whose jurisdiction covers both
 * sides confirms alone. Either side may reject alone (rejecting discloses nothing). Every view
 * of another district's record is audited against the viewer (src/missing/*.service.ts).
 */
export type MissingRecordView = 'own' | 'full' | 'compared' | 'reference';

/** The lowest view a field is shown at ('masked': shown masked at `compared`, in full from `full`). */
export type FieldLevel = 'reference' | 'compared' | 'masked' | 'full' | 'own';

type RecordColumn = keyof typeof missingRecord.$inferSelect;

/** The permitted fields of a missing/found record, per view: validated data, one place. */
export const MISSING_RECORD_FIELDS: Record<RecordColumn, FieldLevel> = {
  id: 'reference',
  reference: 'reference',
  kind: 'reference',
  status: 'reference',
  stateCode: 'reference',
  districtCode: 'reference',
  version: 'reference',
  // What the linkage engine compares (src/missing/domain/person.ts) and what says where a record comes from.
  name: 'compared',
  nameLocal: 'compared',
  aliases: 'compared',
  sex: 'compared',
  ageYears: 'compared',
  ageEstimated: 'compared',
  fatherName: 'compared',
  motherName: 'compared',
  language: 'compared',
  marks: 'compared',
  eventDate: 'compared',
  place: 'compared',
  eventPlace: 'compared',
  eventDistrictCode: 'compared',
  channel: 'compared',
  source: 'compared',
  reporterRelation: 'compared',
  createdAt: 'compared',
  updatedAt: 'compared',
  matchedAt: 'compared',
  reporterPhone: 'masked',
  reporterEmail: 'masked',
  address: 'full',
  guardianName: 'full',
  heightCm: 'full',
  weightKg: 'full',
  clothing: 'full',
  description: 'full',
  currentCare: 'full',
  currentPlace: 'full',
  reporterName: 'full',
  policeStation: 'full',
  firNumber: 'full',
  photoStoredName: 'full',
  photoContentType: 'full',
  photoSize: 'full',
  photoSha256: 'full',
  // The registry link and the record's own bookkeeping: its own district only.
  childId: 'own',
  villageId: 'own',
  subdistrictCode: 'own',
  blockCode: 'own',
  number: 'own',
  moderationReason: 'own',
  moderatedBy: 'own',
  moderatedAt: 'own',
  blockKeys: 'own',
  blockKeysModel: 'own',
  matchState: 'own',
  createdBy: 'own',
};

const VIEWS_AT: Record<FieldLevel, MissingRecordView[]> = {
  reference: ['own', 'full', 'compared', 'reference'],
  compared: ['own', 'full', 'compared'],
  masked: ['own', 'full'],
  full: ['own', 'full'],
  own: ['own'],
};

/** The in-memory twin of the projection (tests, and the web app's labels): is a field shown at a view? */
export function fieldShown(field: RecordColumn, view: MissingRecordView): 'yes' | 'masked' | 'no' {
  const level = MISSING_RECORD_FIELDS[field];
  if (VIEWS_AT[level].includes(view)) return 'yes';
  return level === 'masked' && view === 'compared' ? 'masked' : 'no';
}

const matchSide = (side: 'missing' | 'found') =>
  side === 'missing'
    ? { stateCode: missingMatch.missingStateCode, districtCode: missingMatch.missingDistrictCode }
    : { stateCode: missingMatch.foundStateCode, districtCode: missingMatch.foundDistrictCode };

/** Records the policy's row rule gives the actor (its jurisdiction; nothing for a role that reads no reports). */
export const missingRecordOwn = (actor: Actor): SQL => rowsWhere(actor, 'missingRecord', missingRecord);

/** Missing records carry an age, not a date of birth: no column of theirs depends on the day. */
const NO_DAY = { today: '1970-01-01' };

/** Matches of the record `recordId` whose other side lies in the actor's jurisdiction. */
export function matchesReachingActor(actor: Actor, recordId: AnyPgColumn): SQL {
  return or(
    and(eq(missingMatch.missingId, recordId), jurisdictionWhere(actor, matchSide('found'))),
    and(eq(missingMatch.foundId, recordId), jurisdictionWhere(actor, matchSide('missing'))),
  )!;
}

/**
 * Aggregates over `matchesReachingActor` (one row per record, in a LATERAL subquery): whether
 * one of them discloses the record in full, whether one is live, whether there is one at all.
 */
// Written out qualified: in a single-table select list drizzle leaves column names bare, and
// "id" inside the subquery would then be the match's own id, not the outer record's.
const m = (col: string) => sql.raw(`"missing_match"."${col}"`);
export const matchDisclosureAggregates = {
  full: sql<boolean>`coalesce(bool_or(${m('status')} = 'confirmed' OR (${m('status')} = 'proposed' AND CASE WHEN ${m('missing_id')} = "missing_record"."id" THEN ${m('missing_agreed_at')} ELSE ${m('found_agreed_at')} END IS NOT NULL)), false)`,
  live: sql<boolean>`coalesce(bool_or(${m('status')} IN ('proposed', 'confirmed')), false)`,
  seen: sql<boolean>`count(*) > 0`,
};

/** The view of each record row, from the aggregates of its matches (null: not visible). */
export function recordViewSql(
  actor: Actor,
  agg: { full: AnyPgColumn | SQL.Aliased; live: AnyPgColumn | SQL.Aliased; seen: AnyPgColumn | SQL.Aliased },
): SQL<MissingRecordView | null> {
  if (rowRule(actor.role, 'missingRecord') === 'none') return sql<null>`NULL::text`;
  // Another district's record is disclosed through a match: a role that reads no matches sees its own records only.
  if (rowRule(actor.role, 'missingMatch') === 'none')
    return sql<MissingRecordView | null>`CASE WHEN ${missingRecordOwn(actor)} THEN 'own' END`;
  return sql<MissingRecordView | null>`CASE WHEN ${missingRecordOwn(actor)} THEN 'own' WHEN ${agg.full} THEN 'full' WHEN ${agg.live} THEN 'compared' WHEN ${agg.seen} THEN 'reference' END`;
}

const phoneMask = (c: ColumnSource) =>
  sql`CASE WHEN ${c} IS NULL THEN NULL ELSE '••••••' || right(regexp_replace(${c}, '[^0-9]', '', 'g'), 2) END`;
const emailMask = (c: ColumnSource) =>
  sql`CASE WHEN ${c} IS NULL THEN NULL ELSE left(${c}, 1) || '•••@•••' || coalesce(substring(${c} from '\\.[^.@]*$'), '') END`;

/**
 * The select list of a record for a reader: the fields the actor's role may read
 * (`permittedColumns`, with the non-disclosure order applied in SQL), every one guarded by the
 * view (`view` is the SQL of `recordViewSql`): a column the view does not permit is NULL in
 * the result set, so it never leaves the database. Contact details are masked in SQL at the
 * compared view. Pass the rows through `shapeRow(row, 'missingRecord')`.
 */
export function recordProjection(actor: Actor, view: SQL | SQL.Aliased) {
  const base = permittedColumns(actor, 'missingRecord', NO_DAY);
  const out: Record<string, ColumnSource> = {};
  for (const [field, source] of Object.entries(base)) {
    const level = MISSING_RECORD_FIELDS[field as RecordColumn] as FieldLevel | undefined;
    if (!level) {
      out[field] = source; // the non-disclosure marker (fields.ts)
      continue;
    }
    const col = missingRecord[field as RecordColumn] as AnyPgColumn;
    if (level === 'reference') out[field] = sql`${source}`.mapWith(col);
    else if (level === 'masked') {
      const mask = field === 'reporterEmail' ? emailMask(source) : phoneMask(source);
      out[field] = sql`CASE WHEN ${view} IN ('own', 'full') THEN ${source} WHEN ${view} = 'compared' THEN ${mask} END`.mapWith(col);
    } else {
      const views = VIEWS_AT[level].map((v) => `'${v}'`).join(', ');
      out[field] = sql`CASE WHEN ${view} IN (${sql.raw(views)}) THEN ${source} END`.mapWith(col);
    }
  }
  return out as { [K in RecordColumn]: SQL<(typeof missingRecord.$inferSelect)[K] | null> };
}

/** The photo of a record for a reader: the policy's `photo` fields, shown at the own and full views only. */
export function photoProjection(actor: Actor, view: SQL | SQL.Aliased) {
  const out: Record<string, ColumnSource> = {};
  for (const [field, source] of Object.entries(permittedColumns(actor, 'photo', NO_DAY))) {
    out[field] =
      field === 'id' || field === 'recordId' || field.startsWith('__')
        ? source
        : sql`CASE WHEN ${view} IN ('own', 'full') THEN ${source} END`;
  }
  return out;
}

/** The columns of a match for a reader (the policy's `missingMatch` fields, the order applied to the stored pair). */
export const matchColumns = (actor: Actor) => permittedColumns(actor, 'missingMatch', NO_DAY);

/**
 * The matches the actor sees: those with a side in its jurisdiction (the policy's row rule
 * applied to each side), none for a role that reads no matches.
 */
export function matchRowsWhere(actor: Actor): SQL {
  return or(rowsWhere(actor, 'missingMatch', matchSide('missing')), rowsWhere(actor, 'missingMatch', matchSide('found')))!;
}

// ---------------------------------------------------------------- decisions on a match

export interface MatchSides {
  missing: Placement;
  found: Placement;
}

/**
 * What the actor's decision on a match counts for: agreement on behalf of the side(s) the
 * actor's jurisdiction covers; the CWC of the report's district confirms alone (JJ Act 2015
 * s.37(1)(b): the CWC orders restoration). Assumes `missing.review` was checked.
 */
export function matchDecisionRights(actor: Actor, sides: MatchSides) {
  const missingSide = covers(actor.scope, sides.missing);
  const foundSide = covers(actor.scope, sides.found);
  const cwcOfReport = missingSide && can(actor, 'cases.cwc');
  return { missingSide, foundSide, cwcOfReport, confirmsAlone: (missingSide && foundSide) || cwcOfReport };
}

/** A match across jurisdictions: one district's view of it is limited until the other side agrees. */
export const crossDistrict = (sides: MatchSides) =>
  sides.missing.stateCode !== sides.found.stateCode || sides.missing.districtCode !== sides.found.districtCode;

/**
 * Decided pairs in the labelled-pairs export: a side's person record is exported when the
 * reader sees that side in full (own jurisdiction, or a confirmed match); otherwise only its
 * district and state (the view a rejected match leaves).
 */
export function decidedSideVisible(actor: Actor, side: 'missing' | 'found'): SQL {
  return or(jurisdictionWhere(actor, matchSide(side)), eq(missingMatch.status, 'confirmed'))!;
}
