import { and, asc, count, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser, organisation } from '../users/users.schema';
import { child } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { audit } from '../audit/audit.service';
import { caseRecord } from './cases.schema';
import { insertAction, insertCase, saveProjection } from './cases.repository';
import { caseTimelineConfig } from './timelines.config';
import { deriveCase, validateAction, type CaseAction } from './domain';

/**
 * Demo cases for the Amravati–Akola baseline: about forty cases made from the seeded
 * children, dated so that on 23 November 2026 the timelines tell a story: fresh intakes,
 * cases waiting in the DCPU's escalation queue, children before the CWC (one SIR late),
 * care plans with referrals to Education and Health (accepted, declined, done, one
 * unanswered past its week), reviews falling due, a transfer to Akola, a case escalated to
 * the state, a few closed and one reopened. Every action goes through the domain's
 * validation, exactly as through the API; nothing is dated after 22 November 2026.
 *
 * Runs once (does nothing when cases exist). Call after seedDemo's users and registry.
 */
const DAY_MS = 86_400_000;
/** Midnight IST starting 23 November 2026: the demo's "today". */
const TODAY = Date.parse('2026-11-23T00:00:00+05:30');
const when = (daysAgo: number, hour = 11) => new Date(TODAY - daysAgo * DAY_MS + hour * 3_600_000).toISOString();
const dayOf = (daysAgo: number) => new Date(TODAY - daysAgo * DAY_MS + 330 * 60_000).toISOString().slice(0, 10);

type Who = 'aww' | 'cwA' | 'dcpoA' | 'cwc' | 'ngo' | 'edu' | 'health' | 'cwK' | 'dcpoK' | 'state';
const USERNAMES: Record<Who, string> = {
  aww: 'aww.rajura',
  cwA: 'caseworker.amravati',
  dcpoA: 'dcpo.amravati',
  cwc: 'cwc.amravati',
  ngo: 'ngo.amravati',
  edu: 'nodal.education',
  health: 'nodal.health',
  cwK: 'caseworker.akola',
  dcpoK: 'dcpo.akola',
  state: 'scps.mh',
};
/** [days before 23 Nov 2026, hour (IST), who, the action without at/by/unit]. */
type Step = [number, number, Who, Record<string, unknown>];

interface Ctx {
  u: Record<Who, { id: string; org: string }>;
  org: { dcpuA: string; dcpuK: string; cwcA: string; edu: string; health: string; ngo: string; state: string };
}

const CONCERNS = [
  'father died by suicide after crop loss; mother works as a farm labourer away from home',
  'both parents died; child lives with an elderly grandmother without income',
  'mother migrated for sugarcane cutting; child left with neighbours and out of school',
  'father imprisoned; mother unwell; child begging at the bus stand',
  'child found working at a roadside dhaba during school hours',
  'single mother with alcoholic partner; reports of violence at home',
  'Pardhi family without documents; child not enrolled in school',
  'child with a disability not receiving any support; family in debt',
];
const SOURCES = ['anganwadi', 'vcpc', 'bal_panchayat', 'school', 'asha', 'helpline', 'police', 'walk_in', 'convergence_group'] as const;

function intake(c: Ctx, i: number, over: Record<string, unknown> = {}) {
  return {
    type: 'intake',
    source: SOURCES[i % SOURCES.length],
    reporter: { name: 'VCPC member', role: i % 2 ? 'Anganwadi worker' : 'VCPC member' },
    concerns: [CONCERNS[i % CONCERNS.length]],
    risk: (['high', 'medium', 'critical', 'low'] as const)[i % 4],
    productionRequired: false,
    ...over,
  };
}

const needs = [
  { domain: 'education_training', need: 're-admission to school and fees' },
  { domain: 'health', need: 'nutrition and anaemia check-up' },
];
const plan = (c: Ctx, option = 'own_family', reason?: string) => ({
  type: 'care_plan',
  careOption: option,
  ...(reason ? { careOptionReason: reason } : {}),
  domains: [
    {
      domain: 'education_training',
      goals: ['attends school regularly'],
      services: ['re-admission', 'fees, books and a bicycle'],
      providers: [{ kind: 'department', orgId: c.org.edu }],
      targetDate: dayOf(-120),
    },
    {
      domain: 'health',
      goals: ['haemoglobin back to normal'],
      services: ['PHC check-up', 'iron supplements'],
      providers: [{ kind: 'department', orgId: c.org.health }],
      targetDate: dayOf(-60),
    },
  ],
});

