import { createHash } from 'node:crypto';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { indexKeys } from '../../registry/name-index';
import { blockingKeysOf } from '../../missing/blocking-keys';
import { matchingModel, sideOf } from '../../missing/matching.service';
import { toPersonRecords } from '../../missing/domain/person';
import { newReference } from '../../missing/domain/reference';
import { stateWeight, type Script } from './population.data';
import { namePool, toScript, type NamePart } from './scripts';
import { deferIndexes, restoreDeferred } from './defer';

/**
 * The national synthetic data set (issue #19): every state and district of LGD, children in
 * proportion to each district's population (population.data.ts), with their families and
 * members, cases with their histories, missing and found records (some found children being
 * another district's or state's missing child), convergence groups with a year of meetings, and
 * scheme applications with their steps. Names are written in each state's script (scripts.ts).
 *
 * Deterministic by seed: every district draws from its own generator seeded by (seed, district),
 * ids included, and dates count back from `asOf`, never from the clock; the sha256 `digest` of
 * every row written proves two runs equal. Rows are streamed into PostgreSQL with COPY FROM
 * STDIN, a chunk of districts per transaction (foreign keys checked as usual); the next chunk is
 * generated while PostgreSQL loads the last one. PostgreSQL only: the embedded database is for
 * one district's demo, not for crores of rows.
 */
export interface GenerateOptions {
  seed: number;
  children: number;
  /** LGD state codes; default every state loaded in `location` */
  states?: number[];
  /** the day the data set is "as of" (YYYY-MM-DD) */
  asOf?: string;
  /** children per transaction */
  chunkChildren?: number;
  /** generate and digest without writing */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
  /**
   * Load without the tables' secondary indexes and foreign keys and build them afterwards
   * (defer.ts): for large runs. Default off.
   */
  deferIndexes?: boolean;
  /** `maintenance_work_mem` for the index builds after a deferred load (default 1GB) */
  maintenanceWorkMem?: string;
  /** one line per phase (stderr in the CLI) */
  log?: (line: string) => void;
}

export interface GenerateResult {
  rows: Record<string, number>;
  totalRows: number;
  digest: string;
  seconds: number;
  districts: number;
  states: number;
  /** seconds per phase: restore of a stopped load's leftovers, drop, load, indexes, foreign keys, analyze */
  phases: Record<string, number>;
}

/** Shares of children: cases 20 per 100 (20 lakh per crore), missing + found 5 per 100 (5 lakh). */
export const RATES = { casesPerChild: 0.2, missingPerChild: 0.025, foundPerChild: 0.025, schemePerFamily: 0.12 };

const TABLES = {
  organisation: ['id', 'name', 'kind', 'level', 'place_id', 'state_code', 'district_code', 'created_at'],
  family: [
    'id',
    'state_code',
    'district_code',
    'subdistrict_code',
    'block_code',
    'head_name',
    'head_name_local',
    'name_keys',
    'caregiver_type',
    'area_type',
    'annual_income',
    'ration_card',
    'bpl',
    'vulnerability_factors',
    'created_at',
    'updated_at',
  ],
  family_member: [
    'id',
    'family_id',
    'name',
    'name_local',
    'relationship',
    'sex',
    'age',
    'alive',
    'death_cause',
    'is_primary_caregiver',
    'created_at',
  ],
  child: [
    'id',
    'family_id',
    'state_code',
    'district_code',
    'subdistrict_code',
    'block_code',
    'name',
    'name_local',
    'name_keys',
    'sex',
    'dob',
    'dob_estimated',
    'care_status',
    'school_status',
    'created_at',
    'updated_at',
  ],
  case_record: [
    'id',
    'child_id',
    'family_id',
    'state_code',
    'district_code',
    'subdistrict_code',
    'block_code',
    'status',
    'phase',
    'level',
    'risk',
    'source',
    'reported_on',
    'owner_unit_id',
    'opened_at',
    'last_action_at',
    'closed_at',
    'updated_at',
  ],
  case_action: ['case_id', 'seq', 'type', 'at', 'actor_unit_id', 'payload', 'state_code', 'district_code', 'recorded_at'],
  missing_record: [
    'id',
    'kind',
    'status',
    'channel',
    'source',
    'state_code',
    'district_code',
    'subdistrict_code',
    'block_code',
    'name',
    'name_local',
    'sex',
    'age_years',
    'age_estimated',
    'father_name',
    'language',
    'event_date',
    'event_district_code',
    'child_id',
    'police_station',
    'block_keys',
    'block_keys_model',
    'match_state',
    'reference',
    'created_at',
    'updated_at',
  ],
  convergence_group: ['id', 'state_code', 'district_code', 'block_code', 'level', 'name', 'meeting_day', 'created_at', 'updated_at'],
  convergence_meeting: [
    'id',
    'group_id',
    'state_code',
    'district_code',
    'block_code',
    'meeting_date',
    'status',
    'venue',
    'held_at',
    'created_at',
    'updated_at',
  ],
  scheme_application: [
    'id',
    'scheme_id',
    'subject',
    'subject_id',
    'family_id',
    'child_id',
    'state_code',
    'district_code',
    'subdistrict_code',
    'block_code',
    'status',
    'identified_on',
    'applied_on',
    'sanctioned_on',
    'last_step_on',
    'amount',
    'created_at',
    'updated_at',
  ],
  scheme_application_step: ['application_id', 'seq', 'status', 'on_date', 'amount', 'state_code', 'district_code', 'recorded_at'],
} as const;
type Table = keyof typeof TABLES;
/** Parents before children: the order of the COPYs inside a chunk's transaction. */
const ORDER = Object.keys(TABLES) as Table[];

