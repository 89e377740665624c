import { count } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import { findUserByUsername, toActor } from '../users/users.repository';
import { openCase, recordAction } from '../cases/cases.service';
import type { ActionInput, IntakeInput } from '../cases/cases.model';
import { careInstitution } from './care.schema';
import { createInstitution, recordInspection } from './institutions.service';
import { admit, recordGatekeeping } from './stays.service';
import { preparePlan } from './plans.service';
import { openPathway, recordFamilyPlacement, recordFollowUp, stepPathway } from './pathways.service';
import type { InstitutionInput } from './care.model';
import { appUser } from '../users/users.schema';
import { hashPassword } from '../auth/passwords';
import { DEMO_PASSWORD } from '../demo/users';
import { addProgress, requestMovement } from './records.service';
import { applyFosterCarer, decideFosterCarer, recordFosterInspection, recordHomeStudy } from './foster.service';
import { recordPayment } from './ledger.service';
import { createAftercarePlan } from './leaving.service';
import { seedCareExtras } from './care-extras.seed';

/**
 * Demo data for children in care (issue #14): two child care institutions in Amravati and one in
 * Akola, children admitted on CWC orders after gatekeeping (one nearing 18, flagged for
 * aftercare), care plans, a Center for Excellence working reintegration pathways at several
 * stages (one restored with a follow-up made), a foster family and a sponsorship. Every record
 * goes through the module's services as the demo's officers, exactly as through the API.
 * Runs once (when institutions exist, only the later additions of care-extras.seed.ts, once).
 * Call after the cases are seeded.
 */
const AT = new Date('2026-11-20T11:00:00+05:30');

