import type { ConvergenceDomain, DepartmentKind } from './domain';

/**
 * Which department delivers each scheme of the catalogue (src/schemes/catalogue) at district
 * level, and which convergence domains it serves: the link between a scheme enrolment and
 * the service-coverage view. Departments follow the Convergence Matrix's programmes
 * (matrix.default.json): pensions and NFBS through the tahsil (NSAP → REVENUE), PDS through
 * the supply office (REVENUE), Bal Sangopan with DWCD, Mission Vatsalya with the DCPU.
 * A scheme missing here is not counted (and is reported as unmapped), never guessed.
 */
export const SCHEME_LINKS: Readonly<Record<string, { department: DepartmentKind; domains: readonly ConvergenceDomain[] }>> = {
  'pm-cares-for-children': { department: 'DCPU', domains: ['social_protection', 'education', 'health'] },
  'nsap-nfbs': { department: 'REVENUE', domains: ['social_protection'] },
  'nsap-ignwps': { department: 'REVENUE', domains: ['social_protection'] },
  'ab-pmjay': { department: 'HEALTH', domains: ['health'] },
  'sc-pre-matric-scholarship': { department: 'SOCIAL_JUSTICE', domains: ['education'] },
  'pm-yasasvi-pre-matric': { department: 'SOCIAL_JUSTICE', domains: ['education'] },
  'mh-bal-sangopan': { department: 'DWCD', domains: ['family_strengthening', 'social_protection'] },
  'mh-sanjay-gandhi-niradhar-caregiver': { department: 'REVENUE', domains: ['social_protection'] },
  'mh-sanjay-gandhi-niradhar-orphan': { department: 'REVENUE', domains: ['social_protection'] },
  'mh-rte-25-percent': { department: 'EDUCATION', domains: ['education'] },
  'mh-nfsa-priority-ration-card': { department: 'REVENUE', domains: ['social_protection', 'nutrition'] },
  'mission-vatsalya-sponsorship': { department: 'DCPU', domains: ['family_strengthening', 'social_protection'] },
  'mission-vatsalya-foster-care': { department: 'DCPU', domains: ['alternative_care'] },
  'mission-vatsalya-aftercare': { department: 'DCPU', domains: ['alternative_care', 'livelihood'] },
};