// ---------- deterministic randomness ----------

/**
 * sfc32 (128-bit state): the same sequence on every machine. (A 32-bit-state generator put
 * 763 districts on one cycle of 2^32, and overlapping stretches gave two districts the same ids.)
 */
export function prng(seed: number) {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}
const mixSeed = (a: number, b: number) => {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
};
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex = (n: number, digits: number) => (n >>> 0).toString(16).padStart(digits, '0').slice(-digits);
/**
 * A version-4-shaped UUID, deterministic (not from crypto): random bits from the generator, and
 * the last 12 hex digits the district and a counter, so two rows of one data set never share an id.
 */
function makeIds(rnd: () => number, district: number) {
  let n = 0;
  return () => {
    const r = [0, 1, 2].map(() => Math.floor(rnd() * 4294967296));
    const b = [r[0] >>> 24, (r[0] >>> 16) & 255, (r[0] >>> 8) & 255, r[0] & 255, r[1] >>> 24, (r[1] >>> 16) & 255];
    return `${HEX[b[0]]}${HEX[b[1]]}${HEX[b[2]]}${HEX[b[3]]}-${HEX[b[4]]}${HEX[b[5]]}-4${hex(r[1], 3)}-${hex(0x8000 | (r[2] & 0x3fff), 4)}-${hex(district, 4)}${hex(n++, 8)}`;
  };
}
let nextId: () => string = () => {
  throw new Error('no district being generated');
};
/** The next id of the district being generated (`rnd` is unused: ids have their own stream). */
const uuid = (_rnd: () => number) => nextId();
function weighted<T>(rnd: () => number, items: readonly (readonly [T, number])[]): T {
  let r = rnd() * items.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of items) if ((r -= w) < 0) return v;
  return items[items.length - 1][0];
}
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
/** Common names come up more often (a register repeats its names). */
const pickSkewed = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * rnd() * xs.length)];

// ---------- COPY text format ----------

const NEEDS_ESCAPE = /[\\\t\n\r]/;
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return NEEDS_ESCAPE.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}
const pgArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

// ---------- dates (IST, counted back from asOf) ----------

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const instant = (ms: number) => new Date(ms).toISOString();

// ---------- places ----------

interface District {
  stateCode: number;
  code: number;
  name: string;
  stateName: string;
  subdistricts: number[];
  blocks: number[];
  children: number;
  unitId: string;
}