/** The scenarios, each a function of the seed context and an index (for variety). */
type Scenario = (c: Ctx, i: number) => Step[];

// Amravati ------------------------------------------------------------------------------------

/** A fresh intake at the village, preventive (worked by the convergence group). */
const freshVillage: Scenario = (c, i) => [[1 + (i % 3), 10, 'aww', intake(c, i, { level: 'village' })]];

/** A child who must go before the CWC (s.31); not produced yet: overdue after 24 hours. */
const productionOverdue: Scenario = (c, i) => [
  [2, 9, 'cwA', intake(c, i, { productionRequired: true, risk: 'critical', source: 'police', level: 'district' })],
];

/** Assessed, flagged for the convergence group, a referral to Education. */
const flagged: Scenario = (c, i) => [
  [30 + i, 10, 'cwA', intake(c, i, { level: 'district' })],
  [28 + i, 11, 'cwA', { type: 'assessment', risk: 'high', needs }],
  [
    27 + i,
    12,
    'cwA',
    { type: 'flagged_for_convergence', reason: 'family needs Bal Sangopan, school support and documents; several departments involved' },
  ],
  [
    27 + i,
    13,
    'cwA',
    {
      type: 'referral',
      referralId: 'edu-1',
      need: 're-admission to school and fees',
      domain: 'education_training',
      to: { kind: 'department', orgId: c.org.edu },
    },
  ],
  ...(i % 2 ? ([[20 + i, 15, 'edu', { type: 'referral_accepted', referralId: 'edu-1' }]] as Step[]) : []),
];

/** Escalated by the village to the district: in the DCPU's queue (one waiting too long). */
const escalated: Scenario = (c, i) => [
  [4 + i * 2, 10, 'aww', intake(c, i, { level: 'village', risk: 'high' })],
  [3 + i * 2, 11, 'aww', { type: 'assessment', risk: 'high', needs }],
  [
    1 + i * 2,
    12,
    'aww',
    {
      type: 'escalation',
      fromLevel: 'village',
      toLevel: 'district',
      toUnit: c.org.dcpuA,
      reason: 'grandmother cannot care for the children any more; needs a CWC decision',
      tried: 'VCPC meeting, two home visits, talked to relatives in Amravati',
    },
  ],
];

/** Escalated, then sent back down with instructions. */
const returnedDown: Scenario = (c, i) => [
  [15, 10, 'aww', intake(c, i, { level: 'village' })],
  [
    14,
    11,
    'aww',
    {
      type: 'escalation',
      fromLevel: 'village',
      toLevel: 'district',
      toUnit: c.org.dcpuA,
      reason: 'child skipping school for work',
      tried: 'spoke to the parents twice',
    },
  ],
  [
    12,
    16,
    'dcpoA',
    {
      type: 'returned_down',
      toLevel: 'village',
      toUnit: c.u.aww.org,
      toUser: c.u.aww.id,
      instructions:
        'enrol the child in the Anganwadi-linked bridge course and check attendance weekly; the DCPU will link the family to Sanjay Gandhi Niradhar',
    },
  ],
];

/** Before the CWC: produced, SIR ordered; the last one's SIR is late (15 days, s.36). */
const underCwc: Scenario = (c, i) => {
  const start = i === 3 ? 21 : 6 + i * 2;
  return [
    [start, 9, 'cwA', intake(c, i, { productionRequired: true, level: 'district', risk: 'high' })],
    [
      start,
      16,
      'dcpoA',
      { type: 'produced_before_cwc', producedAt: when(start, 15), cwcUnit: c.org.cwcA, form17Ref: `F17/2026/${200 + i}` },
    ],
    [start, 17, 'cwc', { type: 'sir_ordered', investigator: { user: c.u.cwA.id, unit: c.org.dcpuA }, form21Ref: `F21/2026/${200 + i}` }],
    [start, 17, 'cwc', { type: 'cwc_order', kind: 'interim', orderType: 'fit_person', orderedOn: dayOf(start), cwcUnit: c.org.cwcA }],
    ...(i === 1
      ? ([
          [
            start - 3,
            12,
            'cwA',
            {
              type: 'sir_submitted',
              findings: [{ domain: 'family_background', finding: 'maternal uncle willing to care' }],
              recommendation: 'kinship care with the maternal uncle, with sponsorship',
              recommendedCareOption: 'kinship',
            },
          ],
        ] as Step[])
      : []),
  ];
};

