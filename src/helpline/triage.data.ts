import { z } from 'zod';
import { CALL_CATEGORIES, ROUTES, URGENCIES } from './domain/vocabulary';
import type { TriageTable } from './domain/triage';

/**
 * Triage rules as versioned data, per state (LGD state code; 0 is the national default),
 * validated by zod when the module loads: a mistake stops the server instead of misrouting a
 * call. A new version is a new entry with a later `effectiveFrom`; the decision copied onto
 * each call names the version it was made under, so figures stay explainable.
 *
 * Routing follows the Mission Vatsalya Guidelines 2022 (Ministry of Women and Child
 * Development), which make the Child Helpline 1098 a government service with a 24x7 state
 * control room and a child helpline unit in every DCPU, integrated with the Emergency Response
 * Support System (ERSS, 112) and the Women Helpline (181): emergencies go to 112, a girl at risk
 * with her mother or a child marriage also to 181, children found at railway stations to the
 * railway child help desk, care and protection decisions to the CWC (JJ Act 2015 s.31: produced
 * within 24 hours). The minute targets are NOT from a statute: they are the state's operating
 * targets, set here as configuration (the issue's example: an emergency reached within 60
 * minutes) for the SCPS to confirm.
 */
const rule = z.strictObject({
  id: z.string().min(1),
  categories: z.array(z.enum(CALL_CATEGORIES)).min(1),
  urgencies: z.array(z.enum(URGENCIES)).min(1),
  route: z.enum(ROUTES),
  targetMinutes: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 60)
    .nullable(),
  girlOnly: z.boolean().optional(),
  stationOnly: z.boolean().optional(),
});

const table = z
  .strictObject({
    state: z.number().int().min(0).max(99),
    version: z.string().min(1),
    effectiveFrom: z.iso.date(),
    source: z.string().min(10),
    rules: z.array(rule).min(1),
    fallback: z.strictObject({ route: z.enum(ROUTES), targetMinutes: z.number().int().positive().nullable() }),
    warnBeforeMinutes: z.number().int().min(0).max(240),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    t.rules.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      ids.add(r.id);
      // An emergency always has a clock: an emergency rule without a target would never be escalated.
      if (r.urgencies.includes('emergency') && r.targetMinutes == null && r.route !== 'advice_only')
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'targetMinutes'], message: 'an emergency rule needs a response target' });
    });
  });

const SOURCE =
  'Mission Vatsalya Guidelines 2022 (MWCD), child helpline integrated with ERSS-112 and WHL-181; JJ Act 2015 s.31; minute targets: state operating targets (configuration)';

const NATIONAL: TriageTable = {
  state: 0,
  version: '2026-1',
  effectiveFrom: '2026-01-01',
  source: SOURCE,
  rules: [
    { id: 'danger-112', categories: ['rescue', 'abuse', 'missing'], urgencies: ['emergency'], route: 'police_112', targetMinutes: 60 },
    {
      id: 'marriage-181',
      categories: ['child_marriage'],
      urgencies: ['emergency', 'non_emergency'],
      route: 'womens_181',
      targetMinutes: 120,
    },
    {
      id: 'girl-at-risk-181',
      categories: ['abuse', 'shelter'],
      urgencies: ['emergency'],
      route: 'womens_181',
      targetMinutes: 60,
      girlOnly: true,
    },
    {
      id: 'found-railway',
      categories: ['found_sighting'],
      urgencies: ['emergency', 'non_emergency'],
      route: 'railway_desk',
      targetMinutes: 60,
      // Railway children: the child help desks at stations (Mission Vatsalya Guidelines 2022; Railway Board SOP for
      // children in contact with railways). A found child or sighting elsewhere stays with the district unit.
      stationOnly: true,
    },
    {
      id: 'found-unit',
      categories: ['found_sighting'],
      urgencies: ['non_emergency'],
      route: 'district_unit',
      targetMinutes: 4 * 60,
    },
    { id: 'medical-112', categories: ['medical'], urgencies: ['emergency'], route: 'police_112', targetMinutes: 30 },
    {
      id: 'unit-emergency',
      categories: ['child_labour', 'begging', 'shelter', 'found_sighting', 'emotional_support'],
      urgencies: ['emergency'],
      route: 'district_unit',
      targetMinutes: 60,
    },
    {
      id: 'unit-routine',
      categories: ['rescue', 'abuse', 'missing', 'child_labour', 'begging', 'medical', 'shelter'],
      urgencies: ['non_emergency'],
      route: 'district_unit',
      targetMinutes: 24 * 60,
    },
    { id: 'cwc-care', categories: ['shelter', 'abuse'], urgencies: ['non_emergency'], route: 'cwc', targetMinutes: 24 * 60 },
    {
      id: 'advice',
      categories: ['information', 'emotional_support'],
      urgencies: ['information', 'non_emergency'],
      route: 'advice_only',
      targetMinutes: null,
    },
  ],
  fallback: { route: 'district_unit', targetMinutes: 24 * 60 },
  warnBeforeMinutes: 15,
};

/** Maharashtra (LGD 27): the national table, with a found child at a station always a railway desk matter within 45 minutes. */
const MAHARASHTRA: TriageTable = {
  ...NATIONAL,
  state: 27,
  version: 'MH-2026-1',
  source: `${SOURCE}; Maharashtra SCPS operating targets (configuration)`,
  rules: NATIONAL.rules.map((r) => (r.id === 'found-railway' ? { ...r, targetMinutes: 45 } : r)),
};

export const TRIAGE_TABLES: readonly TriageTable[] = z.array(table).parse([NATIONAL, MAHARASHTRA]) as TriageTable[];

/** The table in force in a state on a day (the latest effective one; the national table otherwise). */
export function triageTableFor(stateCode: number, day: string): TriageTable {
  const pick = (s: number) =>
    TRIAGE_TABLES.filter((t) => t.state === s && t.effectiveFrom <= day).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  return pick(stateCode) ?? pick(0) ?? NATIONAL;
}

export const triageTableSchema = table;
