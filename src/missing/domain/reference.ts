import type { RecordKind } from './vocabulary';

/**
 * Public references of missing-child reports (MR-…) and found children (FC-…). They are handed
 * to citizens and read out on the phone, so they must not be guessable (a sequence number told
 * anyone how many reports a district had and what the neighbour's reference was) and must not
 * be misread: ten characters from an alphabet without 0/O, 1/I/L, in two groups of five
 * (MR-7KQ4X-M9TZ2). 31^10 ≈ 8·10^14 values (≈ 49.5 bits): a collision is refused by the unique
 * index and the insert retried with a new draw (missing.repository.ts).
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 10;

/** `randomByte` returns a uniformly random integer 0–255 (crypto in the server). */
export function newReference(kind: RecordKind, randomByte: () => number): string {
  const n = REFERENCE_ALPHABET.length;
  const limit = 256 - (256 % n); // rejection sampling: every character equally likely
  let body = '';
  while (body.length < REFERENCE_LENGTH) {
    const b = randomByte();
    if (b < limit) body += REFERENCE_ALPHABET[b % n];
  }
  return `${kind === 'missing' ? 'MR' : 'FC'}-${body.slice(0, 5)}-${body.slice(5)}`;
}

/**
 * What an official types when looking a reference up: case, spaces and dashes do not matter,
 * and the letters people confuse with digits are read as the digits… except that the random
 * alphabet has no 0/1, so O→0 and I/L→1 only help the older sequential references (MR-000123).
 * Returns the canonical form without dashes ("MR7KQ4XM9TZ2"), or null when it is not a reference.
 */
export function normaliseReference(q: string): string | null {
  const s = q.toUpperCase().replace(/[\s-]/g, '');
  const m = /^(MR|FC)([0-9A-Z]{6,10})$/.exec(s);
  if (!m) return null;
  const body = /^[0-9OIL]+$/.test(m[2]) ? m[2].replace(/O/g, '0').replace(/[IL]/g, '1') : m[2];
  return m[1] + body;
}
