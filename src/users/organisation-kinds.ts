import { z } from 'zod';
import type { OrganisationLevel } from './users.schema';

/**
 * The kinds of organisation in the child protection system, each with the level of the LGD
 * hierarchy it sits at and the provision that creates it. Data, checked when the module
 * loads: adding a kind means adding a row here. Cases find their receiving units by kind
 * (src/cases: DCPU, CWC, TCPC/BCPC, SCPS, VCPC), convergence seats departments by kind.
 */
export type PlaceLevel = Exclude<OrganisationLevel, 'national'>;
const PLACE_LEVELS = ['state', 'district', 'subdistrict', 'block', 'village'] as const satisfies readonly PlaceLevel[];

const kindSpec = z.strictObject({
  /** Levels of the LGD hierarchy the organisation may sit at. */
  levels: z.array(z.enum(PLACE_LEVELS)).min(1),
  group: z.enum(['statutory', 'committee', 'care', 'civil_society', 'department']),
  /** The Act, rule or scheme guideline that creates it. */
  basis: z.string().min(10),
  /** A registration or recognition number is required (JJ Act 2015 s.41, s.65). */
  registrationRequired: z.boolean().default(false),
});
export type KindSpec = z.infer<typeof kindSpec>;

const ANY_PLACE: PlaceLevel[] = [...PLACE_LEVELS];
const MV = 'Mission Vatsalya Guidelines 2022';
const DEPARTMENT = `${MV}, convergence with line departments`;

const RAW = {
  SCPS: { levels: ['state'], group: 'statutory', basis: `JJ Act 2015 s.106 (State Child Protection Society); ${MV}` },
  SARA: { levels: ['state'], group: 'statutory', basis: 'JJ Act 2015 s.67 (State Adoption Resource Agency)' },
  DCPU: { levels: ['district'], group: 'statutory', basis: `JJ Act 2015 s.106 (District Child Protection Unit); ${MV}` },
  CWC: { levels: ['district'], group: 'statutory', basis: 'JJ Act 2015 s.27 (Child Welfare Committee, one or more per district)' },
  JJB: { levels: ['district'], group: 'statutory', basis: 'JJ Act 2015 s.4 (Juvenile Justice Board)' },
  DCWPC: {
    levels: ['district'],
    group: 'committee',
    basis: `${MV} (District Child Welfare and Protection Committee, chaired by the District Magistrate)`,
  },
  // Mission Vatsalya names the block committee; Maharashtra constitutes it per taluka (TCPC).
  BCPC: { levels: ['block'], group: 'committee', basis: `${MV} (Block Child Welfare and Protection Committee)` },
  TCPC: {
    levels: ['subdistrict', 'block'],
    group: 'committee',
    basis: `${MV} (Block Child Welfare and Protection Committee, constituted per taluka in Maharashtra)`,
  },
  VCPC: { levels: ['village'], group: 'committee', basis: `${MV} (Village Child Welfare and Protection Committee)` },
  CCI: {
    levels: ['district', 'subdistrict', 'block', 'village'],
    group: 'care',
    basis: 'JJ Act 2015 s.41 (registration of child care institutions)',
    registrationRequired: true,
  },
  SAA: {
    levels: ['district'],
    group: 'care',
    basis: 'JJ Act 2015 s.65 (Specialised Adoption Agency, recognised by the State Government)',
    registrationRequired: true,
  },
  NGO: { levels: ANY_PLACE, group: 'civil_society', basis: `${MV} (voluntary organisations and civil society partners)` },
  DWCD: {
    levels: ANY_PLACE,
    group: 'department',
    basis: `${MV} (Women & Child Development, the implementing department; ICDS Anganwadi centres)`,
  },
  DLSA: {
    levels: ['state', 'district', 'subdistrict'],
    group: 'department',
    basis: 'Legal Services Authorities Act 1987 s.6, s.9, s.11A (state, district and taluka legal services)',
  },
  EDUCATION: { levels: ANY_PLACE, group: 'department', basis: DEPARTMENT },
  HEALTH: { levels: ANY_PLACE, group: 'department', basis: DEPARTMENT },
  POLICE: {
    levels: ANY_PLACE,
    group: 'department',
    basis: 'JJ Act 2015 s.107 (Child Welfare Police Officer, Special Juvenile Police Unit)',
  },
  LABOUR: { levels: ANY_PLACE, group: 'department', basis: DEPARTMENT },
  SOCIAL_JUSTICE: { levels: ANY_PLACE, group: 'department', basis: DEPARTMENT },
  RURAL_DEVELOPMENT: { levels: ANY_PLACE, group: 'department', basis: DEPARTMENT },
  PANCHAYAT: { levels: ANY_PLACE, group: 'department', basis: DEPARTMENT },
  REVENUE: { levels: ANY_PLACE, group: 'department', basis: DEPARTMENT },
} satisfies Record<string, z.input<typeof kindSpec>>;

export type OrganisationKind = keyof typeof RAW;
export const ORGANISATION_KINDS = Object.keys(RAW) as [OrganisationKind, ...OrganisationKind[]];
export const organisationKindSchema = z.enum(ORGANISATION_KINDS);

/** The vocabulary, validated once: a malformed row stops the server at start, not a request. */
export const KIND_SPECS: Record<OrganisationKind, KindSpec> = z.record(organisationKindSchema, kindSpec).parse(RAW) as Record<
  OrganisationKind,
  KindSpec
>;

export const isOrganisationKind = (k: string): k is OrganisationKind => Object.hasOwn(KIND_SPECS, k);

/** Why an organisation of `kind` cannot sit at `level`, or null when it fits. */
export function levelProblem(kind: OrganisationKind, level: string): string | null {
  const spec = KIND_SPECS[kind];
  if ((spec.levels as string[]).includes(level)) return null;
  const names: Record<PlaceLevel, string> = {
    state: 'a state (st:…)',
    district: 'a district (di:…)',
    subdistrict: 'a taluka (sd:…)',
    block: 'a block (bl:…)',
    village: 'a village (vi:…)',
  };
  return `a ${kind} sits at ${spec.levels.map((l) => names[l]).join(' or ')}, not at a ${level} (${spec.basis})`;
}
