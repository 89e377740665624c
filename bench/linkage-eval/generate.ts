// The independent evaluation set's generator (SPEC.md). It imports nothing from src/: its own PRNG,
// name lists (pools.ts), noise and CSV writer, so the engine's rules cannot leak into what it is scored on.
//   node --import tsx bench/linkage-eval/generate.ts   (rewrites data/dev and data/test)
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  MARKS_A,
  MARKS_B,
  METRO_STATES,
  MUSLIM_BENGALI,
  MUSLIM_PREFIX,
  NICK_BENGALI,
  NICK_F,
  NICK_M,
  PLACES,
  STATES,
  TRADITIONS,
  type NameEntry,
  type Tradition,
} from './pools';

export interface EvalRecord {
  id: string;
  name: string;
  sex: string;
  age: string;
  father_name: string;
  mother_name: string;
  state: string;
  district: string;
  place: string;
  date: string;
  language: string;
  marks: string;
}
export const COLUMNS: (keyof EvalRecord)[] = [
  'id',
  'name',
  'sex',
  'age',
  'father_name',
  'mother_name',
  'state',
  'district',
  'place',
  'date',
  'language',
  'marks',
];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbour(c: string, r: () => number): string {
  for (let row = 0; row < 3; row++) {
    const i = KEYS[row].indexOf(c);
    if (i < 0) continue;
    const opts = [KEYS[row][i - 1], KEYS[row][i + 1], KEYS[row - 1]?.[i], KEYS[row + 1]?.[i]].filter(Boolean) as string[];
    return opts[Math.floor(r() * opts.length)];
  }
  return c;
}
const OCR: [string, string][] = [
  ['m', 'rn'],
  ['rn', 'm'],
  ['d', 'cl'],
  ['i', 'l'],
  ['l', 'i'],
  ['u', 'v'],
  ['v', 'u'],
  ['h', 'b'],
  ['e', 'c'],
];

