/**
 * Failures that happen away from any request: background jobs (pg-boss handlers, the
 * notification outbox) and the database pool's idle connections. Each is logged with
 * `safeError` (type, code, stack frames: never a message, which may carry a query's
 * parameters, i.e. names and identifiers) and counted; `GET /api/health` reports the counts
 * so that monitoring sees a job failing every night without anyone reading logs.
 * One process has one set of pools and job workers, so the counts are per process.
 */
import pino from 'pino';
import { safeError } from './safe-error';

export interface OpsCounts {
  jobs: { failures: Record<string, number> };
  pool: { errors: number };
}

export type OpsLog = (entry: { msg: string; queue?: string; err: ReturnType<typeof safeError> }) => void;

const jobFailures = new Map<string, number>();
let poolErrors = 0;

let logger: pino.Logger | null = null;
const defaultLog: OpsLog = ({ msg, ...fields }) => {
  logger ??= pino({ level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info') });
  logger.error(fields, msg);
};
let log: OpsLog = defaultLog;

/** Replaces where failures are logged (tests read the entries); null restores the default. */
export function setOpsLog(fn: OpsLog | null) {
  log = fn ?? defaultLog;
}

export function recordJobFailure(queue: string, err: unknown) {
  jobFailures.set(queue, (jobFailures.get(queue) ?? 0) + 1);
  log({ msg: 'background job failed', queue, err: safeError(err) });
}

/** A failure already reduced to a safe `Type:code` (a domain event handler's, src/events/dispatcher.ts). */
export function recordJobFailureCode(queue: string, typeAndCode: string) {
  jobFailures.set(queue, (jobFailures.get(queue) ?? 0) + 1);
  const [type, code] = typeAndCode.split(':');
  log({ msg: 'background job failed', queue, err: { type, code, cause: undefined, stack: undefined } });
}

export function recordPoolError(err: unknown) {
  poolErrors++;
  log({ msg: 'database pool error', err: safeError(err) });
}

export function opsCounts(): OpsCounts {
  return { jobs: { failures: Object.fromEntries(jobFailures) }, pool: { errors: poolErrors } };
}

/**
 * A pg-boss handler that counts and logs its failures. pg-boss stores a failed job's error
 * in its own table and retries it; what it stores is the error's type and code only.
 */
export function countingFailures<A extends unknown[], R>(queue: string, handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      recordJobFailure(queue, err);
      const s = safeError(err);
      throw new JobFailedError(`${s.type ?? 'Error'}${s.code ? ` ${s.code}` : ''}`);
    }
  };
}

export class JobFailedError extends Error {
  override name = 'JobFailedError';
}

/** The listener for a pg-boss instance's 'error' event (failed polling, maintenance). */
export function bossErrorListener(fallbackQueue: string) {
  return (err: unknown) => recordJobFailure((err as { queue?: string })?.queue ?? fallbackQueue, err);
}
