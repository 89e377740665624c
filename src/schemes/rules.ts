// The eligibility rule language: data, not code, so that a scheme's rules can
// change with a new GR without a release (brief §3: "keep them as data, with
// a source and an effective date"). A rule is a tree of all/any/not over
// leaves that compare one fact. Validation refuses anything the engine could
// not evaluate meaningfully and says where: "schemes[3]...all[1]: ...".

import { z } from 'zod';
import { FACTS, FACT_NAMES, isFactName, type FactDef, type FactName, type IsoDate } from './facts';
import { isIsoDate } from './format';

export type Scalar = string | number | boolean;

/** Guard on a leaf: the leaf only applies when the condition holds. */
export type Condition = { fact: FactName; eq: Scalar } | { fact: FactName; in: readonly Scalar[] };

interface LeafBase {
  fact: FactName;
  /** `when` false makes the leaf not applicable (true); e.g. a rural-only income limit. */
  when?: Condition;
  /**
   * Value to take when the fact is not recorded, for facts that are written
   * down only when something happened (a guardian's death): without it a
   * missing fact is "unknown" and makes the scheme "maybe".
   */
  ifMissing?: boolean;
  /** Why the rule is there (GR clause); not shown to families. */
  note?: string;
  /** Short citation of the clause this leaf encodes; carried on the reason it gives (issue #18). */
  source?: string;
}
export type Leaf = LeafBase &
  (
    | { op: 'eq'; value: Scalar }
    | { op: 'in'; values: readonly Scalar[] }
    | { op: 'isTrue' }
    | { op: 'isFalse' }
    | { op: 'lt' | 'lte' | 'gt' | 'gte'; value: number }
    | { op: 'between'; min: number; max: number }
    | { op: 'within'; from: IsoDate; to: IsoDate }
  );
export type Rule = { all: readonly Rule[] } | { any: readonly Rule[] } | { not: Rule } | Leaf;
export type LeafOp = Leaf['op'];

export const LEAF_OPS = ['eq', 'in', 'isTrue', 'isFalse', 'lt', 'lte', 'gt', 'gte', 'between', 'within'] as const;
const NUMERIC_OPS = new Set(['lt', 'lte', 'gt', 'gte', 'between']);
const PARAMS: Record<LeafOp, readonly string[]> = {
  eq: ['value'],
  in: ['values'],
  isTrue: [],
  isFalse: [],
  lt: ['value'],
  lte: ['value'],
  gt: ['value'],
  gte: ['value'],
  between: ['min', 'max'],
  within: ['from', 'to'],
};
const ALL_PARAMS = ['value', 'values', 'min', 'max', 'from', 'to'] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const ConditionSchema = z
  .strictObject({ fact: z.string(), eq: scalar.optional(), in: z.array(scalar).optional() })
  .superRefine((c, ctx) => {
    const say = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (!isFactName(c.fact)) return say(unknownFact(c.fact));
    if ((c.eq === undefined) === (c.in === undefined)) return say('a "when" condition needs exactly one of eq or in');
    const vals = c.eq !== undefined ? [c.eq] : (c.in ?? []);
    if (vals.length === 0) return say('"in" needs at least one value');
    for (const v of vals) {
      const bad = checkValue(c.fact, v);
      if (bad) say(bad);
    }
  });

type RawNode = {
  all?: RawNode[];
  any?: RawNode[];
  not?: RawNode;
  fact?: string;
  op?: LeafOp;
  value?: Scalar;
  values?: Scalar[];
  min?: number;
  max?: number;
  from?: string;
  to?: string;
  when?: unknown;
  ifMissing?: boolean;
  note?: string;
  source?: string;
};

/** Zod schema for a rule tree; structural and semantic checks in one pass. */
export const RuleSchema: z.ZodType<RawNode> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(RuleSchema).min(1, 'an "all" needs at least one rule').optional(),
      any: z.array(RuleSchema).min(1, 'an "any" needs at least one rule').optional(),
      not: RuleSchema.optional(),
      fact: z.string().optional(),
      op: z.enum(LEAF_OPS).optional(),
      value: scalar.optional(),
      values: z.array(scalar).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      when: ConditionSchema.optional(),
      ifMissing: z.boolean().optional(),
      note: z.string().optional(),
      source: z.string().trim().min(3).max(200).optional(),
    })
    .superRefine((node, ctx) => {
      for (const message of checkNode(node)) ctx.addIssue({ code: 'custom', message });
    }),
);

function kindWord(def: FactDef): string {
  if (def.kind === 'enum') return `a choice (${(def.values ?? []).join(', ')})`;
  return def.kind === 'boolean' ? 'a yes/no fact' : def.kind === 'date' ? 'a date' : 'a number';
}