/** The whole path: CWC restoration order, care plan, referrals answered, reviews. */
const carePlan: Scenario = (c, i) => {
  const s = 100 + i * 15; // intake 100–175 days ago
  const steps: Step[] = [
    [s, 10, i % 2 ? 'aww' : 'cwA', intake(c, i, { productionRequired: true, level: i % 2 ? 'village' : 'district' })],
    [s, 15, 'dcpoA', { type: 'produced_before_cwc', producedAt: when(s, 14), cwcUnit: c.org.cwcA }],
    [s, 16, 'cwc', { type: 'sir_ordered', investigator: { user: c.u.cwA.id, unit: c.org.dcpuA } }],
    [
      s - 10,
      11,
      'cwA',
      {
        type: 'sir_submitted',
        findings: [
          { domain: 'family_background', finding: 'mother and grandmother can care with support' },
          { domain: 'economic_status', finding: 'BPL, no land' },
        ],
        recommendation: 'restore to the family with sponsorship and school support',
        recommendedCareOption: 'own_family',
      },
    ],
    [
      s - 20,
      12,
      'cwc',
      {
        type: 'cwc_order',
        kind: 'final',
        orderType: i % 3 === 2 ? 'sponsorship' : 'restoration',
        form: i % 3 === 2 ? 'other' : 'form44',
        orderedOn: dayOf(s - 20),
        cwcUnit: c.org.cwcA,
        orderRef: `CWC/AMR/2026/${40 + i}`,
      },
    ],
    [s - 21, 11, 'cwA', plan(c)],
    [
      s - 21,
      12,
      'cwA',
      {
        type: 'referral',
        referralId: 'edu-1',
        need: 're-admission to school, fees and a bicycle',
        domain: 'education_training',
        to: { kind: 'department', orgId: c.org.edu },
        ...(i % 2 ? { dueDate: dayOf(-20 - i) } : {}),
      },
    ],
    [
      s - 21,
      12,
      'cwA',
      {
        type: 'referral',
        referralId: 'health-1',
        need: 'anaemia treatment and nutrition',
        domain: 'health',
        to: { kind: 'department', orgId: c.org.health },
        ...(i % 3 === 1 ? { dueDate: dayOf(-10) } : {}),
      },
    ],
    [s - 24, 15, 'edu', { type: 'referral_accepted', referralId: 'edu-1' }],
  ];
  if (i % 3 === 0)
    steps.push([
      s - 25,
      15,
      'health',
      { type: 'referral_declined', referralId: 'health-1', reason: 'the PHC at the village handles this; refer there directly' },
    ]);
  else steps.push([s - 25, 15, 'health', { type: 'referral_accepted', referralId: 'health-1' }]);
  if (i % 2 === 0)
    steps.push([
      s - 50,
      12,
      'edu',
      { type: 'referral_done', referralId: 'edu-1', outcome: 'admitted to the ZP school; bicycle given under the Manav Vikas scheme' },
    ]);
  // Post-restoration follow-up (interval from the timeline config): some visits fix the next date.
  if (i % 3 !== 2) {
    steps.push([
      s - 51,
      11,
      'cwA',
      { type: 'follow_up_visit', visitedOn: dayOf(s - 51), findings: 'child at home, attending school', childSafe: true },
    ]);
    if (i % 2)
      steps.push([
        8,
        11,
        'cwA',
        {
          type: 'follow_up_visit',
          visitedOn: dayOf(8),
          findings: 'family coping; sponsorship paid',
          childSafe: true,
          nextVisitDate: dayOf(-22),
        },
      ]);
  }
  // Reviews every three months while the plan runs; the older cases miss their latest one.
  if (s - 21 - 90 > 0 && i % 2 === 0)
    steps.push([s - 21 - 90, 11, 'cwA', { type: 'review', outcome: 'continue', notes: 'attending school; health follow-up pending' }]);
  if (i === 1)
    steps.push([
      3,
      11,
      'cwA',
      { type: 'review', outcome: 'revise_plan', notes: 'mother migrated again; plan to be revised with the family' },
    ]);
  return steps.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
};

