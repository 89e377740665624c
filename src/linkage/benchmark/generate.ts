// Synthetic, labelled missing (left) and found (right) children's records with realistic noise.
// Deterministic for a seed. Hard negatives: siblings who share parents and village.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { emptyPerson, type PersonRecord } from '../record';
import { devanagari, noisyToken, Rng, Zipf, type PoolName } from './noise';
import { composedNames, FEMALE, MALE, MARKS, NICKNAMES_F, NICKNAMES_M, parsePool, STATE_LANGUAGE, SURNAMES, VILLAGE_PARTS } from './pools';

export interface BenchmarkOptions {
  seed?: number;
  left?: number;
  right?: number;
  /** Share of right records that are a found copy of some left record. */
  matchRate?: number;
}

export interface Benchmark {
  left: PersonRecord[];
  right: PersonRecord[];
  /** right id → left id of its true match. */
  truth: Map<string, string>;
}

interface District {
  state: string;
  name: string;
}
interface Family {
  surname: PoolName;
  father: PoolName;
  mother: PoolName;
  d: District;
  village: string;
  language: string;
}
interface Child {
  fam: Family;
  first: PoolName;
  sex: 'm' | 'f';
  age: number;
  marks: string;
}

let districts: District[] | null = null;
function loadDistricts(): District[] {
  if (districts) return districts;
  const text = readFileSync(new URL('../../../reference/lgd/2-district.csv', import.meta.url), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  districts = rows.map((r) => ({ state: titleCase(r['State Name']), name: titleCase(r['District Name']) }));
  return districts;
}

const titleCase = (s: string) => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
const DAY = 86_400_000;
const isoDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export function generateBenchmark(opts: BenchmarkOptions = {}): Benchmark {
  const rng = new Rng(opts.seed ?? 1);
  const nL = opts.left ?? 2000,
    nR = opts.right ?? 2000,
    matchRate = opts.matchRate ?? 0.5;
  // The hand-written head (with real Devanagari spellings) is the common part; composed names
  // form the long tail, so namesakes are about as frequent as in a real population.
  const pool = (head: string, sex: 'm' | 'f') => [
    ...parsePool(head),
    ...rng.shuffle(composedNames(sex)).map((latin) => ({ latin, deva: null })),
  ];
  const female = new Zipf(pool(FEMALE, 'f'), 0.75),
    male = new Zipf(pool(MALE, 'm'), 0.75),
    surnames = new Zipf(parsePool(SURNAMES), 0.6);
  const ds = loadDistricts();
  // Populous states report more children: weight districts by a Zipf over a shuffled order.
  const distZ = new Zipf(rng.shuffle([...ds]), 0.6);
  const villageNames = VILLAGE_PARTS.head.flatMap((h) => VILLAGE_PARTS.tail.map((t) => h + t));

  const newFamily = (): Family => {
    const d = distZ.sample(rng);
    return {
      surname: surnames.sample(rng),
      father: male.sample(rng),
      mother: female.sample(rng),
      d,
      village: rng.pick(villageNames),
      language: STATE_LANGUAGE[d.state.toUpperCase()] ?? 'Hindi',
    };
  };
  const newChild = (fam: Family, avoid?: Child): Child => {
    const sex = rng.chance(0.5) ? 'm' : 'f';
    let first = (sex === 'm' ? male : female).sample(rng);
    while (avoid && first.latin === avoid.first.latin) first = (sex === 'm' ? male : female).sample(rng);
    const age = avoid ? Math.max(1, Math.min(17, avoid.age + rng.pick([-5, -4, -3, -2, 2, 3, 4, 5]))) : rng.int(2, 17);
    return { fam, first, sex, age, marks: rng.chance(0.4) ? rng.pick(MARKS) : '' };
  };

  const left: PersonRecord[] = [];
  const missing: Array<{ child: Child; day: number; rec: PersonRecord }> = [];
  const start = Date.UTC(2021, 0, 1) / DAY;
  for (let k = 0; k < nL; k++) {
    // Some families lose more than one child: siblings on the left are hard negatives for each other.
    const prev = missing.length > 0 && rng.chance(0.05) ? rng.pick(missing).child : null;
    const child = prev ? newChild(prev.fam, prev) : newChild(newFamily());
    const day = start + rng.int(0, 4 * 365);
    const rec = missingRecord(`M${String(k + 1).padStart(6, '0')}`, child, day, rng);
    left.push(rec);
    missing.push({ child, day, rec });
  }

  const right: PersonRecord[] = [];
  const truth = new Map<string, string>();
  const order = rng.shuffle(Array.from({ length: nR }, (_, k) => k));
  const used = new Set<number>();
  for (let k = 0; k < nR; k++) {
    const id = `F${String(order[k] + 1).padStart(6, '0')}`;
    if (rng.chance(matchRate) && used.size < missing.length) {
      let x = rng.int(0, missing.length - 1);
      while (used.has(x)) x = (x + 1) % missing.length;
      used.add(x);
      const m = missing[x];
      right.push(foundRecord(id, m.child, m.day + foundDelay(rng), m.day, rng));
      truth.set(id, m.rec.id);
    } else {
      // A third of the unmatched found children are siblings of a missing child: same parents, village.
      const sib = rng.chance(0.33) && missing.length > 0 ? rng.pick(missing) : null;
      const child = sib ? newChild(sib.child.fam, sib.child) : newChild(newFamily());
      const day = sib ? sib.day + foundDelay(rng) : start + rng.int(0, 4 * 365);
      right.push(foundRecord(id, child, day, day, rng));
    }
  }
  right.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { left, right, truth };
}

function foundDelay(rng: Rng): number {
  const r = rng.next();
  if (r < 0.02) return -rng.int(1, 60); // data-entry slips
  if (r < 0.12) return rng.int(366, 3 * 365);
  return Math.round(-Math.log(Math.max(1e-9, rng.next())) * 60);
}

function misspell(s: string, rng: Rng, p: number): string {
  if (!rng.chance(p) || s.length < 5) return s;
  const i = rng.int(1, s.length - 2);
  return rng.chance(0.5) ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

function missingRecord(id: string, c: Child, day: number, rng: Rng): PersonRecord {
  const r = emptyPerson(id);
  const hindiBelt = c.fam.language === 'Hindi' || c.fam.language === 'Marathi';
  const script = rng.chance(hindiBelt ? 0.3 : 0.08) ? 'deva' : 'latin';
  const tok = (n: PoolName) => noisyToken(n, rng, 0.1, 0.02, script);
  r.name = rng.chance(0.8) ? `${tok(c.first)} ${tok(c.fam.surname)}` : tok(c.first);
  r.sex = c.sex;
  r.age = c.age;
  if (rng.chance(0.85)) r.father_name = rng.chance(0.8) ? `${tok(c.fam.father)} ${tok(c.fam.surname)}` : tok(c.fam.father);
  if (rng.chance(0.7)) r.mother_name = rng.chance(0.4) ? `${tok(c.fam.mother)} ${tok(c.fam.surname)}` : tok(c.fam.mother);
  r.state = c.fam.d.state;
  r.district = misspell(c.fam.d.name, rng, 0.05);
  if (rng.chance(0.85)) r.place = c.fam.village;
  r.date = isoDate(day);
  if (rng.chance(0.85)) r.language = c.fam.language;
  r.marks = c.marks;
  return r;
}

function foundRecord(id: string, c: Child, day: number, missingDay: number, rng: Rng): PersonRecord {
  const r = emptyPerson(id);
  const script = rng.chance(0.25) ? 'deva' : 'latin';
  const tok = (n: PoolName) => noisyToken(n, rng, 0.3, 0.08, script);
  if (rng.chance(0.05)) r.name = rng.pick(c.sex === 'm' ? NICKNAMES_M : NICKNAMES_F);
  else {
    const parts = rng.chance(0.6) ? [tok(c.first), tok(c.fam.surname)] : [tok(c.first)];
    if (parts.length === 2 && rng.chance(0.15)) parts.reverse();
    r.name = parts.join(' ');
  }
  if (!rng.chance(0.02)) r.sex = c.sex;
  const years = Math.max(0, (day - missingDay) / 365.25);
  if (rng.chance(0.93)) r.age = Math.max(0, Math.min(25, Math.round(c.age + years + rng.normal() * 1.3)));
  if (rng.chance(0.7)) r.father_name = rng.chance(0.5) ? `${tok(c.fam.father)} ${tok(c.fam.surname)}` : tok(c.fam.father);
  if (rng.chance(0.6)) r.mother_name = tok(c.fam.mother);
  const where = rng.next();
  const ds = loadDistricts();
  if (where < 0.55) {
    r.state = c.fam.d.state;
    r.district = misspell(c.fam.d.name, rng, 0.1);
    if (rng.chance(0.5)) r.place = script === 'deva' ? devanagari({ latin: c.fam.village, deva: null }) : c.fam.village;
  } else {
    // Found far from home: another district of the same state, or another state altogether.
    const sameState = ds.filter((d) => d.state === c.fam.d.state);
    const d = where < 0.8 && sameState.length > 1 ? rng.pick(sameState) : rng.pick(ds);
    r.state = d.state;
    r.district = d.name;
  }
  if (rng.chance(0.05)) r.state = '';
  r.date = isoDate(day);
  const lang = rng.next();
  r.language = lang < 0.7 ? c.fam.language : lang < 0.8 ? 'Hindi' : '';
  if (c.marks && rng.chance(0.5)) {
    const words = c.marks.split(' ');
    r.marks = rng.chance(0.5) ? words.filter(() => rng.chance(0.8)).join(' ') : c.marks;
  }
  return r;
}
