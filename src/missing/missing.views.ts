import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { referenceOf } from './domain/vocabulary';
import { placeNames, type RecordRow } from './missing.repository';

/** What an official sees of a record (the public never reads a record back). */

export function recordView(r: RecordRow, names: { state: string; district: string }, access: 'own' | 'via_match') {
  return {
    id: r.id,
    reference: referenceOf(r.kind, r.number),
    kind: r.kind,
    status: r.status,
    channel: r.channel,
    source: r.source,
    access,
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
    moderation: r.moderatedAt ? { reason: r.moderationReason, by: r.moderatedBy, at: r.moderatedAt } : null,
    matchState: r.matchState,
    matchedAt: r.matchedAt,
    hasPhoto: !!r.photoStoredName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
export type RecordView = ReturnType<typeof recordView>;

export async function viewOf(db: Db, actor: Actor | null, r: RecordRow, access?: 'own' | 'via_match') {
  const names = await placeNames(db, r.stateCode, r.districtCode);
  return recordView(r, names, access ?? 'own');
}

