import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { runImport } from './import/import.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const [c] = await t.ctx.database.query<{ name: string; name_local: string; sex: string; dob: string; village: string }>(
    "SELECT c.name, c.name_local, c.sex, to_char(c.dob, 'YYYY-MM-DD') AS dob, l.name AS village FROM child c JOIN location l ON l.id = c.village_id WHERE c.district_code = 468 AND c.name_local IS NOT NULL ORDER BY c.name LIMIT 1",
  );
  const file = join(mkdtempSync(join(tmpdir(), 'dup-')), 'd.csv');
  writeFileSync(file, `district,village,head_name,child_name,sex,dob\nAmravati,${c.village},Someone,${c.name_local},${c.sex},${c.dob}\n`);
  const res = await runImport(t.ctx.database, { file, asUser: 'dcpo.amravati' });
  expect(res.duplicates).toBe(1);
});
afterAll(() => t.close());

describe('possible duplicates review', () => {
  it('shows held rows to the district and not to another district; resolves once', async () => {
    const cw = await t.login('caseworker.amravati');
    const list = (await cw.get('/api/v1/possible-duplicates')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0].existing.id).toBeTruthy();
    const akola = await t.login('caseworker.akola');
    expect((await akola.get('/api/v1/possible-duplicates')).json().items).toHaveLength(0);
    expect((await akola.post(`/api/v1/possible-duplicates/${list[0].id}/resolve`, { decision: 'same_child' })).statusCode).toBe(404);
    expect((await cw.post(`/api/v1/possible-duplicates/${list[0].id}/resolve`, { decision: 'maybe' })).statusCode).toBe(400);
    const before = Number((await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM child'))[0].n);
    const ok = await cw.post(`/api/v1/possible-duplicates/${list[0].id}/resolve`, { decision: 'different_child' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().createdChildId).toBeTruthy();
    expect(Number((await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM child'))[0].n)).toBe(before + 1);
    expect((await cw.post(`/api/v1/possible-duplicates/${list[0].id}/resolve`, { decision: 'same_child' })).statusCode).toBe(409);
  });
});
