import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/client';
import { audit } from '../audit/audit.service';
import type { AppContext } from '../http/context';
import { apiError } from '../http/response';
import { addToCounter, addressKey } from '../kernel/rate-counter';

/**
 * Short links for SMS (migration 1040). Under TRAI TCCCPR 2018 each DLT content template's {#var#}
 * value may be at most 30 characters; the app's links are longer. An SMS carries `<site>/s/<code>`:
 * the site's address is fixed text of the registered template (`dltTemplateText` in sms.ts) and the
 * code is the one variable. The code is random (no personal data, nothing derived from a record),
 * one per outbox message, and expires; following it opens the app's page, which asks for sign-in
 * as any page does. A link naming a record (a meeting) is audited when followed (JJ Act 2015 s.74:
 * who was shown which record's address), without the code (it is a bearer token).
 */
export const SHORT_LINK_PATH = '/s/';
export const SHORT_CODE_LENGTH = 10;
/** Reminders and meeting notes are acted on within days; the link is dead after this. */
export const SHORT_LINK_DAYS = 30;
/** Lower-case letters and digits without 0/1 (read off a phone screen and typed again). */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz23456789';
const CODE_RE = new RegExp(`^[a-z2-9]{${SHORT_CODE_LENGTH}}$`);

export function newShortCode(): string {
  const bytes = randomBytes(SHORT_CODE_LENGTH * 2);
  let code = '';
  // Rejection sampling: 34 letters, bytes below 238 (7 × 34) keep the choice uniform.
  for (const b of bytes) if (b < 238 && code.length < SHORT_CODE_LENGTH) code += ALPHABET[b % ALPHABET.length];
  return code.length === SHORT_CODE_LENGTH ? code : newShortCode();
}

export interface ShortLinkTarget {
  /** The app's path, e.g. '/convergence/meetings/<id>'. */
  target: string;
  /** The record the path opens, audited when the link is followed. */
  entityType?: string;
  entityId?: string;
}

const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : ((res as { rows?: T[] }).rows ?? [])) as T[];

/** The code of an outbox message's link: made once, the same on a retry. */
export async function shortLinkFor(db: Db, outboxId: string, t: ShortLinkTarget, now: Date): Promise<string> {
  const expires = new Date(now.getTime() + SHORT_LINK_DAYS * 86_400_000);
  const rows = rowsOf<{ code: string }>(
    await db.execute(sql`
      INSERT INTO sms_short_link (code, target, entity_type, entity_id, outbox_id, created_at, expires_at)
      VALUES (${newShortCode()}, ${t.target}, ${t.entityType ?? null}, ${t.entityId ?? null}, ${outboxId},
              ${now.toISOString()}::timestamptz, ${expires.toISOString()}::timestamptz)
      ON CONFLICT (outbox_id) DO NOTHING
      RETURNING code`),
  );
  if (rows[0]) return rows[0].code;
  const kept = rowsOf<{ code: string }>(await db.execute(sql`SELECT code FROM sms_short_link WHERE outbox_id = ${outboxId}`));
  if (!kept[0]) throw new Error('short link: not written');
  return kept[0].code;
}

/**
 * Expired links kept this long past expiry still answer 410 ("expired: sign in instead") rather than
 * 404; after that the daily sweep (src/care/care.jobs.ts) deletes them.
 */
export const SHORT_LINK_KEEP_EXPIRED_DAYS = 7;

/** Deletes links expired more than SHORT_LINK_KEEP_EXPIRED_DAYS before `now`; how many went. */
export async function purgeExpiredShortLinks(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - SHORT_LINK_KEEP_EXPIRED_DAYS * 86_400_000);
  const rows = rowsOf<{ code: string }>(
    await db.execute(sql`DELETE FROM sms_short_link WHERE expires_at < ${before.toISOString()}::timestamptz RETURNING code`),
  );
  return rows.length;
}

/**
 * Per address, fixed windows, counted in the database like the public forms' limits (migration
 * 0420, shared by several servers): a code is 10 of 34 characters, so guessing is hopeless, but
 * each try costs a query, and a link is followed once or twice by a person.
 * `SHORT_LINK_RATE_MAX` (default 30) per `SHORT_LINK_RATE_WINDOW_MS` (default 10 minutes).
 */
export function shortLinkLimit(env: NodeJS.ProcessEnv = process.env) {
  const max = Number(env.SHORT_LINK_RATE_MAX ?? 30);
  const windowMs = Number(env.SHORT_LINK_RATE_WINDOW_MS ?? 600_000);
  return {
    max: Number.isInteger(max) && max > 0 ? max : 30,
    windowMs: Number.isInteger(windowMs) && windowMs > 0 ? windowMs : 600_000,
  };
}

/** Seconds to wait when the address is over its limit, else null (the request is counted). */
async function overLimit(db: Db, ip: string, now: Date): Promise<number | null> {
  const { max, windowMs } = shortLinkLimit();
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const ok = await addToCounter(
    db,
    { scope: 'short_link', subject: addressKey(ip), windowStart: new Date(start) },
    { hits: 1 },
    { hits: max },
  );
  return ok ? null : Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000));
}

export type Resolved =
  { status: 'ok'; target: string; entityType: string | null; entityId: string | null } | { status: 'unknown' | 'expired' };

export async function resolveShortLink(db: Db, code: string, now: Date): Promise<Resolved> {
  if (!CODE_RE.test(code)) return { status: 'unknown' };
  const rows = rowsOf<{ target: string; entity_type: string | null; entity_id: string | null; expires_at: string | Date }>(
    await db.execute(sql`SELECT target, entity_type, entity_id, expires_at FROM sms_short_link WHERE code = ${code}`),
  );
  const r = rows[0];
  if (!r) return { status: 'unknown' };
  if (new Date(r.expires_at).getTime() <= now.getTime()) return { status: 'expired' };
  return { status: 'ok', target: r.target, entityType: r.entity_type, entityId: r.entity_id };
}

/** GET /s/:code → 302 to the app's page; 404 unknown, 410 expired, 429 too many from one address. No session needed (the page asks for one). */
export function registerShortLinkRoute(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: { code: string } }>(
    `${SHORT_LINK_PATH}:code`,
    {
      schema: {
        hide: true,
        params: z.object({ code: z.string().max(64) }),
        response: {
          302: z.null().describe('Redirect (Location) to the page of the app the SMS was about'),
          '4xx': apiError,
        },
      },
    },
    async (req, reply) => {
      const now = ctx.now();
      const wait = await overLimit(ctx.db, req.ip, now);
      if (wait !== null)
        return reply
          .status(429)
          .header('retry-after', String(wait))
          .send({
            code: 'rate_limited',
            message: `Too many links followed from your network; try again in ${Math.ceil(wait / 60)} minute(s)`,
          });
      const found = await resolveShortLink(ctx.db, req.params.code, now);
      if (found.status !== 'ok')
        return found.status === 'expired'
          ? reply.status(410).send({ code: 'link_expired', message: 'This link has expired: sign in to Samanvay instead' })
          : reply.status(404).send({ code: 'not_found', message: 'No such link' });
      if (found.entityType && found.entityId)
        await audit(ctx.db, null, 'short_link.follow', found.entityType, found.entityId, null, { via: 'sms' });
      return reply.header('cache-control', 'no-store').redirect(found.target, 302);
    },
  );
}
