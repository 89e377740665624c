/**
 * The holdout set: missing children's reports (left) and found children's records (right) written by
 * other hands, with the truth. Deterministic by seed; imports nothing from src/ (SPEC.md says why and
 * what each choice is).
 *   npx tsx bench/linkage-holdout/generate.ts --n 5000 --seed 61206 --out bench/linkage-holdout/data/5k
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { canonicalLatin, indicTypo, latinOf, latinTypo } from './latin';
import {
  FAR_DESTINATIONS,
  MARKS,
  MARKS_OTHER,
  MUSLIM_PREFIX,
  MUSLIM_PREFIX_KEY,
  PLACE_WORDS,
  REGIONS,
  REGION_WEIGHTS,
  STATES,
  VILLAGE_WORDS,
  type Region,
  type State,
} from './pools';
import { Rng } from './rng';
import { SCRIPT_LANG, toScript, tokenize, type Script } from './script';

export const HEADER = [
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
] as const;
export type Row = Record<(typeof HEADER)[number], string>;

/** The proportions chosen for this set (SPEC.md §3). */
export const P = {
  matchedFound: 0.69, // found records with a true missing report
  siblingFound: 0.085, // found records that are a sibling of a reported child (hard negatives)
  namesakeFound: 0.055, // another family's child with the same given name and surname
  siblingMissing: 0.06, // a second missing child of a family whose other child is found
  sparseFound: 0.31, // matched found records with only a (pet) name, sex, estimated age, place
};

interface Child {
  region: Region;
  script: Script; // the family's script
  sex: 'M' | 'F';
  given: string; // pool entry
  surname: string | null;
  father: string;
  mother: string;
  pet: string | null; // key or entry
  age: number; // at the missing date, years (fractions for toddlers)
  home: State;
  district: string[];
  place: string;
  missingDay: number; // days since 2023-01-01
  mark: string | null;
  family: number;
}

const DAY0 = Date.UTC(2023, 0, 1);
const iso = (day: number) => new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
const stateByName = new Map(STATES.map((s) => [s.name, s]));
const keyOf = (entry: string) => entry.split('=')[0];

class Gen {
  rng: Rng;
  family = 0;
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  region(): Region {
    const id = this.rng.weighted(Object.entries(REGION_WEIGHTS));
    return REGIONS.find((r) => r.id === id)!;
  }

  childAge(): number {
    const band = this.rng.weighted<[number, number]>([
      [[0.5, 3], 0.05],
      [[4, 8], 0.2],
      [[9, 13], 0.4],
      [[14, 17], 0.35],
    ]);
    if (band[0] < 1) return Math.round((0.5 + this.rng.next() * 2.5) * 12) / 12;
    return this.rng.int(band[0], band[1]);
  }

  givenFor(r: Region, sex: 'M' | 'F', not?: string): string {
    let g: string;
    do g = this.rng.pick(sex === 'M' ? r.boys : r.girls);
    while (not !== undefined && keyOf(g) === keyOf(not));
    return g;
  }

  petFor(r: Region, sex: 'M' | 'F', given: string): string | null {
    if (!this.rng.chance(0.72)) return null;
    if (this.rng.chance(0.62)) return this.rng.pick(sex === 'M' ? r.petBoys : r.petGirls);
    // a pet name made from the given name: its first syllable and a home ending (Ramu, Santu, Ganya, Bubai)
    const toks = tokenize(keyOf(given));
    let cut = 0;
    let vowels = 0;
    for (; cut < toks.length; cut++) {
      if (/^[aeiouEO]/.test(toks[cut])) vowels++;
      if (vowels === 1 && cut + 1 < toks.length && !/^[aeiouEO]/.test(toks[cut + 1])) {
        cut += 2;
        break;
      }
    }
    const stem = toks.slice(0, Math.max(2, cut)).join('');
    const endings =
      r.id === 'marathi' ? ['yaa', 'u'] : r.id === 'bangla' ? ['u', 'ai', 'aa'] : sex === 'M' ? ['u', 'uu', 'aa', 'i'] : ['i', 'u', 'o'];
    return stem.replace(/(aa|ii|uu|[aeiou])$/, '') + this.rng.pick(endings);
  }

