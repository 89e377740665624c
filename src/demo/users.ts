import type { Role } from '../access/roles';

/** Demo users, listed in the README. One password for all so a newcomer can try every role. */
export const DEMO_PASSWORD = 'vatsalya2026';

/** `place`: the LGD place the organisation sits at ('village:Name' for a demo village). */
export const DEMO_ORGS = [
  { key: 'dcpu_amravati', name: 'DCPU Amravati', kind: 'DCPU', place: 'di:468' },
  { key: 'dcpu_akola', name: 'DCPU Akola', kind: 'DCPU', place: 'di:467' },
  { key: 'cwc_amravati', name: 'Child Welfare Committee, Amravati', kind: 'CWC', place: 'di:468' },
  { key: 'dwcd_mh', name: 'Women & Child Development, Maharashtra', kind: 'DWCD', place: 'st:27' },
  { key: 'dlsa_amravati', name: 'District Legal Services Authority, Amravati', kind: 'DLSA', place: 'di:468' },
  { key: 'edu_amravati', name: 'Education Department (ZP), Amravati', kind: 'EDUCATION', place: 'di:468' },
  { key: 'health_amravati', name: 'District Health Office, Amravati', kind: 'HEALTH', place: 'di:468' },
  { key: 'police_amravati', name: 'Amravati Rural Police (SJPU)', kind: 'POLICE', place: 'di:468' },
  { key: 'ngo_cfe', name: 'Care Collective Center for Excellence', kind: 'NGO', place: 'di:468' },
  { key: 'icds_rajura', name: 'Anganwadi Centre, Rajura', kind: 'DWCD', place: 'village:Rajura' },
  { key: 'helpline_amravati', name: 'District Child Helpline Unit 1098, Amravati', kind: 'DCPU', place: 'di:468' },
  // The state tier (JJ Act 2015 s.106): receives the cases districts escalate to the state.
  { key: 'scps_mh', name: 'State Child Protection Society, Maharashtra', kind: 'SCPS', place: 'st:27' },
] as const;

export type DemoOrgKey = (typeof DEMO_ORGS)[number]['key'];

export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  org: DemoOrgKey | null;
  jurisdiction: string | null;
  language?: string;
}[] = [
  { username: 'admin', displayName: 'State Administrator', role: 'admin', org: 'dwcd_mh', jurisdiction: 'st:27' },
  {
    username: 'dcpo.amravati',
    displayName: 'Sunita Deshmukh (DCPO Amravati)',
    role: 'dcpu_officer',
    org: 'dcpu_amravati',
    jurisdiction: 'di:468',
  },
  { username: 'dcpo.akola', displayName: 'Rajesh Tayade (DCPO Akola)', role: 'dcpu_officer', org: 'dcpu_akola', jurisdiction: 'di:467' },
  {
    username: 'cwc.amravati',
    displayName: 'Adv. Meena Raut (CWC Amravati)',
    role: 'cwc_member',
    org: 'cwc_amravati',
    jurisdiction: 'di:468',
  },
  {
    username: 'caseworker.amravati',
    displayName: 'Pradnya Ingle (Social Worker)',
    role: 'caseworker',
    org: 'dcpu_amravati',
    jurisdiction: 'di:468',
    language: 'mr',
  },
  {
    username: 'caseworker.akola',
    displayName: 'Nilesh Gawande (Social Worker)',
    role: 'caseworker',
    org: 'dcpu_akola',
    jurisdiction: 'di:467',
  },
  {
    username: 'ngo.amravati',
    displayName: 'Farhan Shaikh (CFE Caseworker)',
    role: 'ngo_caseworker',
    org: 'ngo_cfe',
    jurisdiction: 'di:468',
  },
  {
    username: 'nodal.education',
    displayName: 'Anil Wankhede (Education Nodal Officer)',
    role: 'nodal_officer',
    org: 'edu_amravati',
    jurisdiction: 'di:468',
  },
  {
    username: 'nodal.health',
    displayName: 'Dr. Kavita Meshram (Health Nodal Officer)',
    role: 'nodal_officer',
    org: 'health_amravati',
    jurisdiction: 'di:468',
  },
  {
    username: 'aww.rajura',
    displayName: 'Mangala Pawar (Anganwadi Worker, Rajura)',
    role: 'frontline_worker',
    org: 'icds_rajura',
    jurisdiction: 'village:Rajura',
    language: 'mr',
  },
  {
    username: 'helpline.amravati',
    displayName: 'Sameer Khan (1098 Operator)',
    role: 'helpline_operator',
    org: 'helpline_amravati',
    jurisdiction: 'di:468',
  },
  {
    username: 'dlsa.amravati',
    displayName: 'Adv. Ashok Kulkarni (Secretary, DLSA Amravati)',
    role: 'nodal_officer',
    org: 'dlsa_amravati',
    jurisdiction: 'di:468',
  },
  { username: 'auditor.mh', displayName: 'State Audit Cell', role: 'auditor', org: 'dwcd_mh', jurisdiction: 'st:27' },
  {
    username: 'scps.mh',
    displayName: 'Vaishali Kamble (Programme Manager, SCPS Maharashtra)',
    role: 'scps_officer',
    org: 'scps_mh',
    jurisdiction: 'st:27',
  },
  {
    username: 'admin.amravati',
    displayName: 'District Administrator, Amravati',
    role: 'admin',
    org: 'dcpu_amravati',
    jurisdiction: 'di:468',
  },
];
