import { readFileSync } from 'node:fs';
import {
  DEFAULT_TIMELINE_CONFIG,
  parseTimelineConfig,
  resolveTimelines,
  type DueKind,
  type TimelineConfig,
  type TimelineKey,
} from './domain';

/**
 * The timelines the server applies: the shipped defaults (src/cases/domain/timelines/default.json),
 * or a deployment's file at CASE_TIMELINES_FILE with per-state overrides. The file is
 * validated by the domain (a state may shorten a statutory limit, never lengthen it); an
 * invalid file stops the server at start rather than silently applying wrong deadlines.
 */
let cached: TimelineConfig | null = null;

export function caseTimelineConfig(): TimelineConfig {
  if (cached) return cached;
  const file = process.env.CASE_TIMELINES_FILE;
  cached = file ? parseTimelineConfig(JSON.parse(readFileSync(file, 'utf8'))) : DEFAULT_TIMELINE_CONFIG;
  return cached;
}

/** For tests: apply another config (e.g. with a state override) until reset with null. */
export function setCaseTimelineConfig(config: TimelineConfig | null): void {
  cached = config;
}

/** The timelines a due item of each kind can come from (one kind may follow one of several rules). */
const KEYS_OF: Record<Exclude<DueKind, 'escalation_response'>, TimelineKey[]> = {
  cwc_production: ['cwcProduction'],
  sir_submission: ['sirSubmission'],
  cwc_final_order: ['cwcFinalOrder'],
  lfa_declaration: ['lfaDeclarationUpToTwo', 'lfaDeclarationOverTwo'],
  surrender_reconsideration: ['surrenderReconsideration'],
  care_plan_review: ['carePlanReview'],
  referral_response: ['referralResponse'],
  referral_completion: ['referralCompletion'],
  post_restoration_follow_up: ['postRestorationFirstFollowUp', 'postRestorationSecondFollowUp', 'postRestorationFollowUp'],
  transfer_response: ['transferResponse'],
  age_determination: ['ageDetermination'],
  escort_order: ['escortOrder'],
  case_review: ['caseReview'],
};

/** The Act, rule or policy behind a due item, for a task list row (not stored per row). */
export function basisOf(kind: string, stateCode: number | string): string {
  const t = resolveTimelines(caseTimelineConfig(), String(stateCode));
  if (kind === 'escalation_response') return t.escalationResponse.basis;
  const keys = KEYS_OF[kind as keyof typeof KEYS_OF] ?? [];
  return [...new Set(keys.map((k) => t[k].basis))].join(' ');
}

/** The short citation(s) behind a due item of this kind, e.g. "JJ Act 2015 s.38(1)". */
export function citationOf(kind: string, stateCode: number | string): string {
  const t = resolveTimelines(caseTimelineConfig(), String(stateCode));
  if (kind === 'escalation_response') return t.escalationResponse.ruleSource.citation;
  const keys = KEYS_OF[kind as keyof typeof KEYS_OF] ?? [];
  return [...new Set(keys.map((k) => t[k].ruleSource.citation))].join('; ');
}
