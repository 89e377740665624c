import { assessmentInput } from '../../../../../src/registry/registry.model';
import type { FieldErrors } from '../../../forms/errors';
import { todayIst } from '../../../app/clock';

export type AssessmentFormValues = {
  assessedOn: string;
  childId: string;
  /** item id → '1'..'4', or '' when not assessed */
  answers: Record<string, string>;
  notes: string;
};

/** Today's IST day (the web app's one clock). */
export const today = todayIst;

export function emptyAssessment(): AssessmentFormValues {
  return { assessedOn: today(), childId: '', answers: {}, notes: '' };
}

export function assessmentPayload(v: AssessmentFormValues) {
  const answers: Record<string, number> = {};
  for (const [item, a] of Object.entries(v.answers)) if (a) answers[item] = Number(a);
  return { childId: v.childId || null, assessedOn: v.assessedOn, answers, notes: v.notes.trim() ? v.notes : null };
}

/** The scoring's own refusal (src/registry/instrument.ts scoreAssessment), same words. */
export function assessmentExtra(d: Record<string, unknown>): FieldErrors {
  return Object.keys((d.answers as Record<string, number>) ?? {}).length ? {} : { answers: 'answer at least one item' };
}

export const assessmentSchema = assessmentInput;
