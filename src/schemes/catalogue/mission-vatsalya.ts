// Mission Vatsalya non-institutional care (Ministry of Women and Child
// Development, Implementation Guidelines of 5 July 2022, ch. 4: 4.1
// Sponsorship, 4.2 Foster Care, 4.3 After Care). Centrally sponsored,
// 60:40 Centre:State in general-category states.

import type { Rule } from '../rules';
import type { Scheme, Source } from '../scheme';

export const MV_GUIDELINES: Source = {
  title: 'Mission Vatsalya Scheme – Implementation Guidelines, ch. 4 Non-Institutional Care',
  url: 'https://wcd.gov.in/',
  reference: 'MWCD, Mission Vatsalya guidelines',
  date: '2022-07-05',
  citation: 'Mission Vatsalya guidelines 2022, ch. 4',
  verification: 'secondary_source',
};

/** Short citation of the sponsorship clause, carried on each reason it gives. */
const SP = 'Mission Vatsalya guidelines 2022, 4.1 (sponsorship eligibility)';

/** "Not recorded" counts as no: these are written down when they happened. */
const circumstance = (
  fact: 'childLabour' | 'childMarriage' | 'trafficked' | 'hivAffected' | 'missingOrRunaway' | 'pmCaresChild' | 'disability',
) => ({ fact, op: 'isTrue', ifMissing: false, source: SP }) as const;

/** Sponsorship stops when the child turns 18 (guidelines 4.1). */
export const UNDER_18: Rule = { fact: 'age', op: 'between', min: 0, max: 17.99 };

const sponsorship: Scheme = {
  id: 'mission-vatsalya-sponsorship',
  name: {
    en: 'Mission Vatsalya – Sponsorship',
    hi: 'मिशन वात्सल्य – प्रायोजन सहायता',
    mr: 'मिशन वात्सल्य – प्रायोजकत्व सहाय्य',
  },
  department: 'Ministry of Women and Child Development (with State WCD Department and DCPU)',
  level: 'central',
  state: null,
  subject: 'child',
  channel: {
    mode: 'offline',
    where:
      'DCPU; the Child Welfare Committee recommends and the Sponsorship and Foster Care Approval Committee (chaired by the District Magistrate) approves',
  },
  sources: [MV_GUIDELINES],
  versions: [
    {
      validFrom: '2022-07-05',
      validTo: null,
      benefit: { kind: 'cash', amount: 4000, period: 'monthly', note: 'per child, paid to the family' },
      source: MV_GUIDELINES,
      note: 'Homeless children, victims of natural calamities, abuse or torture are covered too; they have no fact of their own yet and come through the CWC recommendation. The guidelines were read in secondary sources (the MWCD text was not reachable).',
      rules: {
        all: [
          { ...UNDER_18, source: SP },
          // Guidelines 4.1: family income up to ₹72,000 (rural) / ₹96,000 (urban) a year.
          { fact: 'annualIncome', op: 'lte', value: 72000, when: { fact: 'area', eq: 'rural' }, source: SP },
          { fact: 'annualIncome', op: 'lte', value: 96000, when: { fact: 'area', eq: 'urban' }, source: SP },
          {
            any: [
              // (a) Mother is a widow, divorced or abandoned (and still caring for the child).
              {
                all: [
                  { fact: 'fatherStatus', op: 'in', values: ['dead', 'divorced_separated', 'deserted'], source: SP },
                  { not: { fact: 'motherStatus', op: 'eq', value: 'dead', source: SP } },
                ],
              },
              // (b) Orphans living with the extended family.
              {
                all: [
                  { fact: 'orphanStatus', op: 'eq', value: 'both_parents_dead', source: SP },
                  { fact: 'careStatus', op: 'eq', value: 'kinship', source: SP },
                ],
              },
              // (c, d) Parents with a life-threatening/terminal illness or incapacitated.
              { fact: 'fatherStatus', op: 'in', values: ['seriously_ill', 'disabled'], source: SP },
              { fact: 'motherStatus', op: 'in', values: ['seriously_ill', 'disabled'], source: SP },
              // (e) Children in need of care and protection (JJ Act 2015 s.2(14)): child labour,
              // victims of child marriage, trafficked, affected by HIV/AIDS, with disabilities,
              // missing or runaway, begging or living on the street.
              circumstance('childLabour'),
              circumstance('childMarriage'),
              circumstance('trafficked'),
              circumstance('hivAffected'),
              circumstance('disability'),
              circumstance('missingOrRunaway'),
              { fact: 'careStatus', op: 'eq', value: 'street_connected', source: SP },
              // (f) Children covered under PM CARES for Children.
              circumstance('pmCaresChild'),
            ],
          },
          { fact: 'cwcRecommendation', op: 'isTrue', note: 'Sponsorship is on CWC recommendation (guidelines 4.1)', source: SP },
        ],
      },
      documents: [
        'birth_certificate',
        'aadhaar',
        'income_certificate',
        'bank_account',
        'photo',
        'school_certificate',
        'cwc_order',
        {
          doc: 'parent_death_certificate',
          alternatives: ['orphan_certificate'],
          when: { fact: 'fatherStatus', eq: 'dead' },
        },
        { doc: 'medical_certificate', when: { fact: 'fatherStatus', in: ['seriously_ill', 'disabled'] } },
      ],
    },
  ],
};

