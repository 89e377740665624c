import { count } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { appUser, organisation } from '../users/users.schema';
import { assessment, child, document, family, familyMember, surveyVisit, villageSurvey } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { hashPassword } from '../auth/passwords';
import { indexKeys } from '../registry/name-index';
import { defaultInstrument, scoreAssessment } from '../registry/instrument';
import { audit } from '../audit/audit.service';
import { VILLAGES } from './names';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from './users';
import { generateBaseline } from './baseline';
import { placeColumns, seedCommittees } from './hierarchy';
import { getLocation } from '../locations/locations.repository';
import { seedConvergence } from '../convergence/convergence.seed';
import { seedCases } from '../cases/cases.seed';
import { seedSchemes } from '../schemes/schemes.seed';
import { seedMissing } from '../missing/missing.seed';
import { seedCare } from '../care/care.seed';
import { seedCareExtras } from '../care/care-extras.seed';
import { careInstitution } from '../care/care.schema';
import { seedSponsorships } from '../care/sponsorship/sponsorship.seed';
import { seedHelpline } from './helpline.demo';
import { seedAkolaConvergence } from './akola-convergence';

export const villageId = (name: string) => `vi:demo-${name.toLowerCase().replace(/\s+/g, '-')}`;

/**
 * Seeds the demo once (when no user exists yet). Returns false when there was nothing to do. A demo
 * seeded before the care module's later additions gets them, once (seedCareExtras is idempotent).
 */
export async function seedDemo(database: Database, opts: { log?: (s: string) => void } = {}): Promise<boolean> {
  const db = database.db;
  const [{ n }] = await db.select({ n: count() }).from(appUser);
  if (Number(n) > 0) {
    const [{ cci }] = await db.select({ cci: count() }).from(careInstitution);
    if (Number(cci) > 0) await seedCareExtras(database, opts);
    return false;
  }
  await db.transaction(async (tx) => {
    await seedVillages(tx);
    const orgIds = await seedOrganisations(tx);
    await seedUsers(tx, orgIds);
    await seedRegistry(tx);
  });
  await audit(db, null, 'seed', 'system', null, null, { dataset: 'amravati-akola-baseline' });
  await seedCases(db);
  await seedSchemes(db);
  opts.log?.('Demo: 10 villages, 149 families, 204 children');
  await seedConvergence(database, opts);
  const akola = await seedAkolaConvergence(db);
  if (akola) opts.log?.(`Demo: Akola District Convergence Group (${akola.seats} seats, ${akola.vcpcs} of them VCPCs)`);
  await seedMissing(db);
  await seedCare(database, opts);
  await seedSponsorships(database);
  await seedHelpline(db);
  return true;
}

async function seedVillages(db: Db) {
  for (const v of VILLAGES) {
    const parent = await getLocation(db, `sd:${v.sd}`);
    if (!parent) throw new Error(`LGD sub-district ${v.sd} missing: load reference data first`);
    await db
      .insert(location)
      .values({
        id: villageId(v.name),
        level: 'village',
        name: v.name,
        nameLocal: v.local,
        parentId: parent.id,
        stateCode: parent.stateCode,
        districtCode: parent.districtCode,
        subdistrictCode: parent.subdistrictCode,
        blockCode: v.bl,
      })
      .onConflictDoNothing();
  }
}

async function seedOrganisations(db: Db) {
  const ids = new Map<string, string>();
  for (const o of DEMO_ORGS) {
    const loc = (await getLocation(db, o.place.startsWith('village:') ? villageId(o.place.slice(8)) : o.place))!;
    const [row] = await db
      .insert(organisation)
      .values({ name: o.name, kind: o.kind, ...placeColumns(loc) })
      .returning({ id: organisation.id });
    ids.set(o.key, row.id);
  }
  await seedCommittees(db, villageId);
  return ids;
}

async function seedUsers(db: Db, orgIds: Map<string, string>) {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const jid = u.jurisdiction?.startsWith('village:') ? villageId(u.jurisdiction.slice(8)) : u.jurisdiction;
    const loc = jid ? await getLocation(db, jid) : null;
    await db.insert(appUser).values({
      username: u.username,
      displayName: u.displayName,
      passwordHash: hash,
      role: u.role,
      organisationId: u.org ? orgIds.get(u.org)! : null,
      scopeLevel: loc ? loc.level : 'national',
      jurisdictionId: jid,
      stateCode: loc?.stateCode ?? null,
      districtCode: loc?.districtCode ?? null,
      subdistrictCode: loc?.subdistrictCode ?? null,
      blockCode: loc?.level === 'block' ? loc.blockCode : null,
      villageId: loc?.level === 'village' ? loc.id : null,
      language: u.language ?? 'en',
    });
  }
}

