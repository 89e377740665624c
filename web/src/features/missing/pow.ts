import { solveChallenge } from '../../../../src/missing/domain/pow';
import { request } from '../../api/client';

/**
 * The public forms' proof of work (src/missing/public-limits.ts): before a post the page asks
 * the server for a challenge and finds a nonce such that sha256(challenge + nonce) starts with
 * the challenge's number of zero bits. In a Web Worker when the browser has one; otherwise on
 * the page in chunks that yield to the browser between them, so the form stays responsive.
 */
export interface SolvedChallenge {
  challenge: string;
  nonce: string;
}

export async function solvedChallenge(signal?: AbortSignal): Promise<SolvedChallenge> {
  const c = await request<{ challenge: string; difficulty: number }>('POST', '/public/challenges', { expect401: true, signal });
  return { challenge: c.challenge, nonce: await solve(c.challenge, c.difficulty, signal) };
}

export const powHeaders = (s: SolvedChallenge) => ({ 'x-pow-challenge': s.challenge, 'x-pow-nonce': s.nonce });

const aborted = () => new DOMException('The check was stopped', 'AbortError');

async function solveOnPage(challenge: string, difficulty: number, signal?: AbortSignal): Promise<string> {
  const out = await solveChallenge(challenge, difficulty, { chunk: 2000, signal, pause: () => new Promise((r) => setTimeout(r, 0)) });
  if (!out) throw aborted();
  return out.nonce;
}

function solve(challenge: string, difficulty: number, signal?: AbortSignal): Promise<string> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return solveOnPage(challenge, difficulty, signal);
  }
  return new Promise((resolve, reject) => {
    const done = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<{ nonce: string | null }>) => {
      done();
      if (e.data.nonce != null) resolve(e.data.nonce);
      else reject(aborted());
    };
    // A worker that cannot start (a strict content policy, an old browser): the page does it.
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      solveOnPage(challenge, difficulty, signal).then(resolve, reject);
    };
    signal?.addEventListener('abort', () => {
      done();
      reject(aborted());
    });
    worker.postMessage({ challenge, difficulty });
  });
}
