import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { child, document, family } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { schemeApplication, schemeApplicationStep } from './schemes.schema';
import { areaWhere, type Area } from './area';

export type GroupLevel = 'district' | 'subdistrict' | 'village';

type KeyCols = {
  districtCode: typeof family.districtCode | typeof child.districtCode | typeof schemeApplication.districtCode;
  subdistrictCode: typeof family.subdistrictCode | typeof child.subdistrictCode | typeof schemeApplication.subdistrictCode;
  villageId: typeof family.villageId | typeof child.villageId | typeof schemeApplication.villageId;
};

/** The location id a row is counted under at this level ('di:468', 'sd:4009', a village id). */
function keyOf(level: GroupLevel, t: KeyCols): SQL<string | null> {
  switch (level) {
    case 'district':
      return sql<string>`'di:' || ${t.districtCode}::text`;
    case 'subdistrict':
      return sql<string | null>`CASE WHEN ${t.subdistrictCode} IS NULL THEN NULL ELSE 'sd:' || ${t.subdistrictCode}::text END`;
    case 'village':
      return sql<string | null>`${t.villageId}`;
  }
}

/** Families registered per place (the denominator: "62 of 149"). */
export function familiesPerArea(db: Db, actor: Actor, area: Area | null, level: GroupLevel) {
  const key = keyOf(level, family);
  return db
    .select({ key, n: count() })
    .from(family)
    .where(and(jurisdictionWhere(actor, family), areaWhere(area, family)))
    .groupBy(key);
}

/** Every step of every application in the place up to `to`, in order: outcomes are replayed from these. */
export function applicationSteps(db: Db, actor: Actor, area: Area | null, level: GroupLevel, to: string) {
  return db
    .select({
      id: schemeApplication.id,
      familyId: schemeApplication.familyId,
      childId: schemeApplication.childId,
      subject: schemeApplication.subject,
      schemeId: schemeApplication.schemeId,
      key: keyOf(level, schemeApplication),
      status: schemeApplicationStep.status,
      on: schemeApplicationStep.onDate,
    })
    .from(schemeApplicationStep)
    .innerJoin(schemeApplication, eq(schemeApplication.id, schemeApplicationStep.applicationId))
    .where(and(jurisdictionWhere(actor, schemeApplication), areaWhere(area, schemeApplication), lte(schemeApplicationStep.onDate, to)))
    .orderBy(asc(schemeApplication.id), asc(schemeApplicationStep.seq));
}

const SECURED = ['held', 'issued'];
const month = sql<string>`to_char(${document.issuedOn}, 'YYYY-MM')`;

/**
 * Documents secured (now held or issued, with the date of issue in the period) per place,
 * month and type: a child's own documents placed by the child, household ones by the family.
 */
export async function documentsSecured(db: Db, actor: Actor, area: Area | null, level: GroupLevel, from: string, to: string) {
  const inPeriod = and(
    inArray(document.status, SECURED),
    isNotNull(document.issuedOn),
    gte(document.issuedOn, from),
    lte(document.issuedOn, to),
  );
  const childKey = keyOf(level, child);
  const familyKey = keyOf(level, family);
  const [own, household] = await Promise.all([
    db
      .select({ key: childKey, month, docType: document.docType, n: count() })
      .from(document)
      .innerJoin(child, eq(child.id, document.childId))
      .where(and(inPeriod, jurisdictionWhere(actor, child), areaWhere(area, child)))
      .groupBy(childKey, month, document.docType),
    db
      .select({ key: familyKey, month, docType: document.docType, n: count() })
      .from(document)
      .innerJoin(family, eq(family.id, document.familyId))
      .where(and(inPeriod, isNull(document.childId), jurisdictionWhere(actor, family), areaWhere(area, family)))
      .groupBy(familyKey, month, document.docType),
  ]);
  return [...own, ...household].map((r) => ({ ...r, n: Number(r.n) }));
}

export async function locationNames(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, { name: string; nameLocal: string | null; level: string }>();
  const rows = await db
    .select({ id: location.id, name: location.name, nameLocal: location.nameLocal, level: location.level })
    .from(location)
    .where(inArray(location.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
