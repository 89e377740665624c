// Shared helpers for the schemes tests (not shipped behaviour).

import { defaultCatalogue } from './catalogue/index';
import { evaluateScheme, type SchemeResult } from './eligibility';
import type { Reason } from './reasons';
import { renderReasons } from './render';
import type { Scheme } from './scheme';

export function schemeById(id: string): Scheme {
  const s = defaultCatalogue().find((x) => x.id === id);
  if (!s) throw new Error(`no scheme ${id} in the seed catalogue`);
  return s;
}

/** A result with its reasons rendered in English (`structured` keeps the engine's form). */
export type TextResult = Omit<SchemeResult, 'reasons'> & { reasons: string[]; structured: Reason[] };

export function inEnglish(r: SchemeResult): TextResult {
  return { ...r, reasons: renderReasons(r.reasons, 'en'), structured: r.reasons };
}

/** Evaluates a seeded scheme; Maharashtra state code is added unless given. Reasons in English. */
export function check(id: string, facts: Record<string, unknown>, asOf = '2025-06-01'): TextResult {
  return inEnglish(evaluateScheme(schemeById(id), { stateCode: 27, ...facts }, asOf));
}

export function statusOf(id: string, facts: Record<string, unknown>, asOf?: string): string {
  return check(id, facts, asOf).status;
}
