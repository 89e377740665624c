// Turns whatever a repository or form hands us into clean Facts, then adds
// the derived facts rules rely on. Never throws: a value of the wrong type
// or outside its plausible range is dropped (and reported in `ignored`), so
// the engine treats it as "not recorded" and answers "maybe".

import { FACTS, FACT_NAMES, isFactName, type FactDef, type FactName, type Facts, type ParentStatus } from './facts';
import { completedMonthsAsYears, completedYears, parseIsoDate, type YMD } from './format';

export interface IgnoredFact {
  fact: FactName;
  value: unknown;
  why: string;
}

export interface CleanFacts {
  facts: Facts;
  ignored: IgnoredFact[];
}

/**
 * A Facts object with every fact present (undefined when not recorded), so
 * every prepared subject has the same V8 hidden class and the compiled rule
 * closures read facts through monomorphic property loads. Adding keys one by
 * one, or `delete`, would leave objects in slow dictionary mode. Kept in
 * step with FACTS by a test.
 */
export function blankFacts(): Facts {
  return {
    age: undefined,
    dob: undefined,
    assessmentDate: undefined,
    sex: undefined,
    orphanStatus: undefined,
    fatherStatus: undefined,
    motherStatus: undefined,
    fatherDeathDate: undefined,
    fatherDeathCause: undefined,
    motherDeathDate: undefined,
    motherDeathCause: undefined,
    guardianDeathDate: undefined,
    guardianDeathCause: undefined,
    singleParent: undefined,
    disability: undefined,
    disabilityPercent: undefined,
    careStatus: undefined,
    enrolledInSchool: undefined,
    schoolClass: undefined,
    schoolManagement: undefined,
    cwcRecommendation: undefined,
    aftercareExtensionApproved: undefined,
    childLabour: undefined,
    childMarriage: undefined,
    trafficked: undefined,
    hivAffected: undefined,
    missingOrRunaway: undefined,
    pmCaresChild: undefined,
    parentUncleanOccupation: undefined,
    annualIncome: undefined,
    area: undefined,
    bpl: undefined,
    rationCardType: undefined,
    seccListed: undefined,
    casteCategory: undefined,
    stateCode: undefined,
    districtCode: undefined,
    motherAge: undefined,
    widowedMotherAge: undefined,
    breadwinnerAgeAtDeath: undefined,
    breadwinnerDeathDate: undefined,
    ageAtFatherDeath: undefined,
    ageAtMotherDeath: undefined,
    ageAtGuardianDeath: undefined,
    ageOnDec31: undefined,
    lastParentDeathCause: undefined,
  };
}