export async function seedCare(database: Database, opts: { log?: (s: string) => void } = {}): Promise<boolean> {
  const db = database.db;
  const [{ n }] = await db.select({ n: count() }).from(careInstitution);
  // An older demo database gets what was added since (the SAA, the adoption hand-off, a matched family).
  if (Number(n) > 0) return seedCareExtras(database, opts);
  const ctx: AppContext = {
    database,
    db,
    now: () => AT,
    config: { filesDir: '/tmp/samanvay-demo-files', webDir: null, secureCookies: false },
  };
  const as = async (username: string): Promise<Actor> => {
    const u = await findUserByUsername(db, username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return toActor(u.user, u.orgKind, 'seed');
  };
  const [dcpo, dcpoK, cwc, cw, ngo] = await Promise.all(
    ['dcpo.amravati', 'dcpo.akola', 'cwc.amravati', 'caseworker.amravati', 'ngo.amravati'].map(as),
  );

  const base: Pick<InstitutionInput, 'management' | 'registeredOn' | 'validUntil' | 'specialisations' | 'staffSanctioned' | 'staffInPost'> =
    {
      management: 'government',
      registeredOn: '2024-04-01',
      validUntil: '2029-03-31',
      specialisations: [],
      staffSanctioned: 12,
      staffInPost: 9,
    };
  const boys = await createInstitution(ctx, dcpo, {
    ...base,
    name: 'Government Children’s Home (Boys), Amravati',
    nameLocal: 'शासकीय बालगृह (मुले), अमरावती',
    placeId: 'di:468',
    type: 'childrens_home',
    registrationNo: 'MH/CCI/AMR/2024/041',
    capacity: [
      { sex: 'male', ageBand: '6-11', places: 25 },
      { sex: 'male', ageBand: '12-15', places: 25 },
      { sex: 'male', ageBand: '16-17', places: 10 },
    ],
    specialisations: ['boys'],
  } as InstitutionInput);
  const girls = await createInstitution(ctx, dcpo, {
    ...base,
    management: 'ngo',
    name: 'Sneh Balgruha (Girls), Amravati',
    nameLocal: 'स्नेह बालगृह (मुली), अमरावती',
    placeId: 'di:468',
    type: 'childrens_home',
    registrationNo: 'MH/CCI/AMR/2022/077',
    registeredOn: '2022-02-01',
    validUntil: '2027-01-31',
    capacity: [
      { sex: 'female', ageBand: 'any', places: 30 },
      { sex: 'any', ageBand: '0-5', places: 5 },
    ],
    specialisations: ['girls', 'children_with_disabilities'],
    staffSanctioned: 10,
    staffInPost: 6,
  } as InstitutionInput);
  await createInstitution(ctx, dcpoK, {
    ...base,
    name: 'Government Children’s Home, Akola',
    placeId: 'di:467',
    type: 'childrens_home',
    registrationNo: 'MH/CCI/AKL/2023/012',
    capacity: [{ sex: 'any', ageBand: 'any', places: 40 }],
  } as InstitutionInput);
  await recordInspection(ctx, dcpo, girls.id, {
    inspectedOn: '2026-10-14',
    committee: 'District Inspection Committee, Amravati (JJ Act 2015 s.54)',
    findings: [
      { area: 'staffing', finding: 'four of ten sanctioned posts vacant, including the counsellor', severity: 'major' },
      { area: 'records', finding: 'care plans not reviewed for three children', severity: 'minor' },
    ],
    followUps: [],
  });

  // Children of Amravati without a case, of each sex and age, the oldest nearing 18.
  const pick = (sex: string, from: string, to: string, k = 1) =>
    database.query<{ id: string }>(
      `SELECT c.id FROM child c WHERE c.district_code = 468 AND c.sex = $1 AND c.dob BETWEEN $2 AND $3
         AND NOT EXISTS (SELECT 1 FROM case_record r WHERE r.child_id = c.id) ORDER BY c.name, c.id LIMIT $4`,
      [sex, from, to, k],
    );
  const admitted: { childId: string; caseId: string; institutionId: string }[] = [];
  const candidates = [
    ...(await pick('male', '2009-01-01', '2009-05-20')).map((r) => ({ childId: r.id, institutionId: boys.id })),
    ...(await pick('male', '2013-01-01', '2018-12-31', 1)).map((r) => ({ childId: r.id, institutionId: boys.id })),
    ...(await pick('female', '2010-01-01', '2018-12-31', 1)).map((r) => ({ childId: r.id, institutionId: girls.id })),
    ...(await pick('male', '2013-01-01', '2018-12-31', 2)).slice(1).map((r) => ({ childId: r.id, institutionId: boys.id })),
  ];
  const options = [
    { option: 'own_family', suitable: false, reason: 'no parent able to care at present' },
    { option: 'kinship', suitable: false, reason: 'relatives assessed; none able to take the child now' },
    { option: 'foster_care', suitable: false, reason: 'no approved foster family in the district' },
    { option: 'sponsorship', suitable: false, reason: 'no family at home to support' },
  ] as const;
  for (const c of candidates) {
    const opened = await openCase(ctx, cw, {
      childId: c.childId,
      source: 'police',
      reporter: { name: 'SJPU Amravati', role: 'Child Welfare Police Officer' },
      reportedOn: '2026-11-18',
      concerns: ['child found alone at the bus stand; no family traced so far'],
      risk: 'high',
      productionRequired: true,
    } as IntakeInput);
    await recordAction(ctx, dcpo, opened.id, { type: 'produced_before_cwc', form17Ref: 'F17/2026/DEMO' } as ActionInput);
    await recordAction(ctx, cwc, opened.id, {
      type: 'cwc_order',
      kind: 'interim',
      orderType: 'cci_placement',
      orderRef: `CWC/AMR/2026/${300 + admitted.length}`,
      orderedOn: '2026-11-19',
    } as ActionInput);
    const gk = await recordGatekeeping(ctx, dcpo, {
      childId: c.childId,
      caseId: opened.id,
      assessedOn: '2026-11-19',
      options: [...options],
      decision: 'institution',
      reason: 'no family-based option is available now; to be reviewed with the care plan',
    });
    // The last child is ordered into care but not yet admitted: the admission screen's example.
    if (c !== candidates.at(-1) || candidates.length < 2)
      await admit(ctx, dcpo, {
        orderBy: 'cwc',
        childId: c.childId,
        institutionId: c.institutionId,
        caseId: opened.id,
        orderType: 'cci_placement',
        gatekeepingId: gk.id,
        admittedOn: '2026-11-19',
      });
    admitted.push({ ...c, caseId: opened.id });
  }
  // Care plans for the first two children (the others are due within 30 days of admission).
  const stays = await database.query<{ id: string; child_id: string }>(
    "SELECT id, child_id FROM care_stay WHERE status = 'in_care' ORDER BY admitted_on, id",
  );
  for (const s of stays.slice(0, 2)) {
    await preparePlan(ctx, dcpo, s.id, {
      preparedOn: '2026-11-20',
      preferredOption: 'kinship',
      goals: [
        {
          domain: 'education_training',
          need: 'continue schooling',
          intervention: 'admission to the nearby ZP school',
          responsible: 'EDUCATION',
        },
        { domain: 'attachments', need: 'contact with the grandmother', intervention: 'monthly visits arranged by the CCI' },
      ],
    });
  }
  // A diverted admission: gatekeeping found kinship care suitable.
  const [diverted] = await pick('female', '2014-01-01', '2019-12-31', 3).then((r) => r.slice(2));
  if (diverted)
    await recordGatekeeping(ctx, dcpo, {
      childId: diverted.id,
      assessedOn: '2026-11-12',
      options: options.map((o) =>
        o.option === 'kinship' ? { ...o, suitable: true, reason: 'maternal aunt willing, with sponsorship' } : o,
      ),
      decision: 'kinship',
      reason: 'the aunt can care for the child with sponsorship support',
    });

  // Reintegration pathways worked by the Center for Excellence, at several stages.
  const ngoId = ngo.organisationId!;
  if (stays[0]) {
    const p = await openPathway(ctx, dcpo, { childId: stays[0].child_id, stayId: stays[0].id, ngoId, on: '2026-11-20' });
    await stepPathway(ctx, ngo, p.id, { stage: 'family_assessment', on: '2026-11-20', note: 'grandmother visited', version: p.version });
  }
  const others = await pick('male', '2012-01-01', '2016-12-31', 6).then((r) => r.slice(3));
  const early = others[0];
  if (early) {
    // Restored in August: two follow-ups due, the first made.
    let p = await openPathway(ctx, dcpo, { childId: early.id, ngoId, on: '2026-05-04' });
    for (const [stage, on, extra] of [
      ['family_assessment', '2026-05-10', {}],
      ['family_preparation', '2026-06-01', { note: 'Bal Sangopan applied; school admission arranged' }],
      ['restoration_ordered', '2026-07-28', { orderRef: 'CWC/AMR/2026/188' }],
      ['restored', '2026-08-01', {}],
    ] as const) {
      p = await stepPathway(ctx, ngo, p.id, { stage, on, version: p.version, ...extra });
    }
    await recordFollowUp(ctx, ngo, p.followUps[0].id, {
      visitedOn: '2026-09-02',
      findings: 'attending school; family receiving Bal Sangopan',
      risk: 'low',
    });
  }
  if (others[1]) {
    const p = await openPathway(ctx, dcpo, { childId: others[1].id, ngoId, on: '2026-10-01' });
    await stepPathway(ctx, ngo, p.id, { stage: 'family_assessment', on: '2026-10-08', version: p.version });
  }
  // A foster family and a sponsorship (JJ Act 2015 s.44, s.45), both on the CWC's orders.
  // (The foster placement of others[2] is made in seedFamilyBased, with an approved carer.)
  let sponsorship: { id: string } | null = null;
  if (diverted) {
    sponsorship = await recordFamilyPlacement(ctx, dcpo, {
      childId: diverted.id,
      kind: 'sponsorship',
      carer: 'Maternal aunt',
      orderRef: 'CWC/AMR/2026/215',
      approvedOn: '2026-11-14',
      startedOn: '2026-11-15',
    });
  }
  await seedFamilyBased(ctx, {
    dcpo,
    cw,
    cwc,
    boysId: boys.id,
    fosterChild: others[2]?.id ?? null,
    sponsorshipId: sponsorship?.id ?? null,
  });
  // The boys' home's superintendent: sees only the children staying there (role cci_staff).
  await database.db.insert(appUser).values({
    username: 'cci.amravati',
    displayName: "Vijay Bhagat (Superintendent, Government Children's Home Amravati)",
    passwordHash: await hashPassword(DEMO_PASSWORD),
    role: 'cci_staff',
    organisationId: boys.id,
    scopeLevel: 'district',
    jurisdictionId: 'di:468',
    stateCode: 27,
    districtCode: 468,
    language: 'mr',
  });
  const [boysPlan] = await database.query<{ id: string }>('SELECT id FROM care_plan WHERE institution_id = $1 ORDER BY id LIMIT 1', [
    boys.id,
  ]);
  if (boysPlan)
    await addProgress(ctx, await as('cci.amravati'), boysPlan.id, {
      on: '2026-11-20',
      domain: 'education_training',
      note: 'joined class 7 at the ZP school; attending daily',
    });
  const [boysStay] = await database.query<{ id: string }>(
    "SELECT id FROM care_stay WHERE institution_id = $1 AND status = 'in_care' ORDER BY id LIMIT 1",
    [boys.id],
  );
  if (boysStay)
    await requestMovement(ctx, await as('cci.amravati'), boysStay.id, {
      kind: 'leave',
      wantedFrom: '2026-11-28',
      reason: 'to visit the grandmother for a wedding in the family',
    });
  // The boy nearing 18 (admitted above, so he has a case now): his aftercare plan from 17½ (s.46).
  const [aging] = await database.query<{ id: string }>(
    "SELECT c.id FROM care_stay s JOIN child c ON c.id = s.child_id WHERE s.status = 'in_care' AND c.dob <= '2009-05-20' ORDER BY c.id LIMIT 1",
  );
  if (aging)
    await createAftercarePlan(ctx, dcpo, {
      childId: aging.id,
      orderRef: 'CWC/AMR/2026/AC-07 (Form 37)',
      planOn: '2026-11-20',
      needs: {
        education: 'ITI admission (electrician trade)',
        skills: 'apprenticeship through DDU-GKY',
        housing: 'aftercare home, Amravati',
        stipend: 4000,
      },
    });
  opts.log?.(
    `Demo care: 3 institutions, ${admitted.length - 1} children admitted on CWC orders, one awaiting admission, reintegration pathways`,
  );
  await seedCareExtras(database, opts);
  return true;
}

/**
 * Foster care through the committee (JJ Model Rules 2016 r.23): a family applies, its home study
 * (Form 30) is made, the SFCAC approves it, a child is placed on a Form 32 order and the first
 * monthly inspection (Form 35) is recorded; the grant ledger has a paid and a due month for the
 * foster child and a due month for the sponsorship.
 */
async function seedFamilyBased(
  ctx: AppContext,
  a: { dcpo: Actor; cw: Actor; cwc: Actor; boysId: string; fosterChild: string | null; sponsorshipId: string | null },
) {
  let carer = await applyFosterCarer(ctx, a.cw, {
    kind: 'foster',
    name: 'Shri Ramesh and Smt. Sunanda Wankhade',
    address: 'Camp Road, Amravati',
    locationId: 'di:468',
    appliedOn: '2026-08-01',
  });
  carer = await recordHomeStudy(ctx, a.cw, carer.id, {
    on: '2026-08-20',
    by: 'Pradnya Ingle, DCPU social worker',
    recommendation: 'recommended',
    summary: 'Stable income, two rooms, no children of their own; both completed the orientation.',
    version: carer.version,
  });
  carer = await decideFosterCarer(ctx, a.dcpo, carer.id, {
    meetingOn: '2026-09-15',
    decision: 'approved',
    reasons: 'home study recommends; references verified',
    ref: 'SFCAC/AMR/2026/09',
    version: carer.version,
  });
  await applyFosterCarer(ctx, a.cw, { kind: 'kinship', name: 'Smt. Kamal Gawande', locationId: 'di:468', appliedOn: '2026-11-10' });
  if (a.fosterChild) {
    const p = await recordFamilyPlacement(ctx, a.dcpo, {
      childId: a.fosterChild,
      kind: 'foster',
      carerId: carer.id,
      orderRef: 'CWC/AMR/2026/240 (Form 32)',
      orderForm: 'form32',
      approvedOn: '2026-09-15',
      startedOn: '2026-10-01',
    });
    await recordFosterInspection(ctx, a.cw, p.id, { visitedOn: '2026-11-02', wellbeing: 'good', findings: 'settled; attending school' });
    await recordPayment(ctx, a.dcpo, { placementId: p.id, month: '2026-10', status: 'paid', paidOn: '2026-11-05' });
    await recordPayment(ctx, a.dcpo, { placementId: p.id, month: '2026-11', status: 'due' });
  }
  if (a.sponsorshipId) await recordPayment(ctx, a.dcpo, { placementId: a.sponsorshipId, month: '2026-11', status: 'due' });
}
