// All-India schemes (state: null). Sources are the ministries' scheme
// guidelines; see each version's `source`.

import type { Rule } from '../rules';
import type { Scheme, Source } from '../scheme';

const PM_CARES: Source = {
  title:
    'PM CARES for Children Scheme guidelines (MWCD), extended by MWCD letter of Feb 2022: deaths from 11 Mar 2020 (WHO pandemic declaration) to 28 Feb 2022',
  url: 'https://pmcaresforchildren.in/',
  date: '2022-02-22',
  citation: 'PM CARES for Children guidelines (MWCD), eligibility',
  verification: 'secondary_source',
};
const PMC = 'PM CARES for Children guidelines: lost both parents, the surviving parent, a legal guardian or adoptive parents to COVID-19';

/** Lost to COVID-19 inside the window, before the child turned 18. */
function covidDeath(who: 'father' | 'mother' | 'guardian'): Rule {
  const cap = who[0].toUpperCase() + who.slice(1);
  return {
    all: [
      // A guardian's death is recorded only when there was one: not recorded = none.
      who === 'guardian'
        ? { fact: 'guardianDeathCause', op: 'eq', value: 'covid19', ifMissing: false }
        : { fact: `${who}DeathCause` as 'fatherDeathCause', op: 'eq', value: 'covid19' },
      { fact: `${who}DeathDate` as 'fatherDeathDate', op: 'within', from: '2020-03-11', to: '2022-02-28', source: PMC },
      // "should not have completed 18 years of age on the date of death"
      { fact: `ageAt${cap}Death` as 'ageAtFatherDeath', op: 'between', min: 0, max: 17.99, source: PMC },
    ],
  };
}

const pmCares: Scheme = {
  id: 'pm-cares-for-children',
  name: {
    en: 'PM CARES for Children',
    hi: 'पीएम केयर्स फॉर चिल्ड्रन योजना',
    mr: 'पीएम केअर्स फॉर चिल्ड्रन योजना',
  },
  department: 'Ministry of Women and Child Development; District Magistrate as guardian of the scheme locally',
  level: 'central',
  state: null,
  subject: 'child',
  channel: {
    mode: 'online',
    where: 'District Magistrate / DCPU via the PM CARES for Children portal',
    url: 'https://pmcaresforchildren.in/',
  },
  sources: [PM_CARES],
  versions: [
    {
      validFrom: '2021-05-29',
      // Closed to new enrolment on 28 February 2022 (issue #18): no longer suggested after it.
      // Children enrolled before then keep their benefits; the scheme is not "open" to new ones.
      validTo: '2022-02-28',
      benefit: {
        kind: 'in_kind',
        description:
          '₹10 lakh corpus at 23 (monthly stipend from 18), free education support, ₹5 lakh health cover under PM-JAY, ₹20,000 yearly scholarship',
        valueInr: 1000000,
        period: 'once',
      },
      source: PM_CARES,
      note: 'Enrolment closed on 28 February 2022. "Lost the surviving parent" is read as: both parents dead and the one who died last died of COVID-19 (derived fact lastParentDeathCause); the earlier death may be of any cause.',
      rules: {
        any: [
          // Both parents dead, and the one who died last (the surviving parent) died of COVID-19
          // in the window before the child turned 18: covers both parents lost to COVID-19 too.
          {
            all: [
              { fact: 'orphanStatus', op: 'eq', value: 'both_parents_dead', source: PMC },
              { fact: 'lastParentDeathCause', op: 'eq', value: 'covid19', source: PMC },
              { any: [covidDeath('father'), covidDeath('mother')] },
            ],
          },
          // Legal guardian, adoptive parent or single adoptive parent.
          covidDeath('guardian'),
        ],
      },
      documents: ['birth_certificate', 'aadhaar', 'parent_death_certificate', 'photo', 'bank_account'],
    },
  ],
};

const NSAP: Source = {
  title: 'National Social Assistance Programme guidelines (MoRD), revision effective 18 Oct 2012',
  url: 'https://nsap.nic.in/',
  date: '2012-10-18',
  citation: 'NSAP guidelines 2012 (MoRD)',
  verification: 'secondary_source',
};

