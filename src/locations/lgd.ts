import { pathToFileURL } from 'node:url';
import { rootPath } from '../kernel/paths';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Database } from '../db/client';
import { displayName } from './display-names';

const LGD_DIR = pathToFileURL(rootPath('reference', 'lgd') + '/');

export interface LgdRow {
  id: string;
  level: 'state' | 'district' | 'subdistrict' | 'block';
  lgd_code: number;
  /** The name shown everywhere (display-names.ts). */
  name: string;
  /** The official spelling as the LGD files publish it, for exports that must match LGD. */
  lgd_name: string;
  parent_id: string | null;
  state_code: number;
  district_code: number | null;
  subdistrict_code: number | null;
  block_code: number | null;
}

function read(file: string): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(new URL(file, LGD_DIR), 'utf8'), { skipEmptyLines: true });
  return parsed.data.slice(1).map((r) => r.map((c) => c.trim()));
}

let stateNames: Map<number, string> | null = null;
/** Every state's and union territory's display name by LGD code (the state file only; read once). */
export function lgdStateNames(): Map<number, string> {
  stateNames ??= new Map(read('1-state.csv').map((r) => [Number(r[1]), displayName(`st:${Number(r[1])}`, r[3])]));
  return stateNames;
}

/**
 * Official LGD units (Ministry of Panchayati Raj, Government Open Data Licence – India).
 * `states` narrows the load (tests load one or two states to stay fast).
 */
export function lgdRows(states?: number[]): LgdRow[] {
  const keep = (s: number) => !states || states.includes(s);
  const rows: LgdRow[] = [];
  for (const r of read('1-state.csv')) {
    const code = Number(r[1]);
    if (keep(code))
      rows.push({
        id: `st:${code}`,
        level: 'state',
        lgd_code: code,
        name: displayName(`st:${code}`, r[3]),
        lgd_name: r[3],
        parent_id: null,
        state_code: code,
        district_code: null,
        subdistrict_code: null,
        block_code: null,
      });
  }
  for (const r of read('2-district.csv')) {
    const st = Number(r[0]);
    const code = Number(r[2]);
    if (keep(st))
      rows.push({
        id: `di:${code}`,
        level: 'district',
        lgd_code: code,
        name: displayName(`di:${code}`, r[3]),
        lgd_name: r[3],
        parent_id: `st:${st}`,
        state_code: st,
        district_code: code,
        subdistrict_code: null,
        block_code: null,
      });
  }
  for (const r of read('3-subdistrict.csv')) {
    const st = Number(r[1]);
    const di = Number(r[3]);
    const code = Number(r[5]);
    if (keep(st))
      rows.push({
        id: `sd:${code}`,
        level: 'subdistrict',
        lgd_code: code,
        name: displayName(`sd:${code}`, r[7]),
        lgd_name: r[7],
        parent_id: `di:${di}`,
        state_code: st,
        district_code: di,
        subdistrict_code: code,
        block_code: null,
      });
  }
  for (const r of read('blocks.csv')) {
    const st = Number(r[1]);
    const di = Number(r[3]);
    const code = Number(r[5]);
    if (keep(st))
      rows.push({
        id: `bl:${code}`,
        level: 'block',
        lgd_code: code,
        name: displayName(`bl:${code}`, r[7]),
        lgd_name: r[7],
        parent_id: `di:${di}`,
        state_code: st,
        district_code: di,
        subdistrict_code: null,
        block_code: code,
      });
  }
  // The published files repeat a few units (renamed versions); the last row wins.
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** Idempotent: re-running updates names and adds new units, never duplicates. */
export async function loadLgd(database: Database, states?: number[], onProgress?: (done: number, total: number) => void): Promise<number> {
  const rows = lgdRows(states);
  const cols = [
    'id',
    'level',
    'lgd_code',
    'name',
    'lgd_name',
    'parent_id',
    'state_code',
    'district_code',
    'subdistrict_code',
    'block_code',
  ] as const;
  const CHUNK = 1000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const values = chunk.map((r) => `(${cols.map((c) => `$${params.push(r[c])}`).join(',')})`);
    await database.query(
      `INSERT INTO location (${cols.join(',')}) VALUES ${values.join(',')}
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, lgd_name = EXCLUDED.lgd_name, parent_id = EXCLUDED.parent_id`,
      params,
    );
    onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
  }
  return rows.length;
}
