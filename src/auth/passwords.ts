import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootPath } from '../kernel/paths';
import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const OPTIONS = { algorithm: 2 /* Argon2id (a const enum in the typings) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

let verifications = 0;
/** How many argon2 verifications ran (lets a test see that unknown users cost a verification too). */
export const verificationCount = () => verifications;

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A real hash with the same parameters, made once per process: verifying against it costs
// exactly what verifying a user's hash costs, so an unknown, locked or deactivated username
// answers in the same time as a wrong password (a malformed hash would fail fast).
let dummy: Promise<string> | null = null;
/** Spends one real verification and always answers false. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(18).toString('base64url'));
  await verifyPassword(await dummy, password);
  return false;
}

export const MIN_PASSWORD_LENGTH = 12;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(rootPath('src', 'auth', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't', '8': 'b' };
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiopasdfghjklzxcvbnm',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

/** A short unit repeated ("abcabcabcabc", "passwordpassword"), or the unit itself when it is common. */
function repeatedUnit(s: string): string | null {
  for (let n = 1; n <= s.length / 2; n++) {
    if (s.length % n === 0 && s.slice(0, n).repeat(s.length / n) === s) return s.slice(0, n);
  }
  return null;
}

/**
 * The password rule for every password a person sets (API, the users screen, `samanvay user
 * create`, a change or a reset): at least 12 characters (NIST SP 800-63B §5.1.1.2 asks for a
 * blocklist and length rather than composition rules), not one of the most common passwords,
 * not a common word or pattern with digits or symbols added ("Password123", "qwerty2024!"),
 * not a repetition or keyboard sequence, and not the username. Passwords already stored (the
 * demo users are seeded by hash with `vatsalya2026`) are not re-checked.
 */
export function passwordProblem(password: string, context: { username?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return 'is one of the most common passwords; choose another';
  // The letters in the middle, with digits and symbols at either end removed and look-alike
  // characters read as letters: "P@ssw0rd2026!" → "password". Letters of any script count.
  const core = lower.replace(/^[^\p{L}\p{M}]+|[^\p{L}\p{M}]+$/gu, '');
  const plain = [...core].map((c) => LEET[c] ?? c).join('');
  if (core.length < 4) return 'is mostly digits or symbols; use words';
  const unit = repeatedUnit(lower) ?? repeatedUnit(plain);
  if (list.has(plain) || list.has(core) || (unit && (unit.length <= 4 || list.has(unit)))) {
    return 'is a common word or pattern with digits or symbols added; choose something less predictable';
  }
  if (SEQUENCES.some((seq) => seq.includes(lower) || [...seq].reverse().join('').includes(lower)))
    return 'is a keyboard or alphabet sequence';
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && (lower.includes(username) || plain.includes(username))) return 'must not contain the username';
  return null;
}