const nfbs: Scheme = {
  id: 'nsap-nfbs',
  name: { en: 'National Family Benefit Scheme', hi: 'राष्ट्रीय परिवार लाभ योजना', mr: 'राष्ट्रीय कुटुंब लाभ योजना' },
  department: 'Ministry of Rural Development (NSAP); in Maharashtra through the Social Justice and Special Assistance Department',
  level: 'central',
  state: null,
  subject: 'family',
  channel: { mode: 'online_or_offline', where: 'Tehsil / block office; UMANG (NSAP)' },
  sources: [NSAP],
  versions: [
    {
      validFrom: '2012-10-18',
      validTo: null,
      benefit: { kind: 'cash', amount: 20000, period: 'once', note: 'to the surviving head of household' },
      source: NSAP,
      rules: {
        all: [
          { fact: 'bpl', op: 'isTrue' },
          // The benefit is paid on the death of the breadwinner: a family whose father and mother
          // are both recorded as living, with no breadwinner's death recorded, is not eligible
          // (issue #17 saw "may be eligible" for one). The breadwinner may be another member (a
          // grandparent), so a recorded age at death keeps the family in. The age at death is read
          // closed-world here (not recorded = no such death); the parents' status open-world.
          {
            any: [
              {
                not: {
                  all: [
                    { fact: 'fatherStatus', op: 'eq', value: 'alive' },
                    { fact: 'motherStatus', op: 'eq', value: 'alive' },
                  ],
                },
              },
              { fact: 'breadwinnerAgeAtDeath', op: 'gte', value: 0, ifMissing: false },
            ],
          },
          // "more than 18 years of age and less than 60": 18–59 completed years.
          { fact: 'breadwinnerAgeAtDeath', op: 'between', min: 18, max: 59.99 },
        ],
      },
      documents: ['parent_death_certificate', 'ration_card', 'aadhaar', 'bank_account'],
    },
  ],
};

const ignwps: Scheme = {
  id: 'nsap-ignwps',
  name: {
    en: 'Indira Gandhi National Widow Pension Scheme',
    hi: 'इंदिरा गांधी राष्ट्रीय विधवा पेंशन योजना',
    mr: 'इंदिरा गांधी राष्ट्रीय विधवा निवृत्तीवेतन योजना',
  },
  department: 'Ministry of Rural Development (NSAP); in Maharashtra through the Social Justice and Special Assistance Department',
  level: 'central',
  state: null,
  subject: 'caregiver',
  channel: { mode: 'online_or_offline', where: 'Tehsil / block office; UMANG (NSAP)' },
  sources: [NSAP],
  versions: [
    {
      validFrom: '2012-10-18',
      validTo: null,
      benefit: { kind: 'cash', amount: 300, period: 'monthly', note: 'central share; states add a top-up' },
      source: NSAP,
      note: 'In Maharashtra the ₹300 is paid with the state top-up as one pension of ₹1,500 under Sanjay Gandhi Niradhar (mh-sanjay-gandhi-niradhar-caregiver); suggesting both would count ₹1,800.',
      rules: {
        all: [
          // The caregiver is the child's mother, widowed: the father has died.
          { fact: 'fatherStatus', op: 'eq', value: 'dead', source: 'NSAP guidelines 2012, IGNWPS' },
          { fact: 'widowedMotherAge', op: 'between', min: 40, max: 79.99, source: 'NSAP guidelines 2012, IGNWPS' },
          { fact: 'bpl', op: 'isTrue', source: 'NSAP guidelines 2012, IGNWPS' },
          {
            not: {
              fact: 'stateCode',
              op: 'eq',
              value: 27,
              source: 'Maharashtra pays IGNWPS with its top-up as one pension (Sanjay Gandhi Niradhar)',
            },
          },
        ],
      },
      documents: ['parent_death_certificate', 'aadhaar', 'ration_card', 'bank_account', 'photo'],
    },
  ],
};

const PMJAY: Source = {
  title: 'Ayushman Bharat PM-JAY: SECC 2011 deprivation and occupational criteria; AAY families added',
  url: 'https://pmjay.gov.in/',
  date: '2018-09-23',
  citation: 'PM-JAY: SECC 2011 deprivation criteria; AAY',
  verification: 'secondary_source',
};

