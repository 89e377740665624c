/**
 * Fixtures for the convergence tests and for rendering sample notes: a district group
 * modelled on the Amravati convergence group (DLSA Secretary in the chair, DCPU as
 * secretary), its monthly meetings and the responsibilities they assigned. All names are
 * invented.
 */
import type { ActionEvent, ActionItem } from './actions';
import type { CaseIdentity } from './division-of-labour';
import type { ConvergenceGroup, Meeting } from './group';
import type { DepartmentKind, IsoDate } from './types';

export const GROUP: ConvergenceGroup = {
  id: 'grp-amravati',
  name: 'Amravati District Convergence Group',
  level: 'district',
  areaCode: '468',
  members: [
    { personId: 'p-dlsa', name: 'Adv. Ashok Kulkarni', designation: 'Secretary, DLSA', department: 'DLSA', roles: ['chair'] },
    { personId: 'p-dcpu', name: 'Sunita Deshmukh', designation: 'DCPO', department: 'DCPU', roles: ['secretary'] },
    { personId: 'p-dwcd', name: 'Rekha Patil', designation: 'DWCDO', department: 'DWCD', roles: ['member'] },
    { personId: 'p-health', name: 'Dr. Kavita Meshram', designation: 'RBSK nodal officer', department: 'HEALTH', roles: ['member'] },
    { personId: 'p-edu', name: 'Anil Wankhede', designation: 'Education Officer (Primary)', department: 'EDUCATION', roles: ['member'] },
    { personId: 'p-rev', name: 'Sachin Tayade', designation: 'Naib Tahsildar', department: 'REVENUE', roles: ['member'] },
    {
      personId: 'p-labour',
      name: 'Mohan Ingle',
      designation: 'Labour Officer',
      department: 'LABOUR',
      roles: ['member'],
      since: '2025-02-01',
    },
  ],
};

export function meeting(id: string, date: IsoDate, present: string[], extra: Partial<Meeting> = {}): Meeting {
  return {
    id,
    groupId: GROUP.id,
    date,
    status: 'held',
    chairPersonId: 'p-dlsa',
    attendance: GROUP.members
      .filter((m) => (m.since ?? '') <= date)
      .map((m) => ({ personId: m.personId, present: present.includes(m.personId) })),
    ...extra,
  };
}

let seq = 0;
export function action(
  department: DepartmentKind,
  fields: Partial<ActionItem> & { dueDate: IsoDate },
  events: ActionEvent[] = [],
): ActionItem {
  seq += 1;
  return {
    id: fields.id ?? `act-${seq}`,
    groupId: GROUP.id,
    meetingId: fields.meetingId ?? 'm-2025-03',
    assignedOn: fields.assignedOn ?? '2025-03-03',
    description: fields.description ?? `Action ${seq}`,
    department,
    events,
    ...fields,
  };
}

export const done = (on: IsoDate, by = 'p-x', result = 'done'): ActionEvent => ({ type: 'complete', on, by, result });
export const blocked = (on: IsoDate, reason: string, by = 'p-x'): ActionEvent => ({ type: 'block', on, by, reason });
export const reopened = (on: IsoDate, reason: string, by = 'p-x'): ActionEvent => ({ type: 'reopen', on, by, reason });

/** The March meeting: everyone but Labour and Revenue came. */
export const MARCH = meeting('m-2025-03', '2025-03-03', ['p-dlsa', 'p-dcpu', 'p-dwcd', 'p-health', 'p-edu'], {
  guests: [{ name: 'Bal Panchayat, Rajura (2 members)' }],
});
export const FEBRUARY = meeting('m-2025-02', '2025-02-03', ['p-dlsa', 'p-dcpu', 'p-dwcd', 'p-edu']);

