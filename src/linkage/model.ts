// The match model is versioned data: comparisons with ordered levels and their m/u
// probabilities, blocking rules, and the match rate that sets the prior. The engine interprets it; nothing here runs.
import { readFileSync } from 'node:fs';
import { rootPath } from '../kernel/paths';
import { z } from 'zod';

export const KINDS = ['name', 'sex', 'exact', 'string', 'edit', 'age', 'dateOrder', 'location', 'tokens'] as const;
export type Kind = (typeof KINDS)[number];

const Level = z.object({
  label: z.string(),
  m: z.number().gt(0).lte(1),
  u: z.number().gt(0).lte(1),
});

const Comparison = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(KINDS),
  columns: z.array(z.string()).min(1),
  /** Kind-specific: similarity thresholds, bins, the date column for age, ... */
  params: z.record(z.string(), z.unknown()).default({}),
  /** Term-frequency adjustment strength for exact/variant name levels (0 = off). */
  tfWeight: z.number().min(0).max(1).default(0),
  /** When false, EM keeps this comparison's m/u fixed. */
  train: z.boolean().default(true),
  levels: z.array(Level).min(2),
  /**
   * Fellegi–Sunter assumes fields are independent given match status; siblings break that (same
   * parents, village, language, different name). When comparison `when` is at one of `levels`,
   * this comparison's positive weight is multiplied by `factor`.
   */
  discount: z.object({ when: z.string(), levels: z.array(z.number().int()), factor: z.number().min(0).max(1) }).optional(),
  /** Mean log2 term frequency at each level, so TF adjustments centre on zero (filled by training). */
  tfCentre: z.array(z.number()).optional(),
});

const BlockingKey = z.object({
  column: z.string(),
  transform: z.enum([
    'exact',
    'key',
    'tokenKeys',
    'firstKey',
    'firstKeyLeftAll',
    'firstKeyRightAll',
    'sortedKeys',
    'fullKeys',
    'tokenPairs',
    'joinedPairs',
    'joinedPairsRight',
    'sex',
    'prefix3',
    'year',
    'birthYear',
    'nameless',
    'initialFor',
    'petAndName',
    'oneSlip',
    'shortForm',
    'monthAfter',
  ]),
  /** Second column some transforms need: birthYear takes age from `column` and the report date from `with`;
   *  initialFor the missing child's father's name. */
  with: z.string().optional(),
  /** birthYear only: the most years either side the missing child's window may reach (default: no cap). */
  maxYears: z.number().int().min(0).optional(),
});

export const ModelSchema = z.object({
  format: z.literal('samanvay-linkage-model'),
  version: z.string(),
  description: z.string().default(''),
  /** Expected true matches per right record (0–1]; the prior of a pair is matchRate / (left records).
   *  Re-estimated per run by default. */
  matchRate: z.number().gt(0).lte(1),
  blocking: z.object({
    /** A block whose left×right pair count exceeds this is skipped (other rules still apply). */
    maxBlockPairs: z.number().int().positive().default(200_000),
    rules: z
      .array(
        z.object({
          id: z.string(),
          keys: z.array(BlockingKey).min(1),
          /** This rule's own cap on a block's pairs, when it should give up on big blocks sooner than the others. */
          maxBlockPairs: z.number().int().positive().optional(),
        }),
      )
      .min(1),
  }),
  comparisons: z.array(Comparison).min(1),
  /** Platt scaling of the log2 odds, fitted on labelled pairs: p = σ(scale·log2odds + shift) in base 2. */
  calibration: z.object({ scale: z.number().positive(), shift: z.number() }).default({ scale: 1, shift: 0 }),
  trainedOn: z.string().optional(),
});

export type Model = z.infer<typeof ModelSchema>;
export type ComparisonSpec = z.infer<typeof Comparison>;
export type BlockingRule = Model['blocking']['rules'][number];

/** How many levels each kind has, given its params (the null level is implicit and weighs 0). */
export function levelCount(c: ComparisonSpec): number {
  const p = c.params as Record<string, unknown>;
  const arr = (k: string, d: number[]) => (Array.isArray(p[k]) ? (p[k] as number[]) : d);
  switch (c.kind) {
    // exact, variant, one per threshold, [nickname], [given name agrees], different
    case 'name':
      return 3 + arr('thresholds', [0.9, 0.8]).length + (p.nickname === false ? 0 : 1) + (p.givenName === true ? 1 : 0);
    case 'sex':
    case 'exact':
      return 2;
    case 'string':
      return 2 + arr('thresholds', [0.9, 0.8]).length;
    case 'edit':
      return 2 + arr('maxDistances', [1, 2]).length;
    case 'age':
      return 1 + arr('bins', [0.5, 1.5, 3, 5]).length;
    case 'dateOrder':
      return 5;
    case 'location':
      return 4;
    case 'tokens':
      return 3;
  }
}

export function parseModel(json: unknown): Model {
  const model = ModelSchema.parse(json);
  for (const c of model.comparisons) {
    const n = levelCount(c);
    if (c.levels.length !== n)
      throw new Error(`model ${model.version}: comparison "${c.id}" (${c.kind}) needs ${n} levels, has ${c.levels.length}`);
  }
  return model;
}

export function loadModel(path: string): Model {
  return parseModel(JSON.parse(readFileSync(path, 'utf8')));
}

export const DEFAULT_MODEL_PATH = rootPath('src', 'linkage', 'models', 'indian-children.v1.json');

let cached: Model | null = null;

/** The shipped model (a fresh copy each call, so callers may adjust it). */
export function defaultModel(): Model {
  cached ??= loadModel(DEFAULT_MODEL_PATH);
  return structuredClone(cached);
}

/** log2 Bayes factor of each level: the match weight it contributes. */
export function levelWeights(c: ComparisonSpec): number[] {
  return c.levels.map((l) => Math.log2(l.m / l.u));
}
