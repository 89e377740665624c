/**
 * Who may do what. Roles are data: adding a role means adding a row here, not touching
 * routes. Jurisdiction (where) is applied separately, in the query, by policy.ts.
 */
export const ROLES = [
  'admin',
  'dcpu_officer',
  'cwc_member',
  'scps_officer',
  'caseworker',
  'nodal_officer',
  'ngo_caseworker',
  'frontline_worker',
  'helpline_operator',
  'auditor',
  // Staff of a child care institution (superintendent, caseworker, counsellor: JJ Model Rules
  // 2016 r.26, r.66): see only the children staying in their own institution.
  'cci_staff',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'registry.read', // the whole child/family record
  'registry.read.minimal', // name, age, sex, village only (JJ Act 2015 s.74: disclose no more than needed)
  'registry.write',
  'registry.export',
  'registry.import',
  'assessment.write',
  'survey.write',
  'audit.read',
  'users.manage',
  'cases.read',
  'cases.write',
  'cases.cwc', // CWC orders (JJ Act 2015 s.37)
  'cases.referral', // see and answer the referrals made to one's own organisation (the referred part only)
  'convergence.read',
  'convergence.manage',
  'convergence.act', // update action items assigned to one's department
  // Who receives the state's quarterly Mission Vatsalya report (src/reports/mission-vatsalya/schedule.ts).
  'reports.recipients',
  'balpanchayat.write', // record a Bal Panchayat (children's council) issue and what the VCPC did with it
  'schemes.read',
  'schemes.write',
  'schemes.configure',
  'missing.read',
  'missing.write',
  'missing.review',
  // See the deployment's match model (version, fitting, calibration bands) and refit it from the
  // reviewers' decisions (src/missing/model.service.ts): district and state child protection officers.
  'missing.model',
  // Confirm or reject a national match proposal (issue #19, src/federation/proposals): the DCPU
  // of the district whose record the proposal names, or the state's SCPS officer (any district
  // of the state), decides for its state: one decision per state (JJ Act 2015 s.106: the SCPS
  // co-ordinates inter-state restoration; JJ Model Rules 2016 r.82).
  'missing.national',
  'helpline.intake', // take 1098 calls: drafts, submit (src/helpline)
  'helpline.read', // the district's calls, queue and response-time figures
  'helpline.dispatch', // assign, mark dispatched/reached/closed
  // Open a case from a 1098 call on behalf of the responsible unit (src/helpline); reads no
  // case record and writes a new child only with the fields the policy gives the helpline.
  'cases.open',
  'config.edit',
  'care.read', // children in institutions and family-based care (src/care)
  'care.write', // admissions on a CWC/JJB order, movements, care plans (JJ Act 2015 s.37, s.41)
  'care.manage', // institutions' registration, capacity, staff and inspections (s.41, s.54)
  // An institution's daily records about its own children: ICP progress notes and movement
  // requests (leave, transfer, discharge) that the CWC/DCPU decide — never an order (s.37).
  'care.record',
  // A Center for Excellence's case management (seed 001): work the reintegration pathways the
  // DCPU assigned to the NGO (steps, follow-up visits); its rows stay the NGO's own (policy data).
  'care.reintegrate',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const full: Permission[] = ['registry.read', 'cases.read', 'convergence.read', 'schemes.read', 'missing.read', 'care.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    ...full,
    'care.manage',
    'registry.import',
    'users.manage',
    'audit.read',
    'config.edit',
    'schemes.configure',
    'convergence.manage',
    'reports.recipients',
  ],
  dcpu_officer: [
    ...full,
    'registry.write',
    'registry.export',
    'registry.import',
    'assessment.write',
    'survey.write',
    'audit.read',
    'cases.write',
    'convergence.manage',
    'convergence.act',
    'schemes.write',
    'missing.write',
    'missing.review',
    'missing.model',
    'missing.national',
    'balpanchayat.write',
    'care.write',
    'care.manage',
    'helpline.read',
    'helpline.dispatch',
  ],
  cwc_member: [...full, 'cases.write', 'cases.cwc', 'audit.read', 'missing.review', 'care.write', 'helpline.read'],
  // State Child Protection Society (JJ Act 2015 s.106): receives the cases districts escalate
  // to the state, acts on them or returns them with instructions; monitors the districts.
  scps_officer: [
    ...full,
    'cases.write',
    'audit.read',
    'schemes.write',
    'missing.write',
    'missing.review',
    'missing.model',
    'missing.national',
    'care.manage',
    'reports.recipients',
  ],
  caseworker: [
    ...full,
    'registry.write',
    'registry.export',
    'assessment.write',
    'survey.write',
    'cases.write',
    'schemes.write',
    'missing.write',
    'convergence.act',
    'balpanchayat.write',
    'care.write',
    'helpline.read',
    'helpline.dispatch',
  ],
  ngo_caseworker: [
    ...full,
    'care.reintegrate',
    'registry.write',
    'assessment.write',
    'survey.write',
    'cases.write',
    'schemes.write',
    'convergence.act',
    'balpanchayat.write',
  ],
  nodal_officer: ['registry.read.minimal', 'convergence.read', 'convergence.act', 'schemes.read', 'cases.referral'],
  frontline_worker: [
    'registry.read',
    'registry.write',
    'assessment.write',
    'survey.write',
    'cases.read',
    'cases.write',
    'missing.write',
    'schemes.read',
    'balpanchayat.write',
  ],
  // Names only (JJ Act 2015 s.74): no case record is read; a call is handed over as a case
  // (cases.open) to the responsible unit, which works it.
  helpline_operator: [
    'registry.read.minimal',
    'helpline.intake',
    'helpline.read',
    'helpline.dispatch',
    'cases.open',
    'missing.read',
    'missing.write',
  ],
  // No registry, case or missing-children access: the institution's own children only, through
  // the care module (row rule own_organisation in fields/policy.data.ts).
  cci_staff: ['care.read', 'care.record'],
  auditor: ['registry.read', 'cases.read', 'convergence.read', 'schemes.read', 'audit.read', 'care.read', 'helpline.read'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
