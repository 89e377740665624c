// Blocking: only pairs that share a key under at least one rule are compared. Pair counts are
// known per rule before any comparison (Splink-style), and a block too big to be useful is
// skipped with a warning — the other rules still see those records.
import {
  foldKey,
  initialsOf,
  isGenericPetName,
  isNameMarkerCanonical,
  isNicknameCanonical,
  keyOfCanonicalCached as keyOfCanonical,
  nameTokensCached as nameTokens,
  ocrFolded,
  searchKeys,
  searchKeysWithVariants,
  variantKeysOfTokens,
  withoutScriptInitials,
} from '../names';
import { Grow } from './grow';
import type { BlockingRule, Model } from './model';
import { normSex, normText, placeKey } from './normalize';
import type { Table } from './record';
import { districtAlias } from './districts';
import { stateAlias } from './states';

type Transform = BlockingRule['keys'][number]['transform'];

/** A name's token keys with voicing and v/b folded (foldKey), sorted. */
function foldedKeys(v: string): string[] {
  return searchKeys(v).map(foldKey).sort();
}

/** A letter as an initial stands for it: voiced and voiceless stops as one (Tamil script writes one
 *  letter for k/g, t/d, p/b; c/j), as the name comparator's `letterBit` does. */
function initialLetter(l: string): string {
  return ({ g: 'k', d: 't', b: 'p', j: 'c' } as Record<string, string>)[l] ?? l;
}

/** A token's name key with its variants, voicing folded (as `firstKey` gives for a first name). */
function tokenKeysOf(tok: string): string[] {
  return [keyOfCanonical(tok), ...variantKeysOfTokens([tok])].map(foldKey);
}

/**
 * One key part's values for one record (shared with src/missing/blocking-keys.ts, which stores them).
 * `other` is the value of the part's `with` column, for the transforms that read one (initialFor).
 */
