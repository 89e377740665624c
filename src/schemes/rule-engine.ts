// Compiles a validated rule tree into closures, once per scheme version, so
// that batch suggestions (100,000 families) do not walk and re-interpret the
// tree per family. Logic is Kleene's three-valued logic: a missing fact is
// "unknown", `all` is false if any part is false, `any` is true if any part is
// true, and only otherwise does unknown propagate. That is what lets the
// engine say "maybe: income would decide" instead of guessing.

import type { FactName, Facts } from './facts';
import { leafReason, pushReason, type Reason } from './reasons';
import type { Condition, Leaf, Rule } from './rules';

export const F = 0;
export const T = 1;
export const U = 2;
export type Tri = typeof F | typeof T | typeof U;

export interface Explanation {
  value: Tri;
  /** Structured reasons (render them with render.ts). */
  reasons: Reason[];
  /** Facts not recorded whose value would change the outcome. */
  missing: FactName[];
}

export interface CompiledRule {
  /** Fast path: outcome only. */
  test(f: Facts): Tri;
  /** Outcome with structured reasons and the deciding missing facts. */
  explain(f: Facts): Explanation;
  /**
   * Appends this node's reasons and missing facts, given its outcome `value`
   * (from test). Two passes instead of building a result per node keep the
   * batch path free of intermediate arrays.
   */
  explainInto(f: Facts, value: Tri, reasons: Reason[], missing: FactName[]): void;
}

function pushNew<X>(xs: X[], x: X): void {
  if (!xs.includes(x)) xs.push(x);
}

function withExplain(test: (f: Facts) => Tri, explainInto: CompiledRule['explainInto']): CompiledRule {
  return {
    test,
    explainInto,
    explain(f) {
      const value = test(f);
      const reasons: Reason[] = [];
      const missing: FactName[] = [];
      explainInto(f, value, reasons, missing);
      return { value, reasons, missing };
    },
  };
}

type Pred = (v: unknown) => boolean;

function predicate(leaf: Leaf): Pred {
  switch (leaf.op) {
    case 'eq': {
      const x = leaf.value;
      return (v) => v === x;
    }
    case 'in': {
      const set = new Set<unknown>(leaf.values);
      return (v) => set.has(v);
    }
    case 'isTrue':
      return (v) => v === true;
    case 'isFalse':
      return (v) => v === false;
    case 'lt': {
      const x = leaf.value;
      return (v) => (v as number) < x;
    }
    case 'lte': {
      const x = leaf.value;
      return (v) => (v as number) <= x;
    }
    case 'gt': {
      const x = leaf.value;
      return (v) => (v as number) > x;
    }
    case 'gte': {
      const x = leaf.value;
      return (v) => (v as number) >= x;
    }
    case 'between': {
      const { min, max } = leaf;
      return (v) => (v as number) >= min && (v as number) <= max;
    }
    case 'within': {
      // ISO dates compare correctly as strings.
      const { from, to } = leaf;
      return (v) => (v as string) >= from && (v as string) <= to;
    }
  }
}

function conditionTest(c: Condition): (f: Facts) => Tri {
  const fact = c.fact;
  if ('eq' in c) {
    const x = c.eq;
    return (f) => {
      const v = f[fact];
      return v === undefined ? U : v === x ? T : F;
    };
  }
  const set = new Set<unknown>(c.in);
  return (f) => {
    const v = f[fact];
    return v === undefined ? U : set.has(v) ? T : F;
  };
}

function compileLeaf(leaf: Leaf, negated: boolean): CompiledRule {
  const fact = leaf.fact;
  const pred = predicate(leaf);
  const absent: Tri = leaf.ifMissing === undefined ? U : leaf.ifMissing ? T : F;
  const core = (f: Facts): Tri => {
    const v = f[fact];
    return v === undefined ? absent : pred(v) ? T : F;
  };
  const when = leaf.when ? conditionTest(leaf.when) : null;
  const whenFact = leaf.when?.fact;

  const test = when
    ? (f: Facts): Tri => {
        const w = when(f);
        if (w === F) return T; // not applicable: e.g. the rural limit for an urban family
        const r = core(f);
        return w === T || r === T ? r : U;
      }
    : core;

  return withExplain(test, (f, _value, reasons, missing) => {
    const w = when ? when(f) : T;
    if (w === F) return; // not applicable: nothing to say
    const v = f[fact];
    const r = core(f);
    if (r === U) pushNew(missing, fact);
    if (w === U && r !== T) pushNew(missing, whenFact as FactName);
    if (r === U) return;
    const reason: Reason = v === undefined ? { code: 'not_recorded', fact } : leafReason(leaf, f, r === T, negated);
    if (leaf.source) reason.source = leaf.source;
    pushReason(reasons, reason);
  });
}

function compileAll(parts: CompiledRule[]): CompiledRule {
  const n = parts.length;
  const test = (f: Facts): Tri => {
    let unknown = false;
    for (let i = 0; i < n; i++) {
      const r = parts[i].test(f);
      if (r === F) return F;
      if (r === U) unknown = true;
    }
    return unknown ? U : T;
  };
  // Not eligible: only what failed. Maybe: what is known plus what is missing.
  return withExplain(test, (f, value, reasons, missing) => {
    for (let i = 0; i < n; i++) {
      const r = parts[i].test(f);
      if (value === F && r !== F) continue;
      parts[i].explainInto(f, r, reasons, missing); // only unknown nodes add missing facts
    }
  });
}

function compileAny(parts: CompiledRule[]): CompiledRule {
  const n = parts.length;
  const test = (f: Facts): Tri => {
    let unknown = false;
    for (let i = 0; i < n; i++) {
      const r = parts[i].test(f);
      if (r === T) return T;
      if (r === U) unknown = true;
    }
    return unknown ? U : F;
  };
  // Eligible: the routes that qualify. Maybe: the routes still open. Not: all of them.
  return withExplain(test, (f, value, reasons, missing) => {
    for (let i = 0; i < n; i++) {
      const r = parts[i].test(f);
      if (value !== F && r !== value) continue;
      parts[i].explainInto(f, r, reasons, missing); // only unknown nodes add missing facts
    }
  });
}

function compileNot(part: CompiledRule): CompiledRule {
  return withExplain(
    (f) => {
      const r = part.test(f);
      return r === U ? U : r === T ? F : T;
    },
    (f, value, reasons, missing) => part.explainInto(f, value === U ? U : value === T ? F : T, reasons, missing),
  );
}

/** Compiles a rule that has already passed validateRule. */
export function compileRule(rule: Rule, negated = false): CompiledRule {
  if ('all' in rule) return compileAll(rule.all.map((r) => compileRule(r, negated)));
  if ('any' in rule) return compileAny(rule.any.map((r) => compileRule(r, negated)));
  if ('not' in rule) return compileNot(compileRule(rule.not, !negated));
  return compileLeaf(rule, negated);
}
