import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import type { Actor } from '../access/policy';
import type { Role } from '../access/roles';
import { audit } from '../audit/audit.service';
import { appUser, organisation } from '../users/users.schema';
import { child, family } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { actionState, addDays, buildAgenda, type ActionEvent, type ConvergenceDomain, type DepartmentKind, type IsoDate } from './domain';
import {
  balPanchayatIssue,
  convergenceAction,
  convergenceActionEvent,
  convergenceAttendance,
  convergenceDiscussion,
  convergenceGroup,
  convergenceMeeting,
  convergenceMember,
} from './convergence.schema';
import { subjectRef } from './convergence.time';
import { agendaSources } from './agenda.sources';
import type { MemberRow } from './groups.repository';

/**
 * The convergence demo, modelled on the Amravati–Akola model (seed 000): the Amravati
 * District Convergence Group (chaired by the DLSA Secretary, anchored by DWCD and DLSA,
 * 30 seats across government and NGOs), the Chandur Bazar block group, six monthly
 * meetings June–November 2026 and the next one scheduled, the decisions taken on the
 * mapped families (documents, scheme linkage, school, health), and how each department
 * followed up. Nothing here is a figure: attendance and every number on the accountability
 * page are computed from these records, and they tell this story —
 * - DWCD, DCPU and DLSA (the anchors) attend every meeting and finish on time;
 * - Education attends but for August, mostly on time, a few days late twice;
 * - Health misses two meetings and was late through the summer, then on time from September;
 * - Revenue (documents, PDS, pensions) is the bottleneck: certificates late, a ration card
 *   blocked on residence proof, the NFBS application overdue;
 * - Labour stopped coming after July and its kiln follow-ups have been overdue since August;
 * - Police comes irregularly; its begging-racket inquiry stalled and the November complaint
 *   is overdue.
 * Three Bal Panchayat issues show the path village → VCPC → group: one solved by the
 * group, one by the VCPC, one escalated and still open; two more wait with the VCPCs.
 * All names are invented.
 */

type Outcome =
  | { done: number; result: string } // completed `done` days after the due date (negative: early)
  | { blockedAfter: number; reason: string; done?: { on: IsoDate; result: string } }
  | null; // still open

interface ActSpec {
  dept: DepartmentKind;
  domain: ConvergenceDomain;
  text: string;
  due: IsoDate;
  outcome: Outcome;
}

type Subject = { family: FamilyKey; child?: 'out_of_school' | 'disability' } | { issue: string } | { general: true };
interface DiscussionSpec {
  subject: Subject;
  decision: string;
  actions: ActSpec[];
}

interface MeetingSpec {
  date: IsoDate;
  /** Departments absent (all their seats); others present, with some seats missing. */
  absent: DepartmentKind[];
  discussions: DiscussionSpec[];
  minutes: string;
}

type FamilyKey = { village: string; factor: string; nth: number };
const fam = (village: string, factor: string, nth = 0): FamilyKey => ({ village, factor, nth });

const ORGS: { key: string; name: string; kind: DepartmentKind }[] = [
  { key: 'dwcd', name: 'District Women & Child Development Office, Amravati', kind: 'DWCD' },
  { key: 'labour', name: 'Office of the Assistant Commissioner of Labour, Amravati', kind: 'LABOUR' },
  { key: 'sj', name: 'Office of the Assistant Commissioner, Social Welfare, Amravati', kind: 'SOCIAL_JUSTICE' },
  { key: 'rd', name: 'Zilla Parishad Amravati — District Rural Development Agency', kind: 'RURAL_DEVELOPMENT' },
  { key: 'panchayat', name: 'Zilla Parishad Amravati — Village Panchayat Department', kind: 'PANCHAYAT' },
  { key: 'revenue', name: 'Collectorate Amravati', kind: 'REVENUE' },
  { key: 'ngo_snehjyoti', name: 'Sneh Jyoti Sanstha, Amravati', kind: 'NGO' },
  { key: 'ngo_gramvikas', name: 'Gram Vikas Pratishthan, Chandur Bazar', kind: 'NGO' },
];

