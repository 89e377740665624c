import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import { appUser } from '../users/users.schema';
import { isReasonLang, pickReasonLang, type ReasonLang } from './render';

/**
 * The language eligibility reasons are written in: `?lang=en|hi|mr`, else
 * Accept-Language, else the signed-in user's language, else English.
 */
export async function reasonLangOf(
  ctx: AppContext,
  actor: Actor,
  req: Pick<FastifyRequest, 'headers'>,
  lang: string | undefined,
): Promise<ReasonLang> {
  if (isReasonLang(lang)) return lang;
  const header = req.headers['accept-language'];
  const accept = Array.isArray(header) ? header.join(',') : header;
  const fromHeader = pickReasonLang(undefined, accept, undefined);
  if (accept && fromHeader !== 'en') return fromHeader;
  if (accept && /(^|,)\s*en\b/i.test(accept)) return 'en';
  const [u] = await ctx.db.select({ language: appUser.language }).from(appUser).where(eq(appUser.id, actor.userId));
  return pickReasonLang(undefined, undefined, u?.language);
}
