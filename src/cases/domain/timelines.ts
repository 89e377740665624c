/**
 * Statutory and policy timelines as validated data. The defaults ship in
 * `timelines/default.json`; a state overrides them under its LGD state code.
 * A state may shorten a statutory limit of the JJ Act 2015 (a central Act) but
 * never lengthen it, and the config is refused with a clear message if it tries.
 */
import { z } from 'zod';
import defaultTimelinesJson from './timelines/default.json' with { type: 'json' };
import { lgdCode } from './actions';
import { describeDuration, nominalHours, type Duration } from './time';

const UNIT_LIMITS = { hours: 24 * 365, days: 3650, months: 120 } as const;

const durationSchema = z
  .strictObject({
    hours: z.number().int().positive().max(UNIT_LIMITS.hours).optional(),
    days: z.number().int().positive().max(UNIT_LIMITS.days).optional(),
    months: z.number().int().positive().max(UNIT_LIMITS.months).optional(),
  })
  .refine((d) => Object.values(d).filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of hours, days or months, e.g. {"days": 15}',
  })
  .transform((d): Duration => {
    if (d.hours !== undefined) return { hours: d.hours };
    if (d.days !== undefined) return { days: d.days };
    return { months: d.months as number };
  });

const basis = z.string().trim().min(10, 'basis must cite the Act, rule or policy the timeline comes from');

const ruleSchema = z.strictObject({ within: durationSchema, statutory: z.boolean(), basis });
export type TimelineRule = z.infer<typeof ruleSchema>;

const escalationLevels = z.strictObject({ block: durationSchema, district: durationSchema, state: durationSchema });
const escalationRuleSchema = z.strictObject({ withinByLevel: escalationLevels, statutory: z.boolean(), basis });
export type EscalationRule = z.infer<typeof escalationRuleSchema>;

/** Names of the single-duration timelines. */
export const TIMELINE_KEYS = [
  'cwcProduction',
  'sirSubmission',
  'cwcFinalOrder',
  'carePlanReview',
  'referralResponse',
  'referralCompletion',
  'postRestorationFollowUp',
  'transferResponse',
  'caseReview',
] as const;
export type TimelineKey = (typeof TIMELINE_KEYS)[number];

const timelinesSchema = z.strictObject({
  ...(Object.fromEntries(TIMELINE_KEYS.map((k) => [k, ruleSchema])) as Record<TimelineKey, typeof ruleSchema>),
  escalationResponse: escalationRuleSchema,
});
export type Timelines = z.infer<typeof timelinesSchema>;

/** A state's override: only the duration and the basis may change, never whether a rule is statutory. */
const ruleOverrideSchema = z.strictObject({ within: durationSchema.optional(), basis: basis.optional() });
const escalationOverrideSchema = z.strictObject({
  withinByLevel: z
    .strictObject({ block: durationSchema.optional(), district: durationSchema.optional(), state: durationSchema.optional() })
    .optional(),
  basis: basis.optional(),
});
const stateOverrideSchema = z.strictObject({
  ...(Object.fromEntries(TIMELINE_KEYS.map((k) => [k, ruleOverrideSchema.optional()])) as Record<
    TimelineKey,
    z.ZodOptional<typeof ruleOverrideSchema>
  >),
  escalationResponse: escalationOverrideSchema.optional(),
});
export type StateTimelineOverride = z.infer<typeof stateOverrideSchema>;

/** True when `d` can never be longer than `limit`, whatever the calendar. */
function fitsWithin(d: Duration, limit: Duration): boolean {
  const [unit, n] = Object.entries(d)[0] as [keyof Duration, number];
  const [limitUnit, limitN] = Object.entries(limit)[0] as [keyof Duration, number];
  if (unit === limitUnit) return n <= limitN;
  const longest = 'months' in d ? d.months * 31 * 24 : nominalHours(d);
  const shortest = 'months' in limit ? limit.months * 28 * 24 : nominalHours(limit);
  return longest <= shortest;
}

