import { solveChallenge } from '../../../../src/missing/domain/pow';

/** Solves a public form's proof-of-work challenge off the page's thread (pow.ts). */
self.onmessage = async (e: MessageEvent<{ challenge: string; difficulty: number }>) => {
  const out = await solveChallenge(e.data.challenge, e.data.difficulty, { chunk: 50_000 });
  self.postMessage({ nonce: out?.nonce ?? null });
};