const fosterCare: Scheme = {
  id: 'mission-vatsalya-foster-care',
  name: {
    en: 'Mission Vatsalya – Foster Care Grant',
    hi: 'मिशन वात्सल्य – पालन-पोषण देखभाल (फ़ॉस्टर केयर) अनुदान',
    mr: 'मिशन वात्सल्य – प्रतिपालकत्व (फॉस्टर केअर) अनुदान',
  },
  department: 'Ministry of Women and Child Development (with State WCD Department and DCPU)',
  level: 'central',
  state: null,
  subject: 'child',
  channel: {
    mode: 'offline',
    where: 'DCPU; placement by CWC order (JJ Act 2015 s.44), approved by the Sponsorship and Foster Care Approval Committee',
  },
  sources: [MV_GUIDELINES],
  versions: [
    {
      validFrom: '2022-07-05',
      validTo: null,
      benefit: { kind: 'cash', amount: 4000, period: 'monthly', note: 'per child, paid to the foster family' },
      source: MV_GUIDELINES,
      rules: {
        all: [
          UNDER_18,
          { fact: 'careStatus', op: 'eq', value: 'foster' },
          { fact: 'cwcRecommendation', op: 'isTrue', note: 'Foster placement is by CWC order (JJ Act s.44)' },
        ],
      },
      documents: ['cwc_order', 'birth_certificate', 'aadhaar', 'bank_account', 'photo', 'school_certificate'],
    },
  ],
};

const aftercare: Scheme = {
  id: 'mission-vatsalya-aftercare',
  name: {
    en: 'Mission Vatsalya – Aftercare',
    hi: 'मिशन वात्सल्य – पश्चात देखभाल (आफ्टरकेयर) सहायता',
    mr: 'मिशन वात्सल्य – अनुरक्षण (आफ्टरकेअर) सहाय्य',
  },
  department: 'Ministry of Women and Child Development (with State WCD Department and DCPU)',
  level: 'central',
  state: null,
  subject: 'child',
  channel: { mode: 'offline', where: 'DCPU, on an aftercare plan for a young person leaving a child care institution at 18' },
  sources: [MV_GUIDELINES],
  versions: [
    {
      validFrom: '2022-07-05',
      validTo: null,
      benefit: { kind: 'cash', amount: 4000, period: 'monthly' },
      source: MV_GUIDELINES,
      note: 'The condition for extension to 23 is not encoded; the extension decision is recorded as a fact.',
      rules: {
        all: [
          {
            any: [
              // Guidelines 4.3: from 18 to 21 ...
              { fact: 'age', op: 'between', min: 18, max: 20.99 },
              // ... extendable up to 23.
              {
                all: [
                  { fact: 'age', op: 'between', min: 21, max: 22.99 },
                  { fact: 'aftercareExtensionApproved', op: 'isTrue' },
                ],
              },
            ],
          },
          // For young people leaving institutional care.
          { fact: 'careStatus', op: 'in', values: ['cci', 'aftercare'] },
        ],
      },
      documents: ['birth_certificate', 'aadhaar', 'bank_account', 'photo', 'cwc_order'],
    },
  ],
};

export const MISSION_VATSALYA: Scheme[] = [sponsorship, fosterCare, aftercare];
