import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { HttpError } from '../http/errors';
import { IST_OFFSET_MS, istToday } from '../kernel/clock';
import { leadingZeroBits } from './domain/pow';
import { addToCounter, addressKey, type CounterScope } from '../kernel/rate-counter';
import { findChallenge, insertChallenge, pruneLimits, useChallenge } from './public-limits.repository';

/**
 * Abuse limits of the public forms (no account; issue #11). All state is in the database, so
 * several servers behind one address share it:
 * - per address (req.ip; a client-claimed X-Forwarded-For counts only when the server is told
 *   to trust a proxy), fixed windows: form posts (`MISSING_PUBLIC_RATE_MAX`, default 5 per
 *   `MISSING_PUBLIC_RATE_WINDOW`, default 1 hour; refused and malformed posts count too),
 *   challenges (`MISSING_PUBLIC_CHALLENGE_MAX`, default 30 per window), the district picker (300 per hour).
 *   IPv6 addresses count per /64, the block one subscriber is given.
 * - per IST day: submissions accepted into the moderation queue from all addresses together
 *   (`MISSING_PUBLIC_DAILY_MAX`, default 500) and stored photo bytes per address
 *   (`MISSING_PUBLIC_PHOTO_BYTES_PER_DAY`, default 15 MB: three full-size photos).
 * - a proof-of-work challenge per post (`MISSING_PUBLIC_POW_BITS`, default 16 zero bits: about
 *   65,000 hashes, well under a second in a phone's browser; valid `MISSING_PUBLIC_POW_TTL`,
 *   default 10 minutes; used once), sent as the headers X-Pow-Challenge and X-Pow-Nonce.
 * Refusals are 429 (`rate_limited`, `daily_limit_reached`, `photo_quota_exceeded`, with
 * `retryAfterSeconds` and Retry-After) or 400/409 for the challenge (`challenge_required`,
 * `challenge_unknown`, `challenge_expired`, `challenge_failed`, `challenge_used`).
 */
export interface PublicLimits {
  submit: { max: number; windowMs: number };
  challenge: { max: number; windowMs: number };
  districts: { max: number; windowMs: number };
  dailySubmissions: number;
  photoBytesPerDay: number;
  pow: { bits: number; ttlMs: number };
}

const UNITS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** "1 hour", "30 minutes", "90 seconds" or a number of milliseconds. */
export function parseDuration(name: string, v: string): number {
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d+)\s*(second|minute|hour|day)s?$/i.exec(s);
  if (!m || Number(m[1]) <= 0) throw new Error(`${name}: "${v}" is not a duration (e.g. "1 hour", "30 minutes" or milliseconds)`);
  return Number(m[1]) * UNITS[m[2].toLowerCase()];
}

