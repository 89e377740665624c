import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../tests/support/db';
import type { Database } from '../db/client';
import type { Actor, Scope } from '../access/policy';
import { ROLES, roleHas } from '../access/roles';
import { child } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { caseAccess, caseAccessColumn, caseVisibleBranches, caseVisibleWhere, type CaseAccessFacts } from './cases.access';
import { caseRecord, caseReferral } from './cases.schema';

/**
 * The case access rule, property-based: for any set of cases (places, owners, units,
 * transfers, referrals) and any actor (role × organisation × scope level × place), the SQL
 * the repositories use (caseAccessColumn / caseVisibleWhere) grants exactly what the
 * plain-code rule (caseAccess) grants.
 */
let d: Database & { drop: () => Promise<void> };

// A small world: two districts of Maharashtra (Amravati 468, Akola 467) and one of Karnataka.
const VILLAGES = [
  { id: 'vi:t-a1', stateCode: 27, districtCode: 468, subdistrictCode: 4005, blockCode: 4303 },
  { id: 'vi:t-a2', stateCode: 27, districtCode: 468, subdistrictCode: 4005, blockCode: 4303 },
  { id: 'vi:t-a3', stateCode: 27, districtCode: 468, subdistrictCode: 4009, blockCode: 4299 },
  { id: 'vi:t-k1', stateCode: 27, districtCode: 467, subdistrictCode: 3991, blockCode: 4291 },
  { id: 'vi:t-b1', stateCode: 29, districtCode: 555, subdistrictCode: 5001, blockCode: 5101 },
];
const childOf = new Map<string, string>();
const uuid = (n: number, kind: 'a' | 'b') => `0000000${n}-0000-4000-8000-${kind === 'a' ? 'aaaaaaaaaaaa' : 'bbbbbbbbbbbb'}`;
const USERS = [1, 2, 3, 4].map((n) => uuid(n, 'a'));
const ORGS = [1, 2, 3, 4, 5].map((n) => uuid(n, 'b'));

beforeAll(async () => {
  d = await createTestDatabase();
  for (const v of VILLAGES) {
    await d.db.insert(location).values({
      id: v.id,
      level: 'village',
      name: v.id,
      parentId: null,
      stateCode: v.stateCode,
      districtCode: v.districtCode,
      subdistrictCode: v.subdistrictCode,
      blockCode: v.blockCode,
    });
    const [c] = await d.db
      .insert(child)
      .values({
        ...v,
        villageId: v.id,
        id: undefined,
        name: `child of ${v.id}`,
        sex: 'female',
        careStatus: 'birth_family',
      } as typeof child.$inferInsert)
      .returning({ id: child.id });
    childOf.set(v.id, c.id);
  }
});
afterAll(() => d.drop());

interface GenCase extends CaseAccessFacts {
  village: (typeof VILLAGES)[number];
}

const caseArb: fc.Arbitrary<GenCase> = fc
  .record({
    village: fc.constantFrom(...VILLAGES),
    ownerUserId: fc.option(fc.constantFrom(...USERS), { nil: null }),
    ownerUnitId: fc.constantFrom(...ORGS),
    transferToUnitId: fc.option(fc.constantFrom(...ORGS), { nil: null }),
    referredTo: fc.uniqueArray(fc.constantFrom(...ORGS), { maxLength: 3 }),
    // A transferred case has lost its block and village; some cases were opened at district level.
    placeDetail: fc.constantFrom('village', 'district'),
  })
  .map((g) => ({
    village: g.village,
    stateCode: g.village.stateCode,
    districtCode: g.village.districtCode,
    subdistrictCode: g.placeDetail === 'village' ? g.village.subdistrictCode : null,
    blockCode: g.placeDetail === 'village' ? g.village.blockCode : null,
    villageId: g.placeDetail === 'village' ? g.village.id : null,
    ownerUserId: g.ownerUserId,
    ownerUnitId: g.ownerUnitId,
    transferToUnitId: g.transferToUnitId,
    referredTo: g.referredTo,
  }));

const scopeArb: fc.Arbitrary<Scope> = fc.oneof(
  fc.constant<Scope>({ level: 'national' }),
  fc.constantFrom(27, 29).map((s): Scope => ({ level: 'state', stateCode: s })),
  fc.constantFrom(...VILLAGES).chain((v) =>
    fc.constantFrom<Scope>(
      { level: 'district', stateCode: v.stateCode, districtCode: v.districtCode },
      { level: 'subdistrict', stateCode: v.stateCode, districtCode: v.districtCode, subdistrictCode: v.subdistrictCode },
      {
        level: 'block',
        stateCode: v.stateCode,
        districtCode: v.districtCode,
        subdistrictCode: v.subdistrictCode,
        blockCode: v.blockCode,
      },
      {
        level: 'village',
        stateCode: v.stateCode,
        districtCode: v.districtCode,
        subdistrictCode: v.subdistrictCode,
        blockCode: v.blockCode,
        villageId: v.id,
      },
    ),
  ),
);

const actorArb: fc.Arbitrary<Actor> = fc
  .record({
    userId: fc.constantFrom(...USERS),
    role: fc.constantFrom(...ROLES),
    organisationId: fc.option(fc.constantFrom(...ORGS), { nil: null }),
    scope: scopeArb,
  })
  .map((a) => ({ ...a, username: 'u', displayName: 'u', organisationKind: null }));

