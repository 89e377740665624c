// Structured eligibility reasons: what the engine found, as a code plus the
// fact, its value, the limit and how they compare. The engine produces these
// (no language in them); `render.ts` turns them into sentences in English,
// Hindi or Marathi, e.g.
//   { code: 'limit', fact: 'annualIncome', value: 60000, limit: 72000, comparison: 'under', when: rural }
//   → "income ₹60,000 is under the ₹72,000 rural limit"
//   → "आय ₹60,000, ₹72,000 की ग्रामीण सीमा से कम है"
// Field workers read the sentences to families, so a reason states the fact
// and the limit rather than the rule's internals.

import { FACTS, type FactName, type Facts, type IsoDate } from './facts';
import type { Condition, Leaf, Scalar } from './rules';

/** How a recorded value stands against a limit, a range or a date window. */
export type Comparison =
  | 'under' // lte/lt: below the limit
  | 'at' // lte/gte: exactly at the limit
  | 'over' // lte: above the limit
  | 'not_under' // lt: at or above the limit
  | 'above' // gte/gt: above the minimum; between: above the maximum
  | 'below' // gte: below the minimum; between: below the minimum
  | 'not_above' // gt: at or below the minimum
  | 'within' // between: inside the range
  | 'inside' // within: inside the date window
  | 'before' // within: before the window
  | 'after'; // within: after the window

/** A guard on a leaf ("rural"), kept as the fact and the values it names. */
export interface ReasonWhen {
  fact: FactName;
  values: readonly Scalar[];
}

/** A fact shown beside the one stated: the cause beside a death date. */
export interface ReasonContext {
  fact: FactName;
  value: Scalar;
}

/** A reason from a rule leaf carries the leaf's citation, when the leaf gives one. */
export type Reason = ReasonCore & { source?: string };
type ReasonCore =
  /** A recorded fact as it is (a yes/no fact, an enum value that fits, a flag). */
  | { code: 'fact'; fact: FactName; value: Scalar; context?: ReasonContext }
  /** An enum value against the values the rule asks for (or must not be). */
  | { code: 'enum'; fact: FactName; value: Scalar; expected: readonly Scalar[]; negated: boolean; holds: boolean }
  /** A number against an upper limit (lte, lt). */
  | { code: 'limit'; fact: FactName; value: number; limit: number; comparison: Comparison; when?: ReasonWhen }
  /** A number against a minimum (gte, gt). */
  | { code: 'minimum'; fact: FactName; value: number; limit: number; comparison: Comparison; when?: ReasonWhen }
  /** A number against a range (between). */
  | { code: 'range'; fact: FactName; value: number; min: number; max: number; comparison: Comparison; when?: ReasonWhen }
  /** A date against a window (within). */
  | { code: 'date_window'; fact: FactName; value: IsoDate; from: IsoDate; to: IsoDate; comparison: Comparison; context?: ReasonContext }
  /** A fact written down only when something happened, not written down. */
  | { code: 'not_recorded'; fact: FactName }
  /** Facts not recorded that would decide a "maybe". */
  | { code: 'missing_facts'; facts: readonly FactName[] }
  /** The family lives in the scheme's state. */
  | { code: 'lives_in'; state: number; stateName: string | null }
  /** The scheme is for another state. */
  | { code: 'other_state'; state: number; stateName: string | null; actualState: number }
  /** No version of the scheme was in force on the date asked about. */
  | {
      code: 'not_in_force';
      scheme: { en: string; hi: string; mr: string };
      asOf: IsoDate;
      spans: readonly { from: IsoDate; to: IsoDate | null }[];
    }
  /** The date asked about is not a date. */
  | { code: 'bad_date'; asOf: string };

export type ReasonCode = Reason['code'];

function whenOf(w: Condition | undefined): ReasonWhen | undefined {
  if (!w) return undefined;
  return { fact: w.fact, values: 'eq' in w ? [w.eq] : w.in };
}

function contextOf(fact: FactName, facts: Facts): ReasonContext | undefined {
  const ctx = FACTS[fact].context;
  if (!ctx) return undefined;
  const v = facts[ctx];
  return v === undefined ? undefined : { fact: ctx, value: v as Scalar };
}

/** The fact as recorded, with its context (a death's cause) when there is one. */
export function factReason(fact: FactName, facts: Facts): Reason {
  const context = contextOf(fact, facts);
  const r: Reason = { code: 'fact', fact, value: facts[fact] as Scalar };
  if (context) r.context = context;
  return r;
}

/**
 * Reason for a leaf whose fact is recorded; `holds` is the leaf's own outcome
 * ignoring `when`; `negated` when it sits under an odd number of `not`s.
 */
export function leafReason(leaf: Leaf, facts: Facts, holds: boolean, negated = false): Reason {
  const fact = leaf.fact;
  const v = facts[fact];
  const when = whenOf(leaf.when);
  const withWhen = (r: Reason): Reason => {
    if (when) (r as { when?: ReasonWhen }).when = when;
    return r;
  };
  switch (leaf.op) {
    case 'isTrue':
    case 'isFalse':
      return factReason(fact, facts);
    case 'eq':
    case 'in': {
      if (FACTS[fact].kind === 'boolean') return factReason(fact, facts);
      if (negated ? !holds : holds) return factReason(fact, facts);
      const expected = leaf.op === 'eq' ? [leaf.value] : leaf.values;
      return { code: 'enum', fact, value: v as Scalar, expected, negated, holds };
    }
    case 'lte': {
      const n = v as number;
      const comparison: Comparison = n < leaf.value ? 'under' : n === leaf.value ? 'at' : 'over';
      return withWhen({ code: 'limit', fact, value: n, limit: leaf.value, comparison });
    }
    case 'lt':
      return withWhen({ code: 'limit', fact, value: v as number, limit: leaf.value, comparison: holds ? 'under' : 'not_under' });
    case 'gte': {
      const n = v as number;
      const comparison: Comparison = n > leaf.value ? 'above' : n === leaf.value ? 'at' : 'below';
      return withWhen({ code: 'minimum', fact, value: n, limit: leaf.value, comparison });
    }
    case 'gt':
      return withWhen({ code: 'minimum', fact, value: v as number, limit: leaf.value, comparison: holds ? 'above' : 'not_above' });
    case 'between': {
      const n = v as number;
      const comparison: Comparison = n < leaf.min ? 'below' : n > leaf.max ? 'above' : 'within';
      return withWhen({ code: 'range', fact, value: n, min: leaf.min, max: leaf.max, comparison });
    }
    case 'within': {
      const d = v as string;
      const comparison: Comparison = d < leaf.from ? 'before' : d > leaf.to ? 'after' : 'inside';
      const r: Reason = { code: 'date_window', fact, value: d, from: leaf.from, to: leaf.to, comparison };
      const context = contextOf(fact, facts);
      if (context) r.context = context;
      return r;
    }
  }
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Same reason (the same sentence in every language). */
export function sameReason(a: Reason, b: Reason): boolean {
  if (a.code !== b.code) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) {
    const p = x[k];
    const q = y[k];
    if (p === q) continue;
    if (Array.isArray(p)) {
      if (!sameList(p, q as unknown[])) return false;
      continue;
    }
    if (p && typeof p === 'object' && q && typeof q === 'object') {
      if (JSON.stringify(p) !== JSON.stringify(q)) return false;
      continue;
    }
    return false;
  }
  for (const k in y) if (!(k in x)) return false;
  return true;
}

/** Appends a reason unless the same one is already there. */
export function pushReason(reasons: Reason[], r: Reason): void {
  for (const x of reasons) if (sameReason(x, r)) return;
  reasons.push(r);
}