function count(name: string, v: string | undefined, dflt: number, min: number, max: number): number {
  if (v === undefined || v.trim() === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}: "${v}" must be a whole number from ${min} to ${max}`);
  return n;
}

/** The limits from the environment (read on every request, so an operator's change needs no code). */
export function publicLimits(env: NodeJS.ProcessEnv = process.env): PublicLimits {
  const windowMs = parseDuration('MISSING_PUBLIC_RATE_WINDOW', env.MISSING_PUBLIC_RATE_WINDOW ?? '1 hour');
  return {
    submit: { max: count('MISSING_PUBLIC_RATE_MAX', env.MISSING_PUBLIC_RATE_MAX, 5, 1, 1_000_000), windowMs },
    challenge: { max: count('MISSING_PUBLIC_CHALLENGE_MAX', env.MISSING_PUBLIC_CHALLENGE_MAX, 30, 1, 1_000_000), windowMs },
    districts: { max: 300, windowMs: UNITS.hour },
    dailySubmissions: count('MISSING_PUBLIC_DAILY_MAX', env.MISSING_PUBLIC_DAILY_MAX, 500, 1, 10_000_000),
    photoBytesPerDay: count('MISSING_PUBLIC_PHOTO_BYTES_PER_DAY', env.MISSING_PUBLIC_PHOTO_BYTES_PER_DAY, 15 * 1024 * 1024, 0, 2 ** 40),
    pow: {
      bits: count('MISSING_PUBLIC_POW_BITS', env.MISSING_PUBLIC_POW_BITS, 16, 0, 28),
      ttlMs: parseDuration('MISSING_PUBLIC_POW_TTL', env.MISSING_PUBLIC_POW_TTL ?? '10 minutes'),
    },
  };
}

const windowOf = (now: Date, ms: number) => new Date(Math.floor(now.getTime() / ms) * ms);
/** The start of the IST calendar day `now` falls on (src/kernel/clock.ts). */
const istDayStart = (now: Date) => new Date(Date.parse(`${istToday(now)}T00:00:00Z`) - IST_OFFSET_MS);
const secondsUntil = (end: number, now: Date) => Math.max(1, Math.ceil((end - now.getTime()) / 1000));

const describeWindow = (ms: number) => {
  for (const [unit, size] of [
    ['day', UNITS.day],
    ['hour', UNITS.hour],
    ['minute', UNITS.minute],
  ] as const) {
    if (ms % size === 0) return `${ms / size} ${unit}${ms / size === 1 ? '' : 's'}`;
  }
  return `${Math.round(ms / 1000)} seconds`;
};

const EMERGENCY = 'in an emergency call the child helpline 1098 or 112.';

function tooMany(code: string, message: string, retryAfterSeconds: number, issues?: { field: string; message: string }[]) {
  return new HttpError(429, code, message, issues, { retryAfterSeconds });
}

/** Counts one request from an address against a per-address limit; 429 `rate_limited` past it. */
export async function countRequest(
  db: Db,
  scope: Extract<CounterScope, 'submit' | 'challenge' | 'districts'>,
  ip: string,
  now: Date,
  limits = publicLimits(),
) {
  const l = limits[scope];
  const windowStart = windowOf(now, l.windowMs);
  const ok = await addToCounter(db, { scope, subject: addressKey(ip), windowStart }, { hits: 1 }, { hits: l.max });
  if (ok) return;
  const wait = secondsUntil(windowStart.getTime() + l.windowMs, now);
  const what = scope === 'submit' ? 'submissions' : 'requests';
  throw tooMany(
    'rate_limited',
    `Too many ${what} from your network (at most ${l.max} in ${describeWindow(l.windowMs)}). Try again in ${Math.ceil(wait / 60)} minute(s); ${EMERGENCY}`,
    wait,
  );
}

// ---------------------------------------------------------------- proof of work

export const CHALLENGE_HEADER = 'x-pow-challenge';
export const NONCE_HEADER = 'x-pow-nonce';

export async function issueChallenge(db: Db, now: Date, limits = publicLimits()) {
  const id = randomBytes(18).toString('base64url');
  const expiresAt = new Date(now.getTime() + limits.pow.ttlMs);
  await insertChallenge(db, { id, difficulty: limits.pow.bits, issuedAt: now, expiresAt });
  // Now and then, old counters (two days back) and challenges (an hour past expiry) go.
  if (id.charCodeAt(0) % 16 === 0) await pruneLimits(db, new Date(now.getTime() - 2 * UNITS.day), new Date(now.getTime() - UNITS.hour));
  return {
    challenge: id,
    difficulty: limits.pow.bits,
    algorithm: 'sha256-leading-zero-bits' as const,
    expiresAt: expiresAt.toISOString(),
    howTo: `Find a decimal nonce such that sha256(challenge + nonce), as UTF-8, starts with ${limits.pow.bits} zero bits; send the form with the headers X-Pow-Challenge and X-Pow-Nonce.`,
  };
}

const challengeError = (status: number, code: string, field: string, message: string) =>
  new HttpError(status, code, `${field}: ${message}`, [{ field, message }]);

/** The nonce solves the challenge (server side: node's sha256, one hash). */
export function verifyNonce(challenge: string, nonce: string, difficulty: number): boolean {
  return (
    leadingZeroBits(
      createHash('sha256')
        .update(challenge + nonce, 'utf8')
        .digest(),
      8,
    ) >= difficulty
  );
}

/**
 * Checks the post's challenge before its body is read (a cheap refusal of posts without work).
 * Not yet used: `consumeChallenge`, in the saving transaction, uses it once.
 */
export async function checkChallenge(db: Db, headers: Record<string, string | string[] | undefined>, now: Date): Promise<string> {
  const one = (h: string) => (Array.isArray(headers[h]) ? (headers[h] as string[])[0] : (headers[h] as string | undefined))?.trim() ?? '';
  const id = one(CHALLENGE_HEADER),
    nonce = one(NONCE_HEADER);
  if (!id)
    throw challengeError(
      400,
      'challenge_required',
      CHALLENGE_HEADER,
      'is required: get one from POST /api/v1/public/challenges and solve it',
    );
  if (!nonce) throw challengeError(400, 'challenge_required', NONCE_HEADER, 'is required: the nonce that solves the challenge');
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id))
    throw challengeError(400, 'challenge_unknown', CHALLENGE_HEADER, 'is not a challenge this server issued');
  if (!/^\d{1,16}$/.test(nonce)) throw challengeError(400, 'challenge_failed', NONCE_HEADER, 'must be a decimal number (1–16 digits)');
  const c = await findChallenge(db, id);
  if (!c) throw challengeError(400, 'challenge_unknown', CHALLENGE_HEADER, 'is not a challenge this server issued');
  if (c.usedAt) throw challengeError(409, 'challenge_used', CHALLENGE_HEADER, 'was used already: get a new one');
  if (c.expiresAt.getTime() <= now.getTime())
    throw challengeError(400, 'challenge_expired', CHALLENGE_HEADER, 'has expired: get a new one');
  if (!verifyNonce(id, nonce, c.difficulty))
    throw challengeError(
      400,
      'challenge_failed',
      NONCE_HEADER,
      `does not solve the challenge (sha256 must start with ${c.difficulty} zero bits)`,
    );
  return id;
}

/**
 * In the transaction that saves a public submission: the challenge is used (once), the day's
 * moderation queue and the address's photo bytes are counted. A refusal rolls all of it back
 * with the submission, so a refused post leaves no row, no count and an unused challenge.
 */
export async function chargeSubmission(
  db: Db,
  p: { challenge: string; ip: string; photoBytes: number; now: Date },
  limits = publicLimits(),
) {
  if (!(await useChallenge(db, p.challenge, p.now)))
    throw challengeError(409, 'challenge_used', CHALLENGE_HEADER, 'was used already (or has expired): get a new one');
  const day = istDayStart(p.now);
  const nextDay = day.getTime() + UNITS.day;
  const queued = await addToCounter(db, { scope: 'queue', subject: '*', windowStart: day }, { hits: 1 }, { hits: limits.dailySubmissions });
  if (!queued) {
    throw tooMany(
      'daily_limit_reached',
      `Today's public submissions have reached the limit the district units can check (${limits.dailySubmissions}). Try again tomorrow; ${EMERGENCY}`,
      secondsUntil(nextDay, p.now),
    );
  }
  if (p.photoBytes > 0) {
    const stored = await addToCounter(
      db,
      { scope: 'photo_bytes', subject: addressKey(p.ip), windowStart: day },
      { bytes: p.photoBytes },
      { bytes: limits.photoBytesPerDay },
    );
    if (!stored) {
      const mb = Math.round((limits.photoBytesPerDay / 1024 / 1024) * 10) / 10;
      throw tooMany(
        'photo_quota_exceeded',
        `photo: your network has sent as many photos today as we keep (${mb} MB a day). Send the report without the photo, or try again tomorrow.`,
        secondsUntil(nextDay, p.now),
        [{ field: 'photo', message: `over today's photo allowance for your network (${mb} MB)` }],
      );
    }
  }
}