  newChild(region?: Region): Child {
    const r = region ?? this.region();
    const homeName = this.rng.chance(0.7) ? r.states[0] : this.rng.pick(r.states);
    const home = stateByName.get(homeName)!;
    const sex = this.rng.chance(0.56) ? 'M' : 'F';
    const given = this.givenFor(r, sex);
    const script: Script =
      r.id === 'muslim' ? home.script : r.id === 'punjabi' && home.name !== 'Punjab' && this.rng.chance(0.5) ? 'deva' : r.script;
    return {
      region: r,
      script,
      sex,
      given,
      surname: r.surnames.length ? this.rng.pick(r.surnames) : null,
      father: this.givenFor(r, 'M', given),
      mother: this.givenFor(r, 'F', given),
      pet: this.petFor(r, sex, given),
      age: this.childAge(),
      home,
      district: this.rng.pick(home.districts),
      place: `${this.rng.pick(PLACE_WORDS)} ${this.rng.pick(VILLAGE_WORDS)}`,
      missingDay: this.rng.int(0, 1000),
      mark: this.rng.chance(0.45) ? this.rng.pick(MARKS) : null,
      family: this.family++,
    };
  }

  sibling(c: Child): Child {
    const sex = this.rng.chance(0.55) ? c.sex : c.sex === 'M' ? 'F' : 'M';
    const given = this.givenFor(c.region, sex, c.given);
    let age = c.age + (this.rng.chance(0.5) ? 1 : -1) * this.rng.int(1, 6);
    if (age < 1 || age > 17) age = c.age + (age < 1 ? 1 : -1) * this.rng.int(1, 4);
    return {
      ...c,
      sex,
      given,
      pet: this.petFor(c.region, sex, given),
      age: Math.round(age),
      mark: this.rng.chance(0.3) ? this.rng.pick(MARKS) : null,
    };
  }

  namesake(c: Child): Child {
    const other = this.newChild(c.region);
    return { ...other, sex: c.sex, given: c.given, surname: c.surname, home: this.rng.chance(0.6) ? c.home : other.home };
  }

  // ---- writing a name -------------------------------------------------------------------------------

  /** one word in the script or in Latin */
  word(entry: string, script: Script | null, style: Region['id']): string {
    if (script) return toScript(keyOf(entry), script);
    return latinOf(entry, style, this.rng);
  }

  surnameWord(c: Child, script: Script | null): string | null {
    const r = c.region;
    if (r.id === 'hindi' && this.rng.chance(0.4)) return this.word(c.sex === 'M' ? 'kumaar=Kumar' : 'kumaari=Kumari', script, r.id);
    if (r.id === 'punjabi') {
      const sk = c.sex === 'M' ? 'siMgh=Singh/Singh/Sing' : 'kaur=Kaur/Kour';
      return [this.word(sk, script, r.id), ...(c.surname && this.rng.chance(0.5) ? [this.word(c.surname, script, r.id)] : [])].join(' ');
    }
    if (r.id === 'muslim' && c.sex === 'F' && this.rng.chance(0.45))
      return this.word(this.rng.pick(['khaatuun=Khatoon/Khatun', 'baano=Bano/Banu', 'bibi=Bibi', 'parviin=Parveen']), script, r.id);
    if (!c.surname) return null;
    return this.word(c.surname, script, r.id);
  }

  initial(entry: string, script: Script | null): string {
    if (script) return [...toScript(keyOf(entry), script)][0] + '.';
    return canonicalLatin(entry)[0].toUpperCase() + (this.rng.chance(0.7) ? '.' : '');
  }

