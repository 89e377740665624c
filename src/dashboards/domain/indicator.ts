/**
 * What an indicator is, as validated data (src/dashboards/indicators.data.ts). The numerator and
 * denominator are lists of named conditions over one source (a view of the records); the
 * repository turns each name into SQL (indicators.conditions.ts), so the data says *what* is
 * counted and the code says *how* once. Pure: no I/O here.
 */
import { z } from 'zod';

export const SOURCES = ['child', 'case_due', 'action', 'missing', 'care', 'helpline'] as const;
export type Source = (typeof SOURCES)[number];

/** Condition names per source; the SQL for each is in indicators.conditions.ts. */
export const CONDITIONS = {
  child: ['assessed', 'open_case', 'restored', 'followed_up', 'scheme_linked', 'documents_recorded', 'documents_complete'],
  case_due: ['production_pending', 'sir_pending', 'final_order_pending', 'overdue'],
  action: ['due_by_today', 'done_on_time', 'open_overdue'],
  missing: ['matched', 'restored'],
  care: ['institution', 'family_based'],
  helpline: ['due', 'reached_in_target'],
} as const satisfies Record<Source, readonly string[]>;

/** Date columns a trend or a median may use, per source. */
export const DATES = {
  child: ['identified_at', 'assessed_on', 'open_case_since', 'restored_on', 'followed_up_on', 'scheme_linked_on'],
  case_due: ['due_at'],
  action: ['due_date', 'done_on'],
  missing: ['reported_at', 'matched_at', 'restored_at'],
  care: ['since'],
  helpline: ['received_at', 'reached_at'],
} as const satisfies Record<Source, readonly string[]>;

export const DISAGGREGATIONS = ['sex', 'age_band', 'social_category', 'disability', 'block', 'village', 'department'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];

/** Which disaggregations each source can give (an action item has a department, not a child). */
export const SOURCE_DISAGGREGATIONS: Record<Source, readonly Disaggregation[]> = {
  child: ['sex', 'age_band', 'social_category', 'disability', 'block', 'village'],
  case_due: ['sex', 'age_band', 'social_category', 'disability', 'block', 'village'],
  action: ['department', 'block'],
  missing: ['sex', 'age_band', 'block', 'village'],
  care: ['sex', 'age_band', 'social_category', 'disability', 'block', 'village'],
  // A call is about a place, not a registry child (its children are free text until matched).
  helpline: ['block', 'village'],
};

const label = z.strictObject({ en: z.string().min(3), hi: z.string().min(2), mr: z.string().min(2) });

const trend = z.strictObject({
  date: z.string(),
  /** stock: how many satisfied the numerator by each month's end; flow: those whose date fell in the month. */
  mode: z.enum(['stock', 'flow']),
});

export const indicatorSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    version: z.number().int().positive(),
    title: label,
    definition: z.string().min(20),
    /** The Act, rule or guideline the indicator comes from. */
    basis: z.string().min(10),
    /** The MV monthly report section it belongs to (src/reports/mission-vatsalya). */
    section: z.enum(['identification', 'care', 'statutory', 'convergence', 'schemes', 'missing', 'helpline']),
    /** live: computed now; awaiting_module: a slot to wire when the named module lands. */
    status: z.enum(['live', 'awaiting_module']),
    awaits: z.string().optional(),
    source: z.enum(SOURCES),
    numerator: z.array(z.string()),
    /** null: a plain count. */
    denominator: z.array(z.string()).nullable(),
    /** Median days between two dates of the numerator's rows (e.g. reported → restored). */
    medianDays: z.strictObject({ from: z.string(), to: z.string() }).optional(),
    disaggregations: z.array(z.enum(DISAGGREGATIONS)),
    trend: trend.nullable(),
    /** Which way is better, so a comparison can rank districts worst first. */
    better: z.enum(['higher', 'lower']),
  })
  .superRefine((ind, ctx) => {
    if (ind.status === 'awaiting_module') {
      if (!ind.awaits) ctx.addIssue({ code: 'custom', path: ['awaits'], message: 'name the module this slot waits for' });
      return;
    }
    const conds: readonly string[] = CONDITIONS[ind.source];
    const dates: readonly string[] = DATES[ind.source];
    for (const [key, list] of [
      ['numerator', ind.numerator],
      ['denominator', ind.denominator ?? []],
    ] as const) {
      list.forEach((c, i) => {
        if (!conds.includes(c)) ctx.addIssue({ code: 'custom', path: [key, i], message: `unknown condition "${c}" for ${ind.source}` });
      });
    }
    // A ratio's numerator must be a subset of its denominator, or the rate can pass 100%.
    if (ind.denominator && !ind.denominator.every((c) => ind.numerator.includes(c))) {
      ctx.addIssue({ code: 'custom', path: ['numerator'], message: 'the numerator must include every denominator condition' });
    }
    if (ind.trend && !dates.includes(ind.trend.date)) {
      ctx.addIssue({ code: 'custom', path: ['trend', 'date'], message: `unknown date "${ind.trend.date}" for ${ind.source}` });
    }
    for (const k of ['from', 'to'] as const) {
      if (ind.medianDays && !dates.includes(ind.medianDays[k])) {
        ctx.addIssue({ code: 'custom', path: ['medianDays', k], message: `unknown date for ${ind.source}` });
      }
    }
    ind.disaggregations.forEach((d, i) => {
      if (!SOURCE_DISAGGREGATIONS[ind.source].includes(d)) {
        ctx.addIssue({ code: 'custom', path: ['disaggregations', i], message: `${ind.source} cannot be disaggregated by ${d}` });
      }
    });
  });
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorSetSchema = z
  .strictObject({ version: z.number().int().positive(), effectiveFrom: z.string(), indicators: z.array(indicatorSchema).min(1) })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.indicators.forEach((i, n) => {
      if (seen.has(i.id)) ctx.addIssue({ code: 'custom', path: ['indicators', n, 'id'], message: `duplicate id ${i.id}` });
      seen.add(i.id);
    });
  });
export type IndicatorSet = z.infer<typeof indicatorSetSchema>;

/** Age bands of the Mission Vatsalya reporting formats (early childhood, school ages, adolescents). */
export const AGE_BANDS = ['0-5', '6-10', '11-14', '15-17', '18+', 'unknown'] as const;

/** A rate in percent with one decimal, or null when nothing is counted. */
export function rate(numerator: number, denominator: number | null): number | null {
  if (denominator === null || denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** YYYY-MM of the n months ending with `month`, oldest first. */
export function monthsEnding(month: string, n: number): string[] {
  const [y, m] = month.split('-').map(Number);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const t = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Last calendar day of YYYY-MM. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}
