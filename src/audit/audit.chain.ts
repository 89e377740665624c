import type { Database } from '../db/client';
import { auditHashV2, GENESIS_HASH } from './audit.hash';
import { CHAIN_LOCK, insertChainLinks, pendingEvents } from './audit.repository';

/**
 * Chains every queued entry that has committed, in one or more short transactions that hold
 * the chain lock only for the time it takes to hash a batch. Order: by seq among the entries
 * this transaction can see. Seq order is not commit order under concurrency (a lower seq may
 * commit later); that entry is simply picked up by the next run and gets a later position.
 * What the chain guarantees is that every committed entry is chained exactly once
 * (audit_chain.event_seq is unique, the queue row goes in the same transaction) and that the
 * positions and hashes can be recomputed. Returns how many entries were chained.
 */
export async function chainPending(database: Database, batch = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await database.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
      // Read after the lock: the snapshot then includes the previous chainer's commit.
      const { events, head } = await pendingEvents(tx, batch);
      if (!events.length) return 0;
      let pos = head?.pos ?? 0;
      let prev = head?.hash ?? GENESIS_HASH;
      const links = events.map((e) => {
        pos += 1;
        const hash = auditHashV2(prev, pos, e.seq, e, e.subjects);
        const link = { pos, eventSeq: e.seq, prevHash: prev, hash };
        prev = hash;
        return link;
      });
      await insertChainLinks(tx, links);
      return links.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

/** Bumped by every audit(): lets the after-response kick skip databases with nothing new. */
let written = 0;
export const noteAuditWritten = () => void written++;

type OnError = (err: unknown) => void;

/**
 * One background chainer per database. `kick()` after a request's transaction committed
 * starts a run, or asks the running one to go round once more: under load many requests'
 * entries are chained in one short transaction.
 */
class Chainer {
  private running: Promise<void> | null = null;
  private again = false;
  private seen = -1;
  constructor(
    private readonly database: Database,
    private readonly onError: OnError,
  ) {}

  kick(force = false): void {
    if (!force && this.seen === written) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = null));
  }

  private async loop() {
    do {
      this.again = false;
      this.seen = written;
      try {
        await chainPending(this.database);
      } catch (err) {
        this.onError(err);
        return;
      }
    } while (this.again);
  }

  /** Waits for a run in progress (before the database closes). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}

const chainers = new WeakMap<Database, Chainer>();

export function chainerFor(database: Database, onError: OnError = () => undefined): Chainer {
  let c = chainers.get(database);
  if (!c) chainers.set(database, (c = new Chainer(database, onError)));
  return c;
}
