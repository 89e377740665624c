/** Request and response schemas of the dashboards and reports routes (shared with the web app). */
import { z } from 'zod';
import { day, timestamp } from '../http/response';
import { DISAGGREGATIONS } from './domain/indicator';
import { pageQuery } from '../http/common';
import { childOut } from '../registry/registry.model';
import { caseListItemOut } from '../cases/cases.model';
import { actionRowOut } from '../convergence/convergence.model';
import { missingRecordOut } from '../missing/missing.model';
import { callOut } from '../helpline/helpline.model';

const lgd = z
  .string()
  .regex(/^\d{1,6}$/, 'an LGD code (digits)')
  .transform(Number);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

export const districtQuery = z.strictObject({ district: lgd.optional() });
export type DistrictQuery = z.infer<typeof districtQuery>;

export const breakdownQuery = z.strictObject({ by: z.enum([...DISAGGREGATIONS, 'district']), district: lgd.optional() });
export type BreakdownQuery = z.infer<typeof breakdownQuery>;

/** The records behind a figure: the numerator (default) or the denominator, optionally one group of a breakdown. */
const recordsFilter = {
  district: lgd.optional(),
  set: z.enum(['numerator', 'denominator']).default('numerator'),
  by: z.enum([...DISAGGREGATIONS, 'district']).optional(),
  key: z.string().min(1).max(80).optional(),
};
export const recordsQuery = z.strictObject({ ...recordsFilter, ...pageQuery });
export type RecordsQuery = z.infer<typeof recordsQuery>;
export const recordsExportQuery = z.strictObject(recordsFilter);

