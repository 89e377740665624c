/**
 * Statutory and policy timelines as validated data. The defaults ship in
 * `timelines/default.json`; a state overrides them under its LGD state code.
 * A state may shorten a statutory limit of the JJ Act 2015 (a central Act) but
 * never lengthen it, and the config is refused with a clear message if it tries.
 */
import { z } from 'zod';
import defaultTimelinesJson from './timelines/default.json' with { type: 'json' };
import { lgdCode } from './actions';
import { ruleSourceSchema } from '../../law/source';
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

/**
 * Every timeline carries its source as data (issue #18): the citation, the instrument, the dates
 * it applies between and whether its text was checked against the official document. `appliesTo`
 * says when the clock starts; `trackedOnCases` is false for a statutory clock the case record
 * does not compute yet (it is still listed on the rules page). `fixed` marks a period a state may
 * not change at all (a parent's time to reconsider a surrender is a right, not a deadline).
 */
const described = {
  statutory: z.boolean(),
  basis,
  source: ruleSourceSchema,
  appliesTo: z.string().trim().min(5).max(300),
  trackedOnCases: z.boolean(),
  fixed: z.boolean().optional(),
};
const ruleSchema = z.strictObject({ within: durationSchema, ...described });
export type TimelineRule = z.infer<typeof ruleSchema>;

const escalationLevels = z.strictObject({ block: durationSchema, district: durationSchema, state: durationSchema });
const escalationRuleSchema = z.strictObject({ withinByLevel: escalationLevels, ...described });
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
  // JJ Act 2015 s.38 and s.35(3): adoption inquiries (issue #18).
  'lfaDeclarationUpToTwo',
  'lfaDeclarationOverTwo',
  'surrenderReconsideration',
  // JJ Model Rules 2016 Form 7: follow-up interactions two and six months after restoration.
  'postRestorationFirstFollowUp',
  'postRestorationSecondFollowUp',
  // Statutory clocks listed with their source; not computed on a case yet (trackedOnCases: false).
  'ageDetermination',
  'escortOrder',
  'cwcQuarterlyReport',
  'fosterMonthlyInspection',
  'sponsorshipAnnualReview',
  'sponsorshipApplicationDecision',
  'sponsorshipSchoolAbsence',
] as const;
export type TimelineKey = (typeof TIMELINE_KEYS)[number];

const timelinesSchema = z.strictObject({
  ...(Object.fromEntries(TIMELINE_KEYS.map((k) => [k, ruleSchema])) as Record<TimelineKey, typeof ruleSchema>),
  escalationResponse: escalationRuleSchema,
});
export type Timelines = z.infer<typeof timelinesSchema>;

/**
 * A state's override: only the duration, the basis and its source may change, never whether a rule
 * is statutory. `decidedBy` names whose decision it is (the state's order or the authority), shown
 * beside the due date and on the rules page.
 */
const decidedBy = z.string().trim().min(3).max(300);
const ruleOverrideSchema = z.strictObject({
  within: durationSchema.optional(),
  basis: basis.optional(),
  source: ruleSourceSchema.optional(),
  decidedBy: decidedBy.optional(),
});
const escalationOverrideSchema = z.strictObject({
  withinByLevel: z
    .strictObject({ block: durationSchema.optional(), district: durationSchema.optional(), state: durationSchema.optional() })
    .optional(),
  basis: basis.optional(),
  source: ruleSourceSchema.optional(),
  decidedBy: decidedBy.optional(),
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
        if (rule.fixed && within) {
          ctx.addIssue({
            code: 'custom',
            path: ['states', stateCode, key, 'within'],
            message: `a state may not change this period: ${rule.source.citation} fixes it at ${describeDuration(rule.within)}`,
          });
          continue;
        }
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
export type ResolvedRule = Omit<TimelineRule, 'source'> & {
  source: 'default' | 'state';
  /** The rule's source as data (the state's, when its override gives one). */
  ruleSource: TimelineRule['source'];
  decidedBy: string | null;
};
export type ResolvedEscalationRule = Omit<EscalationRule, 'source'> & {
  source: 'default' | 'state';
  ruleSource: EscalationRule['source'];
  decidedBy: string | null;
};
export type ResolvedTimelines = Record<TimelineKey, ResolvedRule> & { escalationResponse: ResolvedEscalationRule };

/** The timelines that apply to a case in the state with this LGD code. */
export function resolveTimelines(config: TimelineConfig, stateCode: string | null | undefined): ResolvedTimelines {
  const override = (stateCode ? config.states[stateCode] : undefined) ?? {};
  const resolved = {} as Record<TimelineKey, ResolvedRule>;
  for (const key of TIMELINE_KEYS) {
    const rule = config.timelines[key];
    const o = override[key];
    const { source: ruleSource, ...rest } = rule;
    resolved[key] = o
      ? {
          ...rest,
          within: o.within ?? rule.within,
          basis: o.basis ?? rule.basis,
          source: 'state',
          ruleSource: o.source ?? ruleSource,
          decidedBy: o.decidedBy ?? null,
        }
      : { ...rest, source: 'default', ruleSource, decidedBy: null };
  }
  const esc = config.timelines.escalationResponse;
  const escO = override.escalationResponse;
  const { source: escSource, ...escRest } = esc;
  const escalationResponse: ResolvedEscalationRule = escO
    ? {
        ...escRest,
        withinByLevel: { ...esc.withinByLevel, ...stripUndefined(escO.withinByLevel ?? {}) },
        basis: escO.basis ?? esc.basis,
        source: 'state',
        ruleSource: escO.source ?? escSource,
        decidedBy: escO.decidedBy ?? null,
      }
    : { ...escRest, source: 'default', ruleSource: escSource, decidedBy: null };
  return { ...resolved, escalationResponse };
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
