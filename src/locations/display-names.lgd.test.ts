import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rootPath } from '../kernel/paths';
import { VILLAGES } from '../demo/names';
import { displayNames } from './display-names';
import { lgdRows } from './lgd';

/**
 * Issue #17 ("one block with three names"): every state, district, sub-district and block is
 * shown under its official LGD name (ALL-CAPS file spellings title-cased), or under a display
 * name listed in reference/place-names/display-names.json with the official spelling it
 * replaces and its source. reference/lgd is the Local Government Directory as published
 * (byte-identical to the project's shared copy); it is read here directly, not through the
 * loader under test. Villages are not LGD units in these files and are checked for their place.
 */
function official(): Map<string, string> {
  const read = (f: string) =>
    Papa.parse<string[]>(readFileSync(rootPath('reference', 'lgd', f), 'utf8'), { skipEmptyLines: true }).data.slice(1);
  const m = new Map<string, string>();
  for (const r of read('1-state.csv')) m.set(`st:${Number(r[1])}`, r[3].trim());
  for (const r of read('2-district.csv')) m.set(`di:${Number(r[2])}`, r[3].trim());
  for (const r of read('3-subdistrict.csv')) m.set(`sd:${Number(r[5])}`, r[7].trim());
  for (const r of read('blocks.csv')) m.set(`bl:${Number(r[5])}`, r[7].trim());
  return m;
}
const OFFICIAL = official();
const rows = lgdRows();
const byId = new Map(rows.map((r) => [r.id, r]));
const same = (a: string, b: string) => a.toLocaleLowerCase('en') === b.toLocaleLowerCase('en');

describe('every display name is the LGD name or a documented override', () => {
  it('keeps the official spelling as lgd_name for every unit', () => {
    expect(rows.length).toBeGreaterThan(14_000);
    for (const r of rows) expect(r.lgd_name, r.id).toBe(OFFICIAL.get(r.id));
  });

  it('shows the official name (up to letter case) unless the table lists the unit with a source', () => {
    const table = displayNames();
    const overridden: string[] = [];
    for (const r of rows) {
      if (same(r.name, r.lgd_name)) continue;
      const entry = table.get(r.id);
      expect(entry, `${r.id} "${r.name}" differs from LGD "${r.lgd_name}" without an entry`).toBeDefined();
      expect(entry!.lgd).toBe(r.lgd_name);
      expect(entry!.display).toBe(r.name);
      expect(entry!.source.length).toBeGreaterThan(10);
      overridden.push(r.id);
    }
    // Every listed override is in use: none is stale.
    expect(overridden.sort()).toEqual([...table.keys()].sort());
  });

  it('an override citing another LGD unit spells the name as that unit does (hyphens aside)', () => {
    const norm = (s: string) => s.replace(/-/g, ' ').toLocaleLowerCase('en');
    for (const e of displayNames().values()) {
      const cited = [...e.source.matchAll(/LGD (sub-district|block) (\d+)/g)].map((m) => `${m[1] === 'block' ? 'bl' : 'sd'}:${m[2]}`);
      for (const id of cited) expect(norm(OFFICIAL.get(id)!), `${e.id} cites ${id}`).toBe(norm(e.display));
    }
  });

  it('in the demo districts (Amravati 468, Akola 467) each block and its taluka read the same', () => {
    for (const district of [467, 468]) {
      const names = (level: string) =>
        rows
          .filter((r) => r.level === level && r.district_code === district)
          .map((r) => r.name)
          .sort();
      expect(names('block'), `district ${district}`).toEqual(names('subdistrict'));
    }
  });

  it('each demo village sits in a block and a taluka of its district that share one name', () => {
    for (const v of VILLAGES) {
      const sd = byId.get(`sd:${v.sd}`)!;
      const bl = byId.get(`bl:${v.bl}`)!;
      expect([sd.district_code, bl.district_code], v.name).toEqual([v.district, v.district]);
      expect(bl.name, v.name).toBe(sd.name);
    }
    expect(new Set(VILLAGES.map((v) => v.name)).size).toBe(VILLAGES.length);
  });
});