/** Transfer to Akola requested by Amravati (family moved); waiting for DCPU Akola. */
const transfer: Scenario = (c, i) => [
  [40, 10, 'cwA', intake(c, i, { level: 'district' })],
  [38, 11, 'cwA', { type: 'assessment', risk: 'medium', needs: [needs[0]] }],
  [
    5,
    12,
    'dcpoA',
    {
      type: 'transfer_requested',
      toDistrictCode: '467',
      toStateCode: '27',
      toUnit: c.org.dcpuK,
      reason: 'the family moved to Akola for work; the child attends school there',
    },
  ],
];

/** Closed: restored, aged out; and one reopened. */
const closed: Scenario = (c, i) => {
  const s = 220 + i * 20;
  const steps: Step[] = [
    [s, 10, 'cwA', intake(c, i, { productionRequired: true, level: 'district' })],
    [s, 14, 'dcpoA', { type: 'produced_before_cwc', producedAt: when(s, 13), cwcUnit: c.org.cwcA }],
    [s, 15, 'cwc', { type: 'sir_ordered', investigator: { user: c.u.cwA.id, unit: c.org.dcpuA } }],
    [
      s - 12,
      11,
      'cwA',
      {
        type: 'sir_submitted',
        findings: [{ domain: 'family_background', finding: 'father back from migration; family able to care' }],
        recommendation: 'restore to the parents',
        recommendedCareOption: 'own_family',
      },
    ],
    [
      s - 30,
      12,
      'cwc',
      { type: 'cwc_order', kind: 'final', orderType: 'restoration', form: 'form44', orderedOn: dayOf(s - 30), cwcUnit: c.org.cwcA },
    ],
    [s - 31, 11, 'cwA', plan(c)],
    [
      s - 31,
      12,
      'cwA',
      {
        type: 'referral',
        referralId: 'edu-1',
        need: 're-admission to school',
        domain: 'education_training',
        to: { kind: 'department', orgId: c.org.edu },
      },
    ],
    [s - 33, 15, 'edu', { type: 'referral_accepted', referralId: 'edu-1' }],
    [s - 60, 15, 'edu', { type: 'referral_done', referralId: 'edu-1', outcome: 'admitted, class 6' }],
    [s - 61, 11, 'cwA', { type: 'follow_up_visit', visitedOn: dayOf(s - 61), findings: 'child at home and in school', childSafe: true }],
    [s - 121, 11, 'cwA', { type: 'review', outcome: 'ready_for_closure', notes: 'stable for four months' }],
    [s - 122, 11, 'cwA', { type: 'closure', reason: 'restored_to_family', note: 'restored; family linked to Bal Sangopan' }],
  ];
  if (i === 2) steps.push([10, 11, 'cwA', { type: 'reopening', reason: 'father migrated again; child out of school for three weeks' }]);
  return steps;
};

// Akola ---------------------------------------------------------------------------------------

/** Preventive cases of the Akola convergence pilot: assessed, planned, flagged, reviewed. */
const akolaPreventive: Scenario = (c, i) => {
  const s = 20 + i * 12;
  const steps: Step[] = [
    [s, 10, 'cwK', intake(c, i, { level: 'district', source: i % 2 ? 'convergence_group' : 'vcpc' })],
    [s - 2, 11, 'cwK', { type: 'assessment', risk: i % 3 ? 'medium' : 'high', needs }],
  ];
  if (i % 2 === 0)
    steps.push([
      s - 3,
      12,
      'cwK',
      { type: 'flagged_for_convergence', reason: 'needs scheme linkage (Bal Sangopan, widow pension) and documents' },
    ]);
  if (s > 40)
    steps.push([
      s - 5,
      12,
      'cwK',
      {
        type: 'care_plan',
        careOption: 'own_family',
        domains: [
          {
            domain: 'social_mainstreaming',
            goals: ['documents and scheme linkage for the family'],
            services: ['caste and income certificates', 'Bal Sangopan application'],
            providers: [],
            targetDate: dayOf(-90),
          },
        ],
      },
    ]);
  if (s > 100)
    steps.push([s - 95, 11, 'cwK', { type: 'review', outcome: 'continue', notes: 'Bal Sangopan sanctioned; certificates awaited' }]);
  return steps;
};

