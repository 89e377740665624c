/**
 * Who may give the escort order once a transfer is finalised (issue #18), as data. JJ Act 2015
 * s.95(2): "once the decision to transfer is finalised, the Committee or Board ... shall give an
 * escort order" (the Committee that ordered the transfer); JJ Model Rules 2016 R.81(3): the child
 * is escorted at government expense and the travelling allowance is paid by the DCPU of the State
 * that transferred the child. So the sending district is usually the one that arranges the escort;
 * the receiving district, which holds the case after acceptance, may record it too. A state may
 * keep either side only; the side is that of the state the child was transferred from.
 * The order itself stays the Committee's (permission `cases.cwc`, src/cases/cases.service.ts).
 */
import { z } from 'zod';
import { covers, type Actor } from './policy';

export const ESCORT_SIDES = ['sending', 'receiving'] as const;
export type EscortSide = (typeof ESCORT_SIDES)[number];

const schema = z.strictObject({
  default: z.array(z.enum(ESCORT_SIDES)).min(1),
  /** LGD state code → the sides that may give it there, with whose decision it is. */
  states: z.record(
    z.string().regex(/^\d{1,3}$/),
    z.strictObject({ sides: z.array(z.enum(ESCORT_SIDES)).min(1), decidedBy: z.string().min(3) }),
  ),
  citation: z.string().min(10),
});
export type EscortOrderPolicy = z.infer<typeof schema>;

const DEFAULT: EscortOrderPolicy = {
  default: ['sending', 'receiving'],
  states: {},
  citation: 'JJ Act 2015 s.95(2); JJ Model Rules 2016 R.81(3)',
};
let current = schema.parse(DEFAULT);
export const escortOrderPolicy = (): EscortOrderPolicy => current;
/** For a deployment's configuration and tests: another policy until reset with null. */
export function setEscortOrderPolicy(p: unknown | null): void {
  current = schema.parse(p ?? DEFAULT);
}

export function escortSidesFor(fromStateCode: string | number): readonly EscortSide[] {
  return current.states[String(fromStateCode)]?.sides ?? current.default;
}

/**
 * The side the actor may give the escort order from, for a transfer from `from` to `to`, or null
 * when the policy allows neither the actor's side. The receiving side is preferred when the actor
 * covers both (a transfer within one state, recorded by a state user).
 */
export function escortSideOf(
  actor: Actor,
  t: { fromStateCode: string; fromDistrictCode: string; toStateCode: string; toDistrictCode: string },
): EscortSide | null {
  const sides = escortSidesFor(t.fromStateCode);
  const at = (st: string, di: string) => ({ stateCode: Number(st), districtCode: Number(di) });
  if (sides.includes('receiving') && covers(actor.scope, at(t.toStateCode, t.toDistrictCode))) return 'receiving';
  if (sides.includes('sending') && covers(actor.scope, at(t.fromStateCode, t.fromDistrictCode))) return 'sending';
  return null;
}