export const timelineConfigSchema = z
  .strictObject({
    version: z.literal(1),
    /** Tolerance for device clocks running ahead when refusing future-dated actions. */
    maxClockSkewMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    timelines: timelinesSchema,
    states: z.record(lgdCode, stateOverrideSchema, {
      error: (issue) =>
        issue.code === 'invalid_key' ? 'states are keyed by their LGD state code (digits), e.g. "27" for Maharashtra' : undefined,
    }),
  })
  .superRefine((config, ctx) => {
    for (const [stateCode, override] of Object.entries(config.states)) {
      for (const key of TIMELINE_KEYS) {
        const rule = config.timelines[key];
        const within = override[key]?.within;
        if (rule.statutory && within && !fitsWithin(within, rule.within)) {
          ctx.addIssue({
            code: 'custom',
            path: ['states', stateCode, key, 'within'],
            message: `a state may shorten but not lengthen a statutory limit: ${describeDuration(within)} is longer than ${describeDuration(rule.within)} (${rule.basis.split(':')[0]})`,
          });
        }
      }
    }
  });
export type TimelineConfig = z.infer<typeof timelineConfigSchema>;

/** One problem in a timeline config, with where it is. */
export interface TimelineConfigIssue {
  path: string;
  message: string;
}

export class TimelineConfigError extends Error {
  readonly issues: TimelineConfigIssue[];
  constructor(issues: TimelineConfigIssue[]) {
    super(`Invalid timeline config:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'TimelineConfigError';
    this.issues = issues;
  }
}

export function safeParseTimelineConfig(input: unknown): { ok: true; config: TimelineConfig } | { ok: false; error: TimelineConfigError } {
  const result = timelineConfigSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { ok: false, error: new TimelineConfigError(issues) };
}

/** Parses a timeline config (e.g. a state's JSON file); throws TimelineConfigError listing every problem. */
export function parseTimelineConfig(input: unknown): TimelineConfig {
  const result = safeParseTimelineConfig(input);
  if (!result.ok) throw result.error;
  return result.config;
}

/** The shipped defaults (no state overrides). */
export const DEFAULT_TIMELINE_CONFIG: TimelineConfig = parseTimelineConfig(defaultTimelinesJson);

/** Adds or replaces one state's overrides, re-validating the whole config. */
export function withStateOverride(config: TimelineConfig, stateCode: string, override: unknown): TimelineConfig {
  return parseTimelineConfig({ ...config, states: { ...config.states, [stateCode]: override } });
}

/** A timeline as it applies in one state, remembering whether a state override set it. */
export type ResolvedRule = TimelineRule & { source: 'default' | 'state' };
export type ResolvedEscalationRule = EscalationRule & { source: 'default' | 'state' };
export type ResolvedTimelines = Record<TimelineKey, ResolvedRule> & { escalationResponse: ResolvedEscalationRule };

/** The timelines that apply to a case in the state with this LGD code. */
export function resolveTimelines(config: TimelineConfig, stateCode: string | null | undefined): ResolvedTimelines {
  const override = (stateCode ? config.states[stateCode] : undefined) ?? {};
  const resolved = {} as Record<TimelineKey, ResolvedRule>;
  for (const key of TIMELINE_KEYS) {
    const rule = config.timelines[key];
    const o = override[key];
    resolved[key] = o
      ? { ...rule, within: o.within ?? rule.within, basis: o.basis ?? rule.basis, source: 'state' }
      : { ...rule, source: 'default' };
  }
  const esc = config.timelines.escalationResponse;
  const escO = override.escalationResponse;
  const escalationResponse: ResolvedEscalationRule = escO
    ? {
        ...esc,
        withinByLevel: { ...esc.withinByLevel, ...stripUndefined(escO.withinByLevel ?? {}) },
        basis: escO.basis ?? esc.basis,
        source: 'state',
      }
    : { ...esc, source: 'default' };
  return { ...resolved, escalationResponse };
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
