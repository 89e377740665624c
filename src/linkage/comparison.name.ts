// The name comparison: levels exact → variant → similar → [nickname] → [given name] → different,
// with the term frequency of the agreeing tokens for the TF adjustment.
import {
  initialsOf,
  jaroWinkler,
  ocrLetters,
  withoutScriptInitials,
  isGenericPetName,
  isNameMarkerCanonical,
  isNicknameCanonical,
  petIdsOfSound,
  variantIdsOfSound,
  keyOfCanonicalCached as keyOfCanonical,
  nameTokensCached as nameTokens,
  soundFormCached as soundForm,
} from '../names';
import type { ComparisonSpec } from './model';
import { Interner, SimCache } from './normalize';
import type { Table } from './record';

/** A fused name is at least this long (two short names joined); a join found whole inside it, this long. */
const FUSED_MIN = 8;
const FUSED_AFFIX = 9;
/** Could a join of n letters be the single word s, by likeness or as its start or end? */
const fusedFits = (s: string, n: number) => n >= FUSED_MIN && (Math.abs(s.length - n) <= n / 5 || (n >= FUSED_AFFIX && n <= s.length));

/**
 * Tamil script has one letter for each pair of voiceless and voiced stops (க k/g, ச c/j/s, ட ṭ/ḍ,
 * த t/d, ப p/b): which one is said depends on the position in the word and, in names from Sanskrit,
 * on nothing the letter shows (Keane, "Tamil", JIPA 34(1), 2004; Annamalai & Steever, "Modern
 * Tamil", in The Dravidian Languages, 1998). Read letter by letter, Divya, Ganesh and Deepa come out
 * "tivya", "kanes", "tipa". Compared with a name written in another script or in Latin, voicing
 * says nothing, so both sides are compared without it.
 */
const TAMIL = /[\u0B80-\u0BFF]/;
export const devoiced = (sound: string) => sound.replace(/g/g, 'k').replace(/d/g, 't').replace(/b/g, 'p').replace(/[cj]/g, 's');

export interface NameShared {
  sounds: Interner;
  devoiced: Interner;
  ocr: Interner;
  /** Per sound id: its id without voicing (`devoiced`) and as OCR may have read it (`ocrLetters`). */
  dv: number[];
  oc: number[];
  skeletons: Interner;
  keys: Interner;
  full: Interner;
  jw: SimCache;
  /** Per sound id: the outside variant table's name ids it renders, and those it is a pet name of. */
  same: (readonly number[])[];
  pet: (readonly number[])[];
}

export function nameShared(): NameShared {
  const sounds = new Interner();
  return {
    sounds,
    devoiced: new Interner(),
    ocr: new Interner(),
    dv: [],
    oc: [],
    skeletons: new Interner(),
    keys: new Interner(),
    full: new Interner(),
    jw: new SimCache(sounds.strings, 22),
    same: [],
    pet: [],
  };
}

interface SavedNames {
  sounds: string[];
  devoiced: string[];
  ocr: string[];
  dv: number[];
  oc: number[];
  skeletons: string[];
  keys: string[];
  full: string[];
  same: (readonly number[])[];
  pet: (readonly number[])[];
}

/** Memoised by object: the comparisons sharing one dictionary save it once, and a message carries it once. */
const savedNames = new WeakMap<NameShared, SavedNames>();
function saveNames(sh: NameShared): SavedNames {
  let s = savedNames.get(sh);
  if (!s) {
    s = {
      sounds: sh.sounds.strings,
      devoiced: sh.devoiced.strings,
      ocr: sh.ocr.strings,
      dv: sh.dv,
      oc: sh.oc,
      skeletons: sh.skeletons.strings,
      keys: sh.keys.strings,
      full: sh.full.strings,
      same: sh.same,
      pet: sh.pet,
    };
    savedNames.set(sh, s);
  }
  return s;
}

function loadNames(sh: NameShared, s: SavedNames): void {
  sh.sounds.load(s.sounds);
  sh.devoiced.load(s.devoiced);
  sh.ocr.load(s.ocr);
  s.dv.forEach((v, id) => (sh.dv[id] = v));
  s.oc.forEach((v, id) => (sh.oc[id] = v));
  sh.skeletons.load(s.skeletons);
  sh.keys.load(s.keys);
  sh.full.load(s.full);
  s.same.forEach((v, id) => (sh.same[id] = v));
  s.pet.forEach((v, id) => (sh.pet[id] = v));
}