  /** The full name as the family or the police write it. */
  fullName(c: Child, script: Script | null, kinds: string[] | null): string {
    const r = c.region;
    const st = r.id;
    const given = this.word(c.given, script, st);
    const sur = this.surnameWord(c, script);
    const fatherMid = () => this.word(c.father, script, st);
    switch (st) {
      case 'tamil': {
        const ini = this.initial(c.father, script);
        const f = this.rng.next();
        if (f < 0.5) return `${ini} ${given}`;
        if (f < 0.8) return `${given} ${ini}`;
        kinds?.push('initial-expanded');
        return `${given} ${fatherMid()}`;
      }
      case 'telugu': {
        const f = this.rng.next();
        if (f < 0.45) return `${sur} ${given}`;
        if (f < 0.75) return `${this.initial(c.surname!, script)} ${given}`;
        return `${given} ${sur}`;
      }
      case 'marathi':
      case 'gujarati':
        return this.rng.chance(0.45) ? `${given} ${fatherMid()} ${sur}` : `${given} ${sur}`;
      case 'muslim': {
        const pre =
          c.sex === 'M' && this.rng.chance(0.35) ? (script ? toScript(MUSLIM_PREFIX_KEY, script) : this.rng.pick(MUSLIM_PREFIX)) : '';
        return [pre, given, sur].filter(Boolean).join(' ');
      }
      default:
        return [given, sur].filter(Boolean).join(' ');
    }
  }

  petWord(c: Child, script: Script | null): string {
    return this.word(c.pet!, script, c.region.id);
  }

  parentName(c: Child, which: 'father' | 'mother', script: Script | null): string {
    const r = c.region;
    const g = this.word(which === 'father' ? c.father : c.mother, script, r.id);
    if (which === 'father') {
      if (r.id === 'tamil' || r.id === 'telugu') return this.rng.chance(0.5) ? g : `${g}${script ? '' : ''}`;
      if (r.id === 'punjabi') return `${g} ${this.word('siMgh=Singh', script, r.id)}`;
      const sur =
        c.surname && this.rng.chance(0.7)
          ? this.word(c.surname, script, r.id)
          : r.id === 'hindi'
            ? this.word('prasaad=Prasad', script, r.id)
            : '';
      return [g, sur].filter(Boolean).join(' ');
    }
    const suffix: Record<string, string> = {
      hindi: 'devi=Devi',
      muslim: 'begam=Begum/Begam',
      punjabi: 'kaur=Kaur',
      gujarati: 'ben=Ben/Bahen',
      marathi: 'baai=Bai',
    };
    if (suffix[r.id] && this.rng.chance(0.7)) return `${g} ${this.word(suffix[r.id], script, r.id)}`;
    return g;
  }

  scriptOrLatin(native: Script, pScript: number): Script | null {
    return this.rng.chance(pScript) ? native : null;
  }

  typo(name: string, script: Script | null, kinds: string[], pLatin: number, pIndic: number): string {
    if (script) {
      if (this.rng.chance(pIndic)) {
        kinds.push('typo-indic');
        return indicTypo(name, this.rng);
      }
      return name;
    }
    if (this.rng.chance(pLatin)) {
      const kind = this.rng.chance(0.45) ? 'ocr' : 'keyboard';
      kinds.push(`typo-${kind}`);
      return latinTypo(name, kind, this.rng);
    }
    return name;
  }

  stateText(s: State, kinds: string[] | null): string {
    const f = this.rng.next();
    if (f < 0.22) {
      kinds?.push('state-code');
      return this.rng.pick(s.codes);
    }
    if (f < 0.26) return '';
    return s.name;
  }

  districtText(d: string[], kinds: string[] | null): string {
    const f = this.rng.next();
    if (f < 0.2 && d.length > 1) {
      kinds?.push('district-variant');
      return this.rng.pick(d.slice(1));
    }
    if (f < 0.28) {
      kinds?.push('district-typo');
      return latinTypo(d[0], 'keyboard', this.rng);
    }
    if (f < 0.31) return '';
    return d[0];
  }