const akolaProductionOverdue: Scenario = (c, i) => [
  [3 + i, 10, 'cwK', intake(c, i, { productionRequired: true, source: 'helpline', level: 'district', risk: 'critical' })],
];

const akolaToState: Scenario = (c, i) => [
  [25, 10, 'cwK', intake(c, i, { level: 'district', risk: 'high' })],
  [
    24,
    11,
    'cwK',
    {
      type: 'assessment',
      risk: 'high',
      needs: [{ domain: 'protection_from_abuse', need: 'safe placement away from a trafficking risk across the state border' }],
    },
  ],
  [
    6,
    12,
    'dcpoK',
    {
      type: 'escalation',
      fromLevel: 'district',
      toLevel: 'state',
      toUnit: c.org.state,
      reason: 'inter-state trafficking risk; needs the state society to coordinate with Madhya Pradesh',
      tried: 'police (SJPU) informed; family counselled; CWC Akola consulted',
    },
  ],
];

const akolaClosed: Scenario = (c, i) => [
  [150 + i * 10, 10, 'cwK', intake(c, i, { level: 'district', risk: 'low' })],
  [148 + i * 10, 11, 'cwK', { type: 'assessment', risk: 'low', needs: [needs[0]] }],
  [
    60 + i * 10,
    11,
    'cwK',
    {
      type: 'closure',
      reason: i ? 'other' : 'family_based_care',
      ...(i ? { note: 'family moved out of the state; informed the DCPU there' } : {}),
    },
  ],
];

/** [scenario, how many, district]; about forty cases in all. */
const PLAN: [Scenario, number, 'amravati' | 'akola'][] = [
  [freshVillage, 3, 'amravati'],
  [productionOverdue, 1, 'amravati'],
  [flagged, 4, 'amravati'],
  [escalated, 3, 'amravati'],
  [returnedDown, 1, 'amravati'],
  [underCwc, 4, 'amravati'],
  [carePlan, 6, 'amravati'],
  [transfer, 1, 'amravati'],
  [closed, 3, 'amravati'],
  [akolaPreventive, 9, 'akola'],
  [akolaProductionOverdue, 2, 'akola'],
  [akolaToState, 1, 'akola'],
  [akolaClosed, 2, 'akola'],
];