async function load(cases: GenCase[]) {
  await d.exec('DELETE FROM case_referral; DELETE FROM case_record;');
  const ids: string[] = [];
  for (const c of cases) {
    const [row] = await d.db
      .insert(caseRecord)
      .values({
        childId: childOf.get(c.village.id)!,
        stateCode: c.stateCode,
        districtCode: c.districtCode,
        subdistrictCode: c.subdistrictCode,
        blockCode: c.blockCode,
        villageId: c.villageId,
        status: 'intake',
        phase: 'intake',
        level: 'village',
        risk: 'low',
        source: 'vcpc',
        reportedOn: '2026-11-01',
        ownerUserId: c.ownerUserId,
        ownerUnitId: c.ownerUnitId,
        transferToUnitId: c.transferToUnitId,
        openedAt: new Date(),
        lastActionAt: new Date(),
      })
      .returning({ id: caseRecord.id });
    ids.push(row.id);
    for (const [i, org] of c.referredTo.entries()) {
      await d.db.insert(caseReferral).values({
        caseId: row.id,
        referralId: `r${i}`,
        toOrgId: org,
        toKind: 'department',
        domain: 'health',
        need: 'n',
        status: 'pending',
        referredAt: new Date(),
        stateCode: c.stateCode,
        districtCode: c.districtCode,
      });
    }
  }
  return ids;
}

describe('case access: SQL and the rule agree for every user × role × place', () => {
  it('caseAccessColumn and caseVisibleWhere match caseAccess', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArb, { minLength: 1, maxLength: 10 }),
        fc.array(actorArb, { minLength: 1, maxLength: 8 }),
        async (cases, actors) => {
          const ids = await load(cases);
          for (const actor of actors) {
            const rows = await d.db.select({ id: caseRecord.id, access: caseAccessColumn(actor) }).from(caseRecord);
            const sqlAccess = new Map(rows.map((r) => [r.id, r.access ?? null]));
            const full = new Set(
              (await d.db.select({ id: caseRecord.id }).from(caseRecord).where(caseVisibleWhere(actor))).map((r) => r.id),
            );
            ids.forEach((id, i) => {
              const expected = caseAccess(actor, cases[i]);
              expect(
                sqlAccess.get(id),
                `${actor.role} ${JSON.stringify(actor.scope)} org=${actor.organisationId} on ${JSON.stringify(cases[i])}`,
              ).toBe(expected);
              expect(full.has(id)).toBe(expected === 'full');
            });
          }
        },
      ),
      // 30 runs of up to 10 cases × 6 actors (CI time; fast-check prints the seed and path of a failure to replay it).
      { numRuns: 30 },
    );
  });

  it('the parts lists read (caseVisibleBranches) are disjoint and together are exactly the rule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArb, { minLength: 1, maxLength: 10 }),
        fc.array(actorArb, { minLength: 1, maxLength: 6 }),
        async (cases, actors) => {
          const ids = await load(cases);
          for (const actor of actors) {
            const seen: string[] = [];
            for (const branch of caseVisibleBranches(actor)) {
              seen.push(...(await d.db.select({ id: caseRecord.id }).from(caseRecord).where(branch)).map((r) => r.id));
            }
            expect(new Set(seen).size, 'a case appears in two parts').toBe(seen.length);
            const expected = ids.filter((_, i) => caseAccess(actor, cases[i]) === 'full');
            expect(seen.sort()).toEqual(expected.sort());
          }
        },
      ),
      // 30 runs of up to 10 cases × 6 actors (CI time; fast-check prints the seed and path of a failure to replay it).
      { numRuns: 30 },
    );
  });

  it('one case, read by id, with the condition the API uses', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, actorArb, async (c, actor) => {
        const [id] = await load([c]);
        const [row] = await d.db
          .select({ access: caseAccessColumn(actor) })
          .from(caseRecord)
          .where(eq(caseRecord.id, id));
        expect(row.access ?? null).toBe(caseAccess(actor, c));
      }),
      { numRuns: 20 },
    );
  });
});

describe('the rule itself', () => {
  it('needs cases.read for the whole case and cases.read or cases.referral for the referred part', () => {
    fc.assert(
      fc.property(caseArb, actorArb, (c, actor) => {
        const a = caseAccess(actor, c);
        if (a === 'full') expect(roleHas(actor.role, 'cases.read')).toBe(true);
        if (a === 'referral') {
          expect(roleHas(actor.role, 'cases.read') || roleHas(actor.role, 'cases.referral')).toBe(true);
          expect(c.referredTo).toContain(actor.organisationId);
        }
        if (!roleHas(actor.role, 'cases.read') && !roleHas(actor.role, 'cases.referral')) expect(a).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('a higher level sees everything a lower level under it sees (jurisdiction is monotone)', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...VILLAGES), fc.constantFrom(...USERS), (c, v, userId) => {
        const chain: Scope[] = [
          { level: 'village', stateCode: v.stateCode, districtCode: v.districtCode, villageId: v.id },
          { level: 'block', stateCode: v.stateCode, districtCode: v.districtCode, blockCode: v.blockCode },
          { level: 'district', stateCode: v.stateCode, districtCode: v.districtCode },
          { level: 'state', stateCode: v.stateCode },
          { level: 'national' },
        ];
        const sees = chain.map(
          (scope) =>
            caseAccess(
              { userId, username: 'u', displayName: 'u', role: 'caseworker', organisationId: null, organisationKind: null, scope },
              c,
            ) === 'full',
        );
        for (let i = 1; i < sees.length; i++) if (sees[i - 1]) expect(sees[i]).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
