import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEvent } from './audit.schema';
import { auditHash, GENESIS_HASH, type AuditFields } from './audit.hash';

// One global chain: appends are serialised by a transaction-scoped advisory lock so two
// requests can never chain onto the same predecessor.
const CHAIN_LOCK = 727002;

export async function appendAudit(db: Db, fields: Omit<AuditFields, 'at'> & { at?: Date }): Promise<void> {
  const e: AuditFields = { ...fields, at: new Date(Math.floor((fields.at ?? new Date()).getTime())) };
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [last] = await tx.select({ hash: auditEvent.hash }).from(auditEvent).orderBy(desc(auditEvent.seq)).limit(1);
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditEvent).values({ ...e, prevHash, hash: auditHash(prevHash, e) });
  });
}

export async function* auditEventsInOrder(db: Db, batch = 5000) {
  let after = 0;
  for (;;) {
    const rows = await db.select().from(auditEvent).where(gt(auditEvent.seq, after)).orderBy(asc(auditEvent.seq)).limit(batch);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].seq;
  }
}

export function accessLogFor(db: Db, entityType: string, entityId: string, limit = 200) {
  return db
    .select({
      seq: auditEvent.seq,
      at: auditEvent.at,
      actorId: auditEvent.actorId,
      actorRole: auditEvent.actorRole,
      action: auditEvent.action,
      ip: auditEvent.ip,
    })
    .from(auditEvent)
    .where(and(eq(auditEvent.entityType, entityType), eq(auditEvent.entityId, entityId)))
    .orderBy(desc(auditEvent.seq))
    .limit(limit);
}
