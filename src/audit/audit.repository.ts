import { and, count, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Database, Db, RawTx } from '../db/client';
import { auditEvent, auditSubject } from './audit.schema';
import type { AuditFields, SubjectKey, SubjectType } from './audit.hash';
import { preparedSql } from '../db/prepared';

/**
 * Appends one entry in the caller's transaction: the entry, the records it disclosed and a
 * queue row, in one statement. No hash and no lock here: chaining happens after commit
 * (audit.chain.ts), so audited requests no longer wait for each other.
 */
export async function appendAudit(db: Db, e: AuditFields, subjects: readonly { type: SubjectType; id: string }[]): Promise<void> {
  // Built once (src/db/prepared.ts, issue #19): every audited request runs it; the entry's values are placeholders.
  const p = (name: string) => sql.placeholder(name);
  await preparedSql(
    db,
    'audit.append',
    () => sql`
    WITH e AS (
      INSERT INTO audit_event (at, actor_id, actor_role, action, entity_type, entity_id, state_code, district_code, ip, details)
      VALUES (${p('at')}::timestamptz, ${p('actorId')}, ${p('actorRole')}, ${p('action')}, ${p('entityType')}, ${p('entityId')},
              ${p('stateCode')}, ${p('districtCode')}, ${p('ip')}, ${p('details')}::jsonb)
      RETURNING seq
    ), s AS (
      INSERT INTO audit_subject (subject_type, subject_id, event_seq)
      SELECT x.type, x.id::uuid, e.seq FROM e, jsonb_to_recordset(${p('subjects')}::jsonb) AS x(type text, id text)
    )
    INSERT INTO audit_pending (event_seq) SELECT seq FROM e`,
  ).execute({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    stateCode: e.stateCode,
    districtCode: e.districtCode,
    ip: e.ip,
    details: JSON.stringify(e.details),
    subjects: JSON.stringify(subjects),
  });
}

/** The lock that serialises chainers (only them: business transactions never take it). */
export const CHAIN_LOCK = 727002;

export interface EventRow extends AuditFields {
  seq: number;
}

interface RawEventRow {
  seq: number;
  at: Date | string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  state_code: number | null;
  district_code: number | null;
  ip: string | null;
  details: Record<string, unknown> | string;
  subjects: SubjectKey[] | string | null;
}

const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function toEvent(r: RawEventRow): EventRow & { subjects: SubjectKey[] } {
  return {
    seq: Number(r.seq),
    at: new Date(r.at),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    stateCode: r.state_code,
    districtCode: r.district_code,
    ip: r.ip,
    details: parse(r.details),
    subjects: r.subjects ? parse(r.subjects) : [],
  };
}

const EVENT_COLUMNS = `e.seq, e.at, e.actor_id, e.actor_role, e.action, e.entity_type, e.entity_id, e.state_code, e.district_code, e.ip, e.details,
  (SELECT json_agg(s.subject_type || ':' || s.subject_id::text) FROM audit_subject s WHERE s.event_seq = e.seq) AS subjects`;

export async function chainHead(tx: RawTx | Database): Promise<{ pos: number; hash: string } | null> {
  const [h] = await tx.query<{ pos: number; hash: string }>('SELECT pos, hash FROM audit_chain ORDER BY pos DESC LIMIT 1');
  return h ? { pos: Number(h.pos), hash: h.hash } : null;
}

/**
 * Queued entries visible to this transaction (i.e. committed), oldest seq first, with the head
 * of the chain read in the same statement (one round trip under the chain lock).
 */
export async function pendingEvents(tx: RawTx, limit: number) {
  const rows = await tx.query<RawEventRow & { head_pos: number | null; head_hash: string | null }>(
    `SELECT ${EVENT_COLUMNS}, h.pos AS head_pos, h.hash AS head_hash
       FROM audit_pending p JOIN audit_event e ON e.seq = p.event_seq
       LEFT JOIN (SELECT pos, hash FROM audit_chain ORDER BY pos DESC LIMIT 1) h ON true
      ORDER BY p.event_seq LIMIT $1`,
    [limit],
  );
  const head = rows[0]?.head_pos != null ? { pos: Number(rows[0].head_pos), hash: rows[0].head_hash! } : null;
  return { events: rows.map(toEvent), head };
}

export async function insertChainLinks(tx: RawTx, links: { pos: number; eventSeq: number; prevHash: string; hash: string }[]) {
  if (!links.length) return;
  // The links and the queue rows they replace, in one statement.
  await tx.query(
    `WITH c AS (
       INSERT INTO audit_chain (pos, event_seq, hash_version, prev_hash, hash)
       SELECT x.pos, x.seq, 2, x.prev, x.hash FROM jsonb_to_recordset($1::jsonb) AS x(pos bigint, seq bigint, prev text, hash text)
       RETURNING event_seq)
     DELETE FROM audit_pending WHERE event_seq IN (SELECT event_seq FROM c)`,
    [JSON.stringify(links.map((l) => ({ pos: l.pos, seq: l.eventSeq, prev: l.prevHash, hash: l.hash })))],
  );
}