export function transformValue(v: string, t: Transform, side: 'left' | 'right', other = ''): string[] {
  // An initial written in an Indian script ("క. రాజేశ్", "ர. ராம்குமார்": the father's or the house
  // name's first letter with a dot, as Telugu and Tamil names carry it) reads back as a syllable
  // ("ka", "ra") that nameTokens keeps as a name; in Latin the lone letter is dropped. Without it the
  // first name of "క. రాజేశ్" was "ka" and it met no report of Rajesh. `initialFor` reads the
  // initials itself; the other name transforms see the name without them (since v1.9).
  if (t !== 'initialFor' && t !== 'exact' && t !== 'key' && t !== 'sex' && t !== 'year' && t !== 'birthYear' && t !== 'prefix3')
    v = withoutScriptInitials(v ?? '');
  switch (t) {
    case 'initialFor': {
      // Tamil names carry the father's name as an initial ("R. Murugan": R for Ramasamy). The found
      // side offers each of its names with each of its initials; the missing side each of its names
      // with the first letter of every other name it has: its father's, its other names, its initials.
      // "R. Murugan" then meets "Murugan" whose father is Ramasamy, whatever the age or place.
      const letters = new Set(initialsOf(v).map(initialLetter));
      const toks = [...new Set(nameTokens(withoutScriptInitials(v)))];
      const out = new Set<string>();
      if (side === 'right') {
        if (letters.size === 0) return [];
        for (const tok of toks) for (const k of tokenKeysOf(tok)) for (const l of letters) out.add(`${k}.${l}`);
        return [...out];
      }
      const fatherLetters = nameTokens(withoutScriptInitials(other)).map((x) => initialLetter(x[0] ?? ''));
      for (const tok of toks) {
        const ls = new Set([...letters, ...fatherLetters, ...toks.filter((x) => x !== tok).map((x) => initialLetter(x[0] ?? ''))]);
        for (const k of tokenKeysOf(tok)) for (const l of ls) if (l) out.add(`${k}.${l}`);
      }
      return [...out];
    }
    case 'petAndName': {
      // A pet name with another name ("Chhoti Pandey", "Munna Ansari"): the found side offers its
      // names that are not pet names (usually the surname), the missing side every name it has.
      // Nothing else may be known of such a child (no parent, no place): sex and birth year block.
      if (side === 'left') return searchKeysWithVariants(v).map(foldKey);
      const toks = nameTokens(v);
      const isPet = (x: string) => isNicknameCanonical(x) || isGenericPetName(x);
      if (!toks.some(isPet) || toks.every(isPet)) return [];
      return [...new Set(toks.filter((x) => !isPet(x)).flatMap(tokenKeysOf))];
    }
    case 'oneSlip': {
      // Each name of four letters or more, as written and with each one letter left out: two
      // spellings one slip apart (a wrong, missing or extra letter: "Gvlshan", "Dheeaj", "Harjcet")
      // share a key, where a phonetic key changes with the slip (symmetric deletion, as spelling
      // correctors index words). The found side offers its first name only, the missing side all
      // of its names: two records sharing only a surname are not compared by it.
      // Since v1.9 the same again for the name with OCR's letter groups read as one letter
      // (`ocrFolded`: "Sarijay" meets "Sanjay", "Kunclan" "Kundan"), on both sides alike.
      const out = new Set<string>();
      const ocr = ocrFolded(v);
      for (const form of ocr ? [v, ocr] : [v]) {
        const toks = nameTokens(form);
        for (const tok of side === 'left' ? toks : toks.slice(0, 1)) {
          if (tok.length < 4) continue;
          out.add(tok);
          for (let x = 0; x < tok.length; x++) out.add(tok.slice(0, x) + tok.slice(x + 1));
        }
      }
      return [...out];
    }
    case 'shortForm': {
      // A pet name is often the given name clipped to its first syllable or two, with or without a
      // diminutive vowel: Robi for Rabindranath, Prad for Pradyumna ("if a new arrival were offered
      // anything more than a two-syllable name ... it would be shortened", of Marathi families:
      // S. Bhagwat, "Indians love name calling", Asia Media Centre; Bengali ḍāk nām "can also
      // be a short-form of the official name", The Bengali Today), as Shivu (Shivam), Sapu
      // (Sapna), Probho (Prabhjot). Many pet names are not (Bittu, Piklu): they gain nothing here and
      // are capped with the rest. A found child known by one short word then shares the first two
      // sounds of the key (first letter, first consonant, voicing folded) with the report's given
      // name. The found side offers it for a one-word name of up to six letters, the missing side
      // for each name that is not a marker (Kumar, Devi, Bibi); sex and birth year block with it.
      const toks = nameTokens(v);
      const short = (tok: string) => {
        const k = foldKey(keyOfCanonical(tok));
        return k.length >= 2 ? k.slice(0, 2) : '';
      };
      if (side === 'right') {
        if (toks.length !== 1 || toks[0].length > 6) return [];
        const k = short(toks[0]);
        return k ? [k] : [];
      }
      return [...new Set(toks.filter((x) => !isNameMarkerCanonical(x)).map(short))].filter(Boolean);
    }
    case 'exact': {
      const s = normText(v);
      return s ? [s] : [];
    }
    case 'key': {
      const s = placeKey(v);
      return s ? [s] : [];
    }
    case 'tokenKeys':
      return searchKeysWithVariants(v).map(foldKey);
    case 'firstKey': {
      const toks = nameTokens(v);
      return toks.length ? tokenKeysOf(toks[0]) : [];
    }
    case 'nameless': {
      // Every missing report is a candidate for a found child with no name, or only a pet name that
      // belongs to no one (Munna, Bapi): the other parts of the rule (sex, birth year, place) block.
      if (side === 'left') return ['*'];
      // A name of one word is as good as none when it is a pet name outside every list (Tumpa,
      // Mantu, Bablu: a found child knows the name used at home), so it blocks as nameless too.
      const toks = nameTokens(v);
      return toks.length <= 1 || toks.every((x) => isNicknameCanonical(x) || isGenericPetName(x)) ? ['*'] : [];
    }
    case 'sortedKeys': {
      const k = foldedKeys(v);
      return k.length ? [k.join('+')] : [];
    }
    case 'fullKeys': {
      const k = foldedKeys(v);
      return k.length >= 2 ? [k.join('+')] : [];
    }
    case 'firstKeyLeftAll':
    case 'firstKeyRightAll': {
      // The first name of one side against every name of the other: a name written surname first
      // (Telugu "Nayudu Bhavani", Tamil father's name first) meets the given name alone. Only one side
      // offers all its names, so two records sharing only a surname (a common block) do not meet.
      const all = (t === 'firstKeyLeftAll') === (side === 'left');
      return transformValue(v, all ? 'tokenKeys' : 'firstKey', side);
    }
    case 'tokenPairs': {
      // Every two of the name's token keys, in any order: "Tushar Sandeep" meets "Tushar Sandeep
      // Chavan" and "Sandeep Tushar" (surname or father's name first, a name dropped).
      const k = [...new Set(foldedKeys(v))];
      const out: string[] = [];
      for (let a = 0; a < k.length; a++) for (let b = a + 1; b < k.length; b++) out.push(`${k[a]}+${k[b]}`);
      return out;
    }
    case 'joinedPairs':
    case 'joinedPairsRight': {
      // Names written as one word ("Nehakewat", "Holderrupa"): one side offers the key of every two of
      // its tokens written together, in either order; the other the key of each of its tokens.
      const joined = (t === 'joinedPairs') === (side === 'left');
      const toks = nameTokens(v);
      if (!joined) return toks.filter((x) => x.length >= 6).map((x) => foldKey(keyOfCanonical(x)));
      const out: string[] = [];
      for (let a = 0; a < toks.length; a++)
        for (let b = 0; b < toks.length; b++) if (a !== b) out.push(foldKey(keyOfCanonical(toks[a] + toks[b])));
      return out;
    }
    case 'sex': {
      // Sex not recorded: the record joins both blocks rather than none.
      const s = normSex(v);
      return s ? [s] : v === undefined || normText(v ?? '') === '' ? ['f', 'm'] : [];
    }
    case 'prefix3': {
      const s = normText(v).replace(/\s/g, '');
      return s.length >= 3 ? [s.slice(0, 3)] : [];
    }
    case 'monthAfter': {
      // The found record's month against the report's month and the next: a child found within a
      // month or so of the report (the date comparison's first level, "found within 30 days"),
      // whatever the age written. A found child's age is a guess by eye, years out at times, where
      // the date of finding is recorded; a rule on the name, sex and this window compares them.
      const m = /^(\d{4})-(\d{2})/.exec((v ?? '').trim());
      if (!m) return [];
      const at = Number(m[1]) * 12 + Math.min(12, Math.max(1, Number(m[2]))) - 1;
      const month = (x: number) => `${Math.floor(x / 12)}-${(x % 12) + 1}`;
      return side === 'right' ? [month(at)] : [month(at), month(at + 1)];
    }
    case 'year': {
      const m = /^\d{4}/.exec((v ?? '').trim());
      return m ? [m[0]] : [];
    }
    case 'birthYear':
      return [];
  }
}