export const recordsOut = z.object({
  indicator: z.string(),
  /**
   * What the figure counts, listed by the module that owns it: children (the registry), cases
   * (the case list), action items (convergence), missing-child reports, 1098 calls (the helpline).
   */
  kind: z.enum(['child', 'case', 'action', 'missing', 'call']),
  children: z.array(childOut),
  cases: z.array(caseListItemOut),
  actions: z.array(actionRowOut),
  missing: z.array(missingRecordOut),
  calls: z.array(callOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Fields of the record type this reader's role does not get at all. */
  withheld: z.array(z.string()),
});

export const pendencyQuery = z.strictObject({
  district: lgd.optional(),
  sort: z.enum(['days_over', 'days_pending', 'kind', 'case']).default('days_over'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type PendencyQuery = z.infer<typeof pendencyQuery>;

export const comparisonQuery = z.strictObject({ state: lgd.optional(), rank: z.string().max(60).optional() });
export type ComparisonQuery = z.infer<typeof comparisonQuery>;

export const monthlyReportQuery = z.strictObject({
  district: lgd,
  month,
  format: z.enum(['pdf', 'xlsx', 'csv']).default('pdf'),
  lang: z.enum(['en', 'hi', 'mr']).default('en'),
});
export const quarterlyReportQuery = z.strictObject({
  state: lgd,
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'a financial-year quarter as YYYY-Qn (Q1 = April–June)'),
  format: z.enum(['pdf', 'xlsx', 'csv']).default('pdf'),
  lang: z.enum(['en', 'hi', 'mr']).default('en'),
});

const label = z.object({ en: z.string(), hi: z.string(), mr: z.string() });

export const indicatorDefOut = z.object({
  id: z.string(),
  version: z.number(),
  title: label,
  definition: z.string(),
  basis: z.string(),
  section: z.string(),
  status: z.enum(['live', 'awaiting_module']),
  awaits: z.string().optional(),
  source: z.string(),
  numerator: z.array(z.string()),
  denominator: z.array(z.string()).nullable(),
  disaggregations: z.array(z.string()),
  better: z.enum(['higher', 'lower']),
});
export const indicatorDefsOut = z.object({ version: z.number(), effectiveFrom: z.string(), indicators: z.array(indicatorDefOut) });

export const trendPointOut = z.object({ month: z.string(), numerator: z.number(), denominator: z.number().nullable() });
export const indicatorValueOut = z.object({
  id: z.string(),
  version: z.number(),
  title: label,
  section: z.string(),
  status: z.enum(['live', 'awaiting_module']),
  awaits: z.string().nullable(),
  better: z.enum(['higher', 'lower']),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rate: z.number().nullable(),
  medianDays: z.number().nullable(),
  trend: z.array(trendPointOut),
});
export type IndicatorValue = z.infer<typeof indicatorValueOut>;

const areaOut = z.object({ level: z.string(), stateCode: z.number().nullable(), districtCode: z.number().nullable(), name: z.string() });

/** `figuresAt`: when the children's figures were computed (the summary table's refresh, at most DASHBOARD_MAX_AGE_SECONDS old). */
export const indicatorValuesOut = z.object({ asOf: day, figuresAt: timestamp, area: areaOut, indicators: z.array(indicatorValueOut) });

export const breakdownOut = z.object({
  indicator: z.string(),
  by: z.string(),
  rows: z.array(
    z.object({
      key: z.string().nullable(),
      label: z.string(),
      numerator: z.number(),
      denominator: z.number().nullable(),
      rate: z.number().nullable(),
    }),
  ),
});

const dueItemOut = z.object({
  caseId: z.string(),
  caseNumber: z.number(),
  kind: z.string(),
  dueAt: timestamp,
  overdue: z.boolean(),
  blockCode: z.number().nullable(),
});

export const districtHomeOut = indicatorValuesOut.extend({
  /** Children in institutional and in family-based care at each of the last 12 months' ends (IST). */
  careTrend: z.array(z.object({ month: z.string(), institution: z.number(), family: z.number() })),
  decisionsToday: z.array(dueItemOut),
  departmentsBehind: z.array(z.object({ department: z.string(), overdue: z.number(), oldestDue: day })),
});

export const myDayOut = z.object({
  asOf: day,
  tasksDue: z.number(),
  tasksOverdue: z.number(),
  tasks: z.array(dueItemOut),
  nextVisits: z.array(dueItemOut),
});

export const pendencyRowOut = z.object({
  caseId: z.string(),
  caseNumber: z.number(),
  kind: z.enum(['cwc_production', 'sir_submission', 'cwc_final_order']),
  since: timestamp,
  dueAt: timestamp,
  daysPending: z.number(),
  limitDays: z.number(),
  daysOver: z.number(),
  basis: z.string(),
  districtCode: z.number(),
  blockCode: z.number().nullable(),
});
export type PendencyRow = z.input<typeof pendencyRowOut> & { since: Date; dueAt: Date };
export const pendencyOut = z.object({
  asOf: day,
  counts: z.object({ cwc_production: z.number(), sir_submission: z.number(), cwc_final_order: z.number(), overLimit: z.number() }),
  items: z.array(pendencyRowOut),
});

export const comparisonOut = z.object({
  asOf: day,
  figuresAt: timestamp,
  /** What the rows are: the districts of a state, or (national view) the states. */
  unit: z.enum(['district', 'state']),
  state: areaOut,
  rankedBy: z.string(),
  indicators: z.array(z.object({ id: z.string(), title: label, better: z.enum(['higher', 'lower']), hasRate: z.boolean() })),
  /** The rows: districts, or states in the national view (`districtCode` is then the state's LGD code). */
  districts: z.array(
    z.object({
      districtCode: z.number(),
      name: z.string(),
      cells: z.record(z.string(), z.object({ numerator: z.number(), denominator: z.number().nullable(), rate: z.number().nullable() })),
    }),
  ),
  total: z.record(z.string(), z.object({ numerator: z.number(), denominator: z.number().nullable(), rate: z.number().nullable() })),
});

// ---------------------------------------------------------------- frozen reports and their recipients

export const submitMonthlyIn = z.strictObject({ district: z.number().int().positive(), month });
export const snapshotListQuery = z.strictObject({ district: lgd.optional(), ...pageQuery });
export const snapshotFileQuery = z.strictObject({
  format: z.enum(['pdf', 'xlsx', 'csv']).default('pdf'),
  lang: z.enum(['en', 'hi', 'mr']).default('en'),
});
export const snapshotOut = z.object({
  id: z.string(),
  kind: z.string(),
  origin: z.enum(['submitted', 'scheduled']),
  stateCode: z.number(),
  /** null for a state's quarterly report. */
  districtCode: z.number().nullable(),
  period: z.string(),
  indicatorSetVersion: z.number(),
  /** The instant of the data the figures show. */
  figuresAt: timestamp,
  sha256: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: timestamp,
});
export const snapshotListOut = z.object({ items: z.array(snapshotOut), total: z.number(), page: z.number(), pageSize: z.number() });
const frozenRow = z.object({
  id: z.string(),
  title: label,
  status: z.string(),
  inPeriod: z.number().nullable(),
  current: z.number().nullable(),
  denominator: z.number().nullable(),
  rate: z.number().nullable(),
  medianDays: z.number().nullable(),
});
export const snapshotDetailOut = snapshotOut.extend({
  /** The stored figures still hash to the stored sha256. */
  intact: z.boolean(),
  report: z.object({
    area: z.object({ name: z.string(), stateCode: z.number(), districtCode: z.number().nullable() }),
    period: z.object({ label: z.string(), months: z.array(z.string()) }),
    computedAt: z.string(),
    figuresAt: z.string(),
    sections: z.array(z.object({ id: z.string(), rows: z.array(frozenRow) })),
  }),
  /** When the re-run's figures were computed. */
  rerunAt: z.string(),
  /** Every figure a re-run on today's records gives differently. */
  changes: z.array(z.object({ indicator: z.string(), figure: z.string(), frozen: z.number().nullable(), now: z.number().nullable() })),
});

/** A district's recipients (its monthly report) or a state's (the quarterly state report): one of the two. */
const oneArea = (v: { district?: number; state?: number }, c: z.core.$RefinementCtx) => {
  if ((v.district === undefined) === (v.state === undefined)) {
    c.addIssue({ code: 'custom', path: ['district'], message: 'a district or a state, one of the two' });
  }
};
export const recipientQuery = z.strictObject({ district: lgd.optional(), state: lgd.optional() }).superRefine(oneArea);
export const recipientIn = z
  .strictObject({
    district: z.number().int().positive().optional(),
    state: z.number().int().positive().optional(),
    address: z.email('an e-mail address').max(200),
    lang: z.enum(['en', 'hi', 'mr']).default('en'),
  })
  .superRefine(oneArea);
const recipientOut = z.object({ id: z.string(), address: z.string(), lang: z.string(), addedAt: timestamp });
export const recipientOutSchema = recipientOut;
export const recipientListOut = z.object({ items: z.array(recipientOut) });