export interface NameFeatures {
  off: Int32Array;
  snd: Int32Array;
  /** Consonant skeleton of each token (-1 when too short to say anything). */
  skel: Int32Array;
  key: Int32Array;
  full: Int32Array;
  nick: Uint8Array;
  /** 1 when some token of the name is in the outside variant table (as a form or a pet name). */
  tab: Uint8Array;
  /** Per token: 1 when it is a nickname or a pet name (Munni, Bittu, Pappu). */
  pet: Uint8Array;
  /** The name's initials ("R. Karthik", "ர. கார்த்திக்") as a bitmask of letters (`letterBit`). */
  ini: Int32Array;
  /** The given name: index of the first token neither a marker (`isNameMarkerCanonical`) nor, in the child's comparison, a pet name; -1 if none. */
  given: Int32Array;
  /** 1 when the name is written in Tamil script, which has no letters for voiced stops. */
  ta: Uint8Array;
  /** The father's given name's sound id (from `params.fatherColumn`), -1 when not written or not asked for. */
  father: Int32Array;
}

export class NameComparator {
  readonly nLevels: number;
  private readonly thresholds: number[];
  private readonly nickname: boolean;
  private readonly givenName: boolean;
  private readonly fatherColumn: string | undefined;
  /** Records containing each key, over both sides: the term frequency. */
  private keyCount = new Float64Array(1024);
  private records = 0;
  private logTf = new Float32Array(0);

  constructor(
    readonly spec: ComparisonSpec,
    private readonly sh: NameShared,
  ) {
    const p = spec.params as { thresholds?: number[]; nickname?: boolean; givenName?: boolean; fatherColumn?: string };
    this.fatherColumn = p.fatherColumn;
    this.thresholds = p.thresholds ?? [0.9, 0.8];
    this.nickname = p.nickname !== false;
    this.givenName = p.givenName === true;
    this.nLevels = 3 + this.thresholds.length + (this.nickname ? 1 : 0) + (this.givenName ? 1 : 0);
    this.lowest = Math.min(...this.thresholds);
  }
  /** The lowest similarity threshold: below it, how far below does not change the level. */
  private readonly lowest: number;

  prepare(t: Table): NameFeatures {
    const col = t.columns[this.spec.columns[0]] ?? [];
    const n = t.ids.length;
    const off = new Int32Array(n + 1);
    const snd: number[] = [],
      petTok: number[] = [],
      skel: number[] = [],
      key: number[] = [];
    const full = new Int32Array(n).fill(-1);
    const nick = new Uint8Array(n);
    const tab = new Uint8Array(n);
    const ini = new Int32Array(n);
    const given = new Int32Array(n).fill(-1);
    const ta = new Uint8Array(n);
    const father = this.fathersGiven(t);
    const memo = new Map<
      string,
      {
        s: number[];
        sk: number[];
        k: number[];
        p: number[];
        full: number;
        nick: number;
        tab: number;
        ini: number;
        given: number;
        ta: number;
      }
    >();
    for (let i = 0; i < n; i++) {
      const raw = col[i] ?? '';
      let f = memo.get(raw);
      if (f === undefined) {
        const toks = nameTokens(withoutScriptInitials(raw));
        f = {
          s: toks.map((tok) => this.sh.sounds.id(soundForm(tok))),
          sk: toks.map((tok) => {
            const k = consonantSkeleton(soundForm(tok));
            return k.length >= 3 ? this.sh.skeletons.id(k) : -1;
          }),
          k: toks.map((tok) => this.sh.keys.id(keyOfCanonical(tok))),
          p: toks.map((tok) => (isNicknameCanonical(tok) || isGenericPetName(tok) ? 1 : 0)),
          full: toks.length > 0 ? this.sh.full.id([...toks].sort().join(' ')) : -1,
          nick: toks.length === 1 && (isNicknameCanonical(toks[0]) || isGenericPetName(toks[0])) ? 1 : 0,
          tab: 0,
          ini: initialsOf(raw).reduce((m, l) => m | letterBit(l), 0),
          given: -1,
          ta: TAMIL.test(raw) ? 1 : 0,
        };
        // A parent's name that sounds like a pet name (Bhola, Raju, Pappu) is the parent's given name: adults
        // are registered by such names. Only the child's comparison (with its nickname level) passes them over.
        f.given = givenIndex(toks, this.nickname);
        for (const id of f.s)
          if (this.sh.same[id] === undefined) {
            const sound = this.sh.sounds.strings[id];
            this.sh.same[id] = variantIdsOfSound(sound);
            this.sh.pet[id] = petIdsOfSound(sound);
            this.sh.dv[id] = this.sh.devoiced.id(devoiced(sound));
            this.sh.oc[id] = this.sh.ocr.id(ocrLetters(sound));
          }
        f.tab = f.s.some((id) => this.sh.same[id].length > 0 || this.sh.pet[id].length > 0) ? 1 : 0;
        memo.set(raw, f);
      }
      for (let x = 0; x < f.s.length; x++) {
        snd.push(f.s[x]);
        petTok.push(f.p[x]);
        skel.push(f.sk[x]);
        key.push(f.k[x]);
      }
      for (const k of new Set(f.k)) this.countKey(k);
      off[i + 1] = snd.length;
      full[i] = f.full;
      nick[i] = f.nick;
      tab[i] = f.tab;
      ini[i] = f.ini;
      given[i] = f.given;
      ta[i] = f.ta;
    }
    this.records += n;
    return {
      off,
      snd: Int32Array.from(snd),
      pet: Uint8Array.from(petTok),
      skel: Int32Array.from(skel),
      key: Int32Array.from(key),
      full,
      nick,
      tab,
      ini,
      given,
      ta,
      father,
    };
  }

