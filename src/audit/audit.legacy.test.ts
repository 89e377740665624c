import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';
import { auditHashV1, GENESIS_HASH, type AuditFields } from './audit.hash';
import { verifyAuditChain } from './audit.verify';
import { subjectAccessLog } from './audit.repository';

// A database written before the audit queue (migration 0411): its chain must carry over intact,
// and its list and search entries must show in each child's access log. PGlite only: the
// migration's SQL is the same on PostgreSQL and runs there in every other test's set-up.
const DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const child = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
let d: Database;

async function legacyAppend(e: Omit<AuditFields, 'at' | 'stateCode' | 'districtCode' | 'ip' | 'actorId' | 'actorRole'>, i: number) {
  const full: AuditFields = {
    ...e,
    at: new Date(Date.UTC(2024, 5, 1, 10, i)),
    actorId: null,
    actorRole: 'caseworker',
    stateCode: 27,
    districtCode: 468,
    ip: '10.1.1.1',
  };
  const [last] = await d.query<{ hash: string }>('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  const prev = last?.hash ?? GENESIS_HASH;
  await d.query(
    `INSERT INTO audit_event (at, actor_id, actor_role, action, entity_type, entity_id, state_code, district_code, ip, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      full.at.toISOString(),
      null,
      full.actorRole,
      full.action,
      full.entityType,
      full.entityId,
      27,
      468,
      full.ip,
      JSON.stringify(full.details),
      prev,
      auditHashV1(prev, full),
    ],
  );
}

beforeAll(async () => {
  d = await openDatabase('memory://');
  await d.exec('CREATE TABLE schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const f of readdirSync(DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f) && f < '0411')
    .sort()) {
    await d.exec(readFileSync(DIR + f, 'utf8'));
    await d.query('INSERT INTO schema_migration (name) VALUES ($1)', [f]);
  }
  await legacyAppend({ action: 'read', entityType: 'child', entityId: child(1), details: {} }, 1);
  await legacyAppend({ action: 'search', entityType: 'child', entityId: null, details: { ids: [child(1), child(2)], total: 2 } }, 2);
  await legacyAppend({ action: 'read', entityType: 'case', entityId: child(90), details: { view: 'full' } }, 3);
  await legacyAppend({ action: 'list', entityType: 'family', entityId: null, details: { ids: [child(50)], total: 1 } }, 4);
  await migrate(d);
});
afterAll(() => d.close());

describe('audit log written before the queue', () => {
  it('keeps its chain (version 1 hashes) and new entries chain on after it', async () => {
    const links = await d.query<{ pos: number; hash_version: number }>('SELECT pos, hash_version FROM audit_chain ORDER BY pos');
    expect(links).toEqual([1, 2, 3, 4].map((pos) => ({ pos, hash_version: 1 })));
    expect(await verifyAuditChain(d)).toMatchObject({ ok: true, checked: 4 });
  });

  it('puts past searches and lists in the access log of each child and family they returned', async () => {
    const log = await subjectAccessLog(d.db, 'child', child(1), { limit: 10 });
    expect(log.total).toBe(2);
    expect(log.items.map((i) => i.action)).toEqual(['search', 'read']);
    expect((await subjectAccessLog(d.db, 'child', child(2), { limit: 10 })).total).toBe(1);
    expect((await subjectAccessLog(d.db, 'family', child(50), { limit: 10 })).total).toBe(1);
    expect((await subjectAccessLog(d.db, 'child', child(90), { limit: 10 })).total).toBe(0);
  });

  it('notices a child removed from an old entry', async () => {
    await d.exec('ALTER TABLE audit_subject DISABLE TRIGGER ALL');
    await d.query('DELETE FROM audit_subject WHERE subject_id = $1', [child(2)]);
    await d.exec('ALTER TABLE audit_subject ENABLE TRIGGER ALL');
    expect(await verifyAuditChain(d)).toMatchObject({ ok: false, problem: 'changed', firstBadPos: 2 });
  });
});