/** One OCR-like or keyboard typo inside a Latin word (first letter kept: people rarely miswrite it). */
export function typo(word: string, r: () => number): string {
  if (word.length < 4) return word;
  const lower = word.toLowerCase();
  const k = r();
  if (k < 0.25) {
    const cands = OCR.filter(([a]) => lower.indexOf(a, 1) > 0);
    if (cands.length) {
      const [a, b] = cands[Math.floor(r() * cands.length)];
      const at = lower.indexOf(a, 1);
      return word.slice(0, at) + b + word.slice(at + a.length);
    }
  }
  const i = 1 + Math.floor(r() * (word.length - 1));
  if (k < 0.5) return word.slice(0, i) + neighbour(lower[i], r) + word.slice(i + 1);
  if (k < 0.7) return word.slice(0, i) + word.slice(i + 1);
  if (k < 0.85) return word.slice(0, i) + word[i] + word.slice(i);
  if (i < word.length - 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word;
}

const EXTRA_SCRIPT: Record<string, { deva: string; beng: string }> = {
  Kaur: { deva: 'कौर', beng: 'কৌর' },
  Khatun: { deva: 'ख़ातून', beng: 'খাতুন' },
  Begum: { deva: 'बेगम', beng: 'বেগম' },
};
const entry = (name: string, variants: string[]): NameEntry => ({ name, variants, script: EXTRA_SCRIPT[name]?.deva ?? '', nicks: [] });
const KAUR = entry('Kaur', ['Kour', 'Kor']);
const KHATUN = entry('Khatun', ['Khatoon', 'Khaton']);
const BEGUM = entry('Begum', ['Begam', 'Begum']);

interface Child {
  tradition: Tradition;
  sex: 'M' | 'F';
  given: NameEntry;
  surname: NameEntry;
  father: NameEntry;
  mother: NameEntry;
  familySurname: NameEntry;
  age: number;
  state: string;
  district: string;
  place: string;
  date: Date;
  mark: number;
  mdPrefix: boolean;
}

export function generate(seed: number, nMissing: number, nFound: number) {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const TRAD: [Tradition, number][] = [
    ['hindi', 0.3],
    ['marathi', 0.15],
    ['bengali', 0.15],
    ['muslim', 0.15],
    ['tamil', 0.08],
    ['telugu', 0.08],
    ['punjabi', 0.09],
  ];
  const pickTradition = (): Tradition => {
    let x = r();
    for (const [t, w] of TRAD) if ((x -= w) < 0) return t;
    return 'hindi';
  };

  function family(): Omit<Child, 'sex' | 'given' | 'age' | 'mark' | 'familySurname'> {
    const tradition = pickTradition();
    const pools = TRADITIONS[tradition];
    const state = pick(pools.states);
    return {
      tradition,
      surname: pick(pools.surnames),
      father: pick(pools.male),
      mother: pick(pools.female),
      state,
      district: pick(STATES[state].districts),
      place: pick(PLACES),
      date: new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 546) * 86400000),
      mdPrefix: false,
    };
  }
  function child(fam: ReturnType<typeof family>, notGiven?: string, nearAge?: number): Child {
    const sex = chance(0.55) ? 'M' : 'F';
    const pools = TRADITIONS[fam.tradition];
    let given = pick(sex === 'M' ? pools.male : pools.female);
    while (given.name === notGiven) given = pick(sex === 'M' ? pools.male : pools.female);
    let surname = fam.surname;
    if (fam.tradition === 'punjabi')
      surname =
        sex === 'F'
          ? chance(0.6)
            ? KAUR
            : fam.surname
          : chance(0.5)
            ? TRADITIONS.hindi.surnames.find((s) => s.name === 'Singh')!
            : fam.surname;
    if (fam.tradition === 'muslim' && sex === 'F' && chance(0.3)) surname = fam.state === 'WB' || fam.state === 'BR' ? KHATUN : BEGUM;
    const age =
      nearAge === undefined
        ? 3 + Math.floor(r() * 15)
        : Math.max(2, Math.min(17, nearAge + (chance(0.5) ? 1 : -1) * (1 + Math.floor(r() * 4))));
    return {
      ...fam,
      familySurname: fam.surname,
      sex,
      given,
      surname,
      age,
      mark: chance(0.33) ? Math.floor(r() * MARKS_A.length) : -1,
      mdPrefix: fam.tradition === 'muslim' && sex === 'M' && chance(0.4),
    };
  }

  const scriptOf = (c: Child, e: NameEntry): string => {
    const bengal = c.tradition === 'bengali' || (c.tradition === 'muslim' && c.state === 'WB');
    if (bengal) return (c.tradition === 'muslim' ? MUSLIM_BENGALI[e.name] : e.script) || EXTRA_SCRIPT[e.name]?.beng || '';
    return e.script;
  };
  /** A token as someone writes it: canonical half the time, else a variant; in script when asked. */
  const spell = (c: Child, e: NameEntry, inScript: boolean, pVariant = 0.5): string => {
    if (inScript) {
      const s = scriptOf(c, e);
      if (s) return s;
    }
    return e.variants.length && chance(pVariant) ? pick(e.variants) : e.name;
  };

  function writtenName(c: Child, side: 'missing' | 'found', inScript: boolean): string {
    const g = spell(c, c.given, inScript);
    const s = spell(c, c.surname, inScript);
    let tokens: string[];
    switch (c.tradition) {
      case 'tamil': {
        const f = spell(c, c.surname, false);
        const form = r();
        tokens = inScript ? [g, s] : form < 0.35 ? [`${f[0]}.`, g] : form < 0.6 ? [g, f[0]] : form < 0.85 ? [g, f] : [g];
        break;
      }
      case 'telugu':
        tokens = chance(0.6) ? [s, g] : [g, s];
        if (side === 'found' && chance(0.3)) tokens = [g];
        break;
      case 'marathi': {
        const f = spell(c, c.father, inScript);
        if (side === 'missing') tokens = chance(0.5) ? [g, f, s] : [g, s];
        else tokens = chance(0.6) ? [g, s] : chance(0.4) ? [g, f] : [g];
        break;
      }
      default:
        tokens = side === 'found' && chance(0.2) ? [g] : [g, s];
        if (c.mdPrefix && !inScript && chance(side === 'missing' ? 0.7 : 0.4)) tokens.unshift(pick(MUSLIM_PREFIX));
    }
    if (!inScript && side === 'found') {
      tokens = tokens.map((t) => (chance(0.15 / tokens.length) ? typo(t, r) : t));
      if (tokens.length >= 2 && chance(0.07)) tokens = [tokens[tokens.length - 1], ...tokens.slice(0, -1)];
      if (tokens.length >= 2 && chance(0.04)) tokens = [tokens[0] + tokens[1].toLowerCase(), ...tokens.slice(2)];
    }
    if (!inScript && side === 'missing' && chance(0.05)) tokens = tokens.map((t) => (chance(0.5) ? typo(t, r) : t));
    const casing = r();
    const out = tokens.join(' ');
    return casing < 0.2 ? out.toUpperCase() : casing < 0.3 ? out.toLowerCase() : out;
  }

  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const districtTypo = (d: string, p: number) =>
    chance(p)
      ? d
          .split(' ')
          .map((w) => typo(w, r))
          .join(' ')
      : d;

  function missingRecord(c: Child, id: string): EvalRecord {
    const inScript = chance(0.1);
    return {
      id,
      name: writtenName(c, 'missing', inScript),
      sex: c.sex,
      age: chance(0.02) ? '' : String(c.age),
      father_name: `${spell(c, c.father, inScript)} ${c.tradition === 'tamil' ? '' : spell(c, c.familySurname, inScript)}`.trim(),
      mother_name: chance(0.1) ? '' : spell(c, c.mother, inScript),
      state: pick(STATES[c.state].names),
      district: districtTypo(c.district, 0.05),
      place: c.place,
      date: iso(c.date),
      language: TRADITIONS[c.tradition].language,
      marks: c.mark >= 0 && chance(0.8) ? MARKS_A[c.mark] : '',
    };
  }

  function foundRecord(c: Child, id: string): EvalRecord {
    const inScript = chance(0.25);
    let name: string;
    if (chance(0.08)) {
      const own = c.given.nicks;
      const general = c.tradition === 'bengali' ? NICK_BENGALI : c.sex === 'M' ? NICK_M : NICK_F;
      name = own.length && chance(0.5) ? pick(own) : pick(general);
      if (chance(0.4)) name += ' ' + spell(c, c.surname, false);
    } else name = writtenName(c, 'found', inScript);
    const where = r();
    let state = c.state;
    let district = c.district;
    if (where >= 0.55 && where < 0.85) district = pick(STATES[c.state].districts.filter((d) => d !== c.district));
    else if (where >= 0.85) {
      state = pick(METRO_STATES.filter((s) => s !== c.state));
      district = STATES[state].metro ?? pick(STATES[state].districts);
    }
    const sparse = r();
    const noParents = sparse < 0.25;
    const noPlace = sparse < 0.1;
    const delta = (() => {
      const x = r();
      const mag = x < 0.4 ? 0 : x < 0.75 ? 1 : x < 0.93 ? 2 : 3 + Math.floor(r() * 2);
      return chance(0.5) ? mag : -mag;
    })();
    const found = new Date(c.date.getTime() + Math.floor(90 * r() * r()) * 86400000);
    return {
      id,
      name,
      sex: chance(0.01) ? '' : c.sex,
      age: chance(0.05) ? '' : String(Math.max(1, c.age + delta)),
      father_name: noParents
        ? ''
        : (() => {
            const f =
              spell(c, c.father, inScript) + (chance(0.5) && c.tradition !== 'tamil' ? ' ' + spell(c, c.familySurname, inScript) : '');
            return !inScript && chance(0.1) ? typo(f, r) : f;
          })(),
      mother_name: noParents || chance(0.3) ? '' : spell(c, c.mother, inScript),
      state: noPlace ? '' : pick(STATES[state].names),
      district: noPlace ? '' : districtTypo(district, 0.2),
      place: noPlace
        ? ''
        : district === c.district && chance(0.4)
          ? c.place
          : pick(['Railway Station', 'Bus Stand', 'Market', 'Temple', '']),
      date: iso(found),
      language: chance(0.5) ? '' : TRADITIONS[c.tradition].language,
      marks: c.mark >= 0 && chance(0.5) ? MARKS_B[c.mark] : '',
    };
  }

  // Missing children (some with a missing sibling), 70% of them found; the rest of the found are unreported.
  const missingChildren: Child[] = [];
  while (missingChildren.length < nMissing) {
    const fam = family();
    const c = child(fam);
    missingChildren.push(c);
    if (chance(0.08) && missingChildren.length < nMissing) missingChildren.push(child(fam, c.given.name, c.age));
  }
  const nTrue = Math.min(nFound, Math.round(nMissing * 0.7));
  const foundChildren: (Child & { truth?: number })[] = [];
  const order = missingChildren.map((_, i) => i).sort(() => r() - 0.5);
  for (let k = 0; k < nTrue; k++) foundChildren.push({ ...missingChildren[order[k]], truth: order[k] });
  while (foundChildren.length < nFound) foundChildren.push(child(family()));

  const ids = (prefix: string, n: number) => {
    const xs = Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(6, '0')}`);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  const mIds = ids('M', missingChildren.length);
  const fIds = ids('F', foundChildren.length);
  const missing = missingChildren.map((c, i) => missingRecord(c, mIds[i]));
  const found = foundChildren.map((c, i) => foundRecord(c, fIds[i]));
  const truth = foundChildren.flatMap((c, i) => (c.truth === undefined ? [] : [{ left_id: mIds[c.truth], right_id: fIds[i] }]));
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { missing: missing.sort(byId), found: found.sort(byId), truth };
}

export function toCsv(rows: Record<string, string>[], columns: string[]): string {
  const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...rows.map((row) => columns.map((c) => q(row[c] ?? '')).join(','))].join('\n') + '\n';
}

export const SPLITS = { dev: { seed: 11, n: 2000 }, test: { seed: 29, n: 5000 } } as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [split, { seed, n }] of Object.entries(SPLITS)) {
    const { missing, found, truth } = generate(seed, n, n);
    const dir = new URL(`./data/${split}/`, import.meta.url);
    mkdirSync(dir, { recursive: true });
    writeFileSync(new URL('missing.csv', dir), toCsv(missing as unknown as Record<string, string>[], COLUMNS));
    writeFileSync(new URL('found.csv', dir), toCsv(found as unknown as Record<string, string>[], COLUMNS));
    writeFileSync(new URL('truth.csv', dir), toCsv(truth, ['left_id', 'right_id']));
    process.stderr.write(`${split}: ${missing.length} missing, ${found.length} found, ${truth.length} true pairs\n`);
  }
}