  /** Each record's father's given name (its first word neither a pet name nor a marker) as a sound id. */
  private fathersGiven(t: Table): Int32Array {
    const n = t.ids.length;
    const out = new Int32Array(n).fill(-1);
    const col = this.fatherColumn ? t.columns[this.fatherColumn] : undefined;
    if (!col) return out;
    const memo = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const raw = col[i] ?? '';
      let id = memo.get(raw);
      if (id === undefined) {
        // A parent's name: its pet-sounding first word (Bhola, Raju) is the parent's given name.
        const toks = nameTokens(withoutScriptInitials(raw));
        const g = givenIndex(toks, false);
        id = g >= 0 ? this.sh.sounds.id(soundForm(toks[g])) : -1;
        memo.set(raw, id);
      }
      out[i] = id;
    }
    return out;
  }

  private countKey(k: number): void {
    if (k >= this.keyCount.length) {
      const grown = new Float64Array(Math.max(k + 1, this.keyCount.length * 2));
      grown.set(this.keyCount);
      this.keyCount = grown;
    }
    this.keyCount[k]++;
  }

  saveState(): { keyCount: Float64Array; records: number; shared: SavedNames } {
    return { keyCount: this.keyCount, records: this.records, shared: saveNames(this.sh) };
  }

  /** The three name comparisons share one dictionary: it is loaded by the first (the others find it filled). */
  loadState(s: unknown): void {
    const st = s as ReturnType<NameComparator['saveState']>;
    this.keyCount = Float64Array.from(st.keyCount);
    this.records = st.records;
    if (this.sh.sounds.size === 0) loadNames(this.sh, st.shared);
  }

  /** Call once both sides are prepared. */
  finish(): void {
    this.logTf = new Float32Array(this.keyCount.length);
    const total = Math.max(1, this.records);
    for (let k = 0; k < this.keyCount.length; k++) this.logTf[k] = Math.log2(Math.max(1, this.keyCount[k]) / total);
  }

  /** Computed afresh for every pair: a cache by name pair missed more than it hit at scale. */
  level(a: NameFeatures, i: number, b: NameFeatures, j: number): number {
    const fa = a.full[i],
      fb = b.full[j];
    if (fa < 0 || fb < 0) return -1;
    // Initials are rare: most pairs have none and skip the check.
    if ((a.ini[i] | b.ini[j]) !== 0 && this.initialsConflict(a, i, b, j)) return Math.max(2, this.computeLevel(a, i, b, j));
    if (fa === fb) return 0;
    return this.computeLevel(a, i, b, j);
  }

  /**
   * An initial stands for a name beginning with that letter, in any script (R. = Ramasamy = ராமசாமி).
   * A conflict: one side's initials name none of the other side's names that its own names do not
   * already match (nor the other side's initials), when the other side has such a name to offer.
   * "R. Priya" and "Priya Kannan" (or "K. Priya") are then two children with one given name: at
   * best a close variant, never the same name.
   */
  private initialsConflict(a: NameFeatures, i: number, b: NameFeatures, j: number): boolean {
    return this.conflictOneWay(a, i, b, j) || this.conflictOneWay(b, j, a, i);
  }

  private conflictOneWay(x: NameFeatures, i: number, y: NameFeatures, j: number): boolean {
    const mine = x.ini[i];
    if (mine === 0) return false;
    const offered = y.ini[j] | this.unmatchedLetters(y, j, x, i);
    return offered !== 0 && (mine & offered) === 0;
  }

  /** First letters (as `letterBit`) of y's tokens whose sound is not one of x's tokens. */
  private unmatchedLetters(y: NameFeatures, j: number, x: NameFeatures, i: number): number {
    let bits = 0;
    for (let t = y.off[j]; t < y.off[j + 1]; t++) {
      let matched = false;
      for (let u = x.off[i]; u < x.off[i + 1] && !matched; u++) matched = x.snd[u] === y.snd[t];
      if (!matched) bits |= letterBit(this.sh.sounds.strings[y.snd[t]][0] ?? '');
    }
    return bits;
  }

  private computeLevel(a: NameFeatures, i: number, b: NameFeatures, j: number): number {
    const a0 = a.off[i],
      a1 = a.off[i + 1],
      b0 = b.off[j],
      b1 = b.off[j + 1];
    if (this.keysCovered(a, a0, a1, b, b0, b1)) return 1;
    // Tamil script writes Divya திவ்யா, read "tivya": the same name once voicing is set aside.
    if ((a.ta[i] | b.ta[j]) !== 0 && this.devoicedCovered(a, a0, a1, b, b0, b1)) return 1;
    // A table link needs a table name on both sides; most pairs have none and skip the loop.
    if (a.tab[i] && b.tab[j]) {
      const byTable = this.tableCovered(a, a0, a1, b, b0, b1);
      if (byTable > 0) return byTable;
    }
    const s = this.similarity(a, a0, a1, b, b0, b1, a.ini[i], b.ini[j]);
    // Same consonants in the same order: a vowel written differently (Partha/Partho, Subrata/Subroto,
    // Bengali o for a) or b for v (Biswajit/Vishwajeet). Weaker evidence than the same sound, so it
    // counts as the first "close" level, never as a variant.
    if (
      s < this.thresholds[0] &&
      (this.skeletonsCovered(a, a0, a1, b, b0, b1) || this.ocrCovered(a, a0, a1, b, b0, b1) || this.fused(a, a0, a1, b, b0, b1))
    )
      return 2;
    for (let t = 0; t < this.thresholds.length; t++)
      if (s >= this.thresholds[t]) return t > 0 && this.givenName && this.patronymic(a, i, b, j) ? 2 : 2 + t;
    // The father's name seen in the other words outranks a pet name's weak evidence.
    if (this.givenName && this.patronymic(a, i, b, j)) return 2;
    if (
      this.nickname &&
      (a.nick[i] ||
        b.nick[j] ||
        this.petForGiven(a, a0, a1, b, b0, b1) ||
        this.petForGiven(b, b0, b1, a, a0, a1) ||
        this.clippedFrom(a, a0, a1, b, b0, b1) ||
        this.clippedFrom(b, b0, b1, a, a0, a1) ||
        this.samePet(a, a0, a1, b, b0, b1))
    )
      return 2 + this.thresholds.length;
    if (this.givenName && this.givenAgrees(a, i, b, j)) return this.nLevels - 2;
    return this.nLevels - 1;
  }

  /** Every token of the shorter name sounds the same as a token of the longer (spelling, script,
   *  order or a dropped surname). Phonetic keys would be too coarse here: Swati/Shweta share one. */
  private keysCovered(a: NameFeatures, a0: number, a1: number, b: NameFeatures, b0: number, b1: number): boolean {
    return a1 - a0 <= b1 - b0 ? covered(a.snd, a0, a1, b.snd, b0, b1) : covered(b.snd, b0, b1, a.snd, a0, a1);
  }

  /** Every token of the shorter name sounds the same as, or is in the outside variant table
   *  (src/names/variants.data.ts) with, a token of the longer: 1 (variant) when every table link is
   *  one name in two renderings (Kishan/Krishna, Bandyopadhyay/Banerjee), 2 (close) when a pet name
   *  of a given name is involved (Kanha/Krishna); 0 when not covered or the table was not needed. */
  private tableCovered(a: NameFeatures, a0: number, a1: number, b: NameFeatures, b0: number, b1: number): number {
    // Two calls rather than destructuring an array: this runs per pair, and the array was garbage.
    return a1 - a0 <= b1 - b0 ? this.tableCoveredBy(a, a0, a1, b, b0, b1) : this.tableCoveredBy(b, b0, b1, a, a0, a1);
  }

  /** tableCovered with s the shorter name and l the longer. */
  private tableCoveredBy(s: NameFeatures, s0: number, s1: number, l: NameFeatures, l0: number, l1: number): number {
    let level = 0;
    for (let x = s0; x < s1; x++) {
      const sx = s.snd[x];
      let ok = 0;
      for (let y = l0; y < l1 && ok !== 3; y++) {
        const ly = l.snd[y];
        if (sx === ly) ok = 3;
        else if (shares(this.sh.same[sx], this.sh.same[ly])) ok = Math.max(ok, 2);
        else if (shares(this.sh.pet[sx], this.sh.same[ly]) || shares(this.sh.pet[ly], this.sh.same[sx])) ok = Math.max(ok, 1);
      }
      if (ok === 0) return 0;
      if (ok === 2) level = Math.max(level, 1);
      else if (ok === 1) level = 2;
    }
    return level;
  }

  /**
   * A pet name in place of the given name, the rest of the name kept: "Munni Reddi" for Padma Reddy,
   * "Mithu Ghose" for Tanushri Ghosh (a child found is often known only by the name used at home;
   * Wikipedia "Daak naam"). x has a pet name and other names, each of which sounds like (or, three
   * consonants or more, has the skeleton of) a name of y that is not itself a pet name. That is the
   * "nickname" level: it says little either way, where "different" would count against the pair.
   */
  private petForGiven(x: NameFeatures, x0: number, x1: number, y: NameFeatures, y0: number, y1: number): boolean {
    // No pet name in x: the answer is no, without the look-ups below.
    let anyPet = false;
    for (let t = x0; t < x1 && !anyPet; t++) anyPet = x.pet[t] !== 0;
    if (!anyPet) return false;
    let pets = 0,
      rest = 0;
    for (let t = x0; t < x1; t++) {
      if (x.pet[t]) {
        pets++;
        continue;
      }
      rest++;
      let ok = false;
      for (let u = y0; u < y1 && !ok; u++)
        ok =
          !y.pet[u] &&
          (x.snd[t] === y.snd[u] ||
            (x.skel[t] >= 0 && x.skel[t] === y.skel[u]) ||
            this.sh.jw.simAtLeast(x.snd[t], y.snd[u], this.thresholds[0]) >= this.thresholds[0]);
      if (!ok) return false;
    }
    return pets > 0 && rest > 0;
  }

  /**
   * x is one short word clipped from a name of y: Shivu for Shivam, Sapu for Sapna, Santu for Santosh,
   * Probho for Prabhjot. A pet name is often the given name cut to its first syllable or two ("if a new
   * arrival were offered anything more than a two-syllable name ... it would be shortened", of Marathi
   * families: S. Bhagwat, "Indians love name calling", Asia Media Centre; Bengali ḍāk nām "can also be a
   * short-form of the official name", The Bengali Today), which the blocking rule `short-form` already
   * brings together. Read here as x's consonant skeleton (two letters or more) beginning one of y's
   * longer skeletons, it is the "nickname" level: it says little either way, where "different" would
   * hold the clipping against the pair. Reached only when the names are otherwise "different".
   */
  private clippedFrom(x: NameFeatures, x0: number, x1: number, y: NameFeatures, y0: number, y1: number): boolean {
    if (x1 - x0 !== 1 || x.pet[x0]) return false;
    const short = this.skeletonOf(x.snd[x0]);
    if (short.length < 2 || this.sh.sounds.strings[x.snd[x0]].length > 6) return false;
    for (let u = y0; u < y1; u++) {
      if (y.pet[u]) continue;
      const long = this.skeletonOf(y.snd[u]);
      if (long.length > short.length && long.startsWith(short)) return true;
    }
    return false;
  }

  /**
   * Both names have the same pet-sounding word (Bhola Chauhan / Bhola Kamar; a pet name read as the given
   * name where the other words slipped or were guessed by whoever wrote the record): the "nickname"
   * level, which says little either way; many children share a pet name, so never more than that.
   */
  private samePet(a: NameFeatures, a0: number, a1: number, b: NameFeatures, b0: number, b1: number): boolean {
    for (let x = a0; x < a1; x++) if (a.pet[x]) for (let y = b0; y < b1; y++) if (b.pet[y] && a.snd[x] === b.snd[y]) return true;
    return false;
  }

  /** Consonant skeleton by sound id, computed once per sound. */
  private readonly skeletonBySound: string[] = [];
  private skeletonOf(sound: number): string {
    return (this.skeletonBySound[sound] ??= consonantSkeleton(this.sh.sounds.strings[sound]));
  }

  /**
   * The given names agree though the rest of the names do not: a weaker level than "similar", not
   * "different". In much of India the second word of a name is not a family surname both records
   * must share: Tamil, Telugu and Kannada practice puts the father's given name beside or instead of
   * a surname (Karthik Murugan, son of Murugan; the initial R. of Tamil Nadu records is the same
   * father's name), Arabic-derived names take the father's name as the second name (Rizwan
   * Rahman, son of Abdur Rahman), a girl is often registered with a female marker (Bibi, Begum,
   * Khatun, Kumari, Devi) in place of the family surname, and a police record may write whatever
   * surname the child or the informant gives. The given name is the first token that is neither a
   * pet name nor a marker (`isNameMarkerCanonical`), compared as the other levels compare tokens:
   * the same sound, the same consonant skeleton (three consonants or more), a variant in the outside
   * table, or Jaro–Winkler at the close threshold. Its m and u are trained like every other level's;
   * namesakes (another child of a common given name) are what its u counts.
   */
  private givenAgrees(a: NameFeatures, i: number, b: NameFeatures, j: number): boolean {
    const ga = a.given[i],
      gb = b.given[j];
    if (ga < 0 || gb < 0) return false;
    return this.wordsAgree(a, a.off[i] + ga, b, b.off[j] + gb, (a.ta[i] | b.ta[j]) !== 0);
  }

  /** Token x of a and token y of b are one word: the same sound (or, in Tamil script, the same once voicing is set aside), the same consonant skeleton, a variant in the outside table, or Jaro–Winkler at the close threshold. */
  private wordsAgree(a: NameFeatures, x: number, b: NameFeatures, y: number, tamil: boolean): boolean {
    const sa = a.snd[x],
      sb = b.snd[y];
    return (
      sa === sb ||
      (tamil && this.sh.dv[sa] === this.sh.dv[sb]) ||
      (a.skel[x] >= 0 && a.skel[x] === b.skel[y]) ||
      shares(this.sh.same[sa], this.sh.same[sb]) ||
      this.sh.jw.simAtLeast(sa, sb, this.thresholds[0]) >= this.thresholds[0]
    );
  }

  /**
   * One side's given name is a word of the other's, and its other words are the father's given name,
   * of either record: "Anirban Ritam" for Anirban Dey, son of Ritam Dey; "Svapnil Bhaskat" whose father
   * is Bhaskar Kamble; "Rakesh Gopi" for Yerra Rakesh, son of Gopi (Telugu names put the house name
   * first, so the given name is the report's last word). That is the convention `givenAgrees`
   * describes (the father's given name beside or instead of a surname, South Indian and Arabic-derived
   * practice), seen to hold for this child: the same name in another convention, as a swapped order
   * is, so the close level, not the weaker "given name agrees". The father's name must be written on
   * one of the two records; a brother (the same father, another given name) is not lifted.
   */
  private patronymic(a: NameFeatures, i: number, b: NameFeatures, j: number): boolean {
    const fa = a.father[i],
      fb = b.father[j];
    if (fa < 0 && fb < 0) return false;
    return (
      (this.givenIsWordOf(a, i, b, j) && this.restIsFather(a, i, b, j, fa, fb)) ||
      (this.givenIsWordOf(b, j, a, i) && this.restIsFather(b, j, a, i, fa, fb))
    );
  }

  /** x's given name is one of y's words (`wordsAgree`), wherever it stands in y's name. */
  private givenIsWordOf(x: NameFeatures, i: number, y: NameFeatures, j: number): boolean {
    const g = x.given[i];
    if (g < 0) return false;
    const tamil = (x.ta[i] | y.ta[j]) !== 0;
    for (let u = y.off[j]; u < y.off[j + 1]; u++) if (!y.pet[u] && this.wordsAgree(x, x.off[i] + g, y, u, tamil)) return true;
    return false;
  }

  /** x has words besides its given name that y's name does not have (`sameWord`), and each is the father's given name fa or fb (or a pet name). */
  private restIsFather(x: NameFeatures, i: number, y: NameFeatures, j: number, fa: number, fb: number): boolean {
    const given = x.off[i] + x.given[i];
    let rest = 0;
    for (let t = x.off[i]; t < x.off[i + 1]; t++) {
      if (t === given) continue;
      const st = x.snd[t];
      let inY = false;
      for (let u = y.off[j]; u < y.off[j + 1] && !inY; u++) inY = this.sameWord(st, y.snd[u]);
      if (inY || isNameMarkerCanonical(this.sh.sounds.strings[st])) continue;
      // A pet-sounding word that is the father's name is the father's (Amit Bhola, son of Bhola Prasad);
      // any other pet word is the child's own and neither counts nor refuses.
      if (this.sameWord(st, fa) || this.sameWord(st, fb)) rest++;
      else if (!x.pet[t]) return false;
    }
    return rest > 0;
  }

  /** Two sound ids are one word: the same sound, the same skeleton (three consonants or more), or close by Jaro–Winkler. */
  private sameWord(s: number, f: number): boolean {
    if (f < 0) return false;
    if (s === f) return true;
    const ks = this.skeletonOf(s);
    if (ks.length >= 3 && ks === this.skeletonOf(f)) return true;
    return this.sh.jw.simAtLeast(s, f, this.thresholds[0]) >= this.thresholds[0];
  }

  /**
   * One side's single word is the other's names written together: "রীতমমণ্ডল" for Ritom Mondal,
   * "PrajaktaVagh", "मोहम्मदसलमानमंसूरी" for Salman Mansuri. Registers and scripts without a
   * convention for the space between given name and surname (Bengali and Devanagari hand-written
   * lists, a clerk's form with one box) give fused names; the issue names them as a variation of
   * records written by other hands. Two or three neighbouring words of the other side, in their
   * order (or the two swapped), joined: close (Jaro–Winkler at the close threshold, lengths within a
   * fifth) or the whole of the join at the start or end of the single word (an honorific or a
   * prefix such as Mohammad before it). A close level, never a variant: the word boundary is lost.
   */
  private fused(a: NameFeatures, a0: number, a1: number, b: NameFeatures, b0: number, b1: number): boolean {
    if (a1 - a0 === 1 && b1 - b0 >= 2) return this.fusedWith(a.snd[a0], b, b0, b1);
    if (b1 - b0 === 1 && a1 - a0 >= 2) return this.fusedWith(b.snd[b0], a, a0, a1);
    return false;
  }

  private fusedWith(one: number, l: NameFeatures, l0: number, l1: number): boolean {
    const strings = this.sh.sounds.strings;
    const s = strings[one];
    if (s.length < FUSED_MIN) return false;
    // Lengths first: most single words are a given name, far shorter than any join, and need no string built.
    for (let x = l0; x + 1 < l1; x++) {
      const w0 = strings[l.snd[x]],
        w1 = strings[l.snd[x + 1]];
      const n2 = w0.length + w1.length;
      if (fusedFits(s, n2) && (this.fusedClose(s, w0 + w1) || this.fusedClose(s, w1 + w0))) return true;
      if (x + 2 < l1) {
        const w2 = strings[l.snd[x + 2]];
        if (fusedFits(s, n2 + w2.length) && this.fusedClose(s, w0 + w1 + w2)) return true;
      }
    }
    return false;
  }

  private fusedClose(s: string, join: string): boolean {
    return (
      (Math.abs(s.length - join.length) <= join.length / 5 && jaroWinkler(s, join) >= this.thresholds[0]) ||
      (join.length >= FUSED_AFFIX && (s.startsWith(join) || s.endsWith(join)))
    );
  }

  /** keysCovered on the words as OCR may have read them (`ocrLetters`): "Harman Slngh" for Harman Singh. */
  private ocrCovered(a: NameFeatures, a0: number, a1: number, b: NameFeatures, b0: number, b1: number): boolean {
    const oc = this.sh.oc;
    return a1 - a0 <= b1 - b0 ? coveredAs(oc, a.snd, a0, a1, b.snd, b0, b1) : coveredAs(oc, b.snd, b0, b1, a.snd, a0, a1);
  }

  /** keysCovered on the sounds without voicing. */
  private devoicedCovered(a: NameFeatures, a0: number, a1: number, b: NameFeatures, b0: number, b1: number): boolean {
    const dv = this.sh.dv;
    return a1 - a0 <= b1 - b0 ? coveredAs(dv, a.snd, a0, a1, b.snd, b0, b1) : coveredAs(dv, b.snd, b0, b1, a.snd, a0, a1);
  }

  /** Every token of the shorter name has the same sound or (three consonants or more) the same skeleton as one of the longer. */
  private skeletonsCovered(a: NameFeatures, a0: number, a1: number, b: NameFeatures, b0: number, b1: number): boolean {
    return a1 - a0 <= b1 - b0 ? skeletonsCoveredBy(a, a0, a1, b, b0, b1) : skeletonsCoveredBy(b, b0, b1, a, a0, a1);
  }

  /** Greedy best alignment of sound tokens (see names/similarity), on cached Jaro–Winkler. */
  private similarity(a: NameFeatures, a0: number, a1: number, b: NameFeatures, b0: number, b1: number, iniA = 0, iniB = 0): number {
    const na = a1 - a0,
      nb = b1 - b0;
    // Only how the result stands to the thresholds matters (`computeLevel`), so a token pair that
    // cannot reach the lowest threshold (`SimCache.bound`) is not looked up: it never wins a step whose
    // best reaches that threshold, and a step whose best does not ends the alignment below every threshold.
    const lowest = this.lowest,
      jw = this.sh.jw;
    if (na === 1 && nb === 1) return jw.simAtLeast(a.snd[a0], b.snd[b0], lowest);
    // Names have few tokens; a bitmask of used tokens on each side is enough.
    let usedA = 0,
      usedB = 0,
      total = 1;
    const m = Math.min(na, nb, 30);
    for (let step = 0; step < m; step++) {
      let best = -1,
        bi = 0,
        bj = 0;
      for (let x = 0; x < na && x < 30; x++) {
        if (usedA & (1 << x)) continue;
        for (let y = 0; y < nb && y < 30; y++) {
          if (usedB & (1 << y)) continue;
          const sx = a.snd[a0 + x],
            sy = b.snd[b0 + y];
          if (sx !== sy && jw.bound(sx, sy) < lowest) continue;
          const v = jw.sim(sx, sy);
          if (v > best) {
            best = v;
            bi = x;
            bj = y;
          }
        }
      }
      // Under the lowest threshold (or no pair could reach it): the result is at most this (the factor
      // below is at most 1), so the level is the same whatever the remaining steps give.
      if (best < lowest) return best < total ? best : total;
      usedA |= 1 << bi;
      usedB |= 1 << bj;
      if (best < total) total = best;
    }
    // A name left over on the longer side that an initial of the shorter stands for is accounted
    // for ("R. Meena" / "Ramasamy Meena"): it does not count as a missing name.
    const shorterIni = na >= nb ? iniB : iniA;
    const byInitial =
      shorterIni === 0 ? 0 : na >= nb ? this.byInitial(a, a0, na, usedA, shorterIni) : this.byInitial(b, b0, nb, usedB, shorterIni);
    // The weakest aligned token decides: siblings share a surname, so an average would call
    // "Sunita Pawar" and "Kavita Pawar" similar.
    return total * (0.9 + 0.1 * (Math.min(m + byInitial, Math.max(na, nb)) / Math.max(na, nb)));
  }

  /** Tokens of the longer name left unaligned (not in `used`) that one of the shorter name's initials stands for. */
  private byInitial(feat: NameFeatures, l0: number, nl: number, used: number, ini: number): number {
    let n = 0;
    for (let x = 0; x < nl && x < 30; x++)
      if (!(used & (1 << x)) && ini & letterBit(this.sh.sounds.strings[feat.snd[l0 + x]][0] ?? '')) n++;
    return n;
  }

  /** log2 of how common the agreeing name is: the sum over the shorter name's token keys. */
  tfLog(a: NameFeatures, i: number, b: NameFeatures, j: number): number {
    const a0 = a.off[i],
      a1 = a.off[i + 1],
      b0 = b.off[j],
      b1 = b.off[j + 1];
    let v = 0;
    if (a1 - a0 <= b1 - b0) for (let x = a0; x < a1; x++) v += this.logTf[a.key[x]];
    else for (let x = b0; x < b1; x++) v += this.logTf[b.key[x]];
    return v;
  }
}

