import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser, organisation } from '../users/users.schema';
import { convergenceGroup, convergenceMeeting, convergenceMember } from '../convergence/convergence.schema';
import { audit } from '../audit/audit.service';
import { VILLAGES } from './names';

/**
 * Akola's District Convergence Group (Amravati–Akola model: one group per district, chaired by
 * the DLSA Secretary, with the DCPO as member-secretary), with the Village Child Protection
 * Committees of Akola's demo villages seated on it (Mission Vatsalya Guidelines 2022: the VCPC
 * brings the village's children to the block and district). Its first meeting is scheduled.
 * Seeded once, beside the Amravati convergence demo (src/convergence/convergence.seed.ts).
 */
const AKOLA = 467;
const SINCE = '2026-10-01';

type Seat = [department: string, name: string, designation: string, organisation: string | null, roles: string[], username?: string];
const SEATS: Seat[] = [
  ['DLSA', 'Adv. Shubhangi Thakare', 'Secretary, District Legal Services Authority, Akola', null, ['chair']],
  ['DCPU', 'Rajesh Tayade', 'District Child Protection Officer (member-secretary)', 'DCPU Akola', ['secretary'], 'dcpo.akola'],
  ['DCPU', 'Swati Dhore', 'Protection officer, DCPU Akola', 'DCPU Akola', ['member'], 'caseworker.akola'],
  ['DWCD', 'Vandana Mankar', 'District Women & Child Development Officer, Akola', null, ['member']],
  ['EDUCATION', 'Prakash Bhople', 'Education Officer (Primary), ZP Akola', null, ['member']],
  ['HEALTH', 'Dr. Nitin Ambhore', 'RBSK nodal officer, Akola', null, ['member']],
  ['POLICE', 'PI Ganesh Wankhade', 'In-charge, Special Juvenile Police Unit, Akola', null, ['member']],
  ['PANCHAYAT', 'Mahesh Gawande', 'Deputy CEO (Village Panchayat), ZP Akola', null, ['member']],
];

export async function seedAkolaConvergence(db: Db): Promise<{ seats: number; vcpcs: number } | null> {
  const [existing] = await db
    .select({ id: convergenceGroup.id })
    .from(convergenceGroup)
    .where(and(eq(convergenceGroup.districtCode, AKOLA), eq(convergenceGroup.level, 'district')));
  if (existing) return null;
  const orgs = new Map(
    (await db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(eq(organisation.districtCode, AKOLA))).map(
      (o) => [o.name, o.id],
    ),
  );
  const users = new Map(
    (
      await db
        .select({ id: appUser.id, username: appUser.username })
        .from(appUser)
        .where(inArray(appUser.username, ['dcpo.akola', 'caseworker.akola']))
    ).map((u) => [u.username, u.id]),
  );
  const dcpo = users.get('dcpo.akola') ?? null;
  const [group] = await db
    .insert(convergenceGroup)
    .values({
      stateCode: 27,
      districtCode: AKOLA,
      level: 'district',
      name: 'Akola District Convergence Group',
      nameLocal: 'अकोला जिल्हा अभिसरण गट',
      meetingFrequency: 'monthly',
      anchorDepartments: ['DWCD', 'DLSA'],
      balPanchayatAfterDays: 30,
      createdBy: dcpo,
      createdAt: new Date(`${SINCE}T11:00:00+05:30`),
    })
    .returning();
  // Each Akola village's VCPC (seeded by src/demo/hierarchy.ts) holds a seat, under the Panchayat.
  const vcpcs: Seat[] = VILLAGES.filter((v) => v.district === AKOLA).map((v) => [
    'PANCHAYAT',
    `Member-secretary, VCPC ${v.name}`,
    `Village Child Protection Committee, ${v.name}`,
    `Village Child Protection Committee, ${v.name}`,
    ['member'],
  ]);
  const members = await db
    .insert(convergenceMember)
    .values(
      [...SEATS, ...vcpcs].map(([department, name, designation, org, roles, username]) => ({
        groupId: group.id,
        stateCode: 27,
        districtCode: AKOLA,
        department,
        name,
        designation,
        roles,
        organisationId: org ? (orgs.get(org) ?? null) : null,
        userId: username ? (users.get(username) ?? null) : null,
        since: SINCE,
      })),
    )
    .returning({ id: convergenceMember.id, roles: convergenceMember.roles });
  await db.insert(convergenceMeeting).values({
    groupId: group.id,
    stateCode: 27,
    districtCode: AKOLA,
    meetingDate: '2026-12-10',
    status: 'scheduled',
    chairMemberId: members.find((m) => m.roles.includes('chair'))!.id,
    venue: 'Collectorate meeting hall, Akola',
    createdBy: dcpo,
  });
  await audit(db, null, 'seed', 'system', null, null, { dataset: 'akola-convergence', seats: members.length, vcpcs: vcpcs.length });
  return { seats: members.length, vcpcs: vcpcs.length };
}