const pmjay: Scheme = {
  id: 'ab-pmjay',
  name: {
    en: 'Ayushman Bharat – Pradhan Mantri Jan Arogya Yojana',
    hi: 'आयुष्मान भारत – प्रधानमंत्री जन आरोग्य योजना',
    mr: 'आयुष्मान भारत – प्रधानमंत्री जन आरोग्य योजना',
  },
  department: 'National Health Authority; in Maharashtra with the State Health Assurance Society (MJPJAY)',
  level: 'central',
  state: null,
  subject: 'family',
  channel: { mode: 'online_or_offline', where: 'Empanelled hospital Arogya Mitra, CSC, or the Ayushman app', url: 'https://pmjay.gov.in/' },
  sources: [PMJAY],
  versions: [
    {
      validFrom: '2018-09-23',
      validTo: null,
      benefit: {
        kind: 'in_kind',
        description: 'cashless hospital cover up to ₹5,00,000 per family per year',
        valueInr: 500000,
        period: 'yearly',
      },
      source: PMJAY,
      note: 'SECC deprivation is taken as a recorded flag; BPL stands in where states extended cover to ration-card families.',
      rules: {
        any: [
          { fact: 'seccListed', op: 'isTrue' },
          { fact: 'rationCardType', op: 'eq', value: 'AAY' },
          { fact: 'bpl', op: 'isTrue' },
        ],
      },
      documents: ['aadhaar', 'ration_card'],
    },
  ],
};

const SC_PREMATRIC: Source = {
  title: 'Centrally Sponsored Pre-Matric Scholarship for SC students in classes IX and X (MoSJE); revised 2022-23',
  url: 'https://scholarships.gov.in/',
  date: '2022-04-01',
  citation: 'MoSJE Pre-Matric Scholarship for SC students (classes 9–10), revised 2022-23',
  verification: 'secondary_source',
};
const scClass9to10 = (incomeLimit: number): Rule => ({
  all: [
    { fact: 'casteCategory', op: 'eq', value: 'SC' },
    { fact: 'enrolledInSchool', op: 'isTrue' },
    { fact: 'schoolClass', op: 'between', min: 9, max: 10 },
    { fact: 'annualIncome', op: 'lte', value: incomeLimit },
  ],
});
const SCHOLARSHIP_DOCS: Scheme['versions'][number]['documents'] = [
  'caste_certificate',
  'income_certificate',
  'school_certificate',
  'aadhaar',
  'bank_account',
  'photo',
];

const scPreMatric: Scheme = {
  id: 'sc-pre-matric-scholarship',
  name: {
    en: 'Pre-Matric Scholarship for SC students (classes 9–10)',
    hi: 'अनुसूचित जाति के छात्रों के लिए प्री-मैट्रिक छात्रवृत्ति (कक्षा 9–10)',
    mr: 'अनुसूचित जातीच्या विद्यार्थ्यांसाठी मॅट्रिकपूर्व शिष्यवृत्ती (इयत्ता ९–१०)',
  },
  department: 'Ministry of Social Justice and Empowerment; in Maharashtra the Social Justice Department (MahaDBT)',
  level: 'central',
  state: null,
  subject: 'child',
  channel: {
    mode: 'online',
    where: 'National Scholarship Portal / state DBT portal, through the school',
    url: 'https://scholarships.gov.in/',
  },
  sources: [SC_PREMATRIC],
  versions: [
    {
      validFrom: '2012-07-01',
      validTo: '2022-03-31',
      benefit: { kind: 'cash', amount: 2250, period: 'yearly', note: 'day scholar: ₹150 × 10 months + ₹750 grant' },
      rules: scClass9to10(200000),
      documents: SCHOLARSHIP_DOCS,
    },
    {
      validFrom: '2022-04-01',
      validTo: null,
      benefit: { kind: 'cash', amount: 3500, period: 'yearly', note: 'day scholar; ₹7,000 for hostellers' },
      rules: scClass9to10(250000),
      documents: SCHOLARSHIP_DOCS,
      source: SC_PREMATRIC,
    },
  ],
};

const YASASVI: Source = {
  title: 'PM YASASVI: Pre-Matric Scholarship for OBC, EBC and DNT students (MoSJE; PIB 25 Jan 2024)',
  url: 'https://scholarships.gov.in/',
  date: '2021-04-01',
  citation: 'PM YASASVI guidelines (MoSJE)',
  verification: 'secondary_source',
};