function checkNode(n: RawNode): string[] {
  const shapes = (['all', 'any', 'not', 'fact'] as const).filter((k) => n[k] !== undefined);
  if (shapes.length !== 1) {
    return [`a rule needs exactly one of all, any, not or fact (found ${shapes.length ? shapes.join(', ') : 'none'})`];
  }
  const present = [...ALL_PARAMS, 'op', 'when', 'ifMissing'].filter((k) => (n as Record<string, unknown>)[k] !== undefined);
  if (shapes[0] !== 'fact') {
    return present.length ? [`"${present.join('", "')}" only belongs on a fact rule, not on "${shapes[0]}"`] : [];
  }
  const fact = n.fact as string;
  if (!isFactName(fact)) return [unknownFact(fact)];
  if (!n.op) return [`fact "${fact}" needs an op (${LEAF_OPS.join(', ')})`];
  const def = FACTS[fact];
  const op = n.op;
  const errors: string[] = [];
  const need = PARAMS[op];
  for (const p of need) if ((n as Record<string, unknown>)[p] === undefined) errors.push(`op "${op}" needs "${p}"`);
  for (const p of ALL_PARAMS) {
    if (!need.includes(p) && n[p] !== undefined) errors.push(`op "${op}" does not take "${p}"`);
  }
  if (errors.length) return errors;

  const ok = NUMERIC_OPS.has(op)
    ? def.kind === 'number'
    : op === 'within'
      ? def.kind === 'date'
      : op === 'isTrue' || op === 'isFalse'
        ? def.kind === 'boolean'
        : op === 'in'
          ? def.kind === 'enum' || def.kind === 'number'
          : def.kind !== 'date';
  if (!ok) return [`op "${op}" cannot be used on "${fact}", which is ${kindWord(def)}`];

  if (op === 'eq') pushIf(errors, checkValue(fact, n.value));
  if (op === 'in') {
    if (!n.values?.length) errors.push('"values" needs at least one value');
    for (const v of n.values ?? []) pushIf(errors, checkValue(fact, v));
  }
  if (NUMERIC_OPS.has(op) && op !== 'between') pushIf(errors, checkValue(fact, n.value));
  if (op === 'between') {
    pushIf(errors, checkValue(fact, n.min, 'min'));
    pushIf(errors, checkValue(fact, n.max, 'max'));
    if (!errors.length && (n.min as number) > (n.max as number)) {
      errors.push(`impossible range: min ${n.min} is greater than max ${n.max}`);
    }
  }
  if (op === 'within') {
    if (!isIsoDate(n.from)) errors.push(`"from" must be a real YYYY-MM-DD date, got ${JSON.stringify(n.from)}`);
    if (!isIsoDate(n.to)) errors.push(`"to" must be a real YYYY-MM-DD date, got ${JSON.stringify(n.to)}`);
    if (!errors.length && (n.from as string) > (n.to as string)) {
      errors.push(`impossible range: from ${n.from} is after to ${n.to}`);
    }
  }
  return errors;
}

function pushIf(errors: string[], e: string | null): void {
  if (e) errors.push(e);
}

/** Checks one comparison value against the fact's type and plausible range. */
function checkValue(fact: FactName, v: unknown, name = 'value'): string | null {
  const def = FACTS[fact];
  const got = `${typeof v} ${JSON.stringify(v)}`;
  switch (def.kind) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return `${name} for "${fact}" must be a number, got ${got}`;
      if (def.min !== undefined && v < def.min) {
        return `${name} ${v} is impossible for "${fact}" (${def.unit === 'inr' ? 'amounts cannot be negative' : `smallest is ${def.min}`})`;
      }
      if (def.max !== undefined && v > def.max) return `${name} ${v} is impossible for "${fact}" (largest is ${def.max})`;
      return null;
    case 'boolean':
      return typeof v === 'boolean' ? null : `${name} for "${fact}" must be true or false, got ${got}`;
    case 'enum':
      if (typeof v === 'string' && def.values?.includes(v)) return null;
      return `${name} ${JSON.stringify(v)} is not a value of "${fact}" (${(def.values ?? []).join(', ')})`;
    case 'date':
      return isIsoDate(v) ? null : `${name} for "${fact}" must be a YYYY-MM-DD date, got ${got}`;
  }
}

function unknownFact(name: string): string {
  const hint = nearestFact(name);
  return `fact "${name}" is not a known fact${hint ? ` (did you mean "${hint}"?)` : ''}`;
}

function nearestFact(name: string): FactName | null {
  const lower = name.toLowerCase();
  if (lower.length >= 3) {
    const sub = FACT_NAMES.find((f) => f.toLowerCase().includes(lower) || lower.includes(f.toLowerCase()));
    if (sub) return sub;
  }
  // Only suggest close misspellings: one edit per three letters.
  let best: FactName | null = null;
  let bestD = Math.max(1, Math.floor(lower.length / 3)) + 1;
  for (const f of FACT_NAMES) {
    const d = editDistance(lower, f.toLowerCase());
    if (d < bestD) [best, bestD] = [f, d];
  }
  return best;
}

/** Optimal-string-alignment distance: edits plus adjacent swaps ("aera" → "area" is 1). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** ["x", 3, "rules", "all", 1] with prefix "schemes" → "schemes.x[3].rules.all[1]". */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let s = prefix;
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(root)';
}

/** Formats zod issues as "path: reason" lines. */
export function formatIssues(prefix: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${formatPath(prefix, i.path)}: ${i.message}`);
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Validates one rule tree; `at` names it in errors (e.g. "schemes[3].rules"). */
export function validateRule(input: unknown, at = 'rule'): Validated<Rule> {
  const r = RuleSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data as Rule } : { ok: false, errors: formatIssues(at, r.error.issues) };
}

/** Every fact a rule reads, including `when` guards. */
export function factsUsed(rule: Rule, into = new Set<FactName>()): Set<FactName> {
  if ('all' in rule) rule.all.forEach((r) => factsUsed(r, into));
  else if ('any' in rule) rule.any.forEach((r) => factsUsed(r, into));
  else if ('not' in rule) factsUsed(rule.not, into);
  else {
    into.add(rule.fact);
    if (rule.when) into.add(rule.when.fact);
  }
  return into;
}