/** Seats: [key, department, name, designation, org key (existing demo org name or ORGS key), roles, username] */
type Seat = [string, DepartmentKind, string, string, string, ('chair' | 'secretary' | 'member')[], string?];
const DISTRICT_SEATS: Seat[] = [
  [
    'dlsa',
    'DLSA',
    'Adv. Ashok Kulkarni',
    'Secretary, DLSA (chair)',
    'District Legal Services Authority, Amravati',
    ['chair'],
    'dlsa.amravati',
  ],
  ['dlsa2', 'DLSA', 'Adv. Nitin Band', 'Panel lawyer, DLSA', 'District Legal Services Authority, Amravati', ['member']],
  ['plv', 'DLSA', 'Shabana Shaikh', 'Para-legal volunteer', 'District Legal Services Authority, Amravati', ['member']],
  [
    'dcpo',
    'DCPU',
    'Sunita Deshmukh',
    'District Child Protection Officer (member-secretary)',
    'DCPU Amravati',
    ['secretary'],
    'dcpo.amravati',
  ],
  ['po', 'DCPU', 'Pradnya Ingle', 'Social worker, DCPU', 'DCPU Amravati', ['member'], 'caseworker.amravati'],
  [
    'helpline',
    'DCPU',
    'Sameer Khan',
    'Coordinator, District Child Helpline 1098',
    'District Child Helpline Unit 1098, Amravati',
    ['member'],
  ],
  ['dwcdo', 'DWCD', 'Rekha Patil', 'District Women & Child Development Officer', 'dwcd', ['member']],
  ['cdpo', 'DWCD', 'Suvarna Bhagat', 'CDPO, ICDS Chandur Bazar', 'dwcd', ['member']],
  ['cwc', 'CWC', 'Adv. Meena Raut', 'Chairperson, CWC Amravati', 'Child Welfare Committee, Amravati', ['member'], 'cwc.amravati'],
  [
    'eo',
    'EDUCATION',
    'Anil Wankhede',
    'Education Officer (Primary), ZP',
    'Education Department (ZP), Amravati',
    ['member'],
    'nodal.education',
  ],
  ['beo', 'EDUCATION', 'Ravindra Kale', 'Block Education Officer, Chandur Bazar', 'Education Department (ZP), Amravati', ['member']],
  ['ss', 'EDUCATION', 'Meghna Kadu', 'District coordinator, Samagra Shiksha', 'Education Department (ZP), Amravati', ['member']],
  ['rbsk', 'HEALTH', 'Dr. Kavita Meshram', 'RBSK nodal officer', 'District Health Office, Amravati', ['member'], 'nodal.health'],
  ['cs', 'HEALTH', 'Dr. Prashant Gawai', 'Resident Medical Officer, District Hospital', 'District Health Office, Amravati', ['member']],
  ['dmhp', 'HEALTH', 'Dr. Aparna Joshi', 'Clinical psychologist, DMHP', 'District Health Office, Amravati', ['member']],
  ['sjpu', 'POLICE', 'PI Sandeep Chavan', 'In-charge, Special Juvenile Police Unit', 'Amravati Rural Police (SJPU)', ['member']],
  ['ahtu', 'POLICE', 'API Manoj Bhuyar', 'Anti-Human Trafficking Unit', 'Amravati Rural Police (SJPU)', ['member']],
  ['labour', 'LABOUR', 'Mohan Ingle', 'Government Labour Officer', 'labour', ['member']],
  ['sj', 'SOCIAL_JUSTICE', 'Kiran Dhoke', 'Assistant Commissioner, Social Welfare', 'sj', ['member']],
  ['drda', 'RURAL_DEVELOPMENT', 'Sanjay Wankhade', 'Project Director, DRDA', 'rd', ['member']],
  ['umed', 'RURAL_DEVELOPMENT', 'Prachi Deshpande', 'District coordinator, UMED', 'rd', ['member']],
  ['dyceo', 'PANCHAYAT', 'Vijay Pawar', 'Deputy CEO (Village Panchayat), ZP', 'panchayat', ['member']],
  ['rdc', 'REVENUE', 'Sachin Tayade', 'Resident Deputy Collector', 'revenue', ['member']],
  ['dso', 'REVENUE', 'Amol Jadhav', 'District Supply Officer', 'revenue', ['member']],
  ['tahsildar', 'REVENUE', 'Nilima Deshmukh', 'Tahsildar, Chandur Bazar', 'revenue', ['member']],
  ['cfe', 'NGO', 'Farhan Shaikh', 'Caseworker, Care Collective CFE', 'Care Collective Center for Excellence', ['member'], 'ngo.amravati'],
  ['cfe2', 'NGO', 'Rohini Sable', 'Programme lead, Care Collective CFE', 'Care Collective Center for Excellence', ['member']],
  ['snehjyoti', 'NGO', 'Kavita Ghuge', 'Director, Sneh Jyoti Sanstha', 'ngo_snehjyoti', ['member']],
  ['gramvikas', 'NGO', 'Dinesh Wasnik', 'Field coordinator, Gram Vikas Pratishthan', 'ngo_gramvikas', ['member']],
  ['aww', 'DWCD', 'Mangala Pawar', 'Anganwadi worker, Rajura (VCPC member)', 'Anganwadi Centre, Rajura', ['member'], 'aww.rajura'],
];

const BLOCK_SEATS: Seat[] = [
  ['bdo', 'RURAL_DEVELOPMENT', 'Prakash Gawande', 'Block Development Officer, Chandur Bazar (chair)', 'rd', ['chair']],
  ['bcdpo', 'DWCD', 'Suvarna Bhagat', 'CDPO, ICDS Chandur Bazar (member-secretary)', 'dwcd', ['secretary']],
  ['bbeo', 'EDUCATION', 'Ravindra Kale', 'Block Education Officer', 'Education Department (ZP), Amravati', ['member']],
  ['bmo', 'HEALTH', 'Dr. Swati Bele', 'Medical Officer, PHC Shirajgaon Kasba', 'District Health Office, Amravati', ['member']],
  ['bpsi', 'POLICE', 'PSI Rahul Dhurve', 'Police Station Chandur Bazar', 'Amravati Rural Police (SJPU)', ['member']],
  ['bgs', 'PANCHAYAT', 'Ganesh Bhonde', 'Gram Sevak, Rajura', 'panchayat', ['member']],
  ['btahsil', 'REVENUE', 'Nilima Deshmukh', 'Tahsildar, Chandur Bazar', 'revenue', ['member']],
  ['bngo', 'NGO', 'Dinesh Wasnik', 'Field coordinator, Gram Vikas Pratishthan', 'ngo_gramvikas', ['member']],
  ['baww', 'DWCD', 'Mangala Pawar', 'Anganwadi worker, Rajura', 'Anganwadi Centre, Rajura', ['member'], 'aww.rajura'],
];

