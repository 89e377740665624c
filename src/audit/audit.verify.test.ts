import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/db';
import type { Database } from '../db/client';
import { audit, verifyAuditChain } from './audit.service';
import type { Actor } from '../access/policy';

let d: Database & { drop: () => Promise<void> };
const actor: Actor = { userId: '00000000-0000-4000-8000-000000000001', username: 'x', displayName: 'X', role: 'caseworker', organisationId: null, organisationKind: null, scope: { level: 'district', stateCode: 27, districtCode: 468 }, ip: '10.0.0.1' };

beforeAll(async () => {
  d = await createTestDatabase();
  for (let i = 0; i < 20; i++) await audit(d.db, actor, i % 2 ? 'read' : 'update', 'child', `c-${i}`, { stateCode: 27, districtCode: 468 }, { fields: ['school'], n: i });
});
afterAll(() => d.drop());

describe('audit chain', () => {
  it('verifies an untouched log', async () => {
    expect(await verifyAuditChain(d.db)).toEqual({ ok: true, checked: 20 });
  });

  it('chains concurrent appends without forks', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => audit(d.db, actor, 'read', 'family', `f-${i}`)));
    expect((await verifyAuditChain(d.db)).ok).toBe(true);
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    await expect(d.query("UPDATE audit_event SET action = 'x' WHERE seq = 3")).rejects.toThrow(/append-only/);
    await expect(d.query('DELETE FROM audit_event WHERE seq = 3')).rejects.toThrow(/append-only/);
  });

  it('detects an edited entry and a deleted entry (by someone who bypassed the trigger)', async () => {
    await d.exec('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    await d.query(`UPDATE audit_event SET entity_id = 'c-999' WHERE seq = 5`);
    const edited = await verifyAuditChain(d.db);
    expect(edited).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'the entry was changed' });
    await d.query(`UPDATE audit_event SET entity_id = 'c-4' WHERE seq = 5`);
    expect((await verifyAuditChain(d.db)).ok).toBe(true);
    await d.query('DELETE FROM audit_event WHERE seq = 8');
    const deleted = await verifyAuditChain(d.db);
    expect(deleted).toMatchObject({ ok: false, firstBadSeq: 9 });
    await d.exec('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
  });
});
