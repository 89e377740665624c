import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context';
import type { Database } from '../db/client';
import { chainerFor } from './audit.chain';
import { createCheckpoint } from './audit.checkpoint';

const errorInfo = (err: unknown) => {
  const e = err as Error & { code?: string };
  // The type and code only: a failed query's message carries its parameters.
  return { type: e?.constructor?.name, code: e?.code };
};

/**
 * Chains the audit entries a request wrote, right after its response (its transaction has
 * committed by then), in the background: the request does not wait, and under load one short
 * chaining transaction takes the entries of many requests. The server's sweeper catches the
 * rest (entries of a process that stopped before chaining them).
 */
export function registerAuditChaining(app: FastifyInstance, ctx: AppContext) {
  const chainer = chainerFor(ctx.database, (err) => app.log.error({ err: errorInfo(err) }, 'audit chaining failed'));
  app.addHook('onResponse', async () => chainer.kick());
  app.addHook('onClose', async () => chainer.idle());
}

export interface AuditSweeperOptions {
  now: () => Date;
  /** HMAC key for checkpoints; without one, no checkpoints are made. */
  key: Buffer | null;
  /** Also append each checkpoint to this file (AUDIT_CHECKPOINT_FILE). */
  checkpointFile?: string | null;
  chainEveryMs?: number;
  checkpointEveryMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

/**
 * The server's periodic part: chains whatever is queued every few seconds, and signs a
 * checkpoint of the head every few minutes when it moved (and once at start and at stop).
 */
export function startAuditSweeper(database: Database, o: AuditSweeperOptions): { stop: () => Promise<void> } {
  const log = o.log ?? (() => undefined);
  const chainer = chainerFor(database, (err) => log('audit chaining failed', errorInfo(err)));
  let busy: Promise<unknown> = Promise.resolve();
  const checkpoint = () => {
    if (!o.key) return;
    busy = busy
      .then(() => createCheckpoint(database, o.key!, o.now(), { file: o.checkpointFile }))
      .catch((err) => log('audit checkpoint failed', errorInfo(err)));
  };
  const chain = setInterval(() => chainer.kick(true), o.chainEveryMs ?? 5_000);
  const sign = setInterval(checkpoint, o.checkpointEveryMs ?? 10 * 60_000);
  chain.unref();
  sign.unref();
  checkpoint();
  return {
    async stop() {
      clearInterval(chain);
      clearInterval(sign);
      await chainer.idle();
      checkpoint();
      await busy;
    },
  };
}