/** Bal Panchayat issues: raised → VCPC → (N days or escalation) → group. */
const ISSUES = [
  {
    key: 'girls_bus',
    village: 'Rajura',
    category: 'out_of_school',
    raisedOn: '2026-06-20',
    summary: 'Three girls from the beda stopped going to the high school after the bus halt at Rajura was removed.',
    status: 'resolved' as const,
    resolvedOn: '2026-10-01',
    resolvedBy: 'group' as const,
    outcome: 'The bus halt was restored and the girls got bicycles; all three attend school again.',
  },
  {
    key: 'anganwadi_roof',
    village: 'Wadali',
    category: 'village_problem',
    raisedOn: '2026-07-25',
    summary: 'The Anganwadi roof leaks; the small children sit outside when it rains.',
    status: 'resolved' as const,
    resolvedOn: '2026-08-10',
    resolvedBy: 'vcpc' as const,
    outcome: 'The Gram Panchayat repaired the roof from its 15th Finance Commission grant.',
  },
  {
    key: 'family_distress',
    village: 'Kurha',
    category: 'family_in_distress',
    raisedOn: '2026-09-05',
    summary: "A classmate's father died last month; the family has no income and the children miss school to work.",
    status: 'on_agenda' as const,
    escalatedOn: '2026-09-12',
    escalationReason: 'The VCPC cannot arrange income support; needs the district.',
    family: fam('Kurha', 'parent_death', 1),
  },
  {
    key: 'kiln_labour',
    village: 'Rajura',
    category: 'child_labour',
    raisedOn: '2026-10-28',
    summary: 'Boys from the beda are taken to the brick kilns in the evenings.',
    status: 'with_vcpc' as const,
  },
  {
    key: 'streetlight',
    village: 'Dhamak',
    category: 'village_problem',
    raisedOn: '2026-10-30',
    summary: 'No streetlight on the road to school; girls are afraid to walk back after tuition.',
    status: 'with_vcpc' as const,
  },
];

const done = (days: number, result: string): Outcome => ({ done: days, result });

