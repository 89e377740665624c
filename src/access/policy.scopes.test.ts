import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asc } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createTestDatabase } from '../../tests/support/db';
import type { Database } from '../db/client';
import { child } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { covers, jurisdictionWhere, type Actor, type Placement, type Scope } from './policy';
import { ROLES, ROLE_PERMISSIONS } from './roles';

// A small universe of places: 2 states × 2 districts × 2 talukas × 2 blocks × 2 villages.
const places: Placement[] = [];
for (const st of [27, 29])
  for (const di of [1, 2])
    for (const sd of [1, 2])
      for (const bl of [1, 2])
        for (const vi of [1, 2]) {
          const d = st * 10 + di;
          places.push({
            stateCode: st,
            districtCode: d,
            subdistrictCode: d * 10 + sd,
            blockCode: d * 10 + bl,
            villageId: `vi:${d}-${sd}-${vi}`,
          });
        }

let d: Database & { drop: () => Promise<void> };
const idOf = new Map<string, Placement>();

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
  const rows = places.map((p, i) => ({ ...p, name: `c${i}`, sex: 'female', careStatus: 'birth_family' }));
  const inserted = await d.db.insert(child).values(rows).returning({ id: child.id, name: child.name });
  for (const r of inserted) idOf.set(r.id, places[Number(r.name.slice(1))]);
});
afterAll(() => d.drop());

const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
const scopeArb: fc.Arbitrary<Scope> = fc.oneof(
  fc.constant<Scope>({ level: 'national' }),
  pick(places).map((p) => ({ level: 'state' as const, stateCode: p.stateCode })),
  pick(places).map((p) => ({ level: 'district' as const, stateCode: p.stateCode, districtCode: p.districtCode })),
  pick(places).map((p) => ({
    level: 'subdistrict' as const,
    stateCode: p.stateCode,
    districtCode: p.districtCode,
    subdistrictCode: p.subdistrictCode,
  })),
  pick(places).map((p) => ({ level: 'block' as const, stateCode: p.stateCode, districtCode: p.districtCode, blockCode: p.blockCode })),
  pick(places).map((p) => ({ level: 'village' as const, stateCode: p.stateCode, districtCode: p.districtCode, villageId: p.villageId })),
  // Broken scopes (a level without its code) must see nothing rather than everything.
  fc.constantFrom<Scope>({ level: 'district' }, { level: 'village', districtCode: 271 }, { level: 'state' }),
  // A level below the nation without its state: nothing either (every such level names the state).
  pick(places).map((p) => ({ level: 'district' as const, districtCode: p.districtCode })),
  pick(places).map((p) => ({ level: 'block' as const, districtCode: p.districtCode, blockCode: p.blockCode })),
  pick(places).map((p) => ({ level: 'village' as const, districtCode: p.districtCode, villageId: p.villageId })),
);

describe('jurisdiction policy', () => {
  it('the SQL filter and the in-memory rule agree for every user, role and place', async () => {
    await fc.assert(
      fc.asyncProperty(scopeArb, pick([...ROLES]), async (scope, role) => {
        const actor: Actor = { userId: 'u', username: 'u', displayName: 'u', role, organisationId: null, organisationKind: null, scope };
        const rows = await d.db.select({ id: child.id }).from(child).where(jurisdictionWhere(actor, child)).orderBy(asc(child.id));
        const fromSql = new Set(rows.map((r) => r.id));
        for (const [id, p] of idOf) expect(fromSql.has(id)).toBe(covers(scope, p));
      }),
      { numRuns: 120 },
    );
  });

  it('names the actor’s state at every level below the nation (one partition on a state-partitioned table)', () => {
    const dialect = new PgDialect();
    const p = places[0];
    const scopes: Scope[] = [
      { level: 'state', stateCode: p.stateCode },
      { level: 'district', stateCode: p.stateCode, districtCode: p.districtCode },
      { level: 'subdistrict', stateCode: p.stateCode, districtCode: p.districtCode, subdistrictCode: p.subdistrictCode },
      { level: 'block', stateCode: p.stateCode, districtCode: p.districtCode, blockCode: p.blockCode },
      { level: 'village', stateCode: p.stateCode, districtCode: p.districtCode, villageId: p.villageId },
    ];
    for (const scope of scopes) {
      const actor: Actor = {
        userId: 'u',
        username: 'u',
        displayName: 'u',
        role: 'dcpu_officer',
        organisationId: null,
        organisationKind: null,
        scope,
      };
      const q = dialect.sqlToQuery(jurisdictionWhere(actor, child));
      expect(q.sql, scope.level).toMatch(/"child"\."state_code" = \$1/);
      expect(q.params[0], scope.level).toBe(p.stateCode);
    }
  });

  it('a narrower scope never sees more than the scope above it', () => {
    fc.assert(
      fc.property(pick(places), pick(places), (home, other) => {
        const levels: Scope[] = [
          { level: 'village', stateCode: home.stateCode, districtCode: home.districtCode, villageId: home.villageId },
          { level: 'subdistrict', stateCode: home.stateCode, districtCode: home.districtCode, subdistrictCode: home.subdistrictCode },
          { level: 'district', stateCode: home.stateCode, districtCode: home.districtCode },
          { level: 'state', stateCode: home.stateCode },
          { level: 'national' },
        ];
        for (let i = 0; i + 1 < levels.length; i++) if (covers(levels[i], other)) expect(covers(levels[i + 1], other)).toBe(true);
      }),
    );
  });

  it('only roles that need the whole record get it (JJ Act s.74)', () => {
    expect(ROLE_PERMISSIONS.nodal_officer).not.toContain('registry.read');
    expect(ROLE_PERMISSIONS.helpline_operator).not.toContain('registry.read');
    expect(ROLE_PERMISSIONS.auditor.filter((p) => p.endsWith('.write'))).toEqual([]);
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role].length).toBeGreaterThan(0);
  });
});