/** Years either side of the missing child's birth year that a found child's may fall in: found
 *  children's ages are estimated by eye, often two or three years out, and further for older
 *  children: ±20% of the age, rounded up, at least 2 (±2 years up to age 10, ±3 from 11, ±4 from
 *  16; a 6-year-old estimated as 4, a 9-year-old estimated as 11, are compared). */
export function birthYearWindow(age: number): number {
  return Math.max(2, Math.ceil(0.2 * age));
}

/** Year of birth from an (estimated) age and the report date (its day counts: a child of 3 reported
 *  in late December was born nearer the next year). The left side emits a window (birthYearWindow)
 *  so that estimated ages still meet; the right side emits the year itself. A record whose age or
 *  date is unknown is compared with every record of the other side in its other blocks' keys: the
 *  left emits "?L" and "?R", the right "?R"; a left record with a year also emits "?R" and a right one
 *  "?L" (so two records of unknown age meet too). */
export function birthYears(age: string, date: string, side: 'left' | 'right', maxYears = Infinity): string[] {
  const a = Number((age ?? '').trim()),
    m = /^(\d{4})-(\d{2})-(\d{2})/.exec((date ?? '').trim());
  if ((age ?? '').trim() === '' || !Number.isFinite(a) || !m) return side === 'left' ? ['?L', '?R'] : ['?R'];
  const y = Number(m[1]) + (Math.min(12, Math.max(1, Number(m[2]))) - 1) / 12 + (Math.min(31, Math.max(1, Number(m[3]))) - 1) / 365;
  const b = Math.round(y - a);
  if (side === 'right') return [String(b), '?L'];
  const w = Math.min(maxYears, birthYearWindow(a));
  const out = ['?R'];
  for (let x = b - w; x <= b + w; x++) out.push(String(x));
  return out;
}

