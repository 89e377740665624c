import { asc, count, eq, and, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { audit } from '../audit/audit.service';
import { child, familyMember } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { missingRecord } from './missing.schema';
import { insertRecord } from './missing.repository';
import { blockKeysFor, matchingModel, matchRecord } from './matching.service';
import type { RecordKind } from './domain/vocabulary';

/**
 * Demo data for the missing and found children module: reports from Amravati and Akola
 * (two of them for the registry's children whose care status is 'missing'), found children
 * elsewhere in Maharashtra, some written in Devanagari, and one true match across a spelling
 * and script variant (Omkar), beside an uncertain proposal (a first name only, another
 * language) and a weak one (a similar name), so the review queue has something real to show. Two public submissions
 * wait for moderation. Nothing is confirmed, so the registry's figures do not change.
 */
type Seed = Partial<typeof missingRecord.$inferInsert> & { kind: RecordKind; districtCode: number; sex: string };

const AMRAVATI = 468,
  AKOLA = 467,
  MUMBAI = 482,
  NAGPUR = 484,
  NASHIK = 487,
  PUNE = 490;

export async function seedMissing(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(missingRecord);
  if (Number(n) > 0) return 0;

  // The registry's two missing children (Amravati), with their parents' names and village.
  const kids = await db
    .select({
      id: child.id,
      name: child.name,
      nameLocal: child.nameLocal,
      sex: child.sex,
      dob: child.dob,
      familyId: child.familyId,
      villageId: child.villageId,
      districtCode: child.districtCode,
      subdistrictCode: child.subdistrictCode,
      blockCode: child.blockCode,
      village: location.name,
    })
    .from(child)
    .leftJoin(location, eq(location.id, child.villageId))
    .where(eq(child.careStatus, 'missing'))
    .orderBy(asc(child.name));
  const parents = kids.length
    ? await db
        .select()
        .from(familyMember)
        .where(
          and(
            inArray(familyMember.familyId, kids.map((k) => k.familyId!).filter(Boolean)),
            inArray(familyMember.relationship, ['father', 'mother']),
          ),
        )
    : [];
  const parent = (familyId: string | null, rel: string) => parents.find((p) => p.familyId === familyId && p.relationship === rel);
  const age = (dob: string | null, on: string) => (dob ? Math.floor((Date.parse(on) - Date.parse(dob)) / (365.25 * 86_400_000)) : null);
  const latinOf = (k: { name: string; nameLocal: string | null }) => (/[a-z]/i.test(k.name) ? k.name : (k.nameLocal ?? k.name));

  const reports: Seed[] = [];
  const found: Seed[] = [];
  const [first, second] = kids;
  if (first) {
    const lastSeen = '2025-09-14';
    const father = parent(first.familyId, 'father'),
      mother = parent(first.familyId, 'mother');
    reports.push({
      kind: 'missing',
      districtCode: first.districtCode,
      subdistrictCode: first.subdistrictCode,
      blockCode: first.blockCode,
      villageId: first.villageId,
      place: first.village,
      childId: first.id,
      name: latinOf(first),
      nameLocal: latinOf(first) === first.name ? first.nameLocal : first.name,
      sex: first.sex,
      ageYears: age(first.dob, lastSeen),
      ageEstimated: false,
      fatherName: father?.name ?? null,
      motherName: mother?.name ?? null,
      language: 'Marathi',
      heightCm: 152,
      marks: 'scar on left eyebrow',
      clothing: 'blue school shirt, grey trousers, black sandals',
      eventDate: lastSeen,
      eventPlace: 'Amravati railway station',
      source: 'police',
      policeStation: 'Badnera',
      firNumber: '312/2025',
      reporterName: father?.name ?? null,
      reporterRelation: 'father',
      reporterPhone: '+91 94220 00001',
    });
    // Found in Pune ten days later, written in Devanagari with another spelling, the father's name respelt.
    const fatherFirst = (father?.name ?? '').split(/\s+/)[0] ?? '';
    found.push({
      kind: 'found',
      districtCode: PUNE,
      name: devanagariVariant(first),
      sex: first.sex,
      ageYears: (age(first.dob, lastSeen) ?? 13) + 1,
      fatherName: fatherFirst.replace(/rao$/i, 'rav'),
      language: 'Marathi',
      heightCm: 155,
      marks: 'scar above left eye',
      clothing: 'blue shirt, grey trousers',
      eventDate: '2025-09-24',
      eventPlace: 'Pune railway station, platform 1',
      source: 'railway_police',
      currentCare: 'cci',
      currentPlace: 'Observation Home for Boys, Yerawada, Pune',
      address: 'says he is from a village near Amravati',
    });
  }
  if (second) {
    const lastSeen = '2025-10-20';
    const father = parent(second.familyId, 'father'),
      mother = parent(second.familyId, 'mother');
    reports.push({
      kind: 'missing',
      districtCode: second.districtCode,
      subdistrictCode: second.subdistrictCode,
      blockCode: second.blockCode,
      villageId: second.villageId,
      place: second.village,
      childId: second.id,
      name: latinOf(second),
      nameLocal: latinOf(second) === second.name ? second.nameLocal : second.name,
      sex: second.sex,
      ageYears: age(second.dob, lastSeen),
      ageEstimated: false,
      fatherName: father?.name ?? null,
      motherName: mother?.name ?? null,
      language: 'Marathi',
      heightCm: 118,
      marks: 'mole on right cheek',
      clothing: 'yellow frock',
      eventDate: lastSeen,
      eventPlace: 'weekly market',
      source: 'parent',
      reporterName: mother?.name ?? null,
      reporterRelation: 'mother',
      reporterPhone: '+91 94220 00002',
    });
  }
  reports.push(
    {
      kind: 'missing',
      districtCode: AKOLA,
      place: 'Murtizapur',
      name: 'Rohit Sahebrao Ingole',
      nameLocal: 'रोहित साहेबराव इंगोले',
      sex: 'male',
      ageYears: 12,
      fatherName: 'Sahebrao Ingole',
      motherName: 'Vandana Ingole',
      language: 'Marathi',
      heightCm: 140,
      clothing: 'red T-shirt, blue shorts',
      eventDate: '2025-08-30',
      eventPlace: 'Murtizapur bus stand',
      source: 'police',
      policeStation: 'Murtizapur',
      firNumber: '201/2025',
      reporterName: 'Sahebrao Ingole',
      reporterRelation: 'father',
      reporterPhone: '+91 94220 00003',
    },
    {
      kind: 'missing',
      districtCode: AKOLA,
      place: 'Akola',
      name: 'Nikita Ganesh Sawant',
      sex: 'female',
      ageYears: 15,
      fatherName: 'Ganesh Sawant',
      language: 'Marathi',
      marks: 'burn mark on left hand',
      eventDate: '2025-10-28',
      eventPlace: 'Akola central bus stand',
      source: 'helpline',
      reporterName: 'Ganesh Sawant',
      reporterRelation: 'father',
      reporterPhone: '+91 94220 00004',
    },
    {
      kind: 'missing',
      districtCode: AMRAVATI,
      place: 'Chandur Bazar',
      name: 'Pooja Thakre',
      sex: 'female',
      ageYears: 11,
      fatherName: 'Gajanan Thakre',
      eventDate: '2025-11-02',
      eventPlace: 'near the temple fair',
      source: 'citizen',
      channel: 'public',
      status: 'pending_moderation',
      reporterName: 'Lata Thakre',
      reporterRelation: 'aunt',
      reporterPhone: '+91 94220 00005',
    },
  );
  found.push(
    {
      kind: 'found',
      districtCode: NAGPUR,
      name: 'Rohit Ingale',
      sex: 'male',
      ageYears: 13,
      language: 'Hindi',
      eventDate: '2025-09-10',
      eventPlace: 'Nagpur ST bus stand',
      source: 'police',
      currentCare: 'shelter_home',
      currentPlace: 'Open shelter, Nagpur',
    },
    {
      kind: 'found',
      districtCode: NASHIK,
      name: 'आरती पवार',
      sex: 'female',
      ageYears: 10,
      fatherName: 'सुनील',
      language: 'Marathi',
      eventDate: '2025-10-12',
      eventPlace: 'Nashik Road station',
      source: 'helpline',
      currentCare: 'cci',
      currentPlace: "Government Girls' Children Home, Nashik",
    },
    {
      kind: 'found',
      districtCode: MUMBAI,
      name: 'निकिता',
      sex: 'female',
      ageYears: 13,
      language: 'Hindi',
      description: 'says her father drives an auto',
      eventDate: '2025-11-03',
      eventPlace: 'CSMT station',
      source: 'railway_police',
      currentCare: 'cci',
      currentPlace: 'Children Home, Dongri, Mumbai',
    },
    {
      kind: 'found',
      districtCode: AKOLA,
      name: null,
      sex: 'female',
      ageYears: 6,
      description: 'small girl, does not say her name, speaks Marathi',
      clothing: 'pink frock',
      eventDate: '2025-11-05',
      eventPlace: 'Akola railway station',
      source: 'citizen',
      channel: 'public',
      status: 'pending_moderation',
      reporterName: 'Prakash Jadhav',
      reporterPhone: '+91 94220 00006',
    },
  );

  const ids: string[] = [];
  for (const s of [...reports, ...found]) {
    const values = {
      channel: 'official' as const,
      status: 'open' as const,
      ...s,
      stateCode: 27,
      aliases: s.aliases ?? [],
      ageEstimated: s.ageEstimated ?? true,
      source: s.source ?? 'police',
      createdAt: new Date(`${s.eventDate ?? '2025-11-01'}T12:00:00Z`),
      updatedAt: new Date(`${s.eventDate ?? '2025-11-01'}T12:00:00Z`),
    } as typeof missingRecord.$inferInsert;
    const blockKeys = await blockKeysFor(db, { ...values, id: '', kind: s.kind, name: values.name ?? null } as never);
    const row = await insertRecord(db, {
      ...values,
      blockKeys,
      blockKeysModel: matchingModel().version,
      matchState: values.status === 'open' ? 'pending' : 'not_applicable',
    });
    if (row.status === 'open') ids.push(row.id);
  }
  const now = () => new Date();
  for (const id of ids) await matchRecord({ db, now }, id);
  await audit(db, null, 'seed', 'system', null, null, { dataset: 'missing-found-demo', records: reports.length + found.length });
  return reports.length + found.length;
}

/** The child's name in Devanagari with a common respelling (ओंकार → ओमकार: anusvara written as म). */
function devanagariVariant(k: { name: string; nameLocal: string | null }): string {
  const deva = /[\u0900-\u097F]/.test(k.name) ? k.name : (k.nameLocal ?? k.name);
  return deva.replace('ं', 'म').replace('ी', 'ि');
}
