import type { Database } from '../db/client';
import { auditHashV1, auditHashV2, GENESIS_HASH, legacySubjects } from './audit.hash';
import { chainPending } from './audit.chain';
import { chainInOrder, unchainedCounts } from './audit.repository';
import { checkpointSignatureValid, listCheckpoints, type Checkpoint } from './audit.checkpoint';

export type VerifyProblem = 'changed' | 'removed' | 'truncated' | 'rehashed' | 'forged_checkpoint' | 'checkpoint_removed' | 'outside_chain';

export interface VerifyResult {
  ok: boolean;
  /** Chain links whose hashes were recomputed. */
  checked: number;
  /** Committed entries not chained yet (written while verify ran): not tampering. */
  pending: number;
  problem?: VerifyProblem;
  reason?: string;
  /** The entry (seq) and chain position where the chain first breaks. */
  firstBadSeq?: number;
  firstBadPos?: number;
  /** The newest checkpoint the chain was checked against. */
  checkpoint?: { pos: number; at: string; from: 'database' | 'file' } | null;
  /** Whether checkpoint signatures could be checked (a key was given). */
  signatures: 'checked' | 'no_key' | 'none';
}

export interface VerifyOptions {
  /** HMAC key of the checkpoints (audit.checkpoint.ts); without it signatures are not checked. */
  key?: Buffer | null;
  /** Checkpoints exported to a second place (`audit checkpoint --export`, AUDIT_CHECKPOINT_FILE). */
  fileCheckpoints?: Checkpoint[];
  /** Chain what is queued first (default). */
  chainFirst?: boolean;
  onProgress?: (checked: number) => void;
}

type Anchor = Checkpoint & { from: 'database' | 'file' };

/**
 * Recomputes the whole chain and checks it against every checkpoint. Finds an edited entry
 * (its hash), a removed one (a gap or a broken link), entries slipped in beside the chain,
 * a deleted tail (a checkpoint beyond the end), a chain rebuilt with consistent hashes (a
 * checkpoint that no longer matches) and forged checkpoints (signature, with the key).
 */
export async function verifyAuditChain(database: Database, opts: VerifyOptions = {}): Promise<VerifyResult> {
  if (opts.chainFirst !== false) await chainPending(database);
  const dbAnchors: Anchor[] = (await listCheckpoints(database)).map((c) => ({ ...c, from: 'database' }));
  const fileAnchors: Anchor[] = (opts.fileCheckpoints ?? []).map((c) => ({ ...c, from: 'file' }));
  const anchors = [...dbAnchors, ...fileAnchors];
  const signatures: VerifyResult['signatures'] = !anchors.length ? 'none' : opts.key ? 'checked' : 'no_key';
  let checked = 0;
  const fail = (problem: VerifyProblem, reason: string, at?: { seq?: number; pos?: number }): VerifyResult => ({
    ok: false,
    checked,
    pending: 0,
    problem,
    reason,
    firstBadSeq: at?.seq,
    firstBadPos: at?.pos,
    signatures,
  });
  const when = (a: Anchor) => `the checkpoint of ${a.at} (position ${a.pos}, from the ${a.from === 'file' ? 'exported file' : 'database'})`;

  if (opts.key) {
    const forged = anchors.find((a) => !checkpointSignatureValid(opts.key!, a));
    if (forged) return fail('forged_checkpoint', `${when(forged)} has an invalid signature: it was made or altered without the audit key`);
  }
  const inDb = new Set(dbAnchors.map((a) => `${a.pos}|${a.headHash}|${a.mac}`));
  const removed = fileAnchors.find((a) => !inDb.has(`${a.pos}|${a.headHash}|${a.mac}`));

  const byPos = new Map<number, Anchor[]>();
  for (const a of anchors) byPos.set(a.pos, [...(byPos.get(a.pos) ?? []), a]);

  let prev = GENESIS_HASH;
  let pos = 0;
  for await (const links of chainInOrder(database)) {
    for (const l of links) {
      if (l.pos !== pos + 1)
        return fail('removed', `chain positions ${pos + 1}–${l.pos - 1} are missing: entries were removed`, {
          seq: l.eventSeq,
          pos: l.pos,
        });
      if (!l.event)
        return fail('removed', `the entry at position ${l.pos} (seq ${l.eventSeq}) was removed`, { seq: l.eventSeq, pos: l.pos });
      if (l.prevHash !== prev) return fail('removed', 'the entry before it was changed or removed', { seq: l.eventSeq, pos: l.pos });
      const subjects = [...l.event.subjects].sort();
      let expected: string;
      if (l.hashVersion === 1) {
        if (subjects.join(',') !== legacySubjects(l.event).join(',')) {
          return fail('changed', 'the list of children and families of the entry was changed', { seq: l.eventSeq, pos: l.pos });
        }
        expected = auditHashV1(prev, l.event);
      } else {
        expected = auditHashV2(prev, l.pos, l.eventSeq, l.event, subjects);
      }
      if (expected !== l.hash) return fail('changed', 'the entry was changed', { seq: l.eventSeq, pos: l.pos });
      const mismatch = byPos.get(l.pos)?.find((a) => a.headHash !== l.hash);
      if (mismatch) {
        return fail('rehashed', `the chain at position ${l.pos} does not match ${when(mismatch)}: the chain was rewritten and re-hashed`, {
          seq: l.eventSeq,
          pos: l.pos,
        });
      }
      prev = l.hash;
      pos = l.pos;
      checked++;
    }
    opts.onProgress?.(checked);
  }

  const beyond = anchors.filter((a) => a.pos > pos).sort((a, b) => b.pos - a.pos)[0];
  if (beyond) {
    return fail(
      'truncated',
      `the chain ends at position ${pos} but ${when(beyond)} covers ${beyond.pos} entries: the tail of the log was deleted (truncation)`,
      { pos: pos + 1 },
    );
  }
  if (removed) return fail('checkpoint_removed', `${when(removed)} is not in the database: checkpoints were deleted there`);
  const outside = await unchainedCounts(database);
  if (outside.orphaned) {
    return fail(
      'outside_chain',
      `${outside.orphaned} entries are neither chained nor queued (first seq ${outside.firstOrphan}): written around the log or their chain links removed`,
      { seq: outside.firstOrphan ?? undefined },
    );
  }
  const latest = [...anchors].sort((a, b) => b.pos - a.pos || b.at.localeCompare(a.at))[0];
  return {
    ok: true,
    checked,
    pending: outside.queued,
    checkpoint: latest ? { pos: latest.pos, at: latest.at, from: latest.from } : null,
    signatures,
  };
}