  sexText(sex: 'M' | 'F', pBlank: number, pWrong: number, kinds: string[] | null): string {
    const f = this.rng.next();
    if (f < pBlank) {
      kinds?.push('sex-blank');
      return '';
    }
    if (f < pBlank + pWrong) {
      kinds?.push('sex-wrong');
      sex = sex === 'M' ? 'F' : 'M';
    }
    const g = this.rng.next();
    if (g < 0.72) return sex;
    if (g < 0.93) return sex === 'M' ? 'Male' : 'Female';
    return sex === 'M' ? 'Boy' : 'Girl';
  }

  // ---- the two kinds of record ----------------------------------------------------------------------

  missingRow(c: Child): Row {
    const script = this.scriptOrLatin(c.script, 0.42);
    let name = this.fullName(c, script, null);
    if (c.pet && this.rng.chance(0.14)) {
      const pet = this.petWord(c, script);
      name = this.rng.pick([`${name} (${pet})`, `${name} urf ${pet}`, `${name} alias ${pet}`, `${name} @ ${pet}`]);
    }
    name = this.typo(name, script, [], 0.05, 0.05);
    let age = '';
    const fa = this.rng.next();
    if (fa < 0.07) age = '';
    else if (c.age < 3)
      age = (Math.round(c.age * 12) / 12).toFixed(1); // the family gave months
    else if (fa < 0.12)
      age = String(c.age + 0.5); // "10-11 years" entered as the middle
    else if (fa < 0.17) age = String(Math.min(17, c.age + (this.rng.chance(0.5) ? 1 : -1)));
    else age = String(c.age);
    const pScriptParent = script ? 0.85 : 0.1;
    return {
      id: '',
      name,
      sex: this.sexText(c.sex, 0.02, 0.005, null),
      age,
      father_name: this.rng.chance(0.9) ? this.parentName(c, 'father', this.scriptOrLatin(c.script, pScriptParent)) : '',
      mother_name: this.rng.chance(0.62) ? this.parentName(c, 'mother', this.scriptOrLatin(c.script, pScriptParent)) : '',
      state: this.stateText(c.home, null),
      district: this.districtText(c.district, null),
      place: c.place,
      date: iso(c.missingDay),
      language: script ? (c.region.id === 'marathi' ? 'mr' : SCRIPT_LANG[script]) : this.rng.chance(0.45) ? c.region.lang : '',
      marks: c.mark ?? '',
    };
  }