export async function seedCases(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(caseRecord);
  if (Number(n) > 0) return 0;
  const users = await db
    .select({ id: appUser.id, username: appUser.username, org: appUser.organisationId })
    .from(appUser)
    .where(inArray(appUser.username, Object.values(USERNAMES)));
  const orgs = await db.select({ id: organisation.id, name: organisation.name }).from(organisation);
  const orgId = (prefix: string) => orgs.find((o) => o.name.startsWith(prefix))?.id;
  const u = Object.fromEntries(
    (Object.entries(USERNAMES) as [Who, string][]).map(([w, name]) => {
      const row = users.find((x) => x.username === name);
      return [w, row && row.org ? { id: row.id, org: row.org } : null];
    }),
  ) as Record<Who, { id: string; org: string } | null>;
  const org = {
    dcpuA: orgId('DCPU Amravati'),
    dcpuK: orgId('DCPU Akola'),
    cwcA: orgId('Child Welfare Committee, Amravati'),
    edu: orgId('Education Department'),
    health: orgId('District Health Office'),
    ngo: orgId('Care Collective'),
    state: orgId('State Child Protection Society'),
  };
  if (Object.values(u).some((x) => !x) || Object.values(org).some((x) => !x)) return 0; // not the demo's users: nothing to do
  const c: Ctx = { u: u as Ctx['u'], org: org as Ctx['org'] };

  // Children under 18 on the demo's today, by village, in a stable order.
  const kids = await db
    .select({
      id: child.id,
      familyId: child.familyId,
      stateCode: child.stateCode,
      districtCode: child.districtCode,
      subdistrictCode: child.subdistrictCode,
      blockCode: child.blockCode,
      villageId: child.villageId,
      villageName: location.name,
      lgdCode: location.lgdCode,
    })
    .from(child)
    .innerJoin(location, eq(location.id, child.villageId))
    .where(and(inArray(child.districtCode, [467, 468]), gte(child.dob, '2009-01-01')))
    .orderBy(asc(child.villageId), asc(child.name), asc(child.dob), asc(child.id));
  const rajura = kids.filter((k) => k.villageName === 'Rajura');
  const amravati = kids.filter((k) => k.districtCode === 468 && k.villageName !== 'Rajura');
  const akola = kids.filter((k) => k.districtCode === 467);
  // Spread over the villages: every few children, so siblings rarely both get a case.
  const picker = (pool: typeof kids) => {
    let i = 0;
    return () => {
      const j = i++ * 7;
      return pool[(j + Math.floor(j / pool.length)) % pool.length];
    };
  };
  const next = { rajura: picker(rajura), amravati: picker(amravati), akola: picker(akola) };
  const used = new Set<string>();
  const pick = (pool: keyof typeof next) => {
    for (let tries = 0; tries < 200; tries++) {
      const k = next[pool]();
      if (k && !used.has(k.id)) {
        used.add(k.id);
        return k;
      }
    }
    throw new Error(`seedCases: not enough children in ${pool}`);
  };

  const config = caseTimelineConfig();
  let made = 0;
  for (const [scenario, howMany, district] of PLAN) {
    for (let i = 0; i < howMany; i++) {
      const steps = scenario(c, i);
      // Village-level work in Rajura is the Anganwadi worker's; elsewhere the district's.
      const villageWork = steps.some(([, , who]) => who === 'aww');
      const k = pick(district === 'akola' ? 'akola' : villageWork ? 'rajura' : 'amravati');
      const actions: CaseAction[] = [];
      for (const [daysAgo, hour, who, fields] of steps) {
        const at = when(daysAgo, hour);
        const base = { ...fields, at, by: c.u[who].id, unit: c.u[who].org };
        const action =
          fields.type === 'intake'
            ? {
                ...base,
                reportedOn: dayOf(daysAgo + (made % 2)),
                childId: k.id,
                ...(k.familyId ? { familyId: k.familyId } : {}),
                location: {
                  stateCode: String(k.stateCode),
                  districtCode: String(k.districtCode),
                  ...(k.blockCode ? { blockCode: String(k.blockCode) } : {}),
                  ...(k.lgdCode ? { villageCode: String(k.lgdCode) } : {}),
                },
              }
            : base;
        const ok = validateAction(actions, action, config, at);
        if (!ok.ok) throw new Error(`seedCases: ${fields.type} refused (${ok.code}: ${ok.message})`);
        actions.push(ok.action);
      }
      const state = deriveCase(actions, config);
      const first = actions[0] as Extract<CaseAction, { type: 'intake' }>;
      const place = {
        stateCode: k.stateCode,
        districtCode: k.districtCode,
        subdistrictCode: k.subdistrictCode,
        blockCode: k.blockCode,
        villageId: k.villageId,
      };
      const row = await insertCase(db, {
        childId: k.id,
        familyId: k.familyId,
        ...place,
        status: state.status,
        phase: state.phase,
        level: state.level,
        risk: state.risk,
        source: first.source,
        reportedOn: first.reportedOn,
        ownerUserId: first.by,
        ownerUnitId: first.unit,
        openedAt: new Date(first.at),
        lastActionAt: new Date(first.at),
        version: 0,
        createdBy: first.by,
      });
      for (const [n, a] of actions.entries()) await insertAction(db, row.id, n + 1, a, place);
      await saveProjection(db, row.id, 0, state, place);
      made++;
    }
  }
  await audit(db, null, 'seed', 'case', null, null, { dataset: 'amravati-akola-cases', cases: made });
  return made;
}
