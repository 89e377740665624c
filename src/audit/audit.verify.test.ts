import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../tests/support/db';
import type { ScratchDatabase } from '../db/scratch';
import { audit, verifyAuditChain } from './audit.service';
import { chainPending } from './audit.chain';
import { createCheckpoint, exportCheckpoints, readCheckpointFile } from './audit.checkpoint';
import { auditHashV2, GENESIS_HASH } from './audit.hash';
import type { Actor } from '../access/policy';

let d: ScratchDatabase;
const actor: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'x',
  displayName: 'X',
  role: 'caseworker',
  organisationId: null,
  organisationKind: null,
  scope: { level: 'district', stateCode: 27, districtCode: 468 },
  ip: '10.0.0.1',
};
const KEY = Buffer.from('test-audit-key-'.repeat(3));
const child = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const at = new Date('2025-01-10T06:00:00Z');

/** What someone with database rights can do: switch the append-only triggers off for a while. */
async function asSuperuser(fn: () => Promise<unknown>) {
  const tables = ['audit_event', 'audit_chain', 'audit_subject', 'audit_checkpoint'];
  for (const t of tables) await d.exec(`ALTER TABLE ${t} DISABLE TRIGGER ALL`);
  try {
    await fn();
  } finally {
    for (const t of tables) await d.exec(`ALTER TABLE ${t} ENABLE TRIGGER ALL`);
  }
}

async function freshLog(n: number) {
  await asSuperuser(async () => {
    await d.exec(
      'DELETE FROM audit_checkpoint; DELETE FROM audit_chain; DELETE FROM audit_pending; DELETE FROM audit_subject; DELETE FROM audit_event',
    );
  });
  for (let i = 0; i < n; i++) {
    await audit(
      d.db,
      actor,
      i % 2 ? 'read' : 'search',
      'child',
      i % 2 ? child(i) : null,
      { stateCode: 27, districtCode: 468 },
      { fields: ['school'], n: i },
      { children: [child(i), child(i + 1)] },
    );
  }
  await chainPending(d);
}

const chain = () => d.query<{ pos: number; event_seq: number; hash: string }>('SELECT pos, event_seq, hash FROM audit_chain ORDER BY pos');

beforeAll(async () => {
  d = await createTestDatabase();
});
afterAll(() => d.drop());

