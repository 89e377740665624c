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

const KEY_OF: Record<Exclude<DueKind, 'escalation_response'>, TimelineKey> = {
  cwc_production: 'cwcProduction',
  sir_submission: 'sirSubmission',
  cwc_final_order: 'cwcFinalOrder',
  care_plan_review: 'carePlanReview',
  referral_response: 'referralResponse',
  referral_completion: 'referralCompletion',
  post_restoration_follow_up: 'postRestorationFollowUp',
  transfer_response: 'transferResponse',
  case_review: 'caseReview',
};

/** The Act, rule or policy behind a due item, for a task list row (not stored per row). */
export function basisOf(kind: string, stateCode: number | string): string {
  const t = resolveTimelines(caseTimelineConfig(), String(stateCode));
  if (kind === 'escalation_response') return t.escalationResponse.basis;
  const key = KEY_OF[kind as keyof typeof KEY_OF];
  return key ? t[key].basis : '';
}
