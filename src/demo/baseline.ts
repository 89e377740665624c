import { rng, type Rng } from './random';
import { BOYS, GIRLS, MEN, PARDHI_SURNAMES, SURNAMES, VILLAGES, WOMEN } from './names';
import { defaultInstrument } from '../registry/instrument';

/**
 * The Amravati–Akola baseline (seed document 000): ten villages, 149 families, 204 children,
 * 121 of them living with their birth families. A pure generator: the seeder writes what it
 * returns, and every figure a screen shows is then computed from those records.
 */
export const BASELINE = { families: 149, children: 204, withBirthFamily: 121 } as const;

type Archetype =
  'farmer_suicide' | 'both_dead' | 'migration' | 'addiction' | 'illness' | 'pardhi' | 'mother_left' | 'imprisoned' | 'covid_loss';

export interface DemoMember {
  name: string;
  nameLocal: string;
  relationship: string;
  sex: string;
  age: number;
  alive: boolean;
  deathDate?: string;
  deathCause?: string;
  isPrimaryCaregiver: boolean;
  occupation?: string;
  chronicIllness?: string;
  imprisoned?: boolean;
}
export interface DemoChild {
  name: string;
  nameLocal: string | null;
  sex: 'female' | 'male';
  dob: string;
  dobEstimated: boolean;
  careStatus: string;
  schoolStatus: string;
  docs: Record<string, string>;
}
export interface DemoFamily {
  village: number;
  headName: string;
  headNameLocal: string;
  caregiverType: string;
  annualIncome: number;
  rationCard: string;
  bpl: boolean;
  occupation: string;
  migration: string;
  casteCategory: string;
  socialGroup: string | null;
  vulnerabilityFactors: string[];
  members: DemoMember[];
  children: DemoChild[];
  docs: Record<string, string>;
  assessments: { assessedOn: string; answers: Record<string, number> }[];
}

const ARCHETYPES: [Archetype, number][] = [
  ['farmer_suicide', 30],
  ['both_dead', 14],
  ['migration', 28],
  ['addiction', 18],
  ['illness', 14],
  ['mother_left', 10],
  ['imprisoned', 4],
  ['covid_loss', 6],
];

