/**
 * Builders for case actions in tests and demo data. Not part of the public
 * domain API (not exported from index.ts); every builder yields a valid action
 * that the caller overrides field by field.
 */
import type { ActionOf, CaseAction, CaseActionType } from './actions';
import { addDuration } from './time';
import type { TimelineConfig } from './timelines';
import { validateAction } from './validate';

/** 6 January 2025, 10:00 IST: the moment of intake in the scenarios. */
export const T0 = '2025-01-06T10:00:00.000+05:30';

export function hoursAfter(hours: number, from = T0): string {
  return addDuration(from, { hours });
}
export function daysAfter(days: number, from = T0): string {
  return addDuration(from, { days });
}

/** The units of the scenarios: a village VCPC, a block TCPC, the district DCPU and CWC, departments. */
export const UNITS = {
  vcpc: 'org:vcpc-ganori',
  tcpc: 'org:tcpc-daryapur',
  dcpu: 'org:dcpu-amravati',
  dcpuAkola: 'org:dcpu-akola',
  scps: 'org:scps-maharashtra',
  cwc: 'org:cwc-amravati',
  health: 'org:health-amravati',
  education: 'org:education-amravati',
} as const;

type Overrides<T extends CaseActionType> = Partial<Omit<ActionOf<T>, 'type'>>;

const base = { at: T0, by: 'user:asha-worker', unit: UNITS.vcpc };

const defaults: { [T in CaseActionType]: Omit<ActionOf<T>, 'type' | 'at' | 'by' | 'unit'> } = {
  intake: {
    source: 'vcpc',
    reporter: { name: 'Sunita Wankhede', role: 'VCPC member', contact: '9000000000' },
    reportedOn: '2025-01-06',
    childId: 'child:1',
    familyId: 'family:1',
    concerns: ['father died by suicide; mother migrated for work; child out of school'],
    risk: 'high',
    level: 'village',
    location: { stateCode: '27', districtCode: '468', blockCode: '4321', villageCode: '543210' },
    productionRequired: true,
  },
  produced_before_cwc: { producedAt: T0, cwcUnit: UNITS.cwc, form17Ref: 'F17/2025/001' },
  journey_recorded: { minutes: 180, from: 'Dharni' },
  age_test_ordered: { orderedOn: '2025-01-06', test: 'ossification', cwcUnit: UNITS.cwc },
  age_determined: { determinedOn: '2025-01-06', dateOfBirth: '2011-01-01', basis: 'school_certificate', cwcUnit: UNITS.cwc },
  escort_ordered: { orderedOn: '2025-01-06', purpose: 'transfer', escortBy: 'sjpu', toDistrictCode: '467', cwcUnit: UNITS.cwc },
  sir_ordered: { investigator: { user: 'user:cwo', unit: UNITS.dcpu }, form21Ref: 'F21/2025/001' },
  sir_submitted: {
    findings: [{ domain: 'family_background', finding: 'grandmother willing and able to care' }],
    recommendation: 'restore to grandmother with sponsorship',
    recommendedCareOption: 'kinship',
  },
  assessment: { risk: 'high', needs: [{ domain: 'education_training', need: 're-enrol in school' }] },
  care_plan: {
    careOption: 'own_family',
    domains: [
      {
        domain: 'education_training',
        goals: ['attend school regularly'],
        services: ['school re-admission', 'fees and stationery'],
        providers: [{ kind: 'department', orgId: UNITS.education }],
        targetDate: '2025-06-30',
      },
    ],
  },
  cwc_order: { kind: 'interim', orderType: 'fit_person', orderedOn: '2025-01-06', cwcUnit: UNITS.cwc },
  referral: {
    referralId: 'ref:1',
    need: 'school re-admission',
    domain: 'education_training',
    to: { kind: 'department', orgId: UNITS.education },
  },
  referral_accepted: { referralId: 'ref:1' },
  referral_declined: { referralId: 'ref:1', reason: 'not our mandate' },
  referral_done: { referralId: 'ref:1', outcome: 'admitted to ZP school, class 5' },
  review: { outcome: 'continue' },
  escalation: {
    fromLevel: 'village',
    toLevel: 'block',
    toUnit: UNITS.tcpc,
    reason: 'needs CWC production and services beyond the village',
    tried: 'home visits by the Anganwadi worker',
  },
  returned_down: { toLevel: 'village', toUnit: UNITS.vcpc, instructions: 'monitor school attendance weekly' },
  flagged_for_convergence: { groupId: 'cg:amravati', reason: 'needs Bal Sangopan and school support' },
  transfer_requested: { toDistrictCode: '467', toUnit: UNITS.dcpuAkola, reason: 'family moved to Akola' },
  transfer_accepted: {},
  transfer_rejected: { reason: 'family not found at the address' },
  transfer_cancelled: { reason: 'the family came back' },
  follow_up_visit: { visitedOn: '2025-01-06', findings: 'child at home and in school', childSafe: true },
  closure: { reason: 'restored_to_family', note: 'settled with grandmother' },
  reopening: { reason: 'grandmother fell ill' },
  note: { text: 'spoke to the class teacher' },
  owner_changed: { toUser: 'user:case-worker-2' },
};

/** A valid action of `type`, with `overrides` applied. */
export function make<T extends CaseActionType>(type: T, overrides: Overrides<T> = {}): ActionOf<T> {
  return { ...base, ...defaults[type], ...overrides, type } as unknown as ActionOf<T>;
}

/**
 * Appends actions one by one, validating each against the record so far, and
 * throws with the refusal if one is refused. `now` defaults to each action's time.
 */
export function record(config: TimelineConfig, actions: CaseAction[], now?: string): CaseAction[] {
  const out: CaseAction[] = [];
  for (const a of actions) {
    const result = validateAction(out, a, config, now ?? a.at);
    if (!result.ok) throw new Error(`${a.type} at ${a.at} refused: ${result.code} ${result.message}`);
    out.push(result.action);
  }
  return out;
}
