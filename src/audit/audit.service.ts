import type { Db } from '../db/client';
import type { Actor, Placement } from '../access/policy';
import { appendAudit, auditEventsInOrder } from './audit.repository';
import { auditHash, GENESIS_HASH } from './audit.hash';

export type AuditAction = 'read' | 'list' | 'search' | 'export' | 'create' | 'update' | 'delete' | 'login' | 'login_failed' | 'logout' | string;

/**
 * Records who touched which record. `details` carries ids and counts, never names:
 * the audit log is read by auditors who may not see the child (JJ Act 2015 s.74).
 */
export function audit(
  db: Db,
  actor: Actor | null,
  action: AuditAction,
  entityType: string,
  entityId: string | null,
  place?: Partial<Placement> | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  return appendAudit(db, {
    actorId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    action,
    entityType,
    entityId,
    stateCode: place?.stateCode ?? null,
    districtCode: place?.districtCode ?? null,
    ip: actor?.ip ?? null,
    details,
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
  reason?: string;
}

export async function verifyAuditChain(db: Db, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const rows of auditEventsInOrder(db)) {
    for (const r of rows) {
      if (r.prevHash !== prev) {
        return { ok: false, checked, firstBadSeq: r.seq, reason: 'the entry before it was changed or removed' };
      }
      const expected = auditHash(prev, { ...r, at: new Date(r.at) });
      if (expected !== r.hash) return { ok: false, checked, firstBadSeq: r.seq, reason: 'the entry was changed' };
      prev = r.hash;
      checked++;
    }
    onProgress?.(checked);
  }
  return { ok: true, checked };
}
