import { isIPv4, isIPv6 } from 'node:net';
import { and, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { publicLimitCounter } from './rate-counter.schema';

/**
 * Fixed-window counters in the database (migration 0420), shared by the public forms
 * (src/missing/public-limits.ts) and the short links (src/notifications/short-link.ts). Each counter moves in one
 * statement, INSERT … ON CONFLICT DO UPDATE … WHERE under-the-limit … RETURNING: two servers
 * (or two requests) adding at once are serialised by the row lock, and the second sees the
 * first's total, so a limit is never passed however many servers share the database.
 */

/** `short_link`: GET /s/:code per address (src/notifications/short-link.ts). */
export type CounterScope = 'submit' | 'challenge' | 'districts' | 'queue' | 'photo_bytes' | 'short_link';

/**
 * Adds to a counter unless the total would pass `max`; the new totals, or null when refused
 * (nothing added). `max` of hits and bytes: a row is refused if either would be passed.
 */
export async function addToCounter(
  db: Db,
  key: { scope: CounterScope; subject: string; windowStart: Date },
  add: { hits?: number; bytes?: number },
  max: { hits?: number; bytes?: number },
): Promise<{ hits: number; bytes: number } | null> {
  const hits = add.hits ?? 0,
    bytes = add.bytes ?? 0;
  if ((max.hits != null && hits > max.hits) || (max.bytes != null && bytes > max.bytes)) return null;
  const t = publicLimitCounter;
  const under = and(
    max.hits != null ? sql`${t.hits} + excluded.hits <= ${max.hits}::bigint` : undefined,
    max.bytes != null ? sql`${t.bytes} + excluded.bytes <= ${max.bytes}::bigint` : undefined,
  );
  const [row] = await db
    .insert(t)
    .values({ ...key, hits, bytes })
    .onConflictDoUpdate({
      target: [t.scope, t.subject, t.windowStart],
      set: { hits: sql`${t.hits} + excluded.hits`, bytes: sql`${t.bytes} + excluded.bytes` },
      ...(under ? { setWhere: under } : {}),
    })
    .returning({ hits: t.hits, bytes: t.bytes });
  return row ? { hits: Number(row.hits), bytes: Number(row.bytes) } : null;
}

/** Counters of windows that started before `before` go. */
export async function pruneCounters(db: Db, before: Date) {
  await db.delete(publicLimitCounter).where(lt(publicLimitCounter.windowStart, before));
}

/** The subject an address is counted under: IPv4 as is, IPv6 by its /64 (an IPv4-mapped one as IPv4). */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip.slice(0, 64);
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