async function seedRegistry(db: Db) {
  const inst = defaultInstrument();
  const baseline = generateBaseline();
  const villages = await Promise.all(VILLAGES.map((v) => getLocation(db, villageId(v.name))));
  for (const f of baseline) {
    const v = villages[f.village]!;
    const place = {
      stateCode: v.stateCode,
      districtCode: v.districtCode!,
      subdistrictCode: v.subdistrictCode,
      blockCode: v.blockCode,
      villageId: v.id,
    };
    const [fam] = await db
      .insert(family)
      .values({
        ...place,
        address: `${v.name}, ${v.name === 'Rajura' ? 'Pardhi beda' : 'ward ' + ((f.members.length % 4) + 1)}`,
        headName: f.headName,
        headNameLocal: f.headNameLocal,
        nameKeys: indexKeys(f.headName, f.headNameLocal),
        caregiverType: f.caregiverType,
        areaType: 'rural',
        annualIncome: f.annualIncome,
        rationCard: f.rationCard,
        bpl: f.bpl,
        occupation: f.occupation,
        migration: f.migration,
        casteCategory: f.casteCategory,
        socialGroup: f.socialGroup,
        vulnerabilityFactors: f.vulnerabilityFactors,
        createdAt: new Date('2025-06-20T10:00:00Z'),
      })
      .returning({ id: family.id });
    await db.insert(familyMember).values(f.members.map((m) => ({ ...m, familyId: fam.id })));
    const kids = await db
      .insert(child)
      .values(
        f.children.map((c) => ({
          ...place,
          familyId: fam.id,
          name: c.name,
          nameLocal: c.nameLocal,
          nameKeys: indexKeys(c.name, c.nameLocal),
          sex: c.sex,
          dob: c.dob,
          dobEstimated: c.dobEstimated,
          careStatus: c.careStatus,
          schoolStatus: c.schoolStatus,
          createdAt: new Date('2025-06-20T10:00:00Z'),
        })),
      )
      .returning({ id: child.id });
    const docs = [
      ...Object.entries(f.docs).map(([docType, status]) => ({ familyId: fam.id, childId: null, docType, status })),
      ...f.children.flatMap((c, i) =>
        Object.entries(c.docs).map(([docType, status]) => ({ familyId: fam.id, childId: kids[i].id, docType, status })),
      ),
    ];
    await db.insert(document).values(
      docs.map((d) => ({
        ...d,
        stateCode: place.stateCode,
        districtCode: place.districtCode,
        issuingOffice: d.status === 'held' ? 'Tahsil office' : null,
      })),
    );
    await db.insert(assessment).values(
      f.assessments.map((a) => {
        const s = scoreAssessment(inst, a.answers) as { domainScores: Record<string, number>; overall: number };
        return {
          stateCode: place.stateCode,
          districtCode: place.districtCode,
          villageId: v.id,
          familyId: fam.id,
          instrumentId: inst.id,
          instrumentVersion: inst.version,
          assessedOn: a.assessedOn,
          answers: a.answers,
          domainScores: s.domainScores,
          overall: s.overall,
        };
      }),
    );
    (f as { id?: string }).id = fam.id;
  }
  // One mapping survey per village (June 2025) that visited every listed family.
  for (const [i, v] of villages.entries()) {
    const fams = baseline.filter((f) => f.village === i) as ((typeof baseline)[number] & { id: string })[];
    const [s] = await db
      .insert(villageSurvey)
      .values({
        stateCode: v!.stateCode,
        districtCode: v!.districtCode!,
        subdistrictCode: v!.subdistrictCode,
        villageId: v!.id,
        surveyedOn: '2025-06-10',
        householdsVisited: fams.length * 3 + 7,
        notes: 'Baseline vulnerability mapping with the VCPC and Anganwadi worker',
      })
      .returning({ id: villageSurvey.id });
    await db
      .insert(surveyVisit)
      .values(fams.map((f) => ({ surveyId: s.id, familyId: f.id, atRisk: true, reasons: f.vulnerabilityFactors })));
  }
}