  /** A found child's record, with the kinds of variation written into it. */
  foundRow(c: Child, kinds: string[]): Row {
    // when and where
    const dw = this.rng.weighted<[number, number]>([
      [[0, 15], 0.45],
      [[16, 90], 0.3],
      [[91, 365], 0.17],
      [[366, 1100], 0.08],
    ]);
    // nothing is found after the day the set was made (2026-11-30 = day 1429)
    const delay = Math.min(this.rng.int(dw[0], dw[1]), 1429 - c.missingDay);
    if (delay > 365) kinds.push('found-after-a-year');
    const trueAge = c.age + delay / 365;
    let state = c.home;
    let district = c.district;
    let place: string;
    const w = this.rng.next();
    if (w < 0.38) {
      place = this.rng.chance(0.5) ? c.place : this.rng.pick(c.home.places);
    } else if (w < 0.6) {
      kinds.push('other-district');
      const others = c.home.districts.filter((d) => d !== c.district);
      district = others.length ? this.rng.pick(others) : c.district;
      place = this.rng.pick(c.home.places);
    } else {
      kinds.push('far-state');
      const dest = this.rng.weighted(FAR_DESTINATIONS.filter(([n]) => n !== c.home.name));
      state = stateByName.get(dest)!;
      district = this.rng.chance(0.8) ? state.districts[0] : this.rng.pick(state.districts);
      place = this.rng.pick(state.places);
    }
    const far = state !== c.home;
    const sparse = this.rng.chance(P.sparseFound);
    // which script the finder writes in
    const native: Script = far ? state.script : c.script;
    const script = this.scriptOrLatin(native, far ? 0.2 : 0.33);
    if (script) kinds.push(script === c.script ? 'script' : 'other-script');
    let name: string;
    if (sparse) {
      kinds.push('sparse');
      if (c.pet && this.rng.chance(0.5)) {
        kinds.push('pet-name-only');
        name = this.petWord(c, script);
      } else {
        kinds.push('given-only');
        name = this.word(c.given, script, c.region.id);
      }
    } else {
      name = this.fullName(c, script, kinds);
      const parts = name.split(' ');
      const f = this.rng.next();
      if (c.pet && f < 0.1) {
        kinds.push('pet-for-given');
        const given = this.word(c.given, script, c.region.id);
        const i = parts.indexOf(given);
        const pet = this.petWord(c, script);
        name = i >= 0 ? [...parts.slice(0, i), pet, ...parts.slice(i + 1)].join(' ') : `${pet} ${parts.slice(1).join(' ')}`.trim();
      } else if (c.pet && f < 0.15) {
        kinds.push('pet-alias');
        name = `${name} ${this.rng.pick(['urf', 'alias', '@', 'a.k.a.'])} ${this.petWord(c, script)}`;
      } else if (f < 0.32 && parts.length > 1) {
        kinds.push('surname-dropped');
        name = parts[0].endsWith('.') && parts.length > 1 ? parts[1] : parts[0];
      } else if (f < 0.44 && parts.length > 1) {
        kinds.push('swapped');
        name = [...parts.slice(1), parts[0]].join(' ');
      } else if (f < 0.5 && parts.length > 1) {
        kinds.push('fused');
        name = parts.join('');
      } else if (f < 0.59) {
        kinds.push('father-as-surname');
        name = `${this.word(c.given, script, c.region.id)} ${this.word(c.father, script, c.region.id)}`;
      }
    }
    name = this.typo(name, script, kinds, 0.22, 0.15);
    // the age is a guess
    let age = '';
    if (this.rng.chance(sparse ? 0.2 : 0.1)) kinds.push('age-blank');
    else {
      const off = this.rng.weighted<number>([
        [0, 0.25],
        [1, 0.16],
        [-1, 0.14],
        [2, 0.14],
        [-2, 0.13],
        [3, 0.08],
        [-3, 0.07],
        [4, 0.02],
        [-4, 0.01],
      ]);
      // a child care institution registers a child it takes to be under 18 (JJ Act 2015 s.2(12))
      const est = Math.min(17, Math.max(trueAge < 3 ? 0.5 : 1, Math.round(trueAge) + (trueAge < 3 ? Math.sign(off) * 0.5 : off)));
      if (Math.abs(off) >= 2) kinds.push('age-off-2+');
      age = trueAge >= 3 && this.rng.chance(0.15) ? String(est + 0.5) : String(est); // "8-9 yrs" entered as the middle
    }
    const parentScript = () => this.scriptOrLatin(native, script ? 0.8 : 0.1);
    const father = !sparse && this.rng.chance(0.5) ? this.parentName(c, 'father', parentScript()) : '';
    const mother = !sparse && this.rng.chance(0.25) ? this.parentName(c, 'mother', parentScript()) : '';
    let marks = '';
    if (c.mark && this.rng.chance(sparse ? 0.2 : 0.35))
      marks = this.rng.chance(0.6) ? this.rng.pick(MARKS_OTHER[c.mark] ?? [c.mark]) : c.mark;
    const stateText = this.stateText(state, kinds);
    const districtText = this.districtText(district, kinds);
    return {
      id: '',
      name,
      sex: this.sexText(c.sex, sparse ? 0.06 : 0.03, 0.015, kinds),
      age,
      father_name: father,
      mother_name: mother,
      state: stateText,
      district: districtText,
      place,
      date: iso(c.missingDay + delay),
      language: script ? (script === c.script && c.region.id === 'marathi' ? 'mr' : SCRIPT_LANG[script]) : '',
      marks,
    };
  }
}

export interface Split {
  missing: Row[];
  found: Row[];
  truth: [string, string][];
  /** right_id, class (match | sibling | namesake | stranger), related left_id, variations */
  kinds: [string, string, string, string][];
}

