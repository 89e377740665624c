import { emptyPerson, type PersonRecord } from '../../linkage/record';
import { nameVariants, VARIANT_SEPARATOR, type PlaceNames } from '../../linkage/person-names';

export { nameVariants, VARIANT_SEPARATOR, type PlaceNames };

/**
 * A missing or found child's record as the linkage engine's person record (BRIEF §4): left =
 * the missing report (home place, date last seen), right = the found child (place and date
 * found). Pure: the place names come from the caller.
 */
export interface LinkableRecord {
  id: string;
  kind: 'missing' | 'found';
  name: string | null;
  nameLocal: string | null;
  aliases: string[];
  sex: string;
  ageYears: number | null;
  fatherName: string | null;
  motherName: string | null;
  language: string | null;
  marks: string | null;
  eventDate: string | null;
  place: string | null;
  eventPlace: string | null;
}

const SEX: Record<string, string> = { female: 'f', male: 'm', other: 'o', unknown: '' };

/** The record id of a variant's person-record id. */
export const recordIdOf = (personId: string) => personId.split(VARIANT_SEPARATOR)[0];

/** One person record per name variant; the first carries the record's own id. */
export function toPersonRecords(r: LinkableRecord, places: PlaceNames): PersonRecord[] {
  return nameVariants(r).map((name, k) => {
    const p = emptyPerson(k === 0 ? r.id : `${r.id}${VARIANT_SEPARATOR}${k}`);
    p.name = name;
    p.sex = SEX[r.sex] ?? '';
    p.age = r.ageYears == null ? null : Number(r.ageYears);
    p.father_name = r.fatherName ?? '';
    p.mother_name = r.motherName ?? '';
    p.state = places.state;
    p.district = places.district;
    p.place = (r.kind === 'missing' ? (r.place ?? places.village) : (r.eventPlace ?? places.village)) ?? '';
    p.date = r.eventDate ?? '';
    p.language = r.language ?? '';
    p.marks = r.marks ?? '';
    return p;
  });
}
