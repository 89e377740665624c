import type { Db } from '../db/client';
import { organisation } from '../users/users.schema';
import { getLocation, type LocationRow } from '../locations/locations.repository';
import { VILLAGES } from './names';

/** Marathi names of the demo's talukas (LGD sub-districts). */
const TALUKA_LOCAL: Record<number, string> = {
  4005: 'चांदूर बाजार',
  4009: 'अमरावती',
  4014: 'धामणगाव रेल्वे',
  4008: 'तिवसा',
  4012: 'नांदगाव खंडेश्वर',
  3991: 'अकोला',
  3988: 'तेल्हारा',
  3990: 'बाळापूर',
  3994: 'बार्शीटाकळी',
};

/** An organisation's columns from the LGD place it sits at. */
export function placeColumns(loc: LocationRow) {
  return {
    level: loc.level,
    placeId: loc.id,
    stateCode: loc.stateCode,
    districtCode: loc.districtCode,
    subdistrictCode: loc.subdistrictCode,
    blockCode: loc.level === 'subdistrict' ? null : loc.blockCode,
    villageId: loc.level === 'village' ? loc.id : null,
  };
}

/**
 * The committees below the district, as the Amravati–Akola model asks to reactivate them
 * (Mission Vatsalya Guidelines 2022): a taluka child protection committee (TCPC) for each
 * demo taluka and a village child protection committee (VCPC) for each demo village.
 */
export async function seedCommittees(db: Db, villageId: (name: string) => string) {
  let n = 0;
  for (const sd of [...new Set(VILLAGES.map((v) => v.sd))]) {
    const loc = (await getLocation(db, `sd:${sd}`))!;
    await db.insert(organisation).values({
      name: `Taluka Child Protection Committee, ${loc.name}`,
      nameLocal: `तालुका बाल संरक्षण समिती, ${TALUKA_LOCAL[sd] ?? loc.name}`,
      kind: 'TCPC',
      ...placeColumns(loc),
    });
    n++;
  }
  for (const v of VILLAGES) {
    const loc = (await getLocation(db, villageId(v.name)))!;
    await db.insert(organisation).values({
      name: `Village Child Protection Committee, ${v.name}`,
      nameLocal: `ग्राम बाल संरक्षण समिती, ${v.local}`,
      kind: 'VCPC',
      ...placeColumns(loc),
    });
    n++;
  }
  return n;
}