const DISTRICT_MEETINGS: MeetingSpec[] = [
  {
    date: '2026-06-08',
    absent: [],
    minutes:
      'First meeting after the vulnerability mapping of ten villages. The group agreed to take up documents and scheme linkage first, village by village.',
    discussions: [
      {
        subject: { family: fam('Rajura', 'no_documents', 0) },
        decision: 'The family has no identity documents: birth and caste certificates first, then scheme linkage.',
        actions: [
          {
            dept: 'PANCHAYAT',
            domain: 'legal_aid_documents',
            text: 'Delayed birth registration for the children in the Gram Panchayat register',
            due: '2026-07-02',
            outcome: done(8, 'Birth certificates issued for both children'),
          },
          {
            dept: 'REVENUE',
            domain: 'legal_aid_documents',
            text: 'Caste certificate (VJNT) through a special camp at the Chandur Bazar tahsil',
            due: '2026-07-16',
            outcome: {
              blockedAfter: 42,
              reason: 'Awaiting the school leaving certificate as proof of caste',
              done: { on: '2026-09-25', result: 'Caste certificates issued at the tahsil camp' },
            },
          },
        ],
      },
      {
        subject: { family: fam('Wadali', 'suicide_in_family', 0) },
        decision: 'Mother widowed after a farmer suicide: link her to the widow pension and the children to Bal Sangopan.',
        actions: [
          {
            dept: 'REVENUE',
            domain: 'social_protection',
            text: 'Sanjay Gandhi Niradhar pension application for the mother',
            due: '2026-07-08',
            outcome: done(-2, 'Pension sanctioned, ₹1,500 a month'),
          },
          {
            dept: 'DWCD',
            domain: 'family_strengthening',
            text: 'Bal Sangopan Yojana proposal for the children',
            due: '2026-06-29',
            outcome: done(-4, 'Proposal submitted and sanctioned'),
          },
          {
            dept: 'DLSA',
            domain: 'legal_aid_documents',
            text: 'Legal aid on the crop-loan recovery notice',
            due: '2026-07-08',
            outcome: done(-5, 'Panel lawyer replied to the bank; recovery stayed'),
          },
        ],
      },
      {
        subject: { family: fam('Dhamak', 'out_of_school', 0), child: 'out_of_school' },
        decision: 'Child out of school since the migration season: re-enrol now.',
        actions: [
          {
            dept: 'EDUCATION',
            domain: 'education',
            text: 'Re-enrol in the ZP school with a bridge course',
            due: '2026-06-22',
            outcome: done(-4, 'Re-enrolled in Class 5; attending the bridge course'),
          },
        ],
      },
      {
        subject: { family: fam('Kurha', 'disability_or_chronic_illness', 0) },
        decision: 'Parent under TB treatment and no health cover.',
        actions: [
          {
            dept: 'HEALTH',
            domain: 'health',
            text: 'Ayushman Bharat (PM-JAY) card and DOTS follow-up',
            due: '2026-06-29',
            outcome: done(15, 'PM-JAY card issued; treatment on track'),
          },
        ],
      },
      {
        subject: { general: true },
        decision: 'Reports of children working at brick kilns near Chandur Bazar.',
        actions: [
          {
            dept: 'LABOUR',
            domain: 'protection_safety',
            text: 'Inspect the brick kilns near Chandur Bazar with the district task force',
            due: '2026-07-08',
            outcome: done(12, 'Four kilns inspected; two children found and sent home'),
          },
        ],
      },
    ],
  },
  {
    date: '2026-07-06',
    absent: ['POLICE', 'RURAL_DEVELOPMENT', 'SOCIAL_JUSTICE', 'PANCHAYAT'],
    minutes: 'Orphaned children with grandparents and the begging group at the bus stand were reviewed.',
    discussions: [
      {
        subject: { family: fam('Jalka', 'both_parents_dead', 0) },
        decision: 'Orphaned children living with their grandmother: certificates, then sponsorship.',
        actions: [
          {
            dept: 'REVENUE',
            domain: 'legal_aid_documents',
            text: "Certified copies of the parents' death certificates",
            due: '2026-07-31',
            outcome: done(20, 'Certificates issued'),
          },
          {
            dept: 'DCPU',
            domain: 'alternative_care',
            text: 'Sponsorship proposal (Mission Vatsalya) to the Sponsorship and Foster Care Approval Committee',
            due: '2026-08-14',
            outcome: done(-4, 'Sponsorship approved, ₹4,000 a month'),
          },
        ],
      },
      {
        subject: { family: fam('Rajura', 'begging', 1) },
        decision: 'Children taken to beg at the Amravati bus stand.',
        actions: [
          {
            dept: 'POLICE',
            domain: 'protection_safety',
            text: 'SJPU to trace the adults taking children to beg at the bus stand',
            due: '2026-08-05',
            outcome: { blockedAfter: 57, reason: 'No complaint registered yet; the family will not name anyone' },
          },
          {
            dept: 'DCPU',
            domain: 'family_strengthening',
            text: 'Counselling and a family-strengthening plan',
            due: '2026-07-27',
            outcome: done(-3, 'Plan agreed with the mother; weekly visits by the NGO'),
          },
        ],
      },
      {
        subject: { family: fam('Wadali', 'seasonal_migration', 0) },
        decision: 'Parents migrate for work; children left with grandparents.',
        actions: [
          {
            dept: 'LABOUR',
            domain: 'livelihood',
            text: 'Register the parents with the construction workers’ welfare board; check the contractor',
            due: '2026-08-06',
            outcome: null,
          },
          {
            dept: 'EDUCATION',
            domain: 'education',
            text: 'Seasonal hostel place for the children',
            due: '2026-07-31',
            outcome: done(5, 'Both children admitted to the seasonal hostel'),
          },
        ],
      },
      {
        subject: { family: fam('Kurha', 'suicide_in_family', 0) },
        decision: 'Widowed mother without work; elder child due for a scholarship.',
        actions: [
          {
            dept: 'RURAL_DEVELOPMENT',
            domain: 'livelihood',
            text: 'MGNREGA job card for the mother',
            due: '2026-07-27',
            outcome: done(-5, 'Job card issued; 40 days of work given'),
          },
          {
            dept: 'SOCIAL_JUSTICE',
            domain: 'education',
            text: 'Pre-matric scholarship for the elder child',
            due: '2026-08-31',
            outcome: done(-6, 'Scholarship sanctioned'),
          },
        ],
      },
    ],
  },
  {
    date: '2026-08-03',
    absent: ['EDUCATION', 'HEALTH', 'LABOUR', 'REVENUE'],
    minutes: 'The Rajura Bal Panchayat’s issue came to the group. Violence in a Dhamak family was taken up.',
    discussions: [
      {
        subject: { issue: 'girls_bus' },
        decision: 'Restore the bus halt and give the girls bicycles; the VCPC to watch attendance.',
        actions: [
          {
            dept: 'EDUCATION',
            domain: 'education',
            text: 'Bicycles for the girls under the Manav Vikas Mission',
            due: '2026-08-31',
            outcome: done(12, 'Bicycles given to three girls'),
          },
          {
            dept: 'PANCHAYAT',
            domain: 'education',
            text: 'Ask MSRTC to restore the school bus halt at Rajura',
            due: '2026-08-24',
            outcome: done(-3, 'Halt restored from 1 September'),
          },
        ],
      },
      {
        subject: { family: fam('Dhamak', 'addiction', 0) },
        decision: "Father's alcohol use; the mother reports violence.",
        actions: [
          {
            dept: 'HEALTH',
            domain: 'psychosocial',
            text: 'De-addiction referral to the district hospital (DMHP)',
            due: '2026-08-24',
            outcome: done(9, 'Father enrolled in the de-addiction programme'),
          },
          {
            dept: 'DLSA',
            domain: 'protection_safety',
            text: 'Protection order application under the DV Act through a panel lawyer',
            due: '2026-08-31',
            outcome: done(-3, 'Application filed; interim order granted'),
          },
          {
            dept: 'POLICE',
            domain: 'protection_safety',
            text: "Beat officer's home visit; record the mother's complaint",
            due: '2026-08-17',
            outcome: done(12, 'Visit made; complaint recorded'),
          },
        ],
      },
      {
        subject: { family: fam('Jalka', 'disability_or_chronic_illness', 0) },
        decision: 'Child with a disability and no certificate.',
        actions: [
          {
            dept: 'HEALTH',
            domain: 'health',
            text: 'UDID disability assessment at the district hospital',
            due: '2026-08-31',
            outcome: done(-3, 'Assessment done; UDID card applied for'),
          },
        ],
      },
    ],
  },
  {
    date: '2026-09-07',
    absent: ['LABOUR', 'RURAL_DEVELOPMENT'],
    minutes: 'Documents for the Pardhi families, legal aid for an imprisoned parent, and a COVID-19 orphan.',
    discussions: [
      {
        subject: { family: fam('Rajura', 'no_documents', 2) },
        decision: 'No ration card: the family buys grain at market prices.',
        actions: [
          {
            dept: 'REVENUE',
            domain: 'social_protection',
            text: 'Antyodaya ration card for the family',
            due: '2026-10-05',
            outcome: { blockedAfter: 43, reason: 'Needs proof of residence; the Gram Panchayat certificate is awaited' },
          },
          {
            dept: 'PANCHAYAT',
            domain: 'legal_aid_documents',
            text: 'Residence certificate from the Gram Panchayat',
            due: '2026-09-30',
            outcome: done(15, 'Certificate issued'),
          },
        ],
      },
      {
        subject: { family: fam('Wadali', 'parent_imprisoned', 0) },
        decision: 'Father in prison; mother alone with the children.',
        actions: [
          {
            dept: 'DLSA',
            domain: 'legal_aid_documents',
            text: "Legal aid for the father's bail hearing; explain the case to the mother",
            due: '2026-09-30',
            outcome: done(-6, 'Bail hearing attended by the panel lawyer'),
          },
          {
            dept: 'DWCD',
            domain: 'family_strengthening',
            text: 'Bal Sangopan proposal (parent imprisoned)',
            due: '2026-09-28',
            outcome: done(-3, 'Proposal sanctioned'),
          },
        ],
      },
      {
        subject: { family: fam('Kurha', 'single_parent', 2) },
        decision: 'Father died of COVID-19 in 2021.',
        actions: [
          {
            dept: 'DCPU',
            domain: 'social_protection',
            text: 'PM CARES for Children: check eligibility and apply',
            due: '2026-10-07',
            outcome: done(-6, 'Eligibility checked; application forwarded'),
          },
          {
            dept: 'EDUCATION',
            domain: 'education',
            text: 'RTE 25% admission for the younger child',
            due: '2026-10-15',
            outcome: done(-1, 'Admitted to a private school under RTE'),
          },
        ],
      },
      {
        subject: { general: true },
        decision: 'The kiln inspection report has not been received.',
        actions: [
          {
            dept: 'LABOUR',
            domain: 'protection_safety',
            text: 'Send the kiln inspection report and the list of children rescued',
            due: '2026-09-30',
            outcome: null,
          },
        ],
      },
    ],
  },
  {
    date: '2026-10-05',
    absent: ['LABOUR', 'POLICE', 'HEALTH'],
    minutes: 'A family in distress raised by the Kurha Bal Panchayat and escalated by the VCPC.',
    discussions: [
      {
        subject: { issue: 'family_distress' },
        decision: 'Income support for the family and Bal Sangopan for the children; the mother to join a self-help group.',
        actions: [
          {
            dept: 'REVENUE',
            domain: 'social_protection',
            text: 'National Family Benefit Scheme (₹20,000) application',
            due: '2026-11-15',
            outcome: null,
          },
          {
            dept: 'DWCD',
            domain: 'family_strengthening',
            text: 'Bal Sangopan proposal for the children',
            due: '2026-10-26',
            outcome: done(-4, 'Proposal sanctioned'),
          },
          {
            dept: 'RURAL_DEVELOPMENT',
            domain: 'livelihood',
            text: 'Enrol the mother in a UMED self-help group',
            due: '2026-11-05',
            outcome: done(-2, 'Joined the Savitribai SHG'),
          },
        ],
      },
      {
        subject: { family: fam('Dhamak', 'disability_or_chronic_illness', 0) },
        decision: "Parent's chronic illness; children's health to be watched.",
        actions: [
          {
            dept: 'HEALTH',
            domain: 'health',
            text: 'Monthly RBSK check-ups for the children',
            due: '2026-10-26',
            outcome: done(-3, 'Check-ups done; one child treated for anaemia'),
          },
          {
            dept: 'SOCIAL_JUSTICE',
            domain: 'education',
            text: 'Government hostel admission for the elder child',
            due: '2026-11-30',
            outcome: null,
          },
        ],
      },
      {
        subject: { family: fam('Jalka', 'seasonal_migration', 0) },
        decision: 'Family leaves for the kilns in November.',
        actions: [
          {
            dept: 'EDUCATION',
            domain: 'education',
            text: 'Migration card so the children can attend school near the kiln',
            due: '2026-10-31',
            outcome: done(-2, 'Migration cards issued'),
          },
        ],
      },
    ],
  },
  {
    date: '2026-11-02',
    absent: ['LABOUR', 'SOCIAL_JUSTICE'],
    minutes: 'Follow-up on the Pardhi families; a complaint of violence in Wadali.',
    discussions: [
      {
        subject: { family: fam('Rajura', 'no_documents', 0) },
        decision: 'Certificates are in place: link the children to Bal Sangopan; health camp at the beda.',
        actions: [
          {
            dept: 'DCPU',
            domain: 'family_strengthening',
            text: 'Bal Sangopan proposal now that the certificates are in place',
            due: '2026-11-30',
            outcome: null,
          },
          {
            dept: 'HEALTH',
            domain: 'health',
            text: 'Health check-up camp at the beda (RBSK)',
            due: '2026-11-20',
            outcome: done(-1, 'Camp held; 23 children examined'),
          },
        ],
      },
      {
        subject: { family: fam('Wadali', 'domestic_violence', 0) },
        decision: 'Mother reports violence at home.',
        actions: [
          {
            dept: 'POLICE',
            domain: 'protection_safety',
            text: "Register the mother's complaint and counsel the father",
            due: '2026-11-16',
            outcome: null,
          },
          {
            dept: 'DLSA',
            domain: 'legal_aid_documents',
            text: 'Legal literacy session for the mother with the para-legal volunteer',
            due: '2026-11-25',
            outcome: null,
          },
        ],
      },
      {
        subject: { family: fam('Kurha', 'suicide_in_family', 0) },
        decision: 'Children need school things; scholarship renewal needs an income certificate.',
        actions: [
          {
            dept: 'EDUCATION',
            domain: 'education',
            text: 'Stationery and uniform under Samagra Shiksha',
            due: '2026-11-24',
            outcome: null,
          },
          {
            dept: 'REVENUE',
            domain: 'legal_aid_documents',
            text: 'Income certificate for the scholarship renewal',
            due: '2026-11-30',
            outcome: null,
          },
        ],
      },
    ],
  },
];