/** A key part's values per record as interned integers (CSR), so rule keys are arithmetic, not strings. */
interface PartValues {
  off: Int32Array;
  ids: Int32Array;
}

/**
 * Interned key-part values. The left side interns; built `from` a `LeftBlocks`' dictionaries, a right value the left side never had gets the part's dictionary size, an id
 * no left key contains: such a key finds no block, as before, and every other key keeps its place in
 * `keysOf`'s order, so the candidates and their order do not change.
 */
class KeyParts {
  private readonly dicts = new Map<string, Map<string, number>>();
  private readonly cache = new Map<string, PartValues>();
  private frozen = false;

  static from(dicts: ReadonlyArray<readonly [string, readonly string[]]>): KeyParts {
    const kp = new KeyParts();
    for (const [dk, values] of dicts) kp.dicts.set(dk, new Map(values.map((v, x) => [v, x])));
    kp.frozen = true;
    return kp;
  }

  /** The dictionaries' values in id order (for another thread's `from`). */
  export(): Array<[string, string[]]> {
    return [...this.dicts].map(([dk, d]) => [dk, [...d.keys()]]);
  }

  dictSize(k: BlockingRule['keys'][number]): number {
    return this.dicts.get(partKey(k))?.size ?? 0;
  }

  values(t: Table, side: 'left' | 'right', k: BlockingRule['keys'][number]): PartValues {
    const dk = partKey(k);
    const ck = `${dk}\u0000${side}`;
    const hit = this.cache.get(ck);
    if (hit) return hit;
    let dict = this.dicts.get(dk);
    if (!dict) {
      dict = new Map();
      this.dicts.set(dk, dict);
    }
    const d = dict;
    const frozen = this.frozen;
    const intern = (v: string) => {
      let x = d.get(v);
      if (x === undefined) {
        if (frozen) return d.size;
        x = d.size;
        d.set(v, x);
      }
      return x;
    };
    const n = t.ids.length;
    const off = new Int32Array(n + 1);
    const ids: number[] = [];
    const col = t.columns[k.column] ?? [],
      other = t.columns[k.with ?? 'date'] ?? [];
    const memo = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const raw = col[i] ?? '';
      if (k.transform === 'birthYear') {
        for (const v of birthYears(raw, other[i] ?? '', side, k.maxYears)) ids.push(intern(v));
      } else {
        const w = k.with === undefined ? '' : (other[i] ?? '');
        const mk = w === '' ? raw : `${raw}\u0000${w}`;
        let vs = memo.get(mk);
        if (vs === undefined) {
          vs = [
            ...new Set(
              transformValue(
                k.column === 'state' ? stateAlias(raw) : k.column === 'district' ? districtAlias(raw) : raw,
                k.transform,
                side,
                w,
              ),
            ),
          ].map(intern);
          memo.set(mk, vs);
        }
        for (const v of vs) ids.push(v);
      }
      off[i + 1] = ids.length;
    }
    const pv = { off, ids: Int32Array.from(ids) };
    this.cache.set(ck, pv);
    return pv;
  }
}

/**
 * One dictionary per key part, its year window included: a dictionary then grows only while its own
 * left values are interned, so a rule's radix (taken right after) bounds every id the right side can
 * look up for it, in whichever group of rules it was built (see `buildLeftBlocks`).
 */
function partKey(k: BlockingRule['keys'][number]): string {
  return `${k.column}\u0000${k.transform}\u0000${k.with ?? ''}\u0000${k.maxYears ?? ''}`;
}

/** Writes each combination of the parts' values for record i, as one number (mixed radix), into out.
 *  Iterative with a reused buffer: this runs for every record under every rule. */
