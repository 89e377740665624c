import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootPath } from '../kernel/paths';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { ensureReferenceData } from '../demo/reference';
import { displayName, displayNames } from './display-names';

/** Issue #17: "Chandur Bz" (LGD block), "Chandurbazar" (LGD taluka) and "Chandur Bazar" (seed) are one place. */

/** Official spellings straight from the published files, not through the loader under test. */
function officialNames(): Map<string, string> {
  const read = (f: string) =>
    Papa.parse<string[]>(readFileSync(rootPath('reference', 'lgd', f), 'utf8'), { skipEmptyLines: true }).data.slice(1);
  const m = new Map<string, string>();
  for (const r of read('3-subdistrict.csv')) m.set(`sd:${Number(r[5])}`, r[7].trim());
  for (const r of read('blocks.csv')) m.set(`bl:${Number(r[5])}`, r[7].trim());
  return m;
}

describe('the display-name table', () => {
  it('names only units that exist, with the spelling the LGD files publish', () => {
    const official = officialNames();
    for (const e of displayNames().values()) expect(official.get(e.id), e.id).toBe(e.lgd);
  });

  it('falls back to the official name (title-cased) when LGD renames a unit the table was written for', () => {
    expect(displayName('bl:4303', 'CHANDUR BZ')).toBe('Chandur Bazar');
    expect(displayName('bl:4303', 'CHANDUR BAZAR NEW')).toBe('Chandur Bazar New');
    expect(displayName('sd:4009', 'Amravati')).toBe('Amravati');
  });
});

describe('one name on every screen', () => {
  let t: TestApp;
  let dcpo: Client;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    dcpo = await t.login('dcpo.amravati');
  });
  afterAll(() => t.close());

  it('the block, the taluka and the seeded committee read "Chandur Bazar"; the LGD spelling stays as lgdName', async () => {
    const block = (await dcpo.get('/api/v1/locations/bl:4303')).json();
    const taluka = (await dcpo.get('/api/v1/locations/sd:4005')).json();
    expect(block).toMatchObject({ name: 'Chandur Bazar', lgdName: 'CHANDUR BZ' });
    expect(taluka).toMatchObject({ name: 'Chandur Bazar', lgdName: 'Chandurbazar' });
    const units = await t.ctx.database.query<{ name: string }>("SELECT name FROM organisation WHERE name LIKE '%Chandur%'");
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) expect(u.name).not.toMatch(/Chandurbazar|Chandur Bz/);
  });

  it('a database loaded before the display names is renamed on the next start, without adding states', async () => {
    const db = t.ctx.database;
    const states = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM location WHERE level = 'state'"))[0].n;
    const before = await states();
    await db.query("UPDATE location SET name = 'Chandurbazar', lgd_name = NULL WHERE id = 'sd:4005'");
    expect(await ensureReferenceData(db)).toBeGreaterThan(0);
    expect((await db.query<{ name: string }>("SELECT name FROM location WHERE id = 'sd:4005'"))[0].name).toBe('Chandur Bazar');
    expect(await states()).toBe(before);
    expect(await ensureReferenceData(db)).toBe(0);
  });

  it('Tiwsa, not Teosa, for both the block and the taluka', async () => {
    const list = (await dcpo.get('/api/v1/locations?districtCode=468')).json().items as { id: string; name: string }[];
    const names = new Map(list.map((l) => [l.id, l.name]));
    expect([names.get('bl:4310'), names.get('sd:4008')]).toEqual(['Tiwsa', 'Tiwsa']);
    expect([...names.values()]).not.toContain('Teosa');
  });
});
