// Maharashtra state schemes (LGD state code 27). Amounts and limits follow
// the GRs cited per version; where the exact date of effect could not be
// confirmed from the GR text, the version says so in `note`.

import type { Rule } from '../rules';
import type { Scheme, Source } from '../scheme';
import { UNDER_18 } from './mission-vatsalya';

const MH = { level: 'state' as const, state: 27, stateName: 'Maharashtra' };

const BSY_2023: Source = {
  title:
    'Cabinet decision and WCD Department GR raising the Bal Sangopan maintenance grant from ₹1,100 to ₹2,250 a month (scheme renamed Krantijyoti Savitribai Phule Bal Sangopan Yojana)',
  url: 'https://womenchild.maharashtra.gov.in/',
  date: '2023-04-01',
};

// Who qualifies for Bal Sangopan (WCD GRs): children who lost one or both
// parents, single-parent families in crisis (divorce, separation,
// desertion), and children whose parents are seriously ill (cancer, HIV,
// leprosy ...), disabled or imprisoned.
const BSY_RULES: Rule = {
  all: [
    UNDER_18,
    {
      any: [
        { fact: 'orphanStatus', op: 'in', values: ['both_parents_dead', 'one_parent_dead', 'abandoned'] },
        { fact: 'singleParent', op: 'isTrue' },
        { fact: 'fatherStatus', op: 'in', values: ['seriously_ill', 'disabled', 'imprisoned'] },
        { fact: 'motherStatus', op: 'in', values: ['seriously_ill', 'disabled', 'imprisoned'] },
      ],
    },
  ],
};
const RESERVED_CATEGORIES = ['SC', 'ST', 'OBC', 'VJNT', 'NT', 'SBC'];
const BSY_DOCS: Scheme['versions'][number]['documents'] = [
  'aadhaar',
  'birth_certificate',
  'photo',
  { doc: 'caste_certificate', when: { fact: 'casteCategory', in: RESERVED_CATEGORIES } },
  'domicile',
  'bank_account',
  {
    doc: 'parent_death_certificate',
    alternatives: ['orphan_certificate'],
    when: { fact: 'orphanStatus', in: ['both_parents_dead', 'one_parent_dead'] },
  },
  'income_certificate',
  'ration_card',
  'school_certificate',
];

const balSangopan: Scheme = {
  id: 'mh-bal-sangopan',
  name: {
    en: 'Bal Sangopan Yojana (Krantijyoti Savitribai Phule)',
    hi: 'बाल संगोपन योजना (क्रांतिज्योति सावित्रीबाई फुले)',
    mr: 'क्रांतिज्योती सावित्रीबाई फुले बाल संगोपन योजना',
  },
  department: 'Women and Child Development Department, Government of Maharashtra',
  ...MH,
  subject: 'child',
  channel: {
    mode: 'offline',
    where: 'District Women and Child Development Officer / DCPU, through the partner voluntary organisation; CWC order',
  },
  sources: [BSY_2023],
  versions: [
    {
      validFrom: '2021-04-01',
      validTo: '2023-03-31',
      benefit: { kind: 'cash', amount: 1100, period: 'monthly' },
      rules: BSY_RULES,
      documents: BSY_DOCS,
      note: 'Start date is the earliest this catalogue covers, not the scheme launch.',
    },
    {
      validFrom: '2023-04-01',
      validTo: null,
      benefit: { kind: 'cash', amount: 2250, period: 'monthly', note: '₹27,000 a year per child' },
      rules: BSY_RULES,
      documents: BSY_DOCS,
      source: BSY_2023,
      note: 'Date of effect taken as the start of FY 2023-24; confirm against the GR.',
    },
  ],
};

const SGNAY_2023: Source = {
  title: 'SJSA Department GR: Sanjay Gandhi Niradhar Anudan and Shravanbal assistance raised from ₹1,000 to ₹1,500 a month',
  url: 'https://sjsa.maharashtra.gov.in/',
  date: '2023-07-05',
};
// SJSA scheme page: name on the BPL list OR family income up to ₹21,000 a year.
const SGNAY_MEANS: Rule = {
  any: [
    { fact: 'bpl', op: 'isTrue' },
    { fact: 'annualIncome', op: 'lte', value: 21000 },
  ],
};
const SGNAY_BASE = {
  department: 'Social Justice and Special Assistance Department, Government of Maharashtra',
  ...MH,
  channel: {
    mode: 'offline' as const,
    where: 'Tehsil office (Sanjay Gandhi Niradhar Yojana committee) or Talathi',
  },
  sources: [SGNAY_2023],
};