function keysOf(parts: PartValues[], mult: number[], i: number, out: number[]): number {
  out.length = 0;
  out.push(0);
  for (let p = 0; p < parts.length; p++) {
    const pv = parts[p],
      a = pv.off[i],
      b = pv.off[i + 1];
    if (a === b) {
      out.length = 0;
      return 0;
    }
    const n = out.length;
    for (let x = b - 1; x >= a; x--) {
      const add = pv.ids[x] * mult[p];
      if (x === a) for (let y = 0; y < n; y++) out[y] += add;
      else for (let y = 0; y < n; y++) out.push(out[y] + add);
    }
  }
  return out.length;
}

/**
 * Block numbers keyed by a rule's key (a whole number below 2^53), on typed arrays with open
 * addressing: a Map keyed by numbers past the small-integer range hashes a boxed number per look-up,
 * and these run for every key of every record under every rule.
 */
export class KeyTable {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;
  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(-1);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }
  private slot(k: number): number {
    const lo = (k % 4294967296) | 0,
      hi = (k / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca77), 0x9e3779b1);
    h ^= h >>> 15;
    h &= this.mask;
    for (;;) {
      const x = this.keys[h];
      if (x === k || x === -1) return h;
      h = (h + 1) & this.mask;
    }
  }
  /** The value of key k, or -1. */
  get(k: number): number {
    const h = this.slot(k);
    return this.keys[h] === k ? this.vals[h] : -1;
  }
  /** Sets key k (not yet present) to v. */
  add(k: number, v: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const h = this.slot(k);
    this.keys[h] = k;
    this.vals[h] = v;
    this.size++;
  }
  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.vals = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let h = 0; h < keys.length; h++)
      if (keys[h] !== -1) {
        const s = this.slot(keys[h]);
        this.keys[s] = keys[h];
        this.vals[s] = vals[h];
      }
  }
}

export interface RuleStats {
  id: string;
  /** Σ over blocks of left×right (or n(n−1)/2 when deduping): pairs this rule proposes, before de-duplication. */
  pairs: number;
  skippedBlocks: number;
  skippedPairs: number;
  largestBlockPairs: number;
  skippedExamples: string[];
}

/** One rule's blocks as CSR arrays (shareable between threads: see `BlockIndex.data`). */
interface RuleIndex {
  members: Int32Array;
  start: Int32Array;
  /** Per slice of the right records (one unless built for a parallel run), the blocks skipped as oversized. */
  skipped: Uint8Array[];
  /** Per right record, its blocks in this rule (CSR). */
  rOff: Int32Array;
  rBlocks: Int32Array;
}

/** What the engine needs of blocking: distinct candidates per right record and the rule statistics. */
export interface CandidateSource {
  readonly stats: RuleStats[];
  readonly pairUpperBound: number;
  warnings(): string[];
  /** Distinct left candidates of right record j, written into out; returns how many. */
  candidates(j: number, out: Int32Array): number;
}

/**
 * A block index as plain typed arrays on SharedArrayBuffers: built once by the main thread of a
 * parallel run and read by every worker without a copy (`BlockSlice`). Before, each worker built its
 * own index over all left records (name keys of 2 lakh records, the key maps), a fixed cost per worker.
 */
export interface BlockData {
  nLeft: number;
  /** Right-record slice bounds: worker k compares right records bounds[k]..bounds[k+1]. */
  bounds: number[];
  rules: RuleIndex[];
  /** Per slice, per rule. */
  sliceStats: RuleStats[][];
}

function int32(n: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(4 * Math.max(1, n)), 0, n) : new Int32Array(n);
}

function float64(values: readonly number[], shared: boolean): Float64Array {
  const a = shared
    ? new Float64Array(new SharedArrayBuffer(8 * Math.max(1, values.length)), 0, values.length)
    : new Float64Array(values.length);
  a.set(values);
  return a;
}

function uint8(n: number, shared: boolean): Uint8Array {
  return shared ? new Uint8Array(new SharedArrayBuffer(Math.max(1, n)), 0, n) : new Uint8Array(n);
}

/** Distinct candidates of right record j (numbered over all right records) from the rules' CSR arrays, with the skips of its slice. */
function collect(
  rules: readonly RuleIndex[],
  slice: number,
  j: number,
  stamp: Int32Array,
  tag: number,
  dedupe: boolean,
  out: Int32Array,
): number {
  let n = 0;
  for (const r of rules) {
    const skipped = r.skipped[slice];
    for (let x = r.rOff[j]; x < r.rOff[j + 1]; x++) {
      const b = r.rBlocks[x];
      if (skipped[b]) continue;
      for (let y = r.start[b]; y < r.start[b + 1]; y++) {
        const i = r.members[y];
        if (stamp[i] === tag || (dedupe && i >= j)) continue;
        stamp[i] = tag;
        if (n < out.length) out[n] = i;
        n++;
      }
    }
  }
  return n;
}

