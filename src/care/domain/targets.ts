import { z } from 'zod';
import raw from './targets.json' with { type: 'json' };

/**
 * State and district action-plan targets for a financial year (April–March), as validated data:
 * children restored to their families, moved to family-based care, kept out of institutions by
 * gatekeeping, follow-up visits made, foster families approved, institutions inspected. Progress
 * is computed from the records (targets.service.ts), never typed in.
 */
export const TARGET_MEASURES = ['restored', 'familyBased', 'diverted', 'followUps', 'fosterApproved', 'inspected'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

const year = z.string().regex(/^\d{4}-\d{2}$/, 'a financial year like 2025-26');
const measures = z.strictObject(
  Object.fromEntries(TARGET_MEASURES.map((m) => [m, z.number().int().nonnegative()])) as Record<TargetMeasure, z.ZodNumber>,
);
const schema = z.strictObject({
  source: z.string().min(10),
  years: z.record(
    year,
    z.record(z.string().regex(/^\d+$/, 'an LGD state code'), z.record(z.string().regex(/^\d+$/, 'an LGD district code'), measures)),
  ),
});
export type ActionPlanTargets = z.infer<typeof schema>;

export const ACTION_PLAN_TARGETS: ActionPlanTargets = schema.parse(raw);

/** The first and last day of a financial year "2025-26". */
export function yearBounds(fy: string): { from: string; to: string } {
  const y = Number(fy.slice(0, 4));
  return { from: `${y}-04-01`, to: `${y + 1}-03-31` };
}

/** The financial year a day falls in. */
export function financialYearOf(day: string): string {
  const y = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
