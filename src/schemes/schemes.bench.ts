// Bench: scheme eligibility for a district of 100,000 families.
//
// Measured: the district worklist (GET /api/v1/scheme-worklist's service): families
// streamed from the database a thousand at a time through the jurisdiction filter and
// judged by the batch engine (rules compiled once).
// Baseline: the same rules one family at a time through the API, i.e. GET
// /api/v1/families/:id/scheme-suggestions via app.inject on a sample of the district's
// families, extrapolated per family to the whole district.
// Also reported: the pure engine on synthetic families in memory (no database).

import { buildApp } from '../http/app';
import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import type { Database } from '../db/client';
import { seedDemo } from '../demo/seed';
import { DEMO_PASSWORD } from '../demo/users';
import { CATALOGUE_DATA } from './catalogue/index';
import type { DocumentType } from './documents';
import { DOCUMENT_TYPES } from './documents';
import { validateCatalogue } from './scheme';
import { compileCatalogue, suggestEach, type FamilyInput } from './suggest';
import { computeWorklist } from './worklist.service';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  note?: string;
}

export interface BenchOptions {
  /** Families added to the district (default 100,000). */
  families?: number;
  /** Families asked one at a time through the API (the baseline's sample). */
  baselineSample?: number;
  /** 'postgres' (BENCH_DATABASE_URL / TEST_DATABASE_URL) or 'pglite'; default: postgres when reachable. */
  database?: 'postgres' | 'pglite';
  seed?: number;
  log?: (s: string) => void;
}