export interface ChainRow {
  pos: number;
  eventSeq: number;
  hashVersion: number;
  prevHash: string;
  hash: string;
  /** null when the entry the link points at is gone. */
  event: (EventRow & { subjects: SubjectKey[] }) | null;
}

/** The chain in position order with each link's entry and subjects, in batches. */
export async function* chainInOrder(database: Database, batch = 2000): AsyncGenerator<ChainRow[]> {
  let after = 0;
  for (;;) {
    const rows = await database.query<
      RawEventRow & { pos: number; event_seq: number; hash_version: number; prev_hash: string; hash: string; present: boolean }
    >(
      `SELECT c.pos, c.event_seq, c.hash_version, c.prev_hash, c.hash, e.seq IS NOT NULL AS present, ${EVENT_COLUMNS}
         FROM audit_chain c LEFT JOIN audit_event e ON e.seq = c.event_seq
        WHERE c.pos > $1 ORDER BY c.pos LIMIT $2`,
      [after, batch],
    );
    if (!rows.length) return;
    yield rows.map((r) => ({
      pos: Number(r.pos),
      eventSeq: Number(r.event_seq),
      hashVersion: Number(r.hash_version),
      prevHash: r.prev_hash,
      hash: r.hash,
      event: r.present ? toEvent(r) : null,
    }));
    after = Number(rows[rows.length - 1].pos);
  }
}

/** Entries outside the chain: still queued (committed after the last chaining) or neither. */
export async function unchainedCounts(database: Database) {
  const [r] = await database.query<{ queued: number; orphaned: number; first_orphan: number | null }>(
    `SELECT count(*) FILTER (WHERE p.event_seq IS NOT NULL)::int AS queued,
            count(*) FILTER (WHERE p.event_seq IS NULL)::int AS orphaned,
            min(e.seq) FILTER (WHERE p.event_seq IS NULL) AS first_orphan
       FROM audit_event e LEFT JOIN audit_pending p ON p.event_seq = e.seq
      WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_seq = e.seq)`,
  );
  return { queued: Number(r.queued), orphaned: Number(r.orphaned), firstOrphan: r.first_orphan === null ? null : Number(r.first_orphan) };
}

const logColumns = {
  seq: auditEvent.seq,
  at: auditEvent.at,
  actorId: auditEvent.actorId,
  actorRole: auditEvent.actorRole,
  action: auditEvent.action,
  ip: auditEvent.ip,
};

/** Entries about one record as the entity (cases). */
export function accessLogFor(db: Db, entityType: string, entityId: string, limit = 200) {
  return db
    .select(logColumns)
    .from(auditEvent)
    .where(and(eq(auditEvent.entityType, entityType), eq(auditEvent.entityId, entityId)))
    .orderBy(desc(auditEvent.seq))
    .limit(limit);
}

/**
 * Every entry that disclosed one child or family (its own reads and writes, and each list,
 * search, export, case or meeting page that returned it), newest first, a page at a time:
 * `before` is the last `seq` of the previous page.
 */
export async function subjectAccessLog(db: Db, type: SubjectType, id: string, page: { limit: number; before?: number }) {
  const about = and(eq(auditSubject.subjectType, type), eq(auditSubject.subjectId, id));
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ ...logColumns, entityType: auditEvent.entityType, entityId: auditEvent.entityId })
      .from(auditSubject)
      .innerJoin(auditEvent, eq(auditEvent.seq, auditSubject.eventSeq))
      .where(page.before ? and(about, lt(auditSubject.eventSeq, page.before)) : about)
      .orderBy(desc(auditSubject.eventSeq))
      .limit(page.limit),
    db.select({ total: count() }).from(auditSubject).where(about),
  ]);
  return { items, total: Number(total) };
}

/**
 * The audit log itself, newest first, a page at a time (`before`: the last `seq` of the previous
 * page), inside `where` (the reader's jurisdiction on the entry's state/district) and filters.
 * Ids, roles and counts only: an entry never holds a name (see audit.service.ts).
 */
export async function listAuditEvents(db: Db, where: SQL, page: { limit: number; before?: number }) {
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ ...logColumns, entityType: auditEvent.entityType, entityId: auditEvent.entityId, districtCode: auditEvent.districtCode })
      .from(auditEvent)
      .where(page.before ? and(where, lt(auditEvent.seq, page.before)) : where)
      .orderBy(desc(auditEvent.seq))
      .limit(page.limit),
    db.select({ total: count() }).from(auditEvent).where(where),
  ]);
  return { items, total: Number(total) };
}