/** Largest-remainder apportionment: integer shares of `total` in proportion to `weights`, summing exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}

async function loadPlaces(client: pg.Client, opts: GenerateOptions): Promise<District[]> {
  const states = (
    await client.query<{ code: number; name: string }>(
      `SELECT state_code AS code, name FROM location WHERE level = 'state' ${opts.states ? 'AND state_code = ANY($1)' : ''} ORDER BY state_code`,
      opts.states ? [opts.states] : [],
    )
  ).rows;
  if (!states.length) throw new Error('no LGD states in the database: run `samanvay migrate` first (it loads reference/lgd)');
  if (opts.states && states.length !== opts.states.length)
    throw new Error(`states: ${opts.states.filter((s) => !states.some((x) => x.code === s)).join(', ')} not loaded in location`);
  const codes = states.map((s) => s.code);
  const rows = (
    await client.query<{ level: string; state_code: number; district_code: number; code: number; name: string }>(
      `SELECT level, state_code, district_code, name,
              CASE level WHEN 'district' THEN district_code WHEN 'subdistrict' THEN subdistrict_code ELSE block_code END AS code
         FROM location WHERE level IN ('district', 'subdistrict', 'block') AND state_code = ANY($1)
        ORDER BY state_code, district_code, level, code`,
      [codes],
    )
  ).rows;
  const byCode = new Map<number, District>();
  const stateName = new Map(states.map((s) => [s.code, s.name]));
  for (const r of rows)
    if (r.level === 'district')
      byCode.set(r.code, {
        stateCode: r.state_code,
        code: r.code,
        name: r.name,
        stateName: stateName.get(r.state_code)!,
        subdistricts: [],
        blocks: [],
        children: 0,
        unitId: '',
      });
  for (const r of rows) {
    const d = byCode.get(r.district_code);
    if (d && r.level === 'subdistrict') d.subdistricts.push(r.code);
    if (d && r.level === 'block') d.blocks.push(r.code);
  }
  const districts = [...byCode.values()].sort((a, b) => a.stateCode - b.stateCode || a.code - b.code);
  // States in proportion to their Census 2011 population, districts by their LGD units (population.data.ts).
  const perState = apportion(
    opts.children,
    codes.map((c) => stateWeight(c)?.population ?? 1000),
  );
  codes.forEach((c, i) => {
    const ds = districts.filter((d) => d.stateCode === c);
    const shares = apportion(
      perState[i],
      ds.map((d) => d.subdistricts.length + d.blocks.length || 1),
    );
    ds.forEach((d, j) => (d.children = shares[j]));
  });
  return districts;
}

// ---------- names ----------

interface Pools {
  script: Script;
  male: NamePart[];
  female: NamePart[];
  surname: NamePart[];
}
const poolCache = new Map<string, Pools>();
function poolsFor(seed: number, stateCode: number): Pools {
  const key = `${seed}:${stateCode}`;
  let p = poolCache.get(key);
  if (!p) {
    const rnd = prng(mixSeed(seed, 100_000 + stateCode));
    p = {
      script: stateWeight(stateCode)?.script ?? 'latin',
      male: namePool(rnd, 'male', 160),
      female: namePool(rnd, 'female', 160),
      surname: namePool(rnd, 'surname', 60),
    };
    poolCache.set(key, p);
  }
  return p;
}
interface Person {
  name: string;
  local: string | null;
}
function person(pools: Pools, given: NamePart, surname: NamePart): Person {
  const deva = `${given.deva} ${surname.deva}`;
  return { name: `${given.latin} ${surname.latin}`, local: toScript(deva, pools.script) };
}

// ---------- the generator ----------

const SYSTEM_ACTOR = '00000000-0000-4000-8000-000000000000';
const CASE_SOURCES = ['anganwadi', 'vcpc', 'school', 'asha', 'police', 'helpline', 'walk_in', 'bal_panchayat', 'ngo'] as const;
const CONCERNS = [
  'child out of school and working',
  'single parent unable to provide care',
  'child at risk of early marriage',
  'family without documents or entitlements',
  'parent with addiction; violence at home',
];
const CASE_STATUS = [
  ['closed', 40],
  ['intake', 10],
  ['under_assessment', 15],
  ['under_cwc', 10],
  ['care_plan_active', 20],
  ['under_review', 5],
] as const;
const LANGUAGE: Record<Script, string> = {
  devanagari: 'hi',
  bengali: 'bn',
  gurmukhi: 'pa',
  gujarati: 'gu',
  odia: 'or',
  tamil: 'ta',
  telugu: 'te',
  kannada: 'kn',
  malayalam: 'ml',
  latin: 'en',
};

interface MissingSeen {
  name: string;
  local: string | null;
  sex: string;
  age: number;
  father: string;
  at: number;
}

class Chunk {
  lines = new Map<Table, string[]>(ORDER.map((t) => [t, []]));
  children = 0;
  row(t: Table, values: unknown[]) {
    this.lines.get(t)!.push(values.map(field).join('\t'));
  }
}

export async function generateNational(url: string, opts: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const hash = createHash('sha256');
  const rows: Record<string, number> = Object.fromEntries(ORDER.map((t) => [t, 0]));
  const asOfMs = Date.parse(`${opts.asOf ?? '2026-11-30'}T18:30:00Z`); // the end of the IST day before asOf's evening
  const model = matchingModel();
  const chunkSize = opts.chunkChildren ?? 20_000;
  // Loading connections: one, and a second once the foreign keys are dropped (then the order in which
  // chunks commit does not matter). One COPY backend was the bottleneck of the 1-crore load (docs/SCALE.md §1).
  const loaders: { client: pg.Client; busy: Promise<void> }[] = [{ client, busy: Promise.resolve() }];
  let flushes = 0;
  let done = 0;
  const log = opts.log ?? (() => undefined);
  const phases: Record<string, number> = {};
  let phaseAt = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    phases[name] = (phases[name] ?? 0) + (now - phaseAt) / 1000;
    phaseAt = now;
  };
  let deferred = false;
  try {
    // A bulk load: a crash loses at most the last commits, never consistency.
    await client.query('SET synchronous_commit = off');
    if (!opts.dryRun) {
      // What a stopped deferred load left off is built again first.
      const left = await restoreDeferred(client, log, opts);
      if (left.length) phase('restore');
    }
    if (opts.deferIndexes && !opts.dryRun) {
      await deferIndexes(client, ORDER, log);
      deferred = true;
      const second = new pg.Client({ connectionString: url });
      await second.connect();
      loaders.push({ client: second, busy: Promise.resolve() });
      await second.query('SET synchronous_commit = off');
      phase('drop');
    }
    const districts = await loadPlaces(client, opts);
    // One DCPU per district owns its cases: the one already there (the demo's) or a new one.
    const units = new Map(
      (
        await client.query<{ district_code: number; id: string }>(
          `SELECT DISTINCT ON (district_code) district_code, id::text FROM organisation WHERE kind = 'DCPU' AND level = 'district' ORDER BY district_code, created_at, id`,
        )
      ).rows.map((r) => [r.district_code, r.id]),
    );
    const first = new Chunk();
    for (const d of districts) {
      const existing = units.get(d.code);
      d.unitId = existing ?? makeIds(prng(mixSeed(opts.seed, 200_000 + d.code)), d.code)();
      if (!existing)
        first.row('organisation', [
          d.unitId,
          `DCPU ${d.name}`,
          'DCPU',
          'district',
          `di:${d.code}`,
          d.stateCode,
          d.code,
          instant(asOfMs - 900 * DAY),
        ]);
    }

    const flush = async (c: Chunk) => {
      const pending: [Table, string][] = [];
      for (const t of ORDER) {
        const ls = c.lines.get(t)!;
        if (!ls.length) continue;
        rows[t] += ls.length;
        const text = ls.join('\n') + '\n';
        // The DCPUs are made only where none exists yet (a rerun finds them): their ids are in the cases.
        if (t !== 'organisation') hash.update(t).update(text);
        pending.push([t, text]);
      }
      const n = c.children;
      // Each connection loads one chunk while the next is generated, in turn; a failed COPY surfaces
      // when its connection is next given a chunk, or at the end.
      const slot = loaders[flushes++ % loaders.length];
      await slot.busy;
      slot.busy = (async () => {
        if (!opts.dryRun && pending.length) {
          await slot.client.query('BEGIN');
          for (const [t, text] of pending) {
            const stream = slot.client.query(copyFrom(`COPY ${t} (${TABLES[t].join(', ')}) FROM STDIN`));
            await new Promise<void>((resolve, reject) => {
              stream.on('finish', resolve);
              stream.on('error', reject);
              stream.end(text);
            });
          }
          await slot.client.query('COMMIT');
        }
        done += n;
        opts.onProgress?.(done, opts.children);
      })();
      slot.busy.catch(() => undefined);
    };

    const missingSeen: MissingSeen[] = [];
    let chunk = first;
    for (const d of districts) {
      await generateDistrict(
        d,
        opts.seed,
        asOfMs,
        model,
        () => chunk,
        missingSeen,
        async () => {
          if (chunk.children >= chunkSize) {
            await flush(chunk);
            chunk = new Chunk();
            await new Promise((r) => setImmediate(r));
          }
        },
      );
    }
    await flush(chunk);
    for (const l of loaders) await l.busy;
    phase('load');
    log(`loaded ${Object.values(rows).reduce((a, b) => a + b, 0)} rows in ${phases.load.toFixed(1)} s`);
    if (deferred) {
      const built = await restoreDeferred(client, log, opts);
      deferred = false;
      phases.indexes = built.filter((b) => b.kind === 'index').reduce((a, b) => a + b.seconds, 0);
      phases.foreign_keys = built.filter((b) => b.kind === 'foreign_key').reduce((a, b) => a + b.seconds, 0);
      phaseAt = Date.now();
    }
    if (!opts.dryRun) {
      for (const t of ORDER) if (rows[t]) await client.query(`ANALYZE ${t}`);
      phase('analyze');
      log(`analyzed in ${phases.analyze.toFixed(1)} s`);
    }
    return {
      phases,
      rows,
      totalRows: Object.values(rows).reduce((a, b) => a + b, 0),
      digest: hash.digest('hex'),
      seconds: (Date.now() - started) / 1000,
      districts: districts.length,
      states: new Set(districts.map((d) => d.stateCode)).size,
    };
  } catch (err) {
    // A chunk still loading on another connection is left to finish or fail before the indexes come back.
    await Promise.allSettled(loaders.map((l) => l.busy));
    for (const l of loaders) await l.client.query('ROLLBACK').catch(() => undefined);
    if (deferred) {
      // Leave the tables whole: what was loaded keeps its indexes and foreign keys (a failed one stays listed in national_load_deferred).
      log('the load failed: building the deferred indexes and foreign keys again');
      await restoreDeferred(client, log, opts).catch((e) => log(`could not: ${String(e)}; the next generate-national run builds them`));
    }
    throw err;
  } finally {
    for (const l of loaders) await l.client.end();
  }
}

async function generateDistrict(
  d: District,
  seed: number,
  asOfMs: number,
  model: ReturnType<typeof matchingModel>,
  cur: () => Chunk,
  missingSeen: MissingSeen[],
  maybeFlush: () => Promise<void>,
) {
  const rnd = prng(mixSeed(seed, d.code));
  // Counters from 1: number 0 of the district is its DCPU's id (above).
  const idsFrom = makeIds(prng(mixSeed(seed, 300_000 + d.code)), d.code);
  idsFrom();
  nextId = idsFrom;
  const pools = poolsFor(seed, d.stateCode);
  const places = { state: d.stateName, district: d.name };
  const language = LANGUAGE[pools.script];
  const blocksWithCases = new Set<number>();
  let left = d.children;
  let families = 0;
  while (left > 0) {
    const c = cur();
    const fid = uuid(rnd);
    const sd = d.subdistricts.length ? pick(rnd, d.subdistricts) : null;
    const bl = d.blocks.length ? pick(rnd, d.blocks) : null;
    const createdMs = asOfMs - Math.floor(rnd() * 700) * DAY - Math.floor(rnd() * 10 * 3600_000);
    const surname = pickSkewed(rnd, pools.surname);
    const caregiver = weighted(rnd, [
      ['both_parents', 60],
      ['single_mother', 15],
      ['single_father', 5],
      ['grandparent', 10],
      ['relative', 7],
      ['child_headed', 3],
    ] as const);
    const father = person(pools, pickSkewed(rnd, pools.male), surname);
    const mother = person(pools, pickSkewed(rnd, pools.female), surname);
    const fatherAge = 26 + Math.floor(rnd() * 25);
    const members: [Person, string, string, number, boolean, string | null, boolean][] = [];
    const fatherAlive = caregiver === 'both_parents' || caregiver === 'single_father';
    const motherAlive = caregiver === 'both_parents' || caregiver === 'single_mother';
    members.push([
      father,
      'father',
      'male',
      fatherAge,
      fatherAlive,
      fatherAlive ? null : pick(rnd, ['illness', 'accident', 'unknown']),
      caregiver === 'single_father',
    ]);
    members.push([
      mother,
      'mother',
      'female',
      fatherAge - 4,
      motherAlive,
      motherAlive ? null : pick(rnd, ['illness', 'unknown']),
      caregiver !== 'single_father',
    ]);
    if (caregiver === 'grandparent' || rnd() < 0.2)
      members.push([
        person(pools, pickSkewed(rnd, pools.female), surname),
        'grandmother',
        'female',
        fatherAge + 25,
        true,
        null,
        caregiver === 'grandparent',
      ]);
    const head = caregiver === 'single_mother' || !fatherAlive ? mother : father;
    const income = 20_000 + Math.floor(rnd() * 20) * 6_000;
    const vulnerable =
      caregiver === 'both_parents'
        ? []
        : caregiver === 'single_mother' || caregiver === 'single_father'
          ? ['single_parent', 'parent_death']
          : ['parent_death'];
    c.row('family', [
      fid,
      d.stateCode,
      d.code,
      sd,
      bl,
      head.name,
      head.local,
      pgArray(indexKeys(head.name, head.local)),
      caregiver,
      rnd() < 0.7 ? 'rural' : 'urban',
      income,
      pick(rnd, ['aay', 'phh', 'apl', 'none']),
      income < 60_000,
      pgArray(vulnerable),
      instant(createdMs),
      instant(createdMs),
    ]);
    for (const [p, rel, sex, age, alive, cause, primary] of members)
      c.row('family_member', [uuid(rnd), fid, p.name, p.local, rel, sex, age, alive, cause, primary && alive, instant(createdMs)]);

    const kids = Math.min(left, 1 + Math.floor(rnd() * 3));
    const childIds: string[] = [];
    for (let k = 0; k < kids; k++) {
      const cid = uuid(rnd);
      childIds.push(cid);
      const sex = rnd() < 0.48 ? 'female' : 'male';
      const kid = person(pools, pickSkewed(rnd, sex === 'female' ? pools.female : pools.male), surname);
      const age = Math.floor(rnd() * 18);
      const dobMs = asOfMs - age * 365.25 * DAY - Math.floor(rnd() * 365) * DAY;
      const care = caregiver === 'grandparent' || caregiver === 'relative' ? 'kinship_care' : rnd() < 0.01 ? 'cci' : 'birth_family';
      c.row('child', [
        cid,
        fid,
        d.stateCode,
        d.code,
        sd,
        bl,
        kid.name,
        kid.local,
        pgArray(indexKeys(kid.name, kid.local)),
        sex,
        dayOf(dobMs),
        rnd() < 0.3,
        care,
        age < 6 ? 'not_applicable' : rnd() < 0.85 ? 'enrolled' : 'out_of_school',
        instant(createdMs),
        instant(createdMs),
      ]);
      c.children++;

      if (rnd() < RATES.casesPerChild) {
        caseFor(c, rnd, d, { cid, fid, sd, bl, createdMs, asOfMs });
        if (bl) blocksWithCases.add(bl);
      }
      if (rnd() < RATES.missingPerChild) {
        const eventMs = asOfMs - Math.floor(rnd() * 365) * DAY;
        missingSeen.push({ name: kid.name, local: kid.local, sex, age, father: father.name, at: eventMs });
        if (missingSeen.length > 5000) missingSeen.splice(0, missingSeen.length - 5000);
        missingFor(c, rnd, d, model, places, {
          kind: 'missing',
          person: kid,
          sex,
          age,
          father: father.name,
          childId: cid,
          eventMs,
          sd,
          bl,
          language,
        });
      }
      if (rnd() < RATES.foundPerChild) {
        // Four in ten found children are someone's missing child from an earlier district (often another state).
        const known = missingSeen.length && rnd() < 0.4 ? missingSeen[Math.floor(rnd() * missingSeen.length)] : null;
        const stranger = person(pools, pickSkewed(rnd, rnd() < 0.5 ? pools.female : pools.male), pickSkewed(rnd, pools.surname));
        const eventMs = known ? Math.min(asOfMs, known.at + Math.floor(rnd() * 60) * DAY) : asOfMs - Math.floor(rnd() * 365) * DAY;
        missingFor(c, rnd, d, model, places, {
          kind: 'found',
          person: known ? { name: known.name, local: null } : rnd() < 0.2 ? null : stranger,
          sex: known?.sex ?? (rnd() < 0.5 ? 'female' : 'male'),
          age: known ? known.age : 4 + Math.floor(rnd() * 13),
          father: known && rnd() < 0.5 ? known.father : null,
          childId: null,
          eventMs,
          sd,
          bl,
          language: known ? null : language,
        });
      }
    }
    if (rnd() < RATES.schemePerFamily) schemeFor(c, rnd, d, { fid, cid: childIds[0], sd, bl, createdMs, asOfMs });
    left -= kids;
    families++;
    if (families % 500 === 0) await maybeFlush();
  }
  meetingsFor(cur(), rnd, d, asOfMs, blocksWithCases);
  await maybeFlush();
}

interface Where {
  cid: string;
  fid: string;
  sd: number | null;
  bl: number | null;
  createdMs: number;
  asOfMs: number;
}

function caseFor(c: Chunk, rnd: () => number, d: District, w: Where) {
  const id = uuid(rnd);
  const status = weighted(rnd, CASE_STATUS);
  const risk = weighted(rnd, [
    ['low', 30],
    ['medium', 40],
    ['high', 25],
    ['critical', 5],
  ] as const);
  const level = w.bl && rnd() < 0.3 ? 'block' : 'district';
  const source = pick(rnd, CASE_SOURCES);
  const openedMs = w.createdMs + Math.floor(rnd() * 30) * DAY;
  const openMs = Math.min(openedMs, w.asOfMs - DAY);
  const base = (at: number) => ({ at: instant(at), by: SYSTEM_ACTOR, unit: d.unitId });
  const actions: [string, number, Record<string, unknown>][] = [
    [
      'intake',
      openMs,
      {
        ...base(openMs),
        type: 'intake',
        source,
        reporter: { name: 'VCPC member', role: source },
        reportedOn: dayOf(openMs),
        childId: w.cid,
        familyId: w.fid,
        concerns: [pick(rnd, CONCERNS)],
        risk,
        level,
        location: { stateCode: d.stateCode, districtCode: d.code, ...(w.bl ? { blockCode: w.bl } : {}) },
        productionRequired: false,
      },
    ],
  ];
  let at = openMs;
  const step = () => (at = Math.min(w.asOfMs, at + (1 + Math.floor(rnd() * 20)) * DAY));
  if (status !== 'intake')
    actions.push([
      'assessment',
      step(),
      { ...base(at), type: 'assessment', risk, needs: [{ domain: 'education_training', need: 'school re-admission' }] },
    ]);
  const notes = Math.floor(rnd() * 3);
  for (let i = 0; i < notes; i++)
    actions.push(['note', step(), { ...base(at), type: 'note', text: 'Home visit: family met, follow-up next month' }]);
  if (status === 'closed')
    actions.push([
      'closure',
      step(),
      { ...base(at), type: 'closure', reason: pick(rnd, ['restored_to_family', 'family_based_care', 'aged_out', 'other']) },
    ]);
  const lastMs = actions[actions.length - 1][1];
  const phase = status === 'closed' ? 'care_plan_active' : status;
  c.row('case_record', [
    id,
    w.cid,
    w.fid,
    d.stateCode,
    d.code,
    w.sd,
    w.bl,
    status,
    phase,
    level,
    risk,
    source,
    dayOf(openMs),
    d.unitId,
    instant(openMs),
    instant(lastMs),
    status === 'closed' ? instant(lastMs) : null,
    instant(lastMs),
  ]);
  actions.forEach(([type, ms, payload], i) =>
    c.row('case_action', [id, i + 1, type, instant(ms), d.unitId, payload, d.stateCode, d.code, instant(ms)]),
  );
}

function missingFor(
  c: Chunk,
  rnd: () => number,
  d: District,
  model: ReturnType<typeof matchingModel>,
  places: { state: string; district: string },
  r: {
    kind: 'missing' | 'found';
    person: Person | null;
    sex: string;
    age: number;
    father: string | null;
    childId: string | null;
    eventMs: number;
    sd: number | null;
    bl: number | null;
    language: string | null;
  },
) {
  const id = uuid(rnd);
  const reference = newReference(r.kind, () => Math.floor(rnd() * 256));
  const linkable = {
    id,
    kind: r.kind,
    name: r.person?.name ?? null,
    nameLocal: r.person?.local ?? null,
    aliases: [],
    sex: r.sex,
    ageYears: r.age,
    fatherName: r.father,
    motherName: null,
    language: r.language,
    marks: null,
    eventDate: dayOf(r.eventMs),
    place: null,
    eventPlace: null,
  };
  const keys = blockingKeysOf(model, toPersonRecords(linkable, places), sideOf(r.kind));
  c.row('missing_record', [
    id,
    r.kind,
    'open',
    'official',
    'police',
    d.stateCode,
    d.code,
    r.sd,
    r.bl,
    linkable.name,
    linkable.nameLocal,
    r.sex,
    r.age,
    true,
    r.father,
    r.language,
    linkable.eventDate,
    d.code,
    r.childId,
    `PS ${d.name}`,
    pgArray(keys),
    model.version,
    // Matched already in the data set: a server starting on it does not queue 5 lakh matchings.
    'done',
    reference,
    instant(r.eventMs),
    instant(r.eventMs),
  ]);
}

function schemeFor(c: Chunk, rnd: () => number, d: District, w: Where) {
  const id = uuid(rnd);
  const status = weighted(rnd, [
    ['identified', 20],
    ['documents_gathering', 20],
    ['applied', 25],
    ['sanctioned', 15],
    ['receiving', 15],
    ['rejected', 5],
  ] as const);
  const path = ['identified', 'documents_gathering', 'applied', 'sanctioned', 'receiving'];
  const upto = status === 'rejected' ? ['identified', 'applied', 'rejected'] : path.slice(0, path.indexOf(status) + 1);
  let at = w.createdMs + Math.floor(rnd() * 60) * DAY;
  const steps = upto.map((s) => {
    const on = Math.min(w.asOfMs, (at += (5 + Math.floor(rnd() * 30)) * DAY));
    return [s, on] as const;
  });
  const dayAt = (s: string) => steps.find(([x]) => x === s)?.[1];
  const amount = status === 'sanctioned' || status === 'receiving' ? 4000 : null; // Mission Vatsalya sponsorship, ₹4,000 a month
  c.row('scheme_application', [
    id,
    'mission-vatsalya-sponsorship',
    'child',
    w.cid,
    w.fid,
    w.cid,
    d.stateCode,
    d.code,
    w.sd,
    w.bl,
    status,
    dayOf(steps[0][1]),
    dayAt('applied') ? dayOf(dayAt('applied')!) : null,
    dayAt('sanctioned') ? dayOf(dayAt('sanctioned')!) : null,
    dayOf(steps[steps.length - 1][1]),
    amount,
    instant(steps[0][1]),
    instant(steps[steps.length - 1][1]),
  ]);
  steps.forEach(([s, on], i) =>
    c.row('scheme_application_step', [id, i + 1, s, dayOf(on), s === 'sanctioned' ? amount : null, d.stateCode, d.code, instant(on)]),
  );
}

/** A district convergence group and one per block with cases, each with a year of monthly meetings (the last one ahead). */
function meetingsFor(c: Chunk, rnd: () => number, d: District, asOfMs: number, blocks: Set<number>) {
  const groups: [number | null, string][] = [
    [null, `District Convergence Group ${d.name}`],
    ...[...blocks].sort((a, b) => a - b).map((b) => [b, `Block Convergence Committee ${b}`] as [number, string]),
  ];
  for (const [bl, name] of groups) {
    const gid = uuid(rnd);
    const day = 1 + Math.floor(rnd() * 28);
    const created = instant(asOfMs - 400 * DAY);
    c.row('convergence_group', [gid, d.stateCode, d.code, bl, bl ? 'block' : 'district', name, day, created, created]);
    const now = new Date(asOfMs);
    for (let m = 11; m >= -1; m--) {
      const date = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, day, 5, 30);
      const past = date < asOfMs;
      const status = !past ? 'scheduled' : rnd() < 0.1 ? 'cancelled' : 'held';
      c.row('convergence_meeting', [
        uuid(rnd),
        gid,
        d.stateCode,
        d.code,
        bl,
        dayOf(date),
        status,
        'Collectorate meeting hall',
        status === 'held' ? instant(date) : null,
        created,
        instant(Math.min(date, asOfMs)),
      ]);
    }
  }
}