const pmYasasvi: Scheme = {
  id: 'pm-yasasvi-pre-matric',
  name: {
    en: 'PM YASASVI Pre-Matric Scholarship for OBC, EBC and DNT students',
    hi: 'पीएम यशस्वी – ओबीसी, ईबीसी और डीएनटी छात्रों के लिए प्री-मैट्रिक छात्रवृत्ति',
    mr: 'पीएम यशस्वी – ओबीसी, ईबीसी व डीएनटी विद्यार्थ्यांसाठी मॅट्रिकपूर्व शिष्यवृत्ती',
  },
  department: 'Ministry of Social Justice and Empowerment; in Maharashtra the OBC Bahujan Welfare Department',
  level: 'central',
  state: null,
  subject: 'child',
  channel: {
    mode: 'online',
    where: 'National Scholarship Portal / state DBT portal, through the school',
    url: 'https://scholarships.gov.in/',
  },
  sources: [YASASVI],
  versions: [
    {
      validFrom: '2021-04-01',
      validTo: null,
      benefit: { kind: 'cash', amount: 4000, period: 'yearly', note: 'consolidated academic allowance' },
      source: YASASVI,
      note: 'EBC (economically backward, non-OBC) students are not modelled: the catalogue has no EBC fact yet.',
      rules: {
        all: [
          // DNT communities are VJNT/NT in Maharashtra's categories.
          { fact: 'casteCategory', op: 'in', values: ['OBC', 'VJNT', 'NT'] },
          { fact: 'enrolledInSchool', op: 'isTrue' },
          { fact: 'schoolClass', op: 'between', min: 9, max: 10 },
          // "studying in class IX and X on a full-time basis in Government Schools only"
          { fact: 'schoolManagement', op: 'eq', value: 'government' },
          { fact: 'annualIncome', op: 'lte', value: 250000 },
        ],
      },
      documents: [...SCHOLARSHIP_DOCS, 'domicile'],
    },
  ],
};

const UNCLEAN: Source = {
  title:
    'Pre-Matric Scholarship for SC and others: component for children of parents engaged in unclean and hazardous occupations (manual scavenging, tanning, flaying, waste picking, hazardous cleaning); classes 1–10; no income ceiling; irrespective of caste (MoSJE, revised 2020)',
  url: 'https://scholarships.gov.in/',
  date: '2020-04-01',
  citation: 'MoSJE Pre-Matric Scholarship, component for children of parents in unclean and hazardous occupations',
  verification: 'secondary_source',
};
const UNC = 'MoSJE pre-matric component for children of parents in unclean/hazardous occupations (classes 1–10, no income ceiling)';

const scPreMatricUnclean: Scheme = {
  id: 'pre-matric-unclean-occupations',
  name: {
    en: 'Pre-Matric Scholarship for children of parents in unclean or hazardous occupations (classes 1–10)',
    hi: 'अस्वच्छ एवं खतरनाक व्यवसायों में लगे माता-पिता के बच्चों के लिए प्री-मैट्रिक छात्रवृत्ति (कक्षा 1–10)',
    mr: 'अस्वच्छ व धोकादायक व्यवसायातील पालकांच्या मुलांसाठी मॅट्रिकपूर्व शिष्यवृत्ती (इयत्ता १–१०)',
  },
  department: 'Ministry of Social Justice and Empowerment; in Maharashtra the Social Justice Department (MahaDBT)',
  level: 'central',
  state: null,
  subject: 'child',
  channel: { mode: 'online', where: 'State DBT portal (MahaDBT), through the school', url: 'https://scholarships.gov.in/' },
  sources: [UNCLEAN],
  versions: [
    {
      validFrom: '2020-04-01',
      validTo: null,
      benefit: { kind: 'cash', amount: 3500, period: 'yearly', note: 'day scholar; ₹8,000 for hostellers (classes 3–10)' },
      source: UNCLEAN,
      note: "No income ceiling and no caste condition. Needs a certificate of the parent's occupation from the local authority (not a tracked document type yet). The amount is the rate read in secondary sources; confirm with the Social Justice Department.",
      rules: {
        all: [
          { fact: 'parentUncleanOccupation', op: 'isTrue', source: UNC },
          { fact: 'enrolledInSchool', op: 'isTrue', source: UNC },
          { fact: 'schoolClass', op: 'between', min: 1, max: 10, source: UNC },
        ],
      },
      documents: [
        // The certificate of the parent's occupation (local authority) has no document type yet.
        'school_certificate',
        'aadhaar',
        'bank_account',
        'photo',
      ],
    },
  ],
};

export const CENTRAL: Scheme[] = [pmCares, nfbs, ignwps, pmjay, scPreMatric, scPreMatricUnclean, pmYasasvi];