/** Small seeded PRNG (mulberry32) so every run sees the same families. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic families for the in-memory engine figure. */
export function syntheticFamilies(n: number, seed = 42): FamilyInput[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const maybe = <T>(p: number, v: () => T): T | undefined => (r() < p ? v() : undefined);
  const date = (y0: number, y1: number) => {
    const y = y0 + Math.floor(r() * (y1 - y0 + 1));
    return `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  };
  const statuses = ['alive', 'alive', 'alive', 'dead', 'dead', 'imprisoned', 'seriously_ill', 'disabled', 'divorced_separated', 'deserted'];
  const out: FamilyInput[] = [];
  for (let i = 0; i < n; i++) {
    const fatherStatus = maybe(0.9, () => pick(statuses));
    const motherStatus = maybe(0.9, () => pick(statuses));
    const fatherDead = fatherStatus === 'dead';
    const facts = {
      stateCode: r() < 0.8 ? 27 : pick([9, 10, 23, 29]),
      districtCode: 400 + Math.floor(r() * 40),
      area: maybe(0.9, () => pick(['rural', 'rural', 'urban'])),
      annualIncome: maybe(0.85, () => Math.floor(r() * 30) * 5000),
      bpl: maybe(0.8, () => r() < 0.5),
      rationCardType: maybe(0.8, () => pick(['AAY', 'PHH', 'NPHH', 'none'])),
      seccListed: maybe(0.5, () => r() < 0.3),
      casteCategory: maybe(0.85, () => pick(['SC', 'ST', 'OBC', 'VJNT', 'NT', 'SBC', 'General'])),
      fatherStatus,
      motherStatus,
      fatherDeathDate: fatherDead ? maybe(0.8, () => date(2012, 2025)) : undefined,
      fatherDeathCause: fatherDead ? maybe(0.8, () => pick(['covid19', 'illness', 'accident', 'suicide'])) : undefined,
      motherAge: maybe(0.7, () => 20 + Math.floor(r() * 45)),
      breadwinnerAgeAtDeath: fatherDead ? maybe(0.6, () => 20 + Math.floor(r() * 50)) : undefined,
    };
    const children = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, c) => ({
      id: `f${i}c${c}`,
      facts: {
        dob: maybe(0.8, () => date(2004, 2024)),
        age: maybe(0.3, () => Math.floor(r() * 20)),
        careStatus: maybe(0.7, () => pick(['birth_family', 'birth_family', 'kinship', 'foster', 'cci', 'aftercare'])),
        cwcRecommendation: maybe(0.5, () => r() < 0.5),
        enrolledInSchool: maybe(0.8, () => r() < 0.85),
        schoolClass: maybe(0.6, () => Math.floor(r() * 13)),
        schoolManagement: maybe(0.5, () => pick(['government', 'aided', 'private_unaided'])),
        disability: maybe(0.6, () => r() < 0.05),
      },
      documents: DOCUMENT_TYPES.filter(() => r() < 0.3) as DocumentType[],
    }));
    out.push({ id: `f${i}`, facts, documents: DOCUMENT_TYPES.filter(() => r() < 0.4), children });
  }
  return out;
}

/**
 * Adds `n` families to Amravati district (468), spread over its demo villages, with their
 * parents (some dead, with dates and causes), one to three children and some documents:
 * generated in SQL so 100,000 families load in seconds. Deterministic (derived from the
 * row number).
 */
export async function populateDistrict(database: Database, n: number): Promise<void> {
  const villages = `(SELECT id, subdistrict_code, block_code, (row_number() OVER (ORDER BY id)) - 1 AS k,
    count(*) OVER () AS nv FROM location WHERE id LIKE 'vi:demo-%' AND district_code = 468)`;
  await database.exec(`
    CREATE TEMP TABLE bench_family AS
    SELECT i, overlay(overlay(md5('bench-family-' || i) placing '4' from 13) placing '8' from 17)::uuid AS id,
      (ARRAY['both_parents','single_mother','single_mother','single_father','grandparent','both_parents'])[1 + (i * 31) % 6] AS caregiver
    FROM generate_series(1, ${n}) AS i;
    INSERT INTO family (id, state_code, district_code, subdistrict_code, block_code, village_id, head_name, caregiver_type, area_type,
      annual_income, ration_card, bpl, caste_category, created_at)
    SELECT b.id, 27, 468, v.subdistrict_code, v.block_code, v.id, 'Bench family ' || b.i, b.caregiver,
      CASE WHEN b.i % 7 = 0 THEN 'urban' ELSE 'rural' END,
      CASE WHEN b.i % 11 = 0 THEN NULL ELSE ((b.i * 7919) % 30) * 4000 END,
      (ARRAY['aay','phh','apl','none'])[1 + (b.i * 13) % 4],
      CASE WHEN b.i % 9 = 0 THEN NULL ELSE (b.i * 17) % 10 < 6 END,
      (ARRAY['sc','st','obc','vjnt','nt','general','obc'])[1 + (b.i * 19) % 7],
      now()
    FROM bench_family b JOIN ${villages} v ON v.k = b.i % v.nv;
    INSERT INTO family_member (family_id, name, relationship, sex, age, alive, death_date, death_cause, is_primary_caregiver, chronic_illness, imprisoned)
    SELECT b.id, 'Father ' || b.i, 'father', 'male', 28 + b.i % 25, b.caregiver IN ('both_parents','single_father'),
      CASE WHEN b.caregiver IN ('single_mother','grandparent') THEN date '2016-01-01' + (b.i * 37) % 3400 END,
      CASE WHEN b.caregiver IN ('single_mother','grandparent') THEN (ARRAY['suicide','illness','accident','covid19','illness'])[1 + b.i % 5] END,
      b.caregiver = 'single_father', CASE WHEN b.caregiver = 'both_parents' AND b.i % 13 = 0 THEN 'tuberculosis' END,
      b.caregiver = 'both_parents' AND b.i % 29 = 0
    FROM bench_family b;
    INSERT INTO family_member (family_id, name, relationship, sex, age, alive, death_date, death_cause, is_primary_caregiver)
    SELECT b.id, 'Mother ' || b.i, 'mother', 'female', 24 + b.i % 30, b.caregiver <> 'grandparent',
      CASE WHEN b.caregiver = 'grandparent' THEN date '2017-01-01' + (b.i * 41) % 3000 END,
      CASE WHEN b.caregiver = 'grandparent' THEN 'illness' END, b.caregiver IN ('both_parents','single_mother')
    FROM bench_family b WHERE b.caregiver <> 'single_father';
    INSERT INTO child (state_code, district_code, subdistrict_code, block_code, village_id, family_id, name, sex, dob, care_status, school_status)
    SELECT 27, 468, f.subdistrict_code, f.block_code, f.village_id, b.id, 'Bench child ' || b.i || '-' || c,
      CASE WHEN (b.i + c) % 2 = 0 THEN 'female' ELSE 'male' END,
      date '2007-06-01' + ((b.i * 53 + c * 101) % 7000),
      CASE WHEN b.caregiver = 'grandparent' THEN 'kinship_care' WHEN (b.i + c) % 23 = 0 THEN 'cci' ELSE 'birth_family' END,
      (ARRAY['enrolled','enrolled','enrolled','out_of_school','not_applicable'])[1 + (b.i + c) % 5]
    FROM bench_family b JOIN family f ON f.id = b.id, generate_series(1, 1 + b.i % 3) AS c;
    INSERT INTO document (state_code, district_code, family_id, child_id, doc_type, status)
    SELECT 27, 468, c.family_id, c.id, d.t, 'held' FROM child c
      JOIN bench_family b ON b.id = c.family_id,
      unnest(ARRAY['birth_certificate','aadhaar','bank_account']) AS d(t)
    WHERE (b.i + length(d.t)) % 3 <> 0;
    INSERT INTO document (state_code, district_code, family_id, doc_type, status)
    SELECT 27, 468, b.id, d.t, CASE WHEN (b.i + length(d.t)) % 4 = 0 THEN 'applied_for' ELSE 'held' END FROM bench_family b,
      unnest(ARRAY['ration_card','income_certificate','caste_certificate','domicile']) AS d(t)
    WHERE (b.i * 3 + length(d.t)) % 5 <> 0;
    DROP TABLE bench_family;
    ANALYZE family; ANALYZE family_member; ANALYZE child; ANALYZE document;
  `);
}

const DISTRICT_ACTOR: Actor = {
  userId: '00000000-0000-4000-8000-000000000000',
  username: 'bench',
  displayName: 'bench',
  role: 'dcpu_officer',
  organisationId: null,
  organisationKind: null,
  scope: { level: 'district', stateCode: 27, districtCode: 468 },
};

async function openScratch(kind: BenchOptions['database'], log: (s: string) => void) {
  const { scratchDatabase } = await import('../../bench/support');
  if (kind === 'pglite') return scratchDatabase('pglite');
  try {
    return await scratchDatabase('postgres');
  } catch (e) {
    if (kind === 'postgres') throw e;
    log(`  PostgreSQL not reachable (${(e as Error).message}); using PGlite`);
    return scratchDatabase('pglite');
  }
}

function engineOnly(n: number, seed: number) {
  const families = syntheticFamilies(n, seed);
  const checked = validateCatalogue(CATALOGUE_DATA);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  const catalogue = compileCatalogue(checked.value);
  for (const _ of suggestEach(catalogue, families.slice(0, 2000), '2026-11-01')) void _;
  const t0 = performance.now();
  let subjects = 0;
  for (const f of suggestEach(catalogue, families, '2026-11-01')) subjects += f.suggestions.length;
  return { ms: performance.now() - t0, subjects };
}

export async function run(opts: BenchOptions = {}): Promise<BenchResult[]> {
  const n = opts.families ?? 100_000;
  const sample = opts.baselineSample ?? 300;
  const log = opts.log ?? ((s: string) => process.stderr.write(s + '\n'));
  const database = await openScratch(opts.database, log);
  try {
    log(`  ${database.kind}: seeding the demo and adding ${n} families to district 468`);
    await seedDemo(database);
    const t0 = performance.now();
    await populateDistrict(database, n);
    log(`  populated in ${Math.round(performance.now() - t0)} ms`);
    const ctx: AppContext = {
      database,
      db: database.db,
      now: () => new Date('2026-11-23T06:00:00Z'),
      config: { filesDir: `/tmp/samanvay-bench-${process.pid}`, webDir: null, secureCookies: false },
    };
    const [{ total }] = await database.query<{ total: number }>('SELECT count(*)::int AS total FROM family WHERE district_code = 468');

    // Batch: the district worklist through the service (warm the catalogue cache and the JIT first).
    await computeWorklist(ctx, DISTRICT_ACTOR, { locationId: 'vi:demo-rajura' });
    const b0 = performance.now();
    const w = await computeWorklist(ctx, DISTRICT_ACTOR, {});
    const batchMs = performance.now() - b0;
    const batchRate = (Number(total) / batchMs) * 1000;
    log(`  worklist: ${total} families in ${Math.round(batchMs)} ms (${w.rows.length} with an unlinked eligible scheme)`);

    // Baseline: one family at a time through the API.
    const app = await buildApp(ctx, { logger: false });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'dcpo.amravati', password: DEMO_PASSWORD },
    });
    const token = login.cookies.find((c) => c.name === 'samanvay_session')!.value;
    const ids = (
      await database.query<{ id: string }>(`SELECT id FROM family WHERE district_code = 468 ORDER BY md5(id::text) LIMIT ${sample}`)
    ).map((r) => r.id);
    const ask = (id: string) =>
      app.inject({ method: 'GET', url: `/api/v1/families/${id}/scheme-suggestions`, headers: { authorization: `Bearer ${token}` } });
    for (const id of ids.slice(0, 20)) await ask(id); // warm-up
    const a0 = performance.now();
    for (const id of ids) {
      const res = await ask(id);
      if (res.statusCode !== 200) throw new Error(`suggestions answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    }
    const apiMs = performance.now() - a0;
    await app.close();
    const apiRate = (ids.length / apiMs) * 1000;
    const apiDistrictS = Number(total) / apiRate;

    const engine = engineOnly(n, opts.seed ?? 42);
    const engineRate = (n / engine.ms) * 1000;
    return [
      {
        name: 'schemes.district_worklist',
        value: Math.round(batchRate),
        unit: 'families/s',
        baseline: Math.round(apiRate),
        ratio: +(batchRate / apiRate).toFixed(1),
        note: `${total} families in district 468 (${database.kind}): worklist via the batch engine in ${(batchMs / 1000).toFixed(1)} s; baseline = GET /families/:id/scheme-suggestions one family at a time (app.inject, ${ids.length} sampled, ${(apiMs / ids.length).toFixed(1)} ms each), extrapolated to ${apiDistrictS.toFixed(0)} s for the district`,
      },
      {
        name: 'schemes.district_worklist_total',
        value: +(batchMs / 1000).toFixed(2),
        unit: 's',
        baseline: +apiDistrictS.toFixed(1),
        ratio: +(apiDistrictS / (batchMs / 1000)).toFixed(1),
        note: `wall time to judge every family of a ${total}-family district against all ${CATALOGUE_DATA.length} schemes; baseline extrapolated from the per-family API rate`,
      },
      {
        name: 'schemes.engine_in_memory',
        value: Math.round(engineRate),
        unit: 'families/s',
        baseline: Math.round(apiRate),
        ratio: +(engineRate / apiRate).toFixed(1),
        note: `pure engine, ${n} synthetic families already in memory, ${engine.subjects} scheme×subject results with reasons in ${Math.round(engine.ms)} ms (no database)`,
      },
    ];
  } finally {
    await database.drop();
  }
}