const BLOCK_MEETINGS: MeetingSpec[] = [
  {
    date: '2026-09-15',
    absent: [],
    minutes: 'First meeting of the block group; the Rajura VCPC to meet monthly.',
    discussions: [
      {
        subject: { family: fam('Rajura', 'no_documents', 3) },
        decision: 'Children without Aadhaar.',
        actions: [
          {
            dept: 'EDUCATION',
            domain: 'legal_aid_documents',
            text: 'Aadhaar enrolment camp at the Rajura school',
            due: '2026-10-10',
            outcome: done(-2, 'Camp held; 31 children enrolled'),
          },
        ],
      },
      {
        subject: { general: true },
        decision: 'The Rajura VCPC has not met since March.',
        actions: [
          {
            dept: 'PANCHAYAT',
            domain: 'protection_safety',
            text: 'Convene the Rajura VCPC every month',
            due: '2026-09-30',
            outcome: done(-1, 'VCPC met on 29 September'),
          },
        ],
      },
    ],
  },
  {
    date: '2026-10-13',
    absent: ['POLICE'],
    minutes: 'Anaemia among adolescent girls at the beda.',
    discussions: [
      {
        subject: { family: fam('Rajura', 'nomadic_denotified_tribe', 4) },
        decision: 'Adolescent girls look anaemic.',
        actions: [
          {
            dept: 'HEALTH',
            domain: 'nutrition',
            text: 'Anaemia screening and iron supplements for adolescent girls at the beda',
            due: '2026-11-10',
            outcome: done(2, 'Screening done; 14 girls on supplements'),
          },
        ],
      },
    ],
  },
  {
    date: '2026-11-10',
    absent: ['HEALTH'],
    minutes: 'Evening child labour at the kilns reported informally.',
    discussions: [
      {
        subject: { general: true },
        decision: 'Patrol the kiln road in the evenings until the Bal Panchayat issue reaches the district.',
        actions: [
          { dept: 'POLICE', domain: 'protection_safety', text: 'Evening patrol near the brick kilns', due: '2026-11-30', outcome: null },
        ],
      },
    ],
  },
];

