import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import { findUserByUsername, toActor } from '../users/users.repository';
import { openCase, recordAction } from '../cases/cases.service';
import type { ActionInput, IntakeInput } from '../cases/cases.model';
import { careInstitution } from './care.schema';
import { createInstitution } from './institutions.service';
import type { InstitutionInput } from './care.model';
import { applyFosterCarer, decideFosterCarer, recordHomeStudy } from './foster.service';
import { setCarerProfile } from './foster-life.service';
import { handOverForAdoption } from './leaving.service';

/**
 * More demo data for children in care (issue #14), so the *Foster matching* and *Adoption
 * hand-offs* screens have something to show: a second approved foster family in Amravati whose
 * home study (Form 30, JJ Model Rules 2016 r.23(9)) says what it can take (places, sex, ages,
 * languages); a Specialised Adoption Agency (JJ Act 2015 s.65); two infants the CWC declared
 * legally free for adoption (s.38, Form 25), one handed over to the agency and one waiting.
 * Every record goes through the module's services as the demo's officers, on the days given.
 * Runs once: does nothing when an SAA exists (so it also completes an older demo database).
 */
export async function seedCareExtras(database: Database, opts: { log?: (s: string) => void } = {}): Promise<boolean> {
  const db = database.db;
  const [saaExists] = await db.select({ id: careInstitution.organisationId }).from(careInstitution).where(eq(careInstitution.type, 'saa'));
  if (saaExists) return false;
  let now = new Date('2026-09-01T11:00:00+05:30');
  const ctx: AppContext = {
    database,
    db,
    now: () => now,
    config: { filesDir: '/tmp/samanvay-demo-files', webDir: null, secureCookies: false },
  };
  const on = (day: string) => (now = new Date(`${day}T11:00:00+05:30`));
  const as = async (username: string): Promise<Actor> => {
    const u = await findUserByUsername(db, username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return toActor(u.user, u.orgKind, 'seed');
  };
  const [dcpo, cwc, cw] = await Promise.all(['dcpo.amravati', 'cwc.amravati', 'caseworker.amravati'].map(as));

  // A foster family approved for two children of any sex up to 14, Hindi and Urdu at home.
  let carer = await applyFosterCarer(ctx, cw, {
    kind: 'foster',
    name: 'Shri Imran and Smt. Rukhsana Shaikh',
    address: 'Badnera Road, Amravati',
    locationId: 'di:468',
    appliedOn: '2026-07-01',
  });
  carer = await recordHomeStudy(ctx, cw, carer.id, {
    on: '2026-07-25',
    by: 'Pradnya Ingle, DCPU social worker',
    recommendation: 'recommended',
    summary: 'Three rooms, a daughter of 16 at home; both completed the orientation; willing to foster two young children.',
    version: carer.version,
  });
  carer = await decideFosterCarer(ctx, dcpo, carer.id, {
    meetingOn: '2026-08-20',
    decision: 'approved',
    reasons: 'home study recommends; references and police verification received',
    ref: 'SFCAC/AMR/2026/11',
    version: carer.version,
  });
  await setCarerProfile(ctx, dcpo, carer.id, {
    capacity: 2,
    prefersSex: 'any',
    ageMin: 0,
    ageMax: 14,
    languages: ['Hindi', 'Urdu'],
    takesSiblings: false,
    validUntil: '2028-08-19',
    version: carer.version,
  });

  // The Specialised Adoption Agency of the district (s.65).
  const saa = await createInstitution(ctx, dcpo, {
    name: 'Matoshree Specialised Adoption Agency, Amravati',
    nameLocal: 'मातोश्री विशेष दत्तक ग्रहण संस्था, अमरावती',
    placeId: 'di:468',
    type: 'saa',
    management: 'ngo',
    registrationNo: 'MH/SAA/AMR/2021/003',
    registeredOn: '2021-06-01',
    validUntil: '2031-05-31',
    capacity: [{ sex: 'any', ageBand: '0-5', places: 12 }],
    specialisations: [],
    staffSanctioned: 8,
    staffInPost: 7,
  } as InstitutionInput);

  // Two infants found abandoned, without a case: declared legally free after the inquiry (s.36, s.38).
  const infants = await database.query<{ id: string }>(
    `SELECT c.id FROM child c WHERE c.district_code = 468 AND c.dob BETWEEN '2024-01-01' AND '2026-06-30'
       AND NOT EXISTS (SELECT 1 FROM case_record r WHERE r.child_id = c.id) ORDER BY c.name, c.id LIMIT 2`,
  );
  let handed = 0;
  for (const [i, infant] of infants.entries()) {
    on('2026-09-01');
    const opened = await openCase(ctx, cw, {
      childId: infant.id,
      source: 'police',
      reporter: { name: 'SJPU Amravati', role: 'Child Welfare Police Officer' },
      reportedOn: '2026-09-01',
      concerns: ['infant found abandoned near the district hospital; no family traced'],
      risk: 'high',
      productionRequired: true,
    } as IntakeInput);
    await recordAction(ctx, dcpo, opened.id, {
      type: 'produced_before_cwc',
      form17Ref: `F17/2026/AD-${i + 1}`,
      adoptionInquiry: { category: 'abandoned', upToTwoYears: true },
    } as ActionInput);
    on('2026-10-28');
    await recordAction(ctx, cwc, opened.id, {
      type: 'cwc_order',
      kind: 'final',
      orderType: 'lfa_declaration',
      form: 'form25',
      orderRef: `CWC/AMR/LFA/2026/${14 + i}`,
      orderedOn: '2026-10-28',
    } as ActionInput);
    // The first is handed to the SAA; the second waits for the DCPU to record it on the screen.
    if (i === 0) {
      on('2026-11-05');
      await handOverForAdoption(ctx, dcpo, {
        childId: infant.id,
        caseId: opened.id,
        saaId: saa.id,
        caringsRef: 'CARINGS/MH/AMR/2026/0142',
        handedOverOn: '2026-11-05',
      });
      handed++;
    }
  }
  opts.log?.(
    `Demo care: a foster family with its home-study profile, an SAA, ${infants.length} children declared legally free, ${handed} handed over`,
  );
  return true;
}