const sgnayCaregiver: Scheme = {
  id: 'mh-sanjay-gandhi-niradhar-caregiver',
  name: {
    en: 'Sanjay Gandhi Niradhar Anudan Yojana – widowed or deserted mother',
    hi: 'संजय गांधी निराधार अनुदान योजना – विधवा/परित्यक्ता माता',
    mr: 'संजय गांधी निराधार अनुदान योजना – विधवा/परित्यक्ता माता',
  },
  ...SGNAY_BASE,
  subject: 'caregiver',
  versions: [
    {
      validFrom: '2021-04-01',
      validTo: '2023-07-04',
      benefit: { kind: 'cash', amount: 1000, period: 'monthly' },
      rules: sgnayCaregiverRules(),
      documents: sgnayDocs(),
      note: 'Start date is the earliest this catalogue covers.',
    },
    {
      validFrom: '2023-07-05',
      validTo: null,
      benefit: { kind: 'cash', amount: 1500, period: 'monthly' },
      rules: sgnayCaregiverRules(),
      documents: sgnayDocs(),
      source: SGNAY_2023,
    },
  ],
};

function sgnayCaregiverRules(): Rule {
  // SJSA: destitute widows, divorced women without maintenance, deserted
  // women and prisoners' wives, aged 18 to under 65.
  return {
    all: [
      SGNAY_MEANS,
      {
        any: [
          {
            all: [
              { fact: 'fatherStatus', op: 'eq', value: 'dead' },
              { fact: 'widowedMotherAge', op: 'between', min: 18, max: 64.99 },
            ],
          },
          {
            all: [
              { fact: 'fatherStatus', op: 'in', values: ['divorced_separated', 'deserted', 'imprisoned'] },
              { fact: 'motherStatus', op: 'in', values: ['alive', 'seriously_ill', 'disabled'] },
              { fact: 'motherAge', op: 'between', min: 18, max: 64.99 },
            ],
          },
        ],
      },
    ],
  };
}

function sgnayDocs(): Scheme['versions'][number]['documents'] {
  return [
    'aadhaar',
    'income_certificate',
    'domicile',
    'ration_card',
    'bank_account',
    'photo',
    { doc: 'parent_death_certificate', when: { fact: 'fatherStatus', eq: 'dead' }, note: "husband's death certificate" },
  ];
}

const sgnayOrphan: Scheme = {
  id: 'mh-sanjay-gandhi-niradhar-orphan',
  name: {
    en: 'Sanjay Gandhi Niradhar Anudan Yojana – orphan child',
    hi: 'संजय गांधी निराधार अनुदान योजना – अनाथ बालक',
    mr: 'संजय गांधी निराधार अनुदान योजना – अनाथ बालक',
  },
  ...SGNAY_BASE,
  subject: 'child',
  versions: [
    {
      validFrom: '2021-04-01',
      validTo: '2023-07-04',
      benefit: { kind: 'cash', amount: 1000, period: 'monthly' },
      rules: { all: [UNDER_18, { fact: 'orphanStatus', op: 'in', values: ['both_parents_dead', 'abandoned'] }, SGNAY_MEANS] },
      documents: orphanDocs(),
    },
    {
      validFrom: '2023-07-05',
      validTo: null,
      benefit: { kind: 'cash', amount: 1500, period: 'monthly' },
      // SJSA: applicants under 18 qualify only as orphans.
      rules: { all: [UNDER_18, { fact: 'orphanStatus', op: 'in', values: ['both_parents_dead', 'abandoned'] }, SGNAY_MEANS] },
      documents: orphanDocs(),
      source: SGNAY_2023,
    },
  ],
};

function orphanDocs(): Scheme['versions'][number]['documents'] {
  return [
    { doc: 'orphan_certificate', alternatives: ['parent_death_certificate'] },
    'birth_certificate',
    'aadhaar',
    'domicile',
    'income_certificate',
    'bank_account',
    'photo',
  ];
}

const RTE_SOURCE: Source = {
  title:
    'RTE Act 2009 s.12(1)(c); Maharashtra RTE Rules 2011; School Education Dept. admission notice 2024-25 (31 December age cut-off; weaker section = income under ₹1 lakh)',
  url: 'https://student.maharashtra.gov.in/adm_portal/',
  date: '2024-01-01',
};