/** One line per rule that skipped blocks. */
export function blockingWarnings(stats: readonly RuleStats[]): string[] {
  return stats
    .filter((s) => s.skippedBlocks > 0)
    .map(
      (s) =>
        `blocking rule "${s.id}": skipped ${s.skippedBlocks} oversized block(s) (${s.skippedPairs} pairs), e.g. ${s.skippedExamples.join(', ')}`,
    );
}

/**
 * The left side of a block index, which depends on the left records only: per rule, each block's key
 * and its left members, and the key parts' dictionaries of left values. Every worker of a parallel run
 * built it again over all left records (at 2 lakh a side, 16 of a worker's ~75 CPU-seconds); the first
 * worker now builds it once and the others receive a copy (`link.worker.ts`).
 */
export interface LeftBlocks {
  nLeft: number;
  /** Per group of rules built together (one thread's `KeyParts`), per key part (column, transform,
   *  with): the left side's values, in id order. */
  dicts: Array<Array<[string, string[]]>>;
  /** Per rule of the model; null: built in another group (`mergeLeftBlocks` puts the groups together). */
  rules: Array<LeftRule | null>;
}

interface LeftRule {
  /** Which of `dicts` its key parts' ids refer to. */
  group: number;
  /** Radix of each key part: its dictionary's size + 1 (the size is the id of a value the left side lacks). */
  mult: number[];
  /** Block b's key (mixed radix over the parts' ids); blocks numbered in order of their first left record. */
  keys: Float64Array;
  members: Int32Array;
  start: Int32Array;
}

/**
 * Indexes the left records under every rule (see `LeftBlocks`), or under the rules `nextRule` hands
 * out until it returns -1: two workers share the rules that way, each taking the next one left as it
 * gets free, and `mergeLeftBlocks` puts their halves together. A rule's blocks, their order (by first
 * left record) and members do not depend on which other rules shared its dictionaries: the ids differ
 * between groups, but a key matches the same right records within its group, so the candidates and
 * their order are the same however the rules were shared.
 */
export function buildLeftBlocks(
  model: Model,
  left: Table,
  opts: Pick<BlockIndexOptions, 'shared' | 'afterRule'> & { nextRule?: () => number } = {},
): LeftBlocks {
  const kp = new KeyParts();
  const shared = opts.shared === true;
  const rules: Array<LeftRule | null> = model.blocking.rules.map(() => null);
  let sequential = 0;
  const next = opts.nextRule ?? (() => (sequential < rules.length ? sequential++ : -1));
  for (let r = next(); r >= 0; r = next()) {
    const rule = model.blocking.rules[r];
    // Interning a rule's parts just before indexing it calls `values` in the same order as interning
    // every rule's parts first did, so a single group gets the same ids as before.
    const lp = rule.keys.map((k) => kp.values(left, 'left', k));
    const mult: number[] = [];
    let m = 1;
    for (const k of rule.keys) {
      mult.push(m);
      m *= kp.dictSize(k) + 1;
    }
    if (m > 2 ** 53) throw new Error(`blocking rule "${rule.id}": too many distinct key values`);
    const blockOf = new KeyTable();
    const lCount: number[] = [],
      blockKeys: number[] = [];
    // Typed: the one-slip rule alone has 18 M entries at 2 lakh records, 290 MB as JS arrays.
    const entryBlock = new Grow(new Int32Array(left.ids.length)),
      entryRec = new Grow(new Int32Array(left.ids.length));
    const keys: number[] = [];
    // The last record entered in each block: a record's keys can repeat a block (the one-slip rule
    // gives ~90 keys a record), and scanning the record's entries for it was quadratic in its keys.
    const lastRec: number[] = [];
    for (let i = 0; i < left.ids.length; i++) {
      const nk = keysOf(lp, mult, i, keys);
      for (let q = 0; q < nk; q++) {
        let b = blockOf.get(keys[q]);
        if (b < 0) {
          b = lCount.length;
          blockOf.add(keys[q], b);
          lCount.push(0);
          lastRec.push(-1);
          blockKeys.push(keys[q]);
        }
        if (lastRec[b] === i) continue;
        lastRec[b] = i;
        entryBlock.push(b);
        entryRec.push(i);
        lCount[b]++;
      }
    }
    const nb = lCount.length;
    const start = int32(nb + 1, shared);
    for (let b = 0; b < nb; b++) start[b + 1] = start[b] + lCount[b];
    const fill = start.slice(0, nb);
    const members = int32(start[nb], shared);
    const eb = entryBlock.a,
      er = entryRec.a;
    for (let x = 0; x < entryBlock.n; x++) members[fill[eb[x]]++] = er[x];
    opts.afterRule?.();
    rules[r] = { group: 0, mult, keys: float64(blockKeys, shared), members, start };
  }
  return { nLeft: left.ids.length, dicts: [kp.export()], rules };
}

