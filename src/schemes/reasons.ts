// Plain-words sentences for rule leaves, e.g.
//   "income ₹60,000 is under the ₹72,000 rural limit"
//   "father's death recorded (2021-05-02, COVID-19) is inside 11 Mar 2020 – 28 Feb 2022"
//   "age 18 is above the limit of 17"
// Field workers read these to families, so they state the fact and the limit
// rather than the rule's internals.

import { FACTS, valueLabel, type FactName, type Facts } from './facts';
import { formatDate, formatIndianNumber, formatInr, formatYears } from './format';
import type { Condition, Leaf, Scalar } from './rules';

export function formatFactValue(fact: FactName, v: unknown): string {
  const def = FACTS[fact];
  if (def.kind === 'number' && typeof v === 'number') {
    if (def.unit === 'inr') return formatInr(v);
    if (def.unit === 'years') return formatYears(v);
    if (def.unit === 'percent') return `${v}%`;
    if (def.unit === 'code') return String(v);
    return formatIndianNumber(v);
  }
  if (def.kind === 'date' && typeof v === 'string') return v;
  return valueLabel(fact, v);
}

/** The fact as a phrase: "income ₹60,000", "father: deceased", a yes/no sentence. */
export function statedFact(fact: FactName, facts: Facts): string {
  const def = FACTS[fact];
  const v = facts[fact];
  switch (def.kind) {
    case 'boolean':
      return (v ? def.yes : def.no) ?? `${def.label}: ${v ? 'yes' : 'no'}`;
    case 'enum':
      return `${def.label}: ${valueLabel(fact, v)}`;
    case 'date': {
      const ctx = def.context !== undefined ? facts[def.context] : undefined;
      const extra = ctx !== undefined && def.context ? `, ${valueLabel(def.context, ctx)}` : '';
      return `${def.label} (${String(v)}${extra})`;
    }
    default:
      return `${def.label} ${formatFactValue(fact, v)}`;
  }
}

function whenWords(w: Condition | undefined): string {
  if (!w) return '';
  const vals: readonly Scalar[] = 'eq' in w ? [w.eq] : w.in;
  return ` ${vals.map((v) => valueLabel(w.fact, v)).join('/')}`;
}

function expected(fact: FactName, vals: readonly Scalar[]): string {
  const words = vals.map((v) => valueLabel(fact, v));
  return words.length === 1 ? words[0] : `one of ${words.join(', ')}`;
}

/**
 * Sentence for a leaf whose fact is recorded; `holds` is the leaf's own
 * outcome ignoring `when`; `negated` when it sits under an odd number of `not`s.
 */
export function leafSentence(leaf: Leaf, facts: Facts, holds: boolean, negated = false): string {
  const fact = leaf.fact;
  const subject = statedFact(fact, facts);
  const v = facts[fact];
  const w = whenWords(leaf.when);
  switch (leaf.op) {
    case 'isTrue':
    case 'isFalse':
      return subject;
    case 'eq':
    case 'in': {
      if (FACTS[fact].kind === 'boolean') return subject;
      const want = expected(fact, leaf.op === 'eq' ? [leaf.value] : leaf.values);
      if (negated) return holds ? `${subject} (must not be ${want})` : subject;
      return holds ? subject : `${subject} (needs ${want})`;
    }
    case 'lte': {
      const n = v as number;
      const rel = n < leaf.value ? 'is under' : n === leaf.value ? 'is at' : 'is over';
      return `${subject} ${rel} the ${formatFactValue(fact, leaf.value)}${w} limit`;
    }
    case 'lt':
      return `${subject} ${holds ? 'is under' : 'is not under'} the ${formatFactValue(fact, leaf.value)}${w} limit`;
    case 'gte': {
      const n = v as number;
      const rel = n > leaf.value ? 'is above' : n === leaf.value ? 'is at' : 'is below';
      return `${subject} ${rel} the ${formatFactValue(fact, leaf.value)}${w} minimum`;
    }
    case 'gt':
      return `${subject} ${holds ? 'is above' : 'is not above'} the ${formatFactValue(fact, leaf.value)}${w} minimum`;
    case 'between': {
      const n = v as number;
      if (n < leaf.min) return `${subject} is below the minimum of ${formatFactValue(fact, leaf.min)}${w}`;
      if (n > leaf.max) return `${subject} is above the limit of ${formatFactValue(fact, leaf.max)}${w}`;
      return `${subject} is within ${formatFactValue(fact, leaf.min)}–${formatFactValue(fact, leaf.max)}${w}`;
    }
    case 'within': {
      const d = v as string;
      const range = `${formatDate(leaf.from)} – ${formatDate(leaf.to)}`;
      if (d < leaf.from) return `${subject} is outside ${range} (before it)`;
      if (d > leaf.to) return `${subject} is outside ${range} (after it)`;
      return `${subject} is inside ${range}`;
    }
  }
}

export function factLabel(fact: FactName): string {
  return FACTS[fact].label;
}
