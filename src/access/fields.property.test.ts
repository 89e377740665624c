import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../tests/support/db';
import type { Database } from '../db/client';
import { child, family, familyMember } from '../registry/registry.schema';
import { caseRecord, caseReferral } from '../cases/cases.schema';
import { caseNonDisclosureOrder } from '../cases/disclosure.schema';
import { documentRequest } from '../schemes/schemes.schema';
import { missingMatch, missingRecord } from '../missing/missing.schema';
import { location } from '../locations/locations.schema';
import { caseAccess } from '../cases/cases.access';
import type { Actor, Placement, Scope } from './policy';
import { ROLES } from './roles';
import {
  evaluateRecord,
  initialsOf,
  mappedFields,
  permittedColumns,
  rowsWhere,
  shapeRow,
  type OrderedCase,
  type RecordType,
} from './fields';
import { matchRowsWhere } from './missing';

/**
 * The permitted-fields policy in SQL (`permittedColumns` + `rowsWhere`, the non-disclosure
 * order in the query) and the same policy in plain code (`evaluateRecord`) agree, for random
 * actors (role × jurisdiction × organisation × department) and random records of every record
 * type the repositories select through it: whether each record is visible, which fields come
 * back (absent ≠ null), and whether the name is initials only.
 */
const TODAY = '2026-12-07';
const places: Placement[] = [];
for (const st of [27, 29])
  for (const di of [1, 2])
    for (const vi of [1, 2]) {
      const d = st * 10 + di;
      places.push({ stateCode: st, districtCode: d, subdistrictCode: d * 10 + 1, blockCode: d * 10 + 1, villageId: `vi:${d}-${vi}` });
    }
const uuid = (kind: number, i: number) => `00000000-0000-4000-8${kind}00-${String(i).padStart(12, '0')}`;
const ORGS = [uuid(1, 1), uuid(1, 2), uuid(1, 3)];
const USERS = [uuid(2, 1), uuid(2, 2), uuid(2, 3)];
const DEPTS = ['EDUCATION', 'HEALTH', 'REVENUE'];

let d: Database & { drop: () => Promise<void> };
beforeAll(async () => {
  d = await createTestDatabase();
  const villages = [...new Map(places.map((p) => [p.villageId!, p])).values()];
  await d.db.insert(location).values(
    villages.map((p) => ({
      id: p.villageId!,
      level: 'village' as const,
      name: p.villageId!,
      stateCode: p.stateCode,
      districtCode: p.districtCode,
    })),
  );
});
afterAll(() => d.drop());

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const scopeArb: fc.Arbitrary<Scope> = fc.oneof(
  fc.constant<Scope>({ level: 'national' }),
  pick(places).map((p) => ({ level: 'state' as const, stateCode: p.stateCode })),
  pick(places).map((p) => ({ level: 'district' as const, stateCode: p.stateCode, districtCode: p.districtCode })),
  pick(places).map((p) => ({ level: 'block' as const, stateCode: p.stateCode, districtCode: p.districtCode, blockCode: p.blockCode })),
  pick(places).map((p) => ({ level: 'village' as const, stateCode: p.stateCode, districtCode: p.districtCode, villageId: p.villageId })),
);
const actorArb: fc.Arbitrary<Actor> = fc
  .record({
    role: pick(ROLES),
    scope: scopeArb,
    userId: pick(USERS),
    organisationId: fc.option(pick(ORGS), { nil: null }),
    organisationKind: fc.option(pick([...DEPTS, 'DCPU', 'CWC', 'NGO']), { nil: null }),
  })
  .map((a) => ({ ...a, username: 'u', displayName: 'u' }));