/** n missing reports and n found records. */
export function generate(n: number, seed: number): Split {
  const g = new Gen(seed);
  const rng = g.rng;
  const nMatched = Math.round(n * P.matchedFound);
  const nSibF = Math.round(n * P.siblingFound);
  const nNameF = Math.round(n * P.namesakeFound);
  const nSibM = Math.round(n * P.siblingMissing);
  const matched = Array.from({ length: nMatched }, () => g.newChild());
  const missingOnly: Child[] = [];
  for (let i = 0; i < nSibM; i++) missingOnly.push(g.sibling(rng.pick(matched)));
  while (matched.length + missingOnly.length < n) missingOnly.push(g.newChild());
  const missingChildren = [...matched, ...missingOnly];
  const missingRows = missingChildren.map((c) => g.missingRow(c));
  // ids assigned after shuffling, so their order says nothing
  const order = rng.shuffle(missingChildren.map((_, i) => i));
  const leftId = new Map<number, string>();
  order.forEach((ci, k) => leftId.set(ci, `MR-${String(k + 1).padStart(5, '0')}`));
  const missing = order.map((ci) => ({ ...missingRows[ci], id: leftId.get(ci)! }));

  type F = { row: Row; cls: string; rel: number | null; kinds: string[] };
  const found: F[] = [];
  matched.forEach((c, i) => {
    const kinds: string[] = [];
    found.push({ row: g.foundRow(c, kinds), cls: 'match', rel: i, kinds });
  });
  for (let i = 0; i < nSibF; i++) {
    const ri = rng.int(0, missingChildren.length - 1);
    const kinds: string[] = [];
    found.push({ row: g.foundRow(g.sibling(missingChildren[ri]), kinds), cls: 'sibling', rel: ri, kinds });
  }
  for (let i = 0; i < nNameF; i++) {
    const ri = rng.int(0, missingChildren.length - 1);
    const kinds: string[] = [];
    found.push({ row: g.foundRow(g.namesake(missingChildren[ri]), kinds), cls: 'namesake', rel: ri, kinds });
  }
  while (found.length < n) {
    const kinds: string[] = [];
    found.push({ row: g.foundRow(g.newChild(), kinds), cls: 'stranger', rel: null, kinds });
  }
  rng.shuffle(found);
  const truth: [string, string][] = [];
  const kinds: Split['kinds'] = [];
  const foundRows = found.map((f, k) => {
    const id = `FC-${String(k + 1).padStart(5, '0')}`;
    const rel = f.rel === null ? '' : leftId.get(f.rel)!;
    if (f.cls === 'match') truth.push([rel, id]);
    kinds.push([id, f.cls, rel, f.kinds.join(' ')]);
    return { ...f.row, id };
  });
  truth.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { missing, found: foundRows, truth, kinds };
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const toCsv = (rows: Row[]) => [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => cell(r[h])).join(','))].join('\n') + '\n';
const linesCsv = (head: string, rows: string[][]) => [head, ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';

export function splitFiles(s: Split): Record<string, string> {
  return {
    'missing.csv': toCsv(s.missing),
    'found.csv': toCsv(s.found),
    'truth.csv': linesCsv('left_id,right_id', s.truth),
    'found_kinds.csv': linesCsv('right_id,class,related_left_id,variations', s.kinds),
  };
}

export function digest(files: Record<string, string>): string {
  const h = createHash('sha256');
  for (const k of Object.keys(files).sort()) h.update(k).update('\0').update(files[k]);
  return h.digest('hex');
}

export function writeSplit(dir: string, n: number, seed: number): string {
  mkdirSync(dir, { recursive: true });
  const files = splitFiles(generate(n, seed));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return digest(files);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (k: string, d: string) => {
    const i = process.argv.indexOf(`--${k}`);
    return i > 0 ? process.argv[i + 1] : d;
  };
  const n = Number(arg('n', '5000'));
  const seed = Number(arg('seed', '61206'));
  const out = arg('out', `bench/linkage-holdout/data/${n}`);
  console.log(`${out}: ${n} × ${n}, seed ${seed}, sha256 ${writeSplit(out, n, seed)}`);
}