/** Copies recorded facts from `src` onto `into` (later sources win). */
export function assignFacts(into: Facts, src: Facts): Facts {
  const o = into as Record<string, unknown>;
  const from = src as Record<string, unknown>;
  for (let i = 0; i < FACT_NAMES.length; i++) {
    const k = FACT_NAMES[i];
    const v = from[k];
    if (v !== undefined) o[k] = v;
  }
  return into;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** A value that failed cleaning, and why. */
class Bad {
  constructor(readonly why: string) {}
}

function cleanValue(def: FactDef, raw: unknown): unknown {
  switch (def.kind) {
    case 'number': {
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string' && raw.trim() !== '') n = Number(raw.replace(/[₹,\s]/g, ''));
      else return new Bad('not a number');
      if (!Number.isFinite(n)) return new Bad('not a number');
      if (def.min !== undefined && n < def.min) return new Bad(`below ${def.min}`);
      if (def.max !== undefined && n > def.max) return new Bad(`above ${def.max}`);
      if (def.integer && !Number.isInteger(n)) return new Bad('not a whole number');
      return n;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const w = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      if (TRUE_WORDS.has(w)) return true;
      if (FALSE_WORDS.has(w)) return false;
      return new Bad('not yes/no');
    }
    case 'date': {
      if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? new Bad('not a date') : raw.toISOString().slice(0, 10);
      return parseIsoDate(raw) ? raw : new Bad('not a YYYY-MM-DD date');
    }
    case 'enum': {
      if (typeof raw !== 'string') return new Bad('not one of the allowed values');
      const values = def.values ?? [];
      if (values.includes(raw)) return raw;
      const lower = raw.trim().toLowerCase();
      for (const v of values) if (v.toLowerCase() === lower) return v;
      return new Bad(`not one of ${values.join(', ')}`);
    }
  }
}

/**
 * Writes the known, well-typed facts of `raw` onto `target` (recorded values
 * in `raw` win). Unknown keys are ignored silently: repository rows carry
 * other columns. Returns `target`.
 */
export function cleanInto(target: Facts, raw: unknown, ignored?: IgnoredFact[]): Facts {
  if (raw === null || typeof raw !== 'object') return target;
  const out = target as Record<string, unknown>;
  try {
    const src = raw as Record<string, unknown>;
    for (const name of Object.keys(src)) {
      if (!isFactName(name)) continue;
      const v = src[name];
      if (v === undefined || v === null || v === '') continue;
      const c = cleanValue(FACTS[name], v);
      if (c instanceof Bad) ignored?.push({ fact: name, value: v, why: c.why });
      else out[name] = c;
    }
  } catch {
    // A getter that throws is as good as a missing fact.
  }
  return target;
}

/** Keeps known, well-typed facts and lists what was dropped. */
export function cleanFacts(raw: unknown): CleanFacts {
  const ignored: IgnoredFact[] = [];
  return { facts: cleanInto(blankFacts(), raw, ignored), ignored };
}

let lastAsOf = '';
let lastNow: YMD | null = null;
/** The batch path derives millions of subjects on one asOf: parse it once. */
function parseAsOf(asOf: string): YMD | null {
  if (asOf !== lastAsOf) {
    lastNow = parseIsoDate(asOf);
    lastAsOf = asOf;
  }
  return lastNow;
}

const ABSENT: ReadonlySet<ParentStatus> = new Set(['dead', 'deserted', 'divorced_separated']);

function ageAt(dob: YMD | null, iso: string | undefined): number | undefined {
  if (!dob || iso === undefined) return undefined;
  const at = parseIsoDate(iso);
  if (!at) return undefined;
  // A parent who died before the child's birth: the child was "under 18" then.
  return Math.max(0, completedYears(dob, at));
}

/**
 * Adds derived facts to clean facts, as of `asOf` (YYYY-MM-DD), returning a
 * new object. Facts given explicitly win, except `age`, which is recomputed
 * from a date of birth because an age typed at intake goes stale.
 */
export function deriveFacts(clean: Facts, asOf: string): Facts {
  return deriveInPlace(assignFacts(blankFacts(), clean), asOf);
}

/** deriveFacts without the copy, for objects made by blankFacts (the batch path). */
export function deriveInPlace(f: Facts, asOf: string): Facts {
  const now = parseAsOf(asOf);
  const dob = parseIsoDate(f.dob);

  if (now && dob && completedYears(dob, now) >= 0) {
    f.age = completedYears(dob, now);
    // RTE entry-class ages are fixed on 31 December of the admission year
    // (Maharashtra School Education Dept. circulars for 25% admissions).
    if (f.ageOnDec31 === undefined) f.ageOnDec31 = completedMonthsAsYears(dob, { y: now.y, m: 12, d: 31 });
  } else if (now && f.age !== undefined && f.assessmentDate !== undefined) {
    const rec = parseIsoDate(f.assessmentDate);
    if (rec && completedYears(rec, now) > 0) f.age = f.age + completedYears(rec, now);
  }

  // A recorded death date means the parent is dead even if status is blank.
  if (f.fatherStatus === undefined && f.fatherDeathDate !== undefined) f.fatherStatus = 'dead';
  if (f.motherStatus === undefined && f.motherDeathDate !== undefined) f.motherStatus = 'dead';

  if (f.ageAtFatherDeath === undefined) f.ageAtFatherDeath = ageAt(dob, f.fatherDeathDate);
  if (f.ageAtMotherDeath === undefined) f.ageAtMotherDeath = ageAt(dob, f.motherDeathDate);
  if (f.ageAtGuardianDeath === undefined) f.ageAtGuardianDeath = ageAt(dob, f.guardianDeathDate);

  const fa = f.fatherStatus;
  const mo = f.motherStatus;
  if (f.orphanStatus === undefined) {
    if (fa === 'dead' && mo === 'dead') f.orphanStatus = 'both_parents_dead';
    else if ((fa === 'dead' && mo !== undefined) || (mo === 'dead' && fa !== undefined)) f.orphanStatus = 'one_parent_dead';
    else if (fa === 'deserted' && mo === 'deserted') f.orphanStatus = 'abandoned';
    else if (fa !== undefined && mo !== undefined) f.orphanStatus = 'not_orphan';
  }
  // PM CARES covers the loss of "the surviving parent": the later of the two deaths decides.
  if (f.lastParentDeathCause === undefined && fa === 'dead' && mo === 'dead' && f.fatherDeathDate && f.motherDeathDate) {
    const fc = f.fatherDeathCause;
    const mc = f.motherDeathCause;
    if (f.fatherDeathDate > f.motherDeathDate) f.lastParentDeathCause = fc;
    else if (f.motherDeathDate > f.fatherDeathDate) f.lastParentDeathCause = mc;
    else f.lastParentDeathCause = fc === 'covid19' || mc === 'covid19' ? 'covid19' : (fc ?? mc);
  }
  if (f.singleParent === undefined && fa !== undefined && mo !== undefined) {
    // Exactly one parent absent (dead, deserted, divorced/separated) and the
    // other alive and present: that is a single-parent family.
    const faAbsent = ABSENT.has(fa);
    const moAbsent = ABSENT.has(mo);
    f.singleParent = faAbsent !== moAbsent;
  }
  if (f.widowedMotherAge === undefined && fa === 'dead' && mo !== undefined && mo !== 'dead' && f.motherAge !== undefined) {
    f.widowedMotherAge = f.motherAge;
  }
  return f;
}

/** cleanFacts + deriveFacts in one call. */
export function prepareFacts(raw: unknown, asOf: string): Facts {
  return deriveFacts(cleanFacts(raw).facts, asOf);
}
