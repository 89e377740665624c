import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, nonceSolves, sha256Words, solveChallenge } from './pow';
import { verifyNonce } from '../public-limits';

/** The browser's sha256 and solver (pure) against the server's check (node:crypto). */
describe('proof of work', () => {
  it('the pure sha256 is node’s sha256, for any text (one block, several, Devanagari)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const words = sha256Words(new TextEncoder().encode(s));
        const hex = [...words].map((w) => w.toString(16).padStart(8, '0')).join('');
        expect(hex).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('counts leading zero bits of bytes and of words alike', () => {
    expect(leadingZeroBits([0, 0, 0x0f, 0xff], 8)).toBe(20);
    expect(leadingZeroBits([0x00000fff, 1], 32)).toBe(20);
    expect(leadingZeroBits([0, 0], 8)).toBe(16);
    expect(leadingZeroBits([0x80], 8)).toBe(0);
  });

  it('a solved nonce passes the server’s check; the server and the browser agree on every nonce', async () => {
    for (const bits of [0, 1, 8, 12]) {
      const challenge = `test-challenge-${bits}-abcdefgh`;
      const out = await solveChallenge(challenge, bits, { chunk: 257, pause: () => Promise.resolve() });
      expect(out).not.toBeNull();
      expect(verifyNonce(challenge, out!.nonce, bits)).toBe(true);
      // The first solution: no smaller nonce solves it.
      for (let n = 0; n < Number(out!.nonce); n++) expect(verifyNonce(challenge, String(n), bits)).toBe(false);
    }
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 0, max: 10 }),
        (c, n, bits) => nonceSolves(c, String(n), bits) === verifyNonce(c, String(n), bits),
      ),
    );
  });

  it('gives up when aborted or out of tries', async () => {
    const ctl = new AbortController();
    ctl.abort();
    expect(await solveChallenge('x', 30, { chunk: 10, signal: ctl.signal })).toBeNull();
    expect(await solveChallenge('x', 30, { maxTries: 50 })).toBeNull();
  });
});