/**
 * A name's given name: the index of its first word that is not a marker (Kumari, Bibi, Devi) and,
 * where pet names are passed over (a child's name, compared with a nickname level), not a pet name;
 * -1 if none. A parent is registered by the name used, pet-sounding or not (Bhola, Raju, Pappu).
 */
function givenIndex(toks: string[], passOverPets: boolean): number {
  return toks.findIndex((tok) => !isNameMarkerCanonical(tok) && !(passOverPets && (isNicknameCanonical(tok) || isGenericPetName(tok))));
}

/**
 * One bit per Latin letter, voiced and voiceless stops as one (k/g, t/d, p/b, c/j): Tamil script
 * writes one letter for each pair (கணேசன் Ganesan, திவ்யா Divya), so a "K." may stand for Ganesan.
 */
export function letterBit(letter: string): number {
  const c = letter.charCodeAt(0);
  if (!(c >= 97 && c <= 122)) return 0;
  const folded = ({ g: 'k', d: 't', b: 'p', j: 'c' } as Record<string, string>)[letter[0]] ?? letter[0];
  return 1 << (folded.charCodeAt(0) - 97);
}

/** skeletonsCovered with s the shorter name and l the longer (a function of its own: no array per pair). */
function skeletonsCoveredBy(s: NameFeatures, s0: number, s1: number, l: NameFeatures, l0: number, l1: number): boolean {
  let bySkeleton = false;
  for (let x = s0; x < s1; x++) {
    let ok = false;
    for (let y = l0; y < l1 && !ok; y++) {
      if (s.snd[x] === l.snd[y]) ok = true;
      else if (s.skel[x] >= 0 && s.skel[x] === l.skel[y]) ok = bySkeleton = true;
    }
    if (!ok) return false;
  }
  return bySkeleton;
}