const rte: Scheme = {
  id: 'mh-rte-25-percent',
  name: {
    en: 'RTE 25% reserved admission in private unaided schools',
    hi: 'शिक्षा का अधिकार – निजी स्कूलों में 25% आरक्षित निःशुल्क प्रवेश',
    mr: 'शिक्षण हक्क कायदा – खाजगी शाळांमध्ये २५% राखीव मोफत प्रवेश',
  },
  department: 'School Education and Sports Department, Government of Maharashtra',
  ...MH,
  subject: 'child',
  channel: {
    mode: 'online',
    where: 'RTE admission portal (lottery), January–March',
    url: 'https://student.maharashtra.gov.in/adm_portal/',
  },
  sources: [RTE_SOURCE],
  versions: [
    {
      validFrom: '2024-01-01',
      validTo: null,
      benefit: {
        kind: 'in_kind',
        description: 'free admission in the entry class of a private unaided school, fees reimbursed by the state up to class 8',
        period: 'yearly',
      },
      source: RTE_SOURCE,
      note: 'Age window covers all entry classes (play group 3 to class 1 under 7 years 6 months on 31 Dec); the entry class itself is not modelled.',
      rules: {
        all: [
          { fact: 'ageOnDec31', op: 'between', min: 3, max: 7.49 },
          {
            any: [
              // Weaker section: family income under ₹1 lakh a year.
              { fact: 'annualIncome', op: 'lt', value: 100000 },
              // Disadvantaged groups (no income limit).
              { fact: 'casteCategory', op: 'in', values: ['SC', 'ST', 'VJNT', 'NT'] },
              { fact: 'disability', op: 'isTrue' },
            ],
          },
        ],
      },
      documents: [
        'birth_certificate',
        'aadhaar',
        'photo',
        { doc: 'income_certificate', when: { fact: 'casteCategory', in: ['OBC', 'SBC', 'General'] } },
        { doc: 'caste_certificate', when: { fact: 'casteCategory', in: ['SC', 'ST', 'VJNT', 'NT'] } },
        { doc: 'disability_certificate', when: { fact: 'disability', eq: true } },
      ],
    },
  ],
};

const PDS_SOURCE: Source = {
  title: 'National Food Security Act 2013 s.3, s.10; Maharashtra FCS&CP Department priority-household income limits',
  url: 'https://mahafood.gov.in/',
  date: '2014-02-01',
};

const pds: Scheme = {
  id: 'mh-nfsa-priority-ration-card',
  name: {
    en: 'NFSA priority household ration card',
    hi: 'राष्ट्रीय खाद्य सुरक्षा अधिनियम – प्राथमिकता परिवार राशन कार्ड',
    mr: 'राष्ट्रीय अन्न सुरक्षा कायदा – प्राधान्य कुटुंब शिधापत्रिका',
  },
  department: 'Food, Civil Supplies and Consumer Protection Department, Government of Maharashtra',
  ...MH,
  subject: 'family',
  channel: { mode: 'online_or_offline', where: 'Tehsil supply office / Rationing office; Aaple Sarkar portal' },
  sources: [PDS_SOURCE],
  versions: [
    {
      validFrom: '2014-02-01',
      validTo: null,
      benefit: {
        kind: 'in_kind',
        description: '5 kg food grains per person per month at no cost (PMGKAY) through the fair price shop',
        period: 'monthly',
      },
      source: PDS_SOURCE,
      note: 'Income limits ₹44,000 rural / ₹59,000 urban as published by the state; confirm against the current FCS GR.',
      rules: {
        all: [
          // A family that already holds an AAY or PHH card needs nothing here.
          { fact: 'rationCardType', op: 'in', values: ['none', 'NPHH'] },
          { fact: 'annualIncome', op: 'lte', value: 44000, when: { fact: 'area', eq: 'rural' } },
          { fact: 'annualIncome', op: 'lte', value: 59000, when: { fact: 'area', eq: 'urban' } },
        ],
      },
      documents: ['aadhaar', 'income_certificate', 'domicile', 'photo'],
    },
  ],
};

export const MAHARASHTRA: Scheme[] = [balSangopan, sgnayCaregiver, sgnayOrphan, rte, pds];