function weighted(r: Rng): Archetype {
  const total = ARCHETYPES.reduce((a, [, w]) => a + w, 0);
  let x = r.next() * total;
  for (const [a, w] of ARCHETYPES) if ((x -= w) < 0) return a;
  return 'migration';
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function generateBaseline(seed = 2024): DemoFamily[] {
  const r = rng(seed);
  // 104 families with one child, 35 with two, 10 with three: 204 children.
  const sizes = r.shuffle([...Array(104).fill(1), ...Array(35).fill(2), ...Array(10).fill(3)]);
  const families: DemoFamily[] = [];
  let fi = 0;
  VILLAGES.forEach((v, vi) => {
    for (let k = 0; k < v.families; k++) families.push(makeFamily(r, vi, v.pardhi && k < 16 ? 'pardhi' : weighted(r), sizes[fi++]));
  });
  settleCareStatuses(r, families);
  return families;
}

function makeFamily(r: Rng, village: number, arch: Archetype, nChildren: number): DemoFamily {
  const [sur, surLocal] = arch === 'pardhi' ? r.pick(PARDHI_SURNAMES) : r.pick(SURNAMES);
  const [fn, fnL] = r.pick(MEN);
  const [mn, mnL] = r.pick(WOMEN);
  const fatherAge = r.int(28, 45);
  const members: DemoMember[] = [
    {
      name: `${fn} ${sur}`,
      nameLocal: `${fnL} ${surLocal}`,
      relationship: 'father',
      sex: 'male',
      age: fatherAge,
      alive: true,
      isPrimaryCaregiver: false,
      occupation: r.pick(['farmer', 'farm labourer', 'daily wage labourer']),
    },
    {
      name: `${mn} ${sur}`,
      nameLocal: `${mnL} ${surLocal}`,
      relationship: 'mother',
      sex: 'female',
      age: fatherAge - r.int(2, 6),
      alive: true,
      isPrimaryCaregiver: true,
      occupation: r.pick(['farm labourer', 'homemaker', 'daily wage labourer']),
    },
  ];
  const [father, mother] = members;
  const grand = () => {
    const [gn, gnL] = r.pick(WOMEN);
    const g: DemoMember = {
      name: `${gn} ${sur}`,
      nameLocal: `${gnL} ${surLocal}`,
      relationship: 'grandmother',
      sex: 'female',
      age: r.int(58, 74),
      alive: true,
      isPrimaryCaregiver: true,
      occupation: 'farm labourer',
    };
    members.push(g);
    return g;
  };
  const deathDate = () => iso(r.int(2019, 2025), r.int(1, 12), r.int(1, 28));
  let caregiverType = 'both_parents';
  let factors: string[] = [];
  let migration = 'none';
  let head = father;
  switch (arch) {
    case 'farmer_suicide':
      Object.assign(father, { alive: false, deathDate: deathDate(), deathCause: 'suicide' });
      caregiverType = 'single_mother';
      head = mother;
      factors = ['parent_death', 'suicide_in_family', 'single_parent', 'extreme_poverty'];
      break;
    case 'both_dead':
      Object.assign(father, { alive: false, deathDate: deathDate(), deathCause: r.pick(['suicide', 'illness', 'accident']) });
      Object.assign(mother, {
        alive: false,
        deathDate: deathDate(),
        deathCause: r.pick(['illness', 'accident']),
        isPrimaryCaregiver: false,
      });
      head = grand();
      caregiverType = 'grandparent';
      factors = ['parent_death', 'both_parents_dead'];
      break;
    case 'covid_loss':
      Object.assign(father, { alive: false, deathDate: iso(2021, r.int(4, 6), r.int(1, 28)), deathCause: 'covid19' });
      caregiverType = 'single_mother';
      head = mother;
      factors = ['parent_death', 'single_parent'];
      break;
    case 'migration':
      migration = 'seasonal';
      factors = ['seasonal_migration', ...(r.chance(0.4) ? ['out_of_school'] : [])];
      if (r.chance(0.5)) {
        mother.isPrimaryCaregiver = false;
        head = grand();
        caregiverType = 'grandparent';
      }
      break;
    case 'addiction':
      factors = ['addiction', ...(r.chance(0.6) ? ['domestic_violence'] : [])];
      break;
    case 'illness':
      (r.chance(0.5) ? father : mother).chronicIllness = r.pick(['tuberculosis', 'HIV', 'paralysis', 'kidney disease']);
      factors = ['disability_or_chronic_illness', 'extreme_poverty'];
      break;
    case 'mother_left':
      members.pop();
      father.isPrimaryCaregiver = true;
      caregiverType = 'single_father';
      factors = ['single_parent'];
      break;
    case 'imprisoned':
      father.imprisoned = true;
      caregiverType = 'single_mother';
      head = mother;
      factors = ['parent_imprisoned', 'single_parent'];
      break;
    case 'pardhi':
      factors = ['nomadic_denotified_tribe', 'begging', 'no_documents', ...(r.chance(0.5) ? ['out_of_school'] : [])];
      migration = r.chance(0.5) ? 'seasonal' : 'none';
      break;
  }
  const pardhi = arch === 'pardhi';
  const children: DemoChild[] = [];
  for (let i = 0; i < nChildren; i++) {
    const girl = r.chance(0.5);
    const [cn, cnL] = r.pick(girl ? GIRLS : BOYS);
    const age = r.int(1, 17);
    const estimated = pardhi || r.chance(0.15);
    // About a third of records were written in Devanagari first (as entered at the Anganwadi).
    const devFirst = r.chance(0.33);
    children.push({
      name: devFirst ? `${cnL} ${surLocal}` : `${cn} ${sur}`,
      nameLocal: devFirst ? `${cn} ${sur}` : r.chance(0.8) ? `${cnL} ${surLocal}` : null,
      sex: girl ? 'female' : 'male',
      dob: iso(2026 - age - 1, r.int(1, 12), r.int(1, 28)),
      dobEstimated: estimated,
      careStatus: caregiverType === 'grandparent' ? 'kinship_care' : 'birth_family',
      schoolStatus: age < 6 ? 'not_applicable' : factors.includes('out_of_school') && i === 0 ? 'out_of_school' : 'enrolled',
      docs: {
        birth_certificate: r.chance(pardhi ? 0.2 : 0.75) ? 'held' : r.chance(0.3) ? 'applied_for' : 'missing',
        aadhaar: r.chance(pardhi ? 0.15 : 0.65) ? 'held' : 'missing',
        bank_account: r.chance(0.3) ? 'held' : 'missing',
        ...(caregiverType === 'grandparent' && arch === 'both_dead' ? { orphan_certificate: r.chance(0.4) ? 'held' : 'missing' } : {}),
      },
    });
  }
  const deaths = members.filter((m) => !m.alive).length;
  const docs: Record<string, string> = {
    ration_card: r.chance(pardhi ? 0.3 : 0.8) ? 'held' : 'missing',
    income_certificate: r.chance(pardhi ? 0.1 : 0.4) ? 'held' : 'missing',
    caste_certificate: r.chance(pardhi ? 0.1 : 0.35) ? 'held' : r.chance(0.3) ? 'applied_for' : 'missing',
    domicile: r.chance(0.5) ? 'held' : 'missing',
    ...(deaths ? { parent_death_certificate: r.chance(0.5) ? 'held' : r.chance(0.4) ? 'applied_for' : 'missing' } : {}),
  };
  return {
    village,
    headName: head.name,
    headNameLocal: head.nameLocal,
    caregiverType,
    annualIncome: pardhi ? r.int(8, 30) * 1000 : r.int(18, 90) * 1000,
    rationCard: pardhi ? (r.chance(0.3) ? 'aay' : 'none') : r.pick(['aay', 'phh', 'phh', 'apl']),
    bpl: pardhi || r.chance(0.7),
    occupation: pardhi ? 'begging / small trade' : (head.occupation ?? 'farm labourer'),
    migration,
    casteCategory: pardhi ? 'vjnt' : r.pick(['sc', 'st', 'obc', 'obc', 'nt', 'general']),
    socialGroup: pardhi ? 'Pardhi' : null,
    vulnerabilityFactors: factors,
    members,
    children,
    docs,
    assessments: assessmentsFor(r, factors),
  };
}

/** Baseline in mid-2025, follow-ups every six months; most families improve, some do not. */
function assessmentsFor(r: Rng, factors: string[]) {
  const items = defaultInstrument().domains.flatMap((d) => d.items.map((i) => i.id));
  const severe = factors.length >= 3;
  const base = Object.fromEntries(items.map((id) => [id, r.chance(severe ? 0.6 : 0.35) ? 1 : r.chance(0.7) ? 2 : 3]));
  const dates = ['2025-07-15', '2026-01-15', ...(r.chance(0.6) ? ['2026-07-15'] : [])];
  let cur = base;
  return dates.map((assessedOn, i) => {
    if (i > 0) cur = Object.fromEntries(Object.entries(cur).map(([k, v]) => [k, Math.min(4, v + (r.chance(0.45) ? 1 : 0))]));
    return { assessedOn, answers: { ...cur } };
  });
}

/** Exactly 121 children with their birth families; the rest in kinship care, CCIs, foster care, on the street or missing. */
function settleCareStatuses(r: Rng, families: DemoFamily[]) {
  const kids = families.flatMap((f) => f.children.map((c) => ({ c, f })));
  const others = [
    'cci',
    'cci',
    'cci',
    'cci',
    'cci',
    'cci',
    'foster_care',
    'foster_care',
    'foster_care',
    'street_connected',
    'street_connected',
    'street_connected',
    'missing',
    'missing',
  ];
  const birth = kids.filter((k) => k.c.careStatus === 'birth_family');
  const target = BASELINE.withBirthFamily;
  // Move children out of birth families until 121 remain: migration families' children go to
  // kinship care with relatives, a few others to CCIs, foster care, the street or missing.
  const movable = r.shuffle(birth.filter((k) => k.f.caregiverType !== 'grandparent'));
  let excess = birth.length - target;
  for (const k of movable) {
    if (excess <= 0) break;
    k.c.careStatus = others.shift() ?? (k.f.socialGroup ? 'street_connected' : 'kinship_care');
    excess--;
  }
  let deficit = target - kids.filter((k) => k.c.careStatus === 'birth_family').length;
  for (const k of kids) {
    if (deficit <= 0) break;
    if (k.c.careStatus === 'kinship_care') {
      k.c.careStatus = 'birth_family';
      deficit--;
    }
  }
}
