import type { AppContext } from '../http/context';
import { registryView, requirePermission, type Actor } from '../access/policy';
import { HttpError, badRequest } from '../http/errors';
import { istToday } from '../kernel/clock';

/**
 * Suggestions, applications and worklists say why a family qualifies (a parent's death,
 * its cause, income, caste): that is the full record, so they need schemes.read and the
 * full registry view. Department nodal officers (minimal view) get the outcome figures
 * and the document requests addressed to departments, not the reasons.
 */
export function requireSchemesRecord(actor: Actor) {
  requirePermission(actor, 'schemes.read');
  if (registryView(actor) !== 'full') {
    throw new HttpError(
      403,
      'forbidden',
      `Your role (${actor.role}) may not see why a family qualifies for a scheme (needs registry.read)`,
    );
  }
}

/**
 * Today's date in India (IST, UTC+5:30): a worker recording a step at 8 in the morning
 * must not be told the date is in the future because UTC is still on yesterday.
 */
export function todayIn(ctx: AppContext): string {
  return istToday(ctx.now());
}

export function notFuture(ctx: AppContext, field: string, date: string) {
  if (date > todayIn(ctx)) throw badRequest(field, `${date} is in the future`);
}
