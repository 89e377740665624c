import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/db';
import { seedDemo } from '../demo/seed';
import type { Database } from '../db/client';
import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import { emptyPerson } from '../linkage/record';
import { findLikelyDuplicates } from '../registry/duplicates.finder';
import { startMissingJobs } from './missing.jobs';
import { setRecordKeys } from './missing.repository';
import { matchingModel, matchPendingRecords, rekeyStaleRecords } from './matching.service';

/** The registry de-duplication hook and the background sweep that finishes interrupted matching. */
let database: Database & { drop: () => Promise<void> };
let ctx: AppContext;

const actor = (districtCode: number): Actor => ({
  userId: '00000000-0000-4000-8000-000000000001',
  username: 't',
  displayName: 'Test',
  role: 'dcpu_officer',
  organisationId: null,
  organisationKind: null,
  scope: { level: 'district', stateCode: 27, districtCode },
});

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  await seedDemo(database);
  ctx = {
    database,
    db: database.db,
    now: () => new Date(),
    config: { filesDir: '/tmp/samanvay-missing-hooks', webDir: null, secureCookies: false },
  };
});
afterAll(() => database.drop());

describe('findLikelyDuplicates (registry hook)', () => {
  it('finds a registry child written in another script and spelling, with the explanation', async () => {
    const [kid] = await database.query<{ id: string; name: string; name_local: string | null; sex: string; dob: string; father: string }>(`
      SELECT c.id, c.name, c.name_local, c.sex, c.dob::text AS dob, m.name AS father FROM child c
      JOIN family_member m ON m.family_id = c.family_id AND m.relationship = 'father'
      WHERE c.district_code = 468 AND c.name_local IS NOT NULL AND c.name ~ '^[A-Za-z ]+$' ORDER BY c.name LIMIT 1`);
    const p = emptyPerson('import-row-7');
    p.name = kid.name_local!; // the other script
    p.sex = kid.sex === 'female' ? 'f' : 'm';
    p.age = Math.floor((Date.now() - Date.parse(kid.dob)) / (365.25 * 86_400_000));
    p.father_name = kid.father.split(' ')[0];
    p.district = 'Amravati';
    p.state = 'Maharashtra';
    const found = await findLikelyDuplicates(database.db, actor(468), p);
    expect(found[0]).toMatchObject({ childId: kid.id });
    expect(found[0].probability).toBeGreaterThanOrEqual(0.5);
    expect(found[0].explanation).toMatch(/name: /);
    // Outside the jurisdiction nothing is found (and nothing is revealed).
    expect(await findLikelyDuplicates(database.db, actor(467), p)).toEqual([]);
  });

  it('a different child is not a likely duplicate', async () => {
    const p = emptyPerson('import-row-8');
    Object.assign(p, { name: 'Xavier Fernandes', sex: 'm', age: 9, district: 'Amravati', state: 'Maharashtra' });
    expect(await findLikelyDuplicates(database.db, actor(468), p)).toEqual([]);
  });
});

describe('the matching sweep', () => {
  it('matches records a crash left pending, idempotently', async () => {
    const [open] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM missing_record WHERE status = 'open'`);
    await database.query(`UPDATE missing_record SET match_state = 'pending' WHERE status = 'open'`);
    const before = await database.query(`SELECT missing_id, found_id, status FROM missing_match ORDER BY 1, 2`);
    const jobs = await startMissingJobs(ctx, { cron: null, supervise: false, pollingIntervalSeconds: 0.5 });
    try {
      expect(await jobs.runNow()).toBe(open.n);
    } finally {
      await jobs.stop();
    }
    expect(await database.query(`SELECT missing_id, found_id, status FROM missing_match ORDER BY 1, 2`)).toEqual(before);
    expect(await database.query(`SELECT count(*)::int AS n FROM missing_record WHERE match_state = 'pending'`)).toEqual([{ n: 0 }]);
    expect(await matchPendingRecords(ctx)).toBe(0);
  });

  it('re-keys records keyed under another model version and matches them again', async () => {
    const [r] = await database.query<{ id: string; block_keys: string[] }>(
      `SELECT id, block_keys FROM missing_record WHERE status = 'open' AND cardinality(block_keys) > 0 ORDER BY created_at LIMIT 1`,
    );
    const matchesBefore = await database.query(`SELECT missing_id, found_id, status FROM missing_match ORDER BY 1, 2`);
    await database.query(
      `UPDATE missing_record SET block_keys = '{}', block_keys_model = 'indian-children.v0', match_state = 'done' WHERE id = $1`,
      [r.id],
    );
    expect(await rekeyStaleRecords(ctx)).toBe(1);
    const [after] = await database.query<{ block_keys: string[]; block_keys_model: string; match_state: string }>(
      `SELECT block_keys, block_keys_model, match_state FROM missing_record WHERE id = $1`,
      [r.id],
    );
    expect([...after.block_keys].sort()).toEqual([...r.block_keys].sort());
    expect(after.block_keys_model).toBe(matchingModel().version);
    expect(after.match_state).toBe('pending');
    expect(await rekeyStaleRecords(ctx)).toBe(0);
    // Keys computed from a read that an edit has since overtaken are not written.
    await database.query(`UPDATE missing_record SET block_keys_model = 'indian-children.v0' WHERE id = $1`, [r.id]);
    const [cur] = await database.query<{ version: number }>(`SELECT version FROM missing_record WHERE id = $1`, [r.id]);
    expect(await setRecordKeys(database.db, { id: r.id, version: cur.version - 1 }, ['stale-key'], matchingModel().version)).toBe(false);
    expect(
      (await database.query<{ block_keys: string[] }>(`SELECT block_keys FROM missing_record WHERE id = $1`, [r.id]))[0].block_keys,
    ).not.toContain('stale-key');
    expect(await rekeyStaleRecords(ctx)).toBe(1);
    await matchPendingRecords(ctx);
    expect(await database.query(`SELECT missing_id, found_id, status FROM missing_match ORDER BY 1, 2`)).toEqual(matchesBefore);
  });

  it('the per-key counts follow the open records (kept by triggers)', async () => {
    const [a] = await database.query<{ n: number }>(`SELECT n FROM missing_block_key WHERE kind = 'found' AND key = '*'`);
    const [b] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM missing_record WHERE kind = 'found' AND status = 'open'`,
    );
    expect(a.n).toBe(b.n);
    const drift = await database.query(`
      SELECT k.kind, k.key FROM missing_block_key k
      WHERE k.key <> '*' AND k.n <> (SELECT count(*) FROM missing_record r WHERE r.kind = k.kind AND r.status = 'open' AND k.key = ANY(r.block_keys))`);
    expect(drift).toEqual([]);
  });
});
