/**
 * The helpline's words, shared by the server and the web app. Categories follow the
 * classification of 1098 calls the Ministry's unified portal describes (seed 002): a call is
 * an emergency, a non-emergency or a request for information, and may be about several things.
 */
export const CALL_CATEGORIES = [
  'rescue',
  'abuse',
  'child_marriage',
  'missing',
  'found_sighting',
  'child_labour',
  'begging',
  'medical',
  'shelter',
  'emotional_support',
  'information',
] as const;
export type CallCategory = (typeof CALL_CATEGORIES)[number];

export const URGENCIES = ['emergency', 'non_emergency', 'information'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * Where a call goes: the district child helpline unit (run by the DCPU, 24x7), the police
 * through 112 (ERSS), the women's helpline 181, the Child Welfare Committee, the railway
 * child help desk, or advice given on the call.
 */
export const ROUTES = ['district_unit', 'police_112', 'womens_181', 'cwc', 'railway_desk', 'advice_only'] as const;
export type Route = (typeof ROUTES)[number];

export const CALL_STATUSES = ['draft', 'open', 'dispatched', 'reached', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_LANGUAGES = ['mr', 'hi', 'en', 'ur', 'other'] as const;

export const CALL_OUTCOMES = [
  'resolved',
  'case_opened',
  'found_record',
  'handed_to_cwc',
  'handed_to_police',
  'handed_to_181',
  'advice_given',
  'no_action',
] as const;
