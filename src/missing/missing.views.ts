import type { Db } from '../db/client';
import { placeNames, type RecordRow, type SeenRecord } from './missing.repository';

/**
 * What an official sees of a record (the public never reads a record back). The row comes from
 * the database already cut to the reader's view (src/access/missing.ts): another district's
 * record seen through a match the record's own district has not agreed to carries only the
 * compared fields (`view: 'compared'`), and nobody outside its district gets the registry link.
 */
export function recordView(
  r: RecordRow | SeenRecord,
  names: { state: string; district: string },
  access: 'own' | 'via_match',
  view: 'full' | 'compared' = 'full',
) {
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    channel: r.channel,
    source: r.source,
    access,
    view,
    stateCode: r.stateCode,
    districtCode: r.districtCode,
    stateName: names.state,
    districtName: names.district,
    villageId: r.villageId,
    place: r.place,
    address: r.address,
    name: r.name,
    nameLocal: r.nameLocal,
    aliases: r.aliases,
    sex: r.sex,
    ageYears: r.ageYears == null ? null : Number(r.ageYears),
    ageEstimated: r.ageEstimated,
    fatherName: r.fatherName,
    motherName: r.motherName,
    guardianName: r.guardianName,
    language: r.language,
    heightCm: r.heightCm,
    weightKg: r.weightKg,
    marks: r.marks,
    clothing: r.clothing,
    description: r.description,
    eventDate: r.eventDate,
    eventPlace: r.eventPlace,
    eventDistrictCode: r.eventDistrictCode,
    currentCare: r.currentCare,
    currentPlace: r.currentPlace,
    childId: r.childId,
    reporter: { name: r.reporterName, relation: r.reporterRelation, phone: r.reporterPhone, email: r.reporterEmail },
    policeStation: r.policeStation,
    firNumber: r.firNumber,
    moderation:
      r.moderatedAt === undefined ? undefined : r.moderatedAt ? { reason: r.moderationReason, by: r.moderatedBy, at: r.moderatedAt } : null,
    matchState: r.matchState,
    matchedAt: r.matchedAt,
    hasPhoto: r.photoStoredName === undefined ? undefined : !!r.photoStoredName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    // What the permitted-fields policy left out for this reader (src/access/fields.ts; JJ Act 2015 s.74).
    withheld: 'withheld' in r ? r.withheld : undefined,
    initialsOnly: 'initialsOnly' in r ? r.initialsOnly : undefined,
  };
}
export type RecordView = ReturnType<typeof recordView>;

/** A record of the actor's own jurisdiction (RecordRow), or one as the actor sees it (SeenRecord). */
export async function viewOf(db: Db, r: RecordRow | SeenRecord) {
  const names = await placeNames(db, r.stateCode, r.districtCode);
  const seen = 'view' in r ? r.view : 'own';
  return recordView(r, names, seen === 'own' ? 'own' : 'via_match', seen === 'compared' ? 'compared' : 'full');
}