export const CASES: CaseIdentity[] = [
  { caseRef: 'AMR/CNCP/2025/0012', child: { name: 'Dnyaneshwari Patil', nameLocal: 'ज्ञानेश्वरी पाटील', age: 13, village: 'Rajura' } },
  { caseRef: 'AMR/CNCP/2025/0019', child: { name: 'Rohit Shinde', nameLocal: 'रोहित शिंदे', age: 9, village: 'Karajgaon' } },
  {
    caseRef: 'AMR/CNCP/2024/0007',
    child: { name: 'Kshitija More', nameLocal: null, age: 15, village: 'Rajura' },
    nonDisclosureOrder: { orderRef: 'CWC/AMR/2024/88', orderedOn: '2024-11-02' },
  },
];

type Lang = 'en' | 'mr';
const TEXT: Record<string, Record<Lang, string>> = {
  deathCert: { en: "Obtain the father's death certificate and caste certificate", mr: 'वडिलांचे मृत्यू प्रमाणपत्र व जातीचे प्रमाणपत्र मिळवून देणे' },
  school: { en: 'Re-admit to school; provide books and a bicycle', mr: 'शाळेत पुनर्प्रवेश; वह्या-पुस्तके व सायकल देणे (शिक्षण साहित्य)' },
  rbsk: { en: 'RBSK screening and treatment for anaemia', mr: 'आरबीएसके तपासणी व रक्तक्षय उपचार' },
  sangopan: { en: 'Submit the Bal Sangopan Yojana proposal', mr: 'बाल संगोपन योजनेचा प्रस्ताव सादर करणे' },
  papers: { en: 'Complete all documents and send the sponsorship proposal', mr: 'सार्‍या कागदपत्रांची पूर्तता करून प्रायोजकत्वाचा प्रस्ताव पाठवणे' },
  labour: { en: 'Inspect brick kilns near Rajura for child labour', mr: 'राजुरा परिसरातील वीटभट्ट्यांची बालमजुरीसाठी तपासणी' },
  carried: { en: 'Disability (UDID) assessment at the district hospital', mr: 'जिल्हा रुग्णालयात दिव्यांगत्व (UDID) प्रमाणपत्रासाठी तपासणी' },
};

/** Actions of the March meeting plus one carried over from February, texts in `lang`. */
export function noteActions(lang: Lang): ActionItem[] {
  const d = (k: string) => TEXT[k][lang];
  return [
    action('REVENUE', {
      id: 'a-rev',
      caseRef: 'AMR/CNCP/2025/0012',
      description: d('deathCert'),
      dueDate: '2025-03-31',
      officer: 'Sachin Tayade, Naib Tahsildar',
    }),
    action('EDUCATION', {
      id: 'a-edu',
      caseRef: 'AMR/CNCP/2025/0012',
      description: d('school'),
      dueDate: '2025-03-20',
      officer: 'Anil Wankhede',
    }),
    action('HEALTH', {
      id: 'a-health',
      caseRef: 'AMR/CNCP/2025/0019',
      description: d('rbsk'),
      dueDate: '2025-03-15',
      officer: 'Dr. Kavita Meshram',
    }),
    action('DCPU', {
      id: 'a-dcpu',
      caseRef: 'AMR/CNCP/2025/0019',
      description: d('sangopan'),
      dueDate: '2025-03-25',
      officer: 'Sunita Deshmukh',
    }),
    action('DWCD', {
      id: 'a-dwcd',
      caseRef: 'AMR/CNCP/2024/0007',
      description: d('papers'),
      dueDate: '2025-03-28',
      officer: 'Rekha Patil',
    }),
    action('LABOUR', { id: 'a-labour', description: d('labour'), dueDate: '2025-03-30', officer: 'Mohan Ingle' }),
    action('HEALTH', {
      id: 'a-feb',
      meetingId: 'm-2025-02',
      assignedOn: '2025-02-03',
      caseRef: 'AMR/CNCP/2024/0007',
      description: d('carried'),
      dueDate: '2025-02-25',
    }),
  ];
}
