/**
 * The public forms' proof-of-work (no third-party CAPTCHA): the server issues a random
 * challenge with a difficulty N; the browser finds a nonce such that sha256(challenge + nonce),
 * as UTF-8, starts with N zero bits, and sends both with the form. Expected work is 2^N hashes
 * for the sender and one for the server. Pure and dependency-free: the web app solves with it
 * (sha256 written out here, because crypto.subtle exists only on HTTPS pages and is async per
 * hash), the server verifies with node:crypto (public-limits.ts) and a test checks both agree.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** sha256 of bytes, as 8 big-endian 32-bit words. */
export function sha256Words(bytes: Uint8Array): Uint32Array {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const bitLen = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLen / 0x100000000));
  view.setUint32(padded.length - 4, bitLen >>> 0);
  const w = new Uint32Array(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15],
        b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0] + a) >>> 0;
    h[1] = (h[1] + b) >>> 0;
    h[2] = (h[2] + c) >>> 0;
    h[3] = (h[3] + d) >>> 0;
    h[4] = (h[4] + e) >>> 0;
    h[5] = (h[5] + f) >>> 0;
    h[6] = (h[6] + g) >>> 0;
    h[7] = (h[7] + hh) >>> 0;
  }
  return h;
}

/** Leading zero bits of a digest given as big-endian bytes or words. */
export function leadingZeroBits(digest: ArrayLike<number>, bitsPerItem: 8 | 32): number {
  let n = 0;
  for (let i = 0; i < digest.length; i++) {
    const v = digest[i] >>> 0;
    if (v === 0) {
      n += bitsPerItem;
      continue;
    }
    return n + (bitsPerItem === 32 ? Math.clz32(v) : Math.clz32(v) - 24);
  }
  return n;
}

const utf8 = new TextEncoder();

/** True when sha256(challenge + nonce) starts with `difficulty` zero bits (the pure version). */
export function nonceSolves(challenge: string, nonce: string, difficulty: number): boolean {
  return leadingZeroBits(sha256Words(utf8.encode(challenge + nonce)), 32) >= difficulty;
}

/**
 * Looks for a nonce in chunks of `chunk` tries, yielding between chunks (`pause`) so the page
 * stays responsive when this runs on the main thread; a Web Worker can call it with no pause.
 * Nonces are decimal strings counted from 0. Gives up (null) after `maxTries` or when aborted.
 */
export async function solveChallenge(
  challenge: string,
  difficulty: number,
  opts: { chunk?: number; maxTries?: number; signal?: AbortSignal; pause?: () => Promise<void> } = {},
): Promise<{ nonce: string; tries: number } | null> {
  const chunk = opts.chunk ?? 5000;
  const maxTries = opts.maxTries ?? 2 ** Math.min(difficulty + 8, 40);
  for (let n = 0; n < maxTries;) {
    const end = Math.min(n + chunk, maxTries);
    for (; n < end; n++) {
      if (nonceSolves(challenge, String(n), difficulty)) return { nonce: String(n), tries: n + 1 };
    }
    if (opts.signal?.aborted) return null;
    if (opts.pause) await opts.pause();
  }
  return null;
}