/** The left blocks of every rule from groups built apart (each rule in exactly one of them). */
export function mergeLeftBlocks(parts: readonly LeftBlocks[]): LeftBlocks {
  const dicts: LeftBlocks['dicts'] = [];
  const rules: LeftBlocks['rules'] = parts[0].rules.map(() => null);
  for (const p of parts) {
    if (p.nLeft !== parts[0].nLeft || p.rules.length !== rules.length)
      throw new Error('the left blocks were built for other records or rules');
    p.rules.forEach((lr, r) => {
      if (!lr) return;
      if (rules[r]) throw new Error('a blocking rule was built twice');
      rules[r] = { ...lr, group: lr.group + dicts.length };
    });
    dicts.push(...p.dicts);
  }
  return { nLeft: parts[0].nLeft, dicts, rules };
}

export interface BlockIndexOptions {
  /** Right-record slice bounds of a parallel run (default one slice, all records). A block is skipped
   *  per slice, when left × the slice's right records exceed the cap divided by the number of slices:
   *  the same blocks each worker skipped when it built its own index over its slice. */
  bounds?: number[];
  /** Allocate the arrays on SharedArrayBuffers (for `data`). */
  shared?: boolean;
  /** Called after each rule is indexed: a parallel worker collects the rule's garbage there. */
  afterRule?: () => void;
  /** The left side built elsewhere (`buildLeftBlocks` on the same model's rules and left records). */
  left?: LeftBlocks;
}

export class BlockIndex implements CandidateSource {
  readonly stats: RuleStats[];
  readonly sliceStats: RuleStats[][];
  private readonly rules: RuleIndex[] = [];
  private readonly stamp: Int32Array;
  private readonly bounds: number[];
  private calls = 0;