const word = fc.oneof(fc.stringMatching(/^[A-Z][a-z]{1,7}$/), fc.constantFrom('लक्ष्मी', 'पवार', 'ज्ञानेश्वरी', 'राठोड', 'Ōm'));
const nameArb = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const worldArb = fc.record({
  families: fc.array(fc.record({ place: fc.nat(places.length - 1), headName: nameArb, headNameLocal: fc.option(nameArb, { nil: null }) }), {
    minLength: 1,
    maxLength: 4,
  }),
  children: fc.array(
    fc.record({
      family: fc.nat(3),
      name: nameArb,
      nameLocal: fc.option(nameArb, { nil: null }),
      dob: fc.option(fc.constantFrom('2012-12-07', '2012-12-08', '2019-02-28'), { nil: null }),
      school: fc.option(fc.constant('ZP School'), { nil: null }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  members: fc.array(fc.record({ family: fc.nat(3), name: nameArb }), { maxLength: 3 }),
  cases: fc.array(
    fc.record({
      child: fc.nat(4),
      ownerUser: fc.option(pick(USERS), { nil: null }),
      ownerUnit: pick(ORGS),
      transferTo: fc.option(pick(ORGS), { nil: null }),
      order: fc.boolean(),
      referralTo: fc.option(pick(ORGS), { nil: null }),
    }),
    { maxLength: 4 },
  ),
  requests: fc.array(fc.record({ child: fc.option(fc.nat(4), { nil: null }), family: fc.nat(3), department: pick(DEPTS) }), {
    maxLength: 3,
  }),
  // Missing-child reports and found-child records, some linked to a registry child, some with a photo.
  reports: fc.array(
    fc.record({
      kind: pick(['missing', 'found'] as const),
      place: fc.nat(places.length - 1),
      name: nameArb,
      child: fc.option(fc.nat(4), { nil: null }),
      photo: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  matches: fc.array(fc.record({ missing: fc.nat(3), found: fc.nat(3) }), { maxLength: 3 }),
});
type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

interface Truth {
  id: string;
  facts: Parameters<typeof evaluateRecord>[2];
  name?: string;
  /** A match's other side: visible from either place. */
  other?: Placement;
}
class Rollback extends Error {}

/** Inserts the world, returns what the plain rule needs to know about each record. */
async function insertWorld(db: Database['db'], actor: Actor, w: World) {
  const truth: Record<RecordType, Truth[]> = {
    child: [],
    family: [],
    member: [],
    case: [],
    caseReferral: [],
    documentRequest: [],
    missingRecord: [],
    missingMatch: [],
    photo: [],
  } as unknown as Record<RecordType, Truth[]>;
  const fams = w.families.map((f, i) => ({
    id: uuid(3, i),
    ...places[f.place],
    headName: f.headName,
    headNameLocal: f.headNameLocal,
    caregiverType: 'parents',
  }));
  await db.insert(family).values(fams);
  const kids = w.children.map((c, i) => {
    const fam = fams[c.family % fams.length];
    return {
      id: uuid(4, i),
      familyId: fam.id,
      ...places.find((p) => p.villageId === fam.villageId)!,
      name: c.name,
      nameLocal: c.nameLocal,
      sex: 'female',
      dob: c.dob,
      school: c.school,
      careStatus: 'birth_family',
    };
  });
  await db.insert(child).values(kids);
  const members = w.members.map((m, i) => ({
    id: uuid(5, i),
    familyId: fams[m.family % fams.length].id,
    name: m.name,
    relationship: 'uncle',
  }));
  if (members.length) await db.insert(familyMember).values(members);
  const cases = w.cases.map((c, i) => {
    const kid = kids[c.child % kids.length];
    return {
      id: uuid(6, i),
      childId: kid.id,
      familyId: kid.familyId,
      stateCode: kid.stateCode,
      districtCode: kid.districtCode,
      subdistrictCode: kid.subdistrictCode,
      blockCode: kid.blockCode,
      villageId: kid.villageId,
      status: 'intake',
      phase: 'intake',
      level: 'district',
      risk: 'medium',
      source: 'helpline',
      reportedOn: '2026-12-01',
      ownerUserId: c.ownerUser,
      ownerUnitId: c.ownerUnit,
      transferToUnitId: c.transferTo,
      openedAt: new Date(),
      lastActionAt: new Date(),
    };
  });
  if (cases.length) await db.insert(caseRecord).values(cases);
  const ordered = cases.filter((_, i) => w.cases[i].order);
  if (ordered.length) {
    await db.insert(caseNonDisclosureOrder).values(
      ordered.map((c) => ({
        caseId: c.id,
        stateCode: c.stateCode,
        districtCode: c.districtCode,
        orderRef: 'R',
        orderedOn: '2026-12-01',
        setBy: USERS[0],
        setAt: new Date(),
      })),
    );
  }
  const referrals = cases.flatMap((c, i) =>
    w.cases[i].referralTo
      ? [
          {
            caseId: c.id,
            referralId: `R${i}`,
            toOrgId: w.cases[i].referralTo!,
            toKind: 'department',
            domain: 'education',
            need: 'x',
            status: 'pending',
            referredAt: new Date(),
            stateCode: c.stateCode,
            districtCode: c.districtCode,
          },
        ]
      : [],
  );
  if (referrals.length) await db.insert(caseReferral).values(referrals);
  const requests = w.requests.map((r, i) => {
    const fam = fams[r.family % fams.length];
    const kid =
      r.child == null
        ? undefined
        : kids.filter((k) => k.familyId === fam.id)[r.child % Math.max(1, kids.filter((k) => k.familyId === fam.id).length)];
    return {
      id: uuid(7, i),
      ...places.find((p) => p.villageId === fam.villageId)!,
      familyId: fam.id,
      childId: kid?.id ?? null,
      docType: 'aadhaar',
      department: r.department,
      requestedOn: '2026-12-01',
      dueOn: '2026-12-31',
    };
  });
  if (requests.length) await db.insert(documentRequest).values(requests);

  const orderedWhere = (pred: (c: (typeof cases)[number]) => boolean): OrderedCase[] => ordered.filter(pred);
  const placeOf = (p: Placement): Placement => ({
    stateCode: p.stateCode,
    districtCode: p.districtCode,
    subdistrictCode: p.subdistrictCode,
    blockCode: p.blockCode,
    villageId: p.villageId,
  });
  for (const k of kids)
    truth.child.push({ id: k.id, name: k.name, facts: { ...placeOf(k), orderedCases: orderedWhere((c) => c.childId === k.id) } });
  for (const f of fams)
    truth.family.push({ id: f.id, name: f.headName, facts: { ...placeOf(f), orderedCases: orderedWhere((c) => c.familyId === f.id) } });
  for (const m of members) {
    const f = fams.find((x) => x.id === m.familyId)!;
    truth.member.push({ id: m.id, name: m.name, facts: { ...placeOf(f), orderedCases: orderedWhere((c) => c.familyId === f.id) } });
  }
  for (const c of cases) {
    const access = caseAccess(actor, {
      ...placeOf(c),
      ownerUserId: c.ownerUserId,
      ownerUnitId: c.ownerUnitId,
      transferToUnitId: c.transferToUnitId,
      referredTo: referrals.filter((r) => r.caseId === c.id).map((r) => r.toOrgId),
    });
    const facts = { ...placeOf(c), caseAccess: access, orderedCases: orderedWhere((o) => o.childId === c.childId) };
    const name = kids.find((k) => k.id === c.childId)!.name;
    truth.case.push({ id: c.id, name, facts });
    truth.caseReferral.push({ id: c.id, name, facts });
  }
  for (const r of requests) {
    truth.documentRequest.push({
      id: r.id,
      name: fams.find((f) => f.id === r.familyId)!.headName,
      facts: {
        ...placeOf(r),
        department: r.department,
        orderedCases: orderedWhere((c) => c.familyId === r.familyId || (r.childId != null && c.childId === r.childId)),
      },
    });
  }

  const reports = w.reports.map((r, i) => ({
    id: uuid(8, i),
    reference: `MR-${i}`,
    kind: r.kind,
    status: 'open' as const,
    channel: 'official' as const,
    source: 'police',
    ...places[r.place],
    name: r.name,
    nameLocal: 'x',
    sex: 'female',
    fatherName: 'F',
    reporterPhone: '9999999999',
    childId: r.child == null ? null : kids[r.child % kids.length].id,
    photoStoredName: r.photo ? `p${i}.jpg` : null,
    photoContentType: r.photo ? 'image/jpeg' : null,
  }));
  if (reports.length) await db.insert(missingRecord).values(reports);
  const missingSide = reports.filter((r) => r.kind === 'missing');
  const foundSide = reports.filter((r) => r.kind === 'found');
  const matches =
    missingSide.length && foundSide.length
      ? w.matches
          .map((m, i) => {
            const a = missingSide[m.missing % missingSide.length];
            const b = foundSide[m.found % foundSide.length];
            return {
              id: uuid(9, i),
              missingId: a.id,
              foundId: b.id,
              missingStateCode: a.stateCode,
              missingDistrictCode: a.districtCode,
              foundStateCode: b.stateCode,
              foundDistrictCode: b.districtCode,
              probability: 0.9,
              weight: 5,
              fields: [],
              explanation: 'name: exact',
              modelVersion: 'm',
              decidedLeft: { id: a.id, name: a.name } as never,
              decidedRight: { id: b.id, name: b.name } as never,
              status: 'rejected' as const,
            };
          })
          .filter((m, i, all) => all.findIndex((x) => x.missingId === m.missingId && x.foundId === m.foundId) === i)
      : [];
  if (matches.length) await db.insert(missingMatch).values(matches);
  const orderedOfChild = (childId: string | null) => (childId ? orderedWhere((c) => c.childId === childId) : []);
  for (const r of reports) {
    truth.missingRecord.push({ id: r.id, name: r.name, facts: { ...placeOf(r), orderedCases: orderedOfChild(r.childId) } });
    truth.photo.push({ id: r.id, facts: { ...placeOf(r), orderedCases: orderedOfChild(r.childId) } });
  }
  for (const m of matches) {
    const a = reports.find((r) => r.id === m.missingId)!;
    const b = reports.find((r) => r.id === m.foundId)!;
    // A match is seen from either side's place (checked below); its subject is both sides' children.
    // A match row carries each side's state and district only (missing_match): that is its place.
    const side = (r: Placement): Placement => ({
      stateCode: r.stateCode,
      districtCode: r.districtCode,
      subdistrictCode: null,
      blockCode: null,
      villageId: null,
    });
    truth.missingMatch.push({
      id: m.id,
      facts: { ...side(a), orderedCases: [...orderedOfChild(a.childId), ...orderedOfChild(b.childId)] },
      other: side(b),
    });
  }
  return truth;
}

/** The records of a type through the policy in SQL: id → shaped row. */
async function fromSql(db: Database['db'], actor: Actor, type: RecordType) {
  const cols = { ...permittedColumns(actor, type, { today: TODAY }) };
  let rows: Record<string, unknown>[];
  switch (type) {
    case 'child':
      rows = await db
        .select({ ...cols, __key: child.id })
        .from(child)
        .where(rowsWhere(actor, type, child));
      break;
    case 'family':
      rows = await db
        .select({ ...cols, __key: family.id })
        .from(family)
        .where(rowsWhere(actor, type, family));
      break;
    case 'member':
      rows = await db
        .select({ ...cols, __key: familyMember.id })
        .from(familyMember)
        .innerJoin(family, eq(family.id, familyMember.familyId))
        .where(rowsWhere(actor, type, family));
      break;
    case 'case':
    case 'caseReferral':
      rows = await db
        .select({ ...cols, __key: caseRecord.id })
        .from(caseRecord)
        .innerJoin(child, eq(child.id, caseRecord.childId))
        .where(rowsWhere(actor, type, caseRecord));
      break;
    case 'documentRequest':
      rows = await db
        .select({ ...cols, __key: documentRequest.id })
        .from(documentRequest)
        .innerJoin(family, eq(family.id, documentRequest.familyId))
        .leftJoin(location, eq(location.id, documentRequest.villageId))
        .where(and(rowsWhere(actor, type, { ...documentRequest, department: documentRequest.department })));
      break;
    case 'missingRecord':
      rows = await db
        .select({ ...cols, __key: missingRecord.id })
        .from(missingRecord)
        .where(rowsWhere(actor, type, missingRecord));
      break;
    case 'photo':
      rows = await db
        .select({ ...cols, __key: missingRecord.id })
        .from(missingRecord)
        .where(rowsWhere(actor, type, missingRecord));
      break;
    case 'missingMatch':
      rows = await db
        .select({ ...cols, __key: missingMatch.id })
        .from(missingMatch)
        .where(matchRowsWhere(actor));
      break;
    default:
      throw new Error(type);
  }
  return new Map(
    rows.map((r) => {
      const { __key, ...rest } = shapeRow(r, type);
      return [__key as string, rest as Record<string, unknown>];
    }),
  );
}

const NAME_FIELD: Partial<Record<RecordType, string>> = {
  child: 'name',
  family: 'headName',
  member: 'name',
  case: 'childName',
  caseReferral: 'childName',
  documentRequest: 'headName',
  missingRecord: 'name',
};
const TYPES: RecordType[] = [
  'child',
  'family',
  'member',
  'case',
  'caseReferral',
  'documentRequest',
  'missingRecord',
  'missingMatch',
  'photo',
];

describe('permitted-fields policy: SQL and the plain rule agree', () => {
  it('on visibility, the fields returned and initials, for every record type', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, worldArb, async (actor, world) => {
        try {
          await d.db.transaction(async (tx) => {
            const truth = await insertWorld(tx, actor, world);
            for (const type of TYPES) {
              const got = await fromSql(tx, actor, type);
              const mapped = mappedFields(type);
              for (const rec of truth[type]) {
                const here = evaluateRecord(actor, type, rec.facts, mapped);
                const want = !here.visible && rec.other ? evaluateRecord(actor, type, { ...rec.facts, ...rec.other }, mapped) : here;
                const row = got.get(rec.id);
                expect(!!row, `${type} ${rec.id} visible`).toBe(want.visible);
                if (!row) continue;
                const { withheld: _w, initialsOnly, ...fields } = row;
                expect(new Set(Object.keys(fields)), `${type} fields`).toEqual(want.fields);
                expect(initialsOnly === true, `${type} initials`).toBe(want.initialsOnly);
                const nameField = NAME_FIELD[type];
                if (nameField && nameField in fields) expect(fields[nameField]).toBe(want.initialsOnly ? initialsOf(rec.name!) : rec.name);
              }
            }
            throw new Rollback();
          });
        } catch (e) {
          if (!(e instanceof Rollback)) throw e;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a nodal officer or the helpline never receives a date of birth, only the age computed on the IST day', async () => {
    for (const role of ['nodal_officer', 'helpline_operator'] as const) {
      const actor: Actor = {
        userId: USERS[0],
        username: 'u',
        displayName: 'u',
        role,
        organisationId: null,
        organisationKind: null,
        scope: { level: 'national' },
      };
      const cols = permittedColumns(actor, 'child', { today: TODAY });
      expect(Object.keys(cols)).toContain('age');
      expect(Object.keys(cols)).not.toContain('dob');
    }
  });
});