describe('audit chain', () => {
  it('an entry is queued in the transaction and chained afterwards, exactly once', async () => {
    await freshLog(0);
    await audit(d.db, actor, 'read', 'child', child(1));
    expect(await d.query('SELECT 1 FROM audit_pending')).toHaveLength(1);
    expect(await chain()).toHaveLength(0);
    expect(await chainPending(d)).toBe(1);
    expect(await chainPending(d)).toBe(0);
    expect(await chain()).toHaveLength(1);
    expect(await d.query('SELECT 1 FROM audit_pending')).toHaveLength(0);
  });

  it('verifies an untouched log and reports committed, unchained entries as pending', async () => {
    await freshLog(20);
    expect(await verifyAuditChain(d)).toMatchObject({ ok: true, checked: 20, pending: 0 });
    await audit(d.db, actor, 'read', 'child', child(3));
    expect(await verifyAuditChain(d, { chainFirst: false })).toMatchObject({ ok: true, checked: 20, pending: 1 });
    expect(await verifyAuditChain(d)).toMatchObject({ ok: true, checked: 21, pending: 0 });
  });

  it('chains entries of concurrent transactions, whatever order they commit in, once each', async () => {
    await freshLog(0);
    // Transactions that write their entry, then wait, commit in reverse order of their seq.
    const release: (() => void)[] = [];
    const txs = Array.from({ length: 6 }, (_, i) =>
      d.db.transaction(async (tx) => {
        await audit(tx, actor, 'update', 'child', child(i));
        await new Promise<void>((r) => release.push(r));
      }),
    );
    const chainers: Promise<number>[] = [];
    while (release.length < (d.kind === 'postgres' ? 6 : 1)) await new Promise((r) => setTimeout(r, 5));
    if (d.kind === 'postgres') {
      for (let i = 5; i >= 0; i--) {
        release[i]();
        await new Promise((r) => setTimeout(r, 20));
        chainers.push(chainPending(d));
      }
    } else {
      // PGlite has one connection: transactions run one at a time anyway.
      for (let i = 0; i < 6; i++) {
        while (release.length <= i) await new Promise((r) => setTimeout(r, 5));
        release[i]();
        chainers.push(chainPending(d));
      }
    }
    await Promise.all(txs);
    await Promise.all(chainers);
    await chainPending(d);
    const links = await chain();
    expect(links.map((l) => l.pos)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(links.map((l) => l.event_seq)).size).toBe(6);
    expect(await verifyAuditChain(d)).toMatchObject({ ok: true, checked: 6 });
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'an open transaction holding an entry does not block another request’s audit (PostgreSQL)',
    async () => {
      await freshLog(0);
      let release!: () => void;
      let written!: () => void;
      const wrote = new Promise<void>((r) => (written = r));
      const long = d.db.transaction(async (tx) => {
        await audit(tx, actor, 'update', 'child', child(1));
        written();
        await new Promise<void>((r) => (release = r));
      });
      await wrote;
      // With the old global lock this second append waited for the first transaction to end.
      await audit(d.db, actor, 'read', 'child', child(2));
      expect(await chainPending(d)).toBe(1);
      release();
      await long;
      expect(await chainPending(d)).toBe(1);
      expect(await verifyAuditChain(d)).toMatchObject({ ok: true, checked: 2 });
    },
  );

  it('refuses UPDATE, DELETE and TRUNCATE on the log, its chain and its subjects', async () => {
    await freshLog(4);
    await expect(d.query("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(d.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(d.query("UPDATE audit_chain SET hash = 'x'")).rejects.toThrow(/append-only/);
    await expect(d.query('DELETE FROM audit_chain')).rejects.toThrow(/append-only/);
    await expect(d.query('DELETE FROM audit_subject')).rejects.toThrow(/append-only/);
    await expect(d.query('TRUNCATE audit_subject CASCADE')).rejects.toThrow(/append-only/);
  });

  it('detects an edited entry, a removed entry and a child removed from an entry (trigger bypassed)', async () => {
    await freshLog(10);
    const links = await chain();
    const fifth = links[4].event_seq;
    await asSuperuser(() => d.query(`UPDATE audit_event SET entity_id = $1 WHERE seq = $2`, [child(999), fifth]));
    expect(await verifyAuditChain(d)).toMatchObject({ ok: false, problem: 'changed', firstBadSeq: fifth, firstBadPos: 5 });
    await asSuperuser(() => d.query(`UPDATE audit_event SET entity_id = NULL WHERE seq = $1`, [fifth]));
    expect((await verifyAuditChain(d)).ok).toBe(true);

    await asSuperuser(() => d.query('DELETE FROM audit_subject WHERE event_seq = $1 AND subject_id = $2', [links[2].event_seq, child(3)]));
    expect(await verifyAuditChain(d)).toMatchObject({ ok: false, problem: 'changed', firstBadPos: 3 });

    await freshLog(10);
    const again = await chain();
    await asSuperuser(async () => {
      await d.query('DELETE FROM audit_chain WHERE pos = 8');
      await d.query('DELETE FROM audit_subject WHERE event_seq = $1', [again[7].event_seq]);
      await d.query('DELETE FROM audit_event WHERE seq = $1', [again[7].event_seq]);
    });
    expect(await verifyAuditChain(d)).toMatchObject({ ok: false, problem: 'removed', firstBadPos: 9 });
  });

  it('notices entries slipped in beside the chain', async () => {
    await freshLog(3);
    await d.query(`INSERT INTO audit_event (at, action, entity_type, details) VALUES (now(), 'read', 'child', '{}')`);
    expect(await verifyAuditChain(d)).toMatchObject({ ok: false, problem: 'outside_chain' });
  });
});

describe('audit checkpoints', () => {
  it('a deleted tail is reported as truncation', async () => {
    await freshLog(12);
    await createCheckpoint(d, KEY, at);
    expect(await verifyAuditChain(d, { key: KEY })).toMatchObject({
      ok: true,
      checked: 12,
      checkpoint: { pos: 12 },
      signatures: 'checked',
    });
    const links = await chain();
    const tail = links.slice(9).map((l) => l.event_seq);
    await asSuperuser(async () => {
      await d.query('DELETE FROM audit_chain WHERE pos > 9');
      for (const s of tail) {
        await d.query('DELETE FROM audit_subject WHERE event_seq = $1', [s]);
        await d.query('DELETE FROM audit_event WHERE seq = $1', [s]);
      }
    });
    const res = await verifyAuditChain(d, { key: KEY });
    expect(res).toMatchObject({ ok: false, problem: 'truncated', checked: 9 });
    expect(res.reason).toMatch(/truncation/);
    // Without the checkpoint the shortened chain is consistent: that is what the anchor is for.
    await asSuperuser(() => d.query('DELETE FROM audit_checkpoint'));
    expect((await verifyAuditChain(d, { key: KEY })).ok).toBe(true);
  });

  it('a chain re-hashed consistently after an edit fails against the checkpoint, and a re-signed checkpoint fails its signature', async () => {
    await freshLog(8);
    const dir = mkdtempSync(join(tmpdir(), 'samanvay-audit-'));
    const file = join(dir, 'checkpoints.jsonl');
    await createCheckpoint(d, KEY, at, { file });
    expect(readCheckpointFile(file)).toHaveLength(1);
    // The attacker edits entry 3 and recomputes every hash from there (the formula is public).
    const links = await chain();
    await asSuperuser(async () => {
      await d.query(`UPDATE audit_event SET details = '{"n": 999}' WHERE seq = $1`, [links[2].event_seq]);
      const rows = await d.query<Record<string, never>>(
        `SELECT c.pos, c.event_seq, e.*, (SELECT json_agg(s.subject_type || ':' || s.subject_id) FROM audit_subject s WHERE s.event_seq = e.seq) AS subjects
           FROM audit_chain c JOIN audit_event e ON e.seq = c.event_seq ORDER BY c.pos`,
      );
      let prev = GENESIS_HASH;
      for (const r of rows as Record<string, unknown>[]) {
        const e = {
          at: new Date(r.at as string),
          actorId: r.actor_id as string,
          actorRole: r.actor_role as string,
          action: r.action as string,
          entityType: r.entity_type as string,
          entityId: r.entity_id as string | null,
          stateCode: r.state_code as number,
          districtCode: r.district_code as number,
          ip: r.ip as string,
          details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
        };
        const hash = auditHashV2(prev, Number(r.pos), Number(r.event_seq), e, (r.subjects as string[]) ?? []);
        await d.query('UPDATE audit_chain SET prev_hash = $1, hash = $2 WHERE pos = $3', [prev, hash, r.pos]);
        prev = hash;
      }
    });
    const res = await verifyAuditChain(d, { key: KEY });
    expect(res).toMatchObject({ ok: false, problem: 'rehashed', firstBadPos: 8 });

    // Rewriting the checkpoint too needs the key: one made with another key fails its signature.
    const [head] = await d.query<{ hash: string }>('SELECT hash FROM audit_chain WHERE pos = 8');
    const forgedMac = createHash('sha256').update('no key').digest('hex');
    await asSuperuser(() => d.query('UPDATE audit_checkpoint SET head_hash = $1, mac = $2', [head.hash, forgedMac]));
    expect(await verifyAuditChain(d, { key: KEY })).toMatchObject({ ok: false, problem: 'forged_checkpoint' });

    // Deleting the checkpoints from the database: the exported copy still tells.
    await asSuperuser(() => d.query('DELETE FROM audit_checkpoint'));
    expect((await verifyAuditChain(d, { key: KEY })).ok).toBe(true);
    expect(await verifyAuditChain(d, { key: KEY, fileCheckpoints: readCheckpointFile(file) })).toMatchObject({
      ok: false,
      problem: 'rehashed',
    });
    // Even without the key, the chain is compared with the exported checkpoint.
    expect(await verifyAuditChain(d, { fileCheckpoints: readCheckpointFile(file) })).toMatchObject({
      ok: false,
      problem: 'rehashed',
      signatures: 'no_key',
    });
  });

  it('checkpoints only when the head moved; exports them all; notices a checkpoint deleted from the database', async () => {
    await freshLog(3);
    const first = await createCheckpoint(d, KEY, at);
    expect(first).toMatchObject({ pos: 3 });
    expect(await createCheckpoint(d, KEY, at)).toBeNull();
    await audit(d.db, actor, 'read', 'child', child(4));
    expect(await createCheckpoint(d, KEY, new Date(at.getTime() + 60_000))).toMatchObject({ pos: 4 });
    const file = join(mkdtempSync(join(tmpdir(), 'samanvay-audit-')), 'export.jsonl');
    expect(await exportCheckpoints(d, file)).toBe(2);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(await verifyAuditChain(d, { key: KEY, fileCheckpoints: readCheckpointFile(file) })).toMatchObject({
      ok: true,
      checkpoint: { pos: 4 },
    });
    await asSuperuser(() => d.query('DELETE FROM audit_checkpoint WHERE pos = 4'));
    expect(await verifyAuditChain(d, { key: KEY, fileCheckpoints: readCheckpointFile(file) })).toMatchObject({
      ok: false,
      problem: 'checkpoint_removed',
    });
  });
});