function shares(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b || a.length === 0 || b.length === 0) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Every sound in s[s0..s1) occurs in l[l0..l1). */
function covered(s: Int32Array, s0: number, s1: number, l: Int32Array, l0: number, l1: number): boolean {
  for (let x = s0; x < s1; x++) {
    let found = false;
    for (let y = l0; y < l1; y++)
      if (s[x] === l[y]) {
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

/** `covered` with each sound id read through `as` (a per-sound table: `NameShared.dv`, `.oc`). */
function coveredAs(as: readonly number[], s: Int32Array, s0: number, s1: number, l: Int32Array, l0: number, l1: number): boolean {
  for (let x = s0; x < s1; x++) {
    const want = as[s[x]];
    let found = false;
    for (let y = l0; y < l1 && !found; y++) found = as[l[y]] === want;
    if (!found) return false;
  }
  return true;
}

/**
 * A token's first letter and its consonants in order, other vowels and h dropped, b and v (and w) as one letter, doubles as one:
 * the Indian respellings that only move vowels or aspiration (Bengali writes one letter for b and v,
 * and an inherent o where Hindi has a) keep their skeleton.
 */
export function consonantSkeleton(sound: string): string {
  let out = '';
  for (const ch of sound.replace(/[wb]/g, 'v')) {
    if (out && 'aeiouyh'.includes(ch)) continue;
    if (out[out.length - 1] !== ch) out += ch;
  }
  return out;
}