const ist = (d: IsoDate, hhmm = '11:00') => new Date(`${d}T${hhmm}:00+05:30`);

interface FamilyInfo {
  id: string;
  villageId: string | null;
  village: string;
  factors: string[];
  districtCode: number;
  blockCode: number | null;
}

/** Seeds the convergence demo once (when no convergence group exists yet). */
export async function seedConvergence(database: Database, opts: { log?: (s: string) => void } = {}): Promise<boolean> {
  const db = database.db;
  const [existing] = await db.select({ id: convergenceGroup.id }).from(convergenceGroup).limit(1);
  if (existing) return false;
  const counts = await db.transaction(async (tx) => seed(tx));
  await audit(db, null, 'seed', 'system', null, null, { dataset: 'amravati-convergence', ...counts });
  opts.log?.(
    `Demo: convergence groups (district ${counts.districtSeats} seats, block ${counts.blockSeats}), ${counts.meetings} meetings, ${counts.actions} actions`,
  );
  return true;
}

async function seed(tx: Db) {
  // Organisations the groups need, beside the demo's.
  const orgByName = new Map<string, string>();
  for (const o of await tx.select({ id: organisation.id, name: organisation.name }).from(organisation)) orgByName.set(o.name, o.id);
  for (const o of ORGS) {
    const [row] = await tx
      .insert(organisation)
      .values({ name: o.name, kind: o.kind, level: 'district', placeId: 'di:468', stateCode: 27, districtCode: 468 })
      .returning({ id: organisation.id });
    orgByName.set(o.key, row.id);
  }
  const users = new Map((await tx.select({ id: appUser.id, username: appUser.username }).from(appUser)).map((u) => [u.username, u.id]));
  const [dcpoUser] = await tx.select().from(appUser).where(eq(appUser.username, 'dcpo.amravati'));
  const [dcpuOrg] = await tx.select().from(organisation).where(eq(organisation.id, dcpoUser.organisationId!));
  const system: Actor = {
    userId: dcpoUser.id,
    username: dcpoUser.username,
    displayName: dcpoUser.displayName,
    role: dcpoUser.role as Role,
    organisationId: dcpoUser.organisationId,
    organisationKind: dcpuOrg.kind,
    scope: { level: 'district', stateCode: 27, districtCode: 468 },
  };

  // Families of the district, by village and vulnerability factor (deterministic order).
  const fams: FamilyInfo[] = (
    await tx
      .select({
        id: family.id,
        villageId: family.villageId,
        village: location.name,
        factors: family.vulnerabilityFactors,
        districtCode: family.districtCode,
        blockCode: family.blockCode,
        head: family.headName,
      })
      .from(family)
      .innerJoin(location, eq(location.id, family.villageId))
      .where(eq(family.districtCode, 468))
      .orderBy(asc(location.name), asc(family.headName), asc(family.id))
  ).map((f) => ({
    id: f.id,
    villageId: f.villageId,
    village: f.village,
    factors: f.factors,
    districtCode: f.districtCode,
    blockCode: f.blockCode,
  }));
  const findFamily = (k: FamilyKey): FamilyInfo => {
    const list = fams.filter((f) => f.village === k.village && f.factors.includes(k.factor));
    const pool = list.length ? list : fams.filter((f) => f.village === k.village);
    return pool[k.nth % pool.length];
  };
  const kids = await tx
    .select({ id: child.id, familyId: child.familyId, schoolStatus: child.schoolStatus, disability: child.disability })
    .from(child)
    .where(
      inArray(
        child.familyId,
        fams.map((f) => f.id),
      ),
    );

  // Bal Panchayat issues.
  const villages = new Map(
    (
      await tx
        .select()
        .from(location)
        .where(and(eq(location.level, 'village'), eq(location.districtCode, 468)))
    ).map((v) => [v.name, v]),
  );
  const issueIds = new Map<string, { id: string; familyId: string | null }>();
  for (const i of ISSUES) {
    const v = villages.get(i.village)!;
    const f = 'family' in i && i.family ? findFamily(i.family) : null;
    const [row] = await tx
      .insert(balPanchayatIssue)
      .values({
        stateCode: 27,
        districtCode: 468,
        subdistrictCode: v.subdistrictCode,
        blockCode: v.blockCode,
        villageId: v.id,
        councilName: `Bal Panchayat, ${v.name}`,
        category: i.category,
        summary: i.summary,
        raisedOn: i.raisedOn,
        raisedBy: users.get('aww.rajura') ?? null,
        familyId: f?.id ?? null,
        status: i.status,
        escalatedOn: 'escalatedOn' in i ? i.escalatedOn : null,
        escalationReason: 'escalationReason' in i ? i.escalationReason : null,
        resolvedOn: 'resolvedOn' in i ? i.resolvedOn : null,
        resolvedBy: 'resolvedBy' in i ? i.resolvedBy : null,
        outcome: 'outcome' in i ? i.outcome : null,
        createdAt: ist(i.raisedOn, '17:00'),
      })
      .returning({ id: balPanchayatIssue.id });
    issueIds.set(i.key, { id: row.id, familyId: f?.id ?? null });
  }

  const rajura = villages.get('Rajura')!;
  const groups = [
    {
      values: {
        stateCode: 27,
        districtCode: 468,
        level: 'district' as const,
        name: 'Amravati District Convergence Group',
        nameLocal: 'अमरावती जिल्हा अभिसरण गट',
        meetingFrequency: 'monthly' as const,
        anchorDepartments: ['DWCD', 'DLSA'],
        balPanchayatAfterDays: 30,
        createdAt: ist('2026-05-20'),
      },
      seats: DISTRICT_SEATS,
      meetings: DISTRICT_MEETINGS,
      next: '2026-12-07',
      since: '2026-05-20',
    },
    {
      values: {
        stateCode: 27,
        districtCode: 468,
        subdistrictCode: rajura.subdistrictCode,
        blockCode: rajura.blockCode,
        level: 'block' as const,
        name: 'Chandur Bazar Block Convergence Group',
        nameLocal: 'चांदूर बाजार तालुका अभिसरण गट',
        meetingFrequency: 'monthly' as const,
        anchorDepartments: ['DWCD', 'RURAL_DEVELOPMENT'],
        balPanchayatAfterDays: 21,
        createdAt: ist('2026-09-01'),
      },
      seats: BLOCK_SEATS,
      meetings: BLOCK_MEETINGS,
      next: '2026-12-15',
      since: '2026-09-01',
    },
  ];
  const counts = { districtSeats: 0, blockSeats: 0, meetings: 0, actions: 0 };
  for (const g of groups) {
    const [group] = await tx
      .insert(convergenceGroup)
      .values({ ...g.values, createdBy: dcpoUser.id })
      .returning();
    const members: MemberRow[] = await tx
      .insert(convergenceMember)
      .values(
        g.seats.map(([, dept, name, designation, org, roles, username]) => ({
          groupId: group.id,
          stateCode: 27,
          districtCode: 468,
          department: dept,
          name,
          designation,
          roles,
          organisationId: orgByName.get(org) ?? null,
          userId: username ? (users.get(username) ?? null) : null,
          since: g.since,
          email: null,
          phone: null,
        })),
      )
      .returning();
    if (group.level === 'district') counts.districtSeats = members.length;
    else counts.blockSeats = members.length;
    const chair = members.find((m) => m.roles.includes('chair'))!;

    for (const [mi, spec] of g.meetings.entries()) {
      const [meeting] = await tx
        .insert(convergenceMeeting)
        .values({
          groupId: group.id,
          stateCode: 27,
          districtCode: 468,
          subdistrictCode: group.subdistrictCode,
          blockCode: group.blockCode,
          meetingDate: spec.date,
          status: 'scheduled',
          chairMemberId: chair.id,
          venue: group.level === 'district' ? 'Collectorate meeting hall, Amravati' : 'Panchayat Samiti hall, Chandur Bazar',
          createdBy: dcpoUser.id,
          createdAt: ist(addDays(spec.date, -20)),
        })
        .returning();
      // Attendance: a department listed absent sent nobody; others came, though not every seat every time.
      const marks = members.map((m, k) => ({
        meetingId: meeting.id,
        memberId: m.id,
        present:
          !spec.absent.includes(m.department as DepartmentKind) &&
          (m.roles.includes('chair') ||
            m.roles.includes('secretary') ||
            m.userId !== null ||
            (k + mi) % 3 !== 0 ||
            !members.some((x) => x.id !== m.id && x.department === m.department)),
      }));
      // Make sure every present department has someone present.
      for (const d of new Set(members.map((m) => m.department))) {
        if (spec.absent.includes(d as DepartmentKind)) continue;
        if (!marks.some((x, k) => x.present && members[k].department === d))
          marks[members.findIndex((m) => m.department === d)].present = true;
      }
      await tx.insert(convergenceAttendance).values(marks);
      const src = await agendaSources(tx, system, group, { id: meeting.id, date: spec.date });
      const agenda = buildAgenda(src.inputs);
      const guests =
        group.level === 'district' && spec.discussions.some((d) => 'issue' in d.subject)
          ? [{ name: 'Bal Panchayat representatives (2)', note: 'with the VCPC member' }]
          : [];
      await tx
        .update(convergenceMeeting)
        .set({
          status: 'held',
          agenda,
          heldAt: ist(spec.date, '13:00'),
          minutes: spec.minutes,
          minutedAt: ist(addDays(spec.date, 2), '16:00'),
          noteSentAt: ist(addDays(spec.date, 2), '16:05'),
          guests,
          version: 4,
        })
        .where(eq(convergenceMeeting.id, meeting.id));
      counts.meetings++;

      for (const d of spec.discussions) {
        let familyId: string | null = null;
        let childId: string | null = null;
        let issueId: string | null = null;
        if ('family' in d.subject) {
          const f = findFamily(d.subject.family);
          familyId = f.id;
          if (d.subject.child) {
            const want = d.subject.child;
            const k =
              kids.find((c) => c.familyId === f.id && (want === 'out_of_school' ? c.schoolStatus === 'out_of_school' : c.disability)) ??
              kids.find((c) => c.familyId === f.id);
            childId = k?.id ?? null;
          }
        } else if ('issue' in d.subject) {
          const i = issueIds.get(d.subject.issue)!;
          issueId = i.id;
          familyId = i.familyId;
        }
        const caseRef = subjectRef({ familyId, childId, issueId });
        const [disc] = await tx
          .insert(convergenceDiscussion)
          .values({
            meetingId: meeting.id,
            groupId: group.id,
            stateCode: 27,
            districtCode: 468,
            blockCode: group.blockCode,
            caseRef,
            familyId,
            childId,
            issueId,
            decision: d.decision,
            createdBy: dcpoUser.id,
            createdAt: ist(spec.date, '12:00'),
          })
          .returning();
        for (const a of d.actions) {
          const owner = members.find((m) => m.department === a.dept)!;
          const events: ActionEvent[] = [];
          const o = a.outcome;
          if (o && 'blockedAfter' in o) {
            events.push({ type: 'block', on: addDays(spec.date, o.blockedAfter), by: owner.id, reason: o.reason });
            if (o.done) events.push({ type: 'complete', on: o.done.on, by: owner.id, result: o.done.result });
          } else if (o) events.push({ type: 'complete', on: addDays(a.due, o.done), by: owner.id, result: o.result });
          const state = actionState({ events });
          const [row] = await tx
            .insert(convergenceAction)
            .values({
              groupId: group.id,
              meetingId: meeting.id,
              discussionId: disc.id,
              stateCode: 27,
              districtCode: 468,
              blockCode: group.blockCode,
              caseRef,
              familyId,
              childId,
              issueId,
              domain: a.domain,
              description: a.text,
              department: a.dept,
              organisationId: a.dept === 'NGO' ? owner.organisationId : null,
              officerMemberId: owner.id,
              officer: [owner.name, owner.designation].filter(Boolean).join(', '),
              assignedOn: spec.date,
              dueDate: a.due,
              status: state.status,
              doneOn: state.doneOn ?? null,
              result: state.result ?? null,
              blockedReason: state.blockedReason ?? null,
              lastEventOn: events.at(-1)?.on ?? null,
              version: 1 + events.length,
              createdBy: dcpoUser.id,
              createdAt: ist(spec.date, '12:05'),
            })
            .returning({ id: convergenceAction.id });
          if (events.length) {
            await tx.insert(convergenceActionEvent).values(
              events.map((e, k) => ({
                actionId: row.id,
                seq: k + 1,
                type: e.type,
                eventOn: e.on,
                byPerson: e.by,
                byUserId: owner.userId,
                text: e.type === 'complete' ? e.result : e.reason,
                stateCode: 27,
                districtCode: 468,
                recordedAt: ist(e.on, '15:00'),
              })),
            );
          }
          counts.actions++;
        }
      }
    }
    // The next meeting, scheduled.
    await tx.insert(convergenceMeeting).values({
      groupId: group.id,
      stateCode: 27,
      districtCode: 468,
      subdistrictCode: group.subdistrictCode,
      blockCode: group.blockCode,
      meetingDate: g.next,
      status: 'scheduled',
      chairMemberId: chair.id,
      venue: group.level === 'district' ? 'Collectorate meeting hall, Amravati' : 'Panchayat Samiti hall, Chandur Bazar',
      createdBy: dcpoUser.id,
      createdAt: ist(g.meetings.at(-1)!.date, '16:00'),
    });
  }
  return counts;
}