  constructor(
    model: Model,
    left: Table,
    right: Table,
    private readonly dedupe = false,
    opts: BlockIndexOptions = {},
  ) {
    const bounds = opts.bounds ?? [0, right.ids.length];
    const nSlices = bounds.length - 1;
    const shared = opts.shared === true;
    const lb = opts.left ?? buildLeftBlocks(model, left, opts);
    if (lb.nLeft !== left.ids.length || lb.rules.length !== model.blocking.rules.length)
      throw new Error('the left blocks were built for other records or rules');
    if (lb.rules.some((lr) => lr === null)) throw new Error('the left blocks lack a rule');
    const kps = lb.dicts.map((d) => KeyParts.from(d));
    this.bounds = bounds;
    this.sliceStats = Array.from({ length: nSlices }, () => []);
    model.blocking.rules.forEach((rule, r) => {
      // As the parallel run always did: each slice's cap is the rule's cap over the number of slices.
      const cap =
        nSlices === 1
          ? Math.min(model.blocking.maxBlockPairs, rule.maxBlockPairs ?? Infinity)
          : Math.min(
              Math.max(1, Math.floor(model.blocking.maxBlockPairs / nSlices)),
              rule.maxBlockPairs ? Math.max(1, Math.floor(rule.maxBlockPairs / nSlices)) : Infinity,
            );
      const { group, mult, keys: blockKeys, members, start } = lb.rules[r]!;
      const rp = rule.keys.map((k) => kps[group].values(right, 'right', k));
      const nb = blockKeys.length;
      const blockOf = new KeyTable(nb);
      for (let b = 0; b < nb; b++) blockOf.add(blockKeys[b], b);
      const keys: number[] = [];

      const rCounts = Array.from({ length: nSlices }, () => new Float64Array(nb));
      const rOff = int32(right.ids.length + 1, shared);
      const rBlocks = new Grow(new Int32Array(right.ids.length));
      const lastRight = new Int32Array(nb).fill(-1); // as lastRec in buildLeftBlocks
      for (let k = 0, j = 0; j < right.ids.length; j++) {
        while (j >= bounds[k + 1]) k++;
        const rCount = rCounts[k];
        const nk = keysOf(rp, mult, j, keys);
        for (let q = 0; q < nk; q++) {
          const b = blockOf.get(keys[q]);
          if (b < 0 || lastRight[b] === j) continue;
          lastRight[b] = j;
          rBlocks.push(b);
          rCount[b]++;
        }
        rOff[j + 1] = rBlocks.n;
      }
      const skippedBySlice: Uint8Array[] = [];
      for (let k = 0; k < nSlices; k++) {
        const rCount = rCounts[k];
        const skipped = uint8(nb, shared);
        const st: RuleStats = { id: rule.id, pairs: 0, skippedBlocks: 0, skippedPairs: 0, largestBlockPairs: 0, skippedExamples: [] };
        for (let b = 0; b < nb; b++) {
          const lCount = start[b + 1] - start[b];
          const p = dedupe ? (lCount * (lCount - 1)) / 2 : lCount * rCount[b];
          if (p > cap) {
            skipped[b] = 1;
            st.skippedBlocks++;
            st.skippedPairs += p;
            if (st.skippedExamples.length < 5)
              st.skippedExamples.push(`${lCount} records like ${left.ids[members[start[b]]]} (${p} pairs)`);
          } else {
            st.pairs += p;
            if (p > st.largestBlockPairs) st.largestBlockPairs = p;
          }
        }
        skippedBySlice.push(skipped);
        this.sliceStats[k].push(st);
      }
      const rb = int32(rBlocks.n, shared);
      rb.set(rBlocks.view());
      this.rules.push({ members, start, skipped: skippedBySlice, rOff, rBlocks: rb });
      opts.afterRule?.();
    });
    this.stats = this.sliceStats[0];
    this.stamp = new Int32Array(left.ids.length);
  }

  /** The index's arrays (SharedArrayBuffers when built with `shared`), for `BlockSlice` in other threads. */
  get data(): BlockData {
    return { nLeft: this.stamp.length, bounds: this.bounds, rules: this.rules, sliceStats: this.sliceStats };
  }

  /** Upper bound on pairs to compare, known before comparing anything. */
  get pairUpperBound(): number {
    return this.stats.reduce((s, r) => s + r.pairs, 0);
  }

  warnings(): string[] {
    return blockingWarnings(this.stats);
  }

  /** Distinct left candidates of right record j, written into out; returns how many. */
  candidates(j: number, out: Int32Array): number {
    let k = 0;
    while (j >= this.bounds[k + 1] && k < this.bounds.length - 2) k++;
    // A fresh tag per call (not per j), so asking twice for the same record gives the same answer.
    return collect(this.rules, k, j, this.stamp, ++this.calls, this.dedupe, out);
  }
}

/** One worker's view of a shared block index: its slice of right records, numbered from 0. */
export class BlockSlice implements CandidateSource {
  readonly stats: RuleStats[];
  private readonly stamp: Int32Array;
  private readonly from: number;
  private calls = 0;

  constructor(
    private readonly data: BlockData,
    private readonly slice: number,
  ) {
    this.stats = data.sliceStats[slice];
    this.from = data.bounds[slice];
    this.stamp = new Int32Array(data.nLeft);
  }

  get pairUpperBound(): number {
    return this.stats.reduce((s, r) => s + r.pairs, 0);
  }

  warnings(): string[] {
    return blockingWarnings(this.stats);
  }

  candidates(j: number, out: Int32Array): number {
    return collect(this.data.rules, this.slice, this.from + j, this.stamp, ++this.calls, false, out);
  }
}
