/** The grounds a child may be sponsored on (Mission Vatsalya guidelines 2022, 4.1); no imports, so the web app reads the same list. */
export const SPONSORSHIP_GROUNDS = [
  'mother_widowed_divorced_abandoned',
  'orphan_with_extended_family',
  'parent_terminally_ill',
  'parent_incapacitated',
  'child_labour',
  'child_marriage',
  'trafficked',
  'hiv_affected',
  'disability',
  'missing_or_runaway',
  'street_connected',
  'pm_cares',
  'other_in_need_of_care',
] as const;
